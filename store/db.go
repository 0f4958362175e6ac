package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Bucket names. Child records (areas, tasks, targets) are keyed by their
// plan's id followed by their own, both big-endian, so a plan's records sit
// together in key order and a prefix scan lists them.
var (
	bucketMeta    = []byte("meta")
	bucketPlans   = []byte("plans")
	bucketAreas   = []byte("areas")
	bucketTasks   = []byte("tasks")
	bucketTargets = []byte("targets")
	// Updates and evidence are keyed by plan, task and their own id.
	bucketUpdates  = []byte("updates")
	bucketEvidence = []byte("evidence")
	// Actuals are keyed by plan, target and period key; figures by plan and
	// period key; reports and their frozen tables by plan and report id.
	bucketActuals      = []byte("actuals")
	bucketFigures      = []byte("figures")
	bucketReports      = []byte("reports")
	bucketReportTables = []byte("reportTables")
	allBuckets         = [][]byte{bucketMeta, bucketPlans, bucketAreas, bucketTasks, bucketTargets, bucketUpdates, bucketEvidence,
		bucketActuals, bucketFigures, bucketReports, bucketReportTables}
)

var (
	keySchema   = []byte("schema")
	keySettings = []byte("settings")
)

// openTimeout is how long Open waits for another process to let go of the file.
const openTimeout = time.Second

// Store is an open database. It is safe for use by several goroutines.
type Store struct {
	db   *bolt.DB
	path string
	// now is the clock updates are stamped with; nil means time.Now.
	now func() time.Time
}

// Open opens or creates the database at path, creating its folder, and brings
// its schema up to date. A file held by another process gives ErrLocked after
// one second; a file from a newer version of the app gives ErrNewerSchema.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("tạo thư mục dữ liệu %s: %w", dir, err)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: openTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("mở %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("mở tệp dữ liệu %s: %w", path, err)
	}
	st := &Store{db: db, path: path}
	if err := st.prepare(); err != nil {
		db.Close()
		return nil, fmt.Errorf("mở tệp dữ liệu %s: %w", path, err)
	}
	return st, nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database file.
func (s *Store) Close() error { return s.db.Close() }

// prepare refuses a newer schema without writing to it, then creates all
// buckets and migrates an older schema in one transaction.
func (s *Store) prepare() error {
	var found int
	if err := s.db.View(func(tx *bolt.Tx) error {
		found = storedSchema(tx)
		return nil
	}); err != nil {
		return err
	}
	if found > SchemaVersion {
		return fmt.Errorf("%w (phiên bản dữ liệu %d, chương trình đọc được đến %d)", ErrNewerSchema, found, SchemaVersion)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return migrate(tx, found)
	})
}

// Check runs bbolt's consistency check over the whole file.
func (s *Store) Check() error {
	return s.db.View(func(tx *bolt.Tx) error {
		var first error
		for err := range tx.Check() {
			if first == nil {
				first = fmt.Errorf("database check: %w", err)
			}
		}
		return first
	})
}

// key8 encodes an id as 8 big-endian bytes.
func key8(id uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, id)
}

// childKey is the key of a record that belongs to a plan.
func childKey(planID, id uint64) []byte {
	return binary.BigEndian.AppendUint64(key8(planID), id)
}

// putJSON stores v as JSON under key, with every string in it cleaned
// (CleanText): a pointer's record is cleaned in place.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(cleaned(v))
	if err != nil {
		return fmt.Errorf("encode record %T: %w", v, err)
	}
	return b.Put(key, data)
}

// getJSON decodes the record under key into v, or returns ErrNotFound.
// json.Unmarshal copies what it keeps, so v stays valid after the transaction.
func getJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return ErrNotFound
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode record: %w", err)
	}
	return nil
}
