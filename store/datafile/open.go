package datafile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/files"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Create says what opening a missing data file does.
type Create int

const (
	// CreateNever: a missing file is an error.
	CreateNever Create = iota
	// CreateFile: a missing file is created when its folder exists; no
	// folder is made. For a file the user named (--db, CCHC_DB).
	CreateFile
	// CreateFolder: a missing file is created, with its folder. For the
	// default file in the per-user data folder.
	CreateFolder
)

// OpenOptions say how to open a data file.
type OpenOptions struct {
	// ReadOnly opens the file with a shared lock and never writes to it.
	ReadOnly bool
	// Create says what to do when the file is missing.
	Create Create
	// Fill gives a file that this open creates its first records (the
	// seed plan) before the file appears at its path.
	Fill func(*File) error
}

// Location is the data file a program uses, and whether the user named it.
type Location struct {
	Path string
	// Named is set when --db or CCHC_DB chose the file.
	Named bool
}

// Locate finds the data file as DBPath does and tells whether the user
// named it.
func Locate(flagValue string) (Location, error) {
	path, err := DBPath(flagValue)
	return Location{Path: path, Named: flagValue != "" || os.Getenv(EnvDB) != ""}, err
}

// Options are the options to open the location with: a file the user named
// is created only in a folder that exists, the default file with its folder.
func (l Location) Options(readOnly bool) OpenOptions {
	create := CreateFolder
	if l.Named {
		create = CreateFile
	}
	return OpenOptions{ReadOnly: readOnly, Create: create}
}

// Open opens the database at path for reading and writing, creating it
// when its folder exists; see OpenWith.
func OpenFile(path string) (*File, error) {
	return OpenFileWith(path, OpenOptions{Create: CreateFile})
}

// OpenReadOnly opens the database at path for reading only; see OpenWith.
func OpenFileReadOnly(path string) (*File, error) {
	return OpenFileWith(path, OpenOptions{ReadOnly: true})
}

// OpenWith opens the database at path. Opening writes nothing to a file of
// the current schema. A file of an older schema is migrated in one
// transaction when opened for writing, and only when it passes its check;
// opened for reading, it is read through a migrated copy in a temporary
// folder. A missing file is created as opts.Create allows, whole or not at
// all. Errors: ErrLocked when another program holds the file for a second,
// ErrNewerSchema for a file of a newer version, a *DamagedError (ErrDamaged)
// for a file that is empty, damaged or not a data file, each naming the
// file; none of them changes it.
func OpenFileWith(path string, opts OpenOptions) (*File, error) {
	created, err := prepareFile(path, opts)
	if err != nil {
		return nil, err
	}
	st, err := openFile(path, opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	st.created = created
	return st, nil
}

// prepareFile makes sure path is a file worth opening, creating it when it
// is missing and may be created; it reports whether it created it.
func prepareFile(path string, opts OpenOptions) (bool, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createFile(path, opts)
	case err != nil:
		return false, fmt.Errorf("mở tệp dữ liệu %s: %w", path, err)
	case info.IsDir():
		return false, fmt.Errorf("mở tệp dữ liệu %s: đó là một thư mục, không phải tệp dữ liệu", path)
	case info.Size() == 0:
		return false, Damaged(path, "tệp rỗng (0 byte): tệp chưa được ghi xong hoặc nội dung đã bị xoá")
	}
	return false, nil
}

// createFile creates the data file at path under a temporary name beside
// it, fills it, and renames it into place: a killed run leaves no half-made
// file. It reports false when another program created the file meanwhile.
func createFile(path string, opts OpenOptions) (bool, error) {
	if opts.Create == CreateNever {
		return false, fmt.Errorf("không có tệp dữ liệu %s: %w", path, fs.ErrNotExist)
	}
	if _, err := files.FollowLink(path); err != nil {
		return false, err
	}
	dir := filepath.Dir(path)
	if err := ensureFolder(dir, opts.Create); err != nil {
		return false, err
	}
	files.RemoveStaleTemps(dir)
	tmp := filepath.Join(dir, files.TempName(filepath.Base(path)))
	defer os.Remove(tmp)
	if err := InitFile(tmp, opts.Fill); err != nil {
		return false, fmt.Errorf("không tạo được tệp dữ liệu %s: %w", path, files.ExplainWriteError(err))
	}
	if files.Exists(path) {
		return false, nil
	}
	if err := os.Rename(tmp, path); err != nil {
		return false, fmt.Errorf("không tạo được tệp dữ liệu %s: %w", path, files.ExplainWriteError(err))
	}
	files.SyncFolder(dir)
	return true, nil
}

// ensureFolder makes sure the folder of a new data file exists, making it
// only when create allows.
func ensureFolder(dir string, create Create) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return fmt.Errorf("không tạo được tệp dữ liệu: %s không phải là thư mục", dir)
	case create != CreateFolder:
		return fmt.Errorf("không tạo tệp dữ liệu mới: thư mục %s không tồn tại; hãy kiểm tra lại đường dẫn", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("tạo thư mục dữ liệu %s: %w", dir, files.ExplainWriteError(err))
	}
	return nil
}

// InitFile gives a new file its buckets and schema, then fill's records.
func InitFile(path string, fill func(*File) error) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: openTimeout})
	if err != nil {
		return err
	}
	st := &File{db: db, path: path}
	err = st.upgrade(0)
	if err == nil && fill != nil {
		err = fill(st)
	}
	if closeErr := db.Close(); err == nil {
		err = closeErr
	}
	return err
}

// openFile opens an existing file, checks its pages and schema, and brings
// it up to date as OpenWith says. The pages are checked through a handle of
// their own, closed before the file is opened for use, so that the pages the
// check reads leave memory with it: the window, which holds the file open
// all day, keeps mapped only the pages it reads (with 10,000 tasks, 49 MB of
// a 72 MB file were resident after the check).
func openFile(path string, readOnly bool) (*File, error) {
	if err := checkPagesApart(path); err != nil {
		return nil, err
	}
	db, err := OpenBolt(path, readOnly)
	if err != nil {
		return nil, err
	}
	st := &File{db: db, path: path, readOnly: readOnly}
	schema, err := st.schemaOnOpen()
	if err == nil {
		st, err = st.bringUpToDate(schema)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return st, nil
}

// OpenBolt opens the file with bbolt, saying in Vietnamese why it cannot.
func OpenBolt(path string, readOnly bool) (db *bolt.DB, err error) {
	defer func() {
		if recovered := recover(); recovered != nil {
			db, err = nil, Damaged(path, "cấu trúc tệp bị hỏng, không mở được")
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: openTimeout, ReadOnly: readOnly})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("mở %s: %w", path, store.ErrLocked)
	case isFileSystemError(err):
		return nil, fmt.Errorf("mở tệp dữ liệu %s: %w", path, err)
	}
	return nil, Damaged(path, "tệp này không phải tệp dữ liệu của chương trình, hoặc đã bị hỏng")
}

// isFileSystemError reports whether err is the system refusing the file
// (rights, a missing file) rather than bbolt refusing its content.
func isFileSystemError(err error) bool {
	var pathErr *fs.PathError
	return errors.As(err, &pathErr) || errors.Is(err, fs.ErrPermission) || errors.Is(err, fs.ErrNotExist)
}

// checkPagesApart checks the file's pages through a read-only handle that
// it closes again.
func checkPagesApart(path string) error {
	db, err := OpenBolt(path, true)
	if err != nil {
		return err
	}
	defer db.Close()
	return viewReport(db, path, func(tx *bolt.Tx, r *CheckReport) { checkPages(tx, r) })
}

// schemaOnOpen reads the schema of a file whose pages passed their check;
// a file of the current schema must have every bucket.
func (s *File) schemaOnOpen() (schema int, err error) {
	err = viewReport(s.db, s.path, func(tx *bolt.Tx, r *CheckReport) {
		var readErr error
		if schema, readErr = ReadSchema(tx); readErr != nil {
			r.add("%s", readErr)
			return
		}
		if schema == SchemaVersion {
			missingBuckets(tx, r)
		}
	})
	return schema, err
}

// viewReport runs check in a read transaction of the file at path and
// returns the problems it found as one error; a page so damaged that bbolt
// panics on it is one more problem, never a crash.
func viewReport(db *bolt.DB, path string, check func(tx *bolt.Tx, r *CheckReport)) error {
	r := CheckReport{Path: path}
	viewErr := db.View(func(tx *bolt.Tx) error {
		defer func() {
			if recovered := recover(); recovered != nil {
				r.add("cấu trúc tệp bị hỏng")
			}
		}()
		check(tx, &r)
		return nil
	})
	if viewErr != nil {
		return fmt.Errorf("mở tệp dữ liệu %s: %w", path, viewErr)
	}
	return r.Err()
}

// missingBuckets adds a problem for each bucket of the schema the file lacks.
func missingBuckets(tx *bolt.Tx, r *CheckReport) {
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			r.add("thiếu ngăn dữ liệu “%s”", name)
		}
	}
}

// bringUpToDate returns a store of the current schema: s itself, s
// migrated, or, for a file opened for reading, a migrated copy.
func (s *File) bringUpToDate(schema int) (*File, error) {
	switch {
	case schema > SchemaVersion:
		return nil, fmt.Errorf("mở tệp dữ liệu %s: %w (phiên bản dữ liệu %d, chương trình đọc được đến %d)", s.path, store.ErrNewerSchema, schema, SchemaVersion)
	case schema == SchemaVersion:
		return s, nil
	case s.readOnly:
		return s.migratedCopy()
	}
	if err := s.upgrade(schema); err != nil {
		return nil, err
	}
	return s, nil
}

// upgrade creates the buckets and migrates the file from schema found, in
// one transaction that commits only when every record of the result passes
// the check.
func (s *File) upgrade(found int) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		if err := migrate(tx, found); err != nil {
			return Damaged(s.path, fmt.Sprintf("dữ liệu phiên bản %d không chuyển được sang phiên bản %d: có bản ghi hỏng", found, SchemaVersion))
		}
		r := CheckReport{Path: s.path}
		checkRecords(tx, &r)
		return r.Err()
	})
}

// migratedCopy copies an older file opened for reading into a temporary
// folder, migrates the copy and returns a store reading it: the file itself
// is never written. The copy goes when the store closes.
func (s *File) migratedCopy() (*File, error) {
	dir, err := os.MkdirTemp("", "cchc-doc-*")
	if err != nil {
		return nil, fmt.Errorf("đọc tệp dữ liệu %s: %w", s.path, err)
	}
	copyPath := filepath.Join(dir, DBFileName)
	st, err := s.readCopy(copyPath)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	st.scratch = dir
	return st, nil
}

// readCopy writes the file to copyPath, closes s, migrates the copy and
// opens it for reading.
func (s *File) readCopy(copyPath string) (*File, error) {
	err := s.db.View(func(tx *bolt.Tx) error { return tx.CopyFile(copyPath, 0o600) })
	s.db.Close()
	if err != nil {
		return nil, fmt.Errorf("đọc tệp dữ liệu %s: %w", s.path, err)
	}
	migrated, err := openFile(copyPath, false)
	if err != nil {
		return nil, Renamed(err, copyPath, s.path)
	}
	migrated.Close()
	db, err := OpenBolt(copyPath, true)
	if err != nil {
		return nil, Renamed(err, copyPath, s.path)
	}
	return &File{db: db, path: s.path, readOnly: true}, nil
}

// Renamed makes a damaged copy's error name the file it was copied from.
func Renamed(err error, from, to string) error {
	if d, ok := AsDamaged(err); ok && d.Path == from {
		return Damaged(to, d.Problems...)
	}
	return err
}
