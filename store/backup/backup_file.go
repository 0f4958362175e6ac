package backup

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kehoach/cchc/store/files"
	bolt "go.etcd.io/bbolt"
)

// Source is an open data file to back up: a datafile.File, or the
// db.Store that holds one.
type Source interface {
	Path() string
	Bolt() *bolt.DB
}

// Backup checks the database and writes a backup of it to path, whole or
// not at all, with the database file's permissions. A database that fails
// its check is refused, so a damaged file never replaces a good backup; a
// file at path is never written over without opts.Force.
func Backup(s Source, path string, opts BackupOptions) (BackupInfo, error) {
	var info BackupInfo
	writeOpts := files.WriteOptions{Perm: filePerm(s), NoReplace: !opts.Force}
	err := files.WriteFileAtomicWith(path, writeOpts, func(w io.Writer) error {
		var err error
		info, err = Write(w, s, opts.Reason)
		return err
	})
	if errors.Is(err, fs.ErrExist) {
		return BackupInfo{}, fmt.Errorf("không ghi đè %s: %w; hãy chọn tên khác hoặc cho phép ghi đè", path, fs.ErrExist)
	}
	if err != nil {
		return BackupInfo{}, err
	}
	info.Path = path
	if stat, err := os.Stat(path); err == nil {
		info.Size = stat.Size()
	}
	return info, nil
}

// filePerm is the database file's permission, 0o600 when it cannot be read.
func filePerm(s Source) fs.FileMode {
	if info, err := os.Stat(s.Path()); err == nil {
		return info.Mode().Perm()
	}
	return 0o600
}

// Write checks the database and writes a backup of it to w, in one
// read transaction: the store stays open and usable. reason is "" for a
// backup the user asked for.
func Write(w io.Writer, s Source, reason string) (BackupInfo, error) {
	var info BackupInfo
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		var err error
		info, err = WriteTx(w, tx, s.Path(), reason)
		return err
	})
	return info, err
}

// BackupInFolder writes a backup into dir under a new dated name, never
// over an existing file: a second backup in the same second gets "-2".
func BackupInFolder(s Source, dir string, opts BackupOptions) (BackupInfo, error) {
	base := strings.TrimSuffix(BackupName(time.Now(), opts.Reason != ""), ".zip")
	name := base + ".zip"
	for n := 2; files.Exists(filepath.Join(dir, name)) && n < 1000; n++ {
		name = fmt.Sprintf("%s-%d.zip", base, n)
	}
	opts.Force = false
	return Backup(s, filepath.Join(dir, name), opts)
}

// AutoBackup makes an automatic backup in the backups folder beside the
// database, for the reason given (ReasonClose ...), unless the newest one
// already holds the same data; then it removes the automatic backups past
// those kept. made is false when nothing needed saving. A database that
// fails its check is not backed up: the error says why.
func AutoBackup(s Source, reason string) (info BackupInfo, made bool, err error) {
	dir := BackupDir(s.Path())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return BackupInfo{}, false, fmt.Errorf("không tạo được thư mục sao lưu %s: %w", dir, files.ExplainWriteError(err))
	}
	backups := ListBackups(s.Path())
	if newest, ok := NewestAuto(backups); ok && newest.DBHash() != "" && newest.DBHash() == contentHash(s) {
		return newest, false, nil
	}
	info, err = BackupInFolder(s, dir, BackupOptions{Reason: reason})
	if err != nil {
		return BackupInfo{}, false, err
	}
	PruneAutoBackups(append([]BackupInfo{info}, backups...))
	return info, true, nil
}

// contentHash is the hash of the database as a backup would hold it, ""
// when it cannot be read.
func contentHash(s Source) string {
	hash, err := hashDB(s)
	if err != nil {
		return ""
	}
	return hash
}

// hashDB is the hash of the database as WriteBackup stores it.
func hashDB(s Source) (string, error) {
	hash := sha256.New()
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(hash)
		return err
	})
	return hex.EncodeToString(hash.Sum(nil)), err
}
