package store

import (
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"
)

// WriteBackup writes a consistent copy of the whole database to w while the
// store stays open and usable.
func (s *Store) WriteBackup(w io.Writer) error {
	return s.db.View(func(tx *bolt.Tx) error {
		if _, err := tx.WriteTo(w); err != nil {
			return fmt.Errorf("sao lưu dữ liệu: %w", err)
		}
		return nil
	})
}

// Backup writes a copy of the database to path, atomically.
func (s *Store) Backup(path string) error {
	return WriteFileAtomic(path, s.WriteBackup)
}
