package backup

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/files"
)

// backupArchive is an open backup file.
type backupArchive struct {
	path     string
	zr       *zip.ReadCloser
	manifest backupManifest
	db       *zip.File
	evidence []*zip.File
}

// maxManifestBytes bounds sao-luu.json.
const maxManifestBytes = 1 << 20

// openBackup opens a backup file and reads its manifest.
func openBackup(path string) (*backupArchive, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("tệp %s: %w", path, errNotBackup)
	}
	a := &backupArchive{path: path, zr: zr}
	for _, f := range zr.File {
		a.take(f)
	}
	if err := a.readManifest(); err != nil {
		zr.Close()
		return nil, fmt.Errorf("tệp %s: %w", path, err)
	}
	return a, nil
}

// take notes an entry of the zip it knows.
func (a *backupArchive) take(f *zip.File) {
	switch name := f.Name; {
	case name == backupDBName:
		a.db = f
	case strings.HasPrefix(name, backupEvidenceDir):
		if plainFileName(strings.TrimPrefix(name, backupEvidenceDir)) {
			a.evidence = append(a.evidence, f)
		}
	}
}

func (a *backupArchive) readManifest() error {
	for _, f := range a.zr.File {
		if f.Name != backupManifestName {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return errNotBackup
		}
		defer rc.Close()
		if json.NewDecoder(io.LimitReader(rc, maxManifestBytes)).Decode(&a.manifest) != nil || a.manifest.App != backupApp {
			return errNotBackup
		}
		if a.db == nil {
			return fmt.Errorf("%w: thiếu tệp dữ liệu bên trong", errNotBackup)
		}
		return nil
	}
	return errNotBackup
}

func (a *backupArchive) Close() error { return a.zr.Close() }

// extractDB writes the database of the backup to path and checks it is
// the one the manifest names.
func (a *backupArchive) extractDB(path string) error {
	rc, err := a.db.Open()
	if err != nil {
		return fmt.Errorf("bản sao lưu %s: %w", a.path, err)
	}
	defer rc.Close()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, files.ExplainWriteError(err))
	}
	hash := sha256.New()
	_, err = io.Copy(io.MultiWriter(f, hash), rc)
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return fmt.Errorf("bản sao lưu %s: %w", a.path, files.ExplainWriteError(err))
	}
	if hex.EncodeToString(hash.Sum(nil)) != a.manifest.DBSHA256 {
		return datafile.Damaged(a.path, "tệp dữ liệu bên trong không khớp mã kiểm tra của bản sao lưu")
	}
	return nil
}

// extractEvidence copies the evidence files of the backup that dir does not
// have yet: files are named by their content, so one there is the same.
func (a *backupArchive) extractEvidence(dir string) error {
	if len(a.evidence) == 0 {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("không tạo được thư mục %s: %w", dir, files.ExplainWriteError(err))
	}
	for _, f := range a.evidence {
		target := filepath.Join(dir, strings.TrimPrefix(f.Name, backupEvidenceDir))
		if files.Exists(target) {
			continue
		}
		if err := files.WriteFileAtomicWith(target, files.WriteOptions{Perm: 0o600}, func(w io.Writer) error {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			_, err = io.Copy(w, rc)
			return err
		}); err != nil {
			return fmt.Errorf("khôi phục tài liệu kiểm chứng %s: %w", target, err)
		}
	}
	return nil
}

// CheckBackup checks a backup file as restoring it would: that it is a
// backup of this program, that its database is the one it names, and that
// the database passes its check. It writes only to a temporary folder.
func CheckBackup(path string) error {
	a, err := openBackup(path)
	if err != nil {
		return err
	}
	defer a.Close()
	dir, err := os.MkdirTemp("", "cchc-check-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	copyPath := filepath.Join(dir, datafile.DBFileName)
	if err := a.extractDB(copyPath); err != nil {
		return err
	}
	return checkDBFile(copyPath, path)
}

// checkDBFile checks the database at path, naming it name in its errors.
func checkDBFile(path, name string) error {
	st, err := datafile.OpenFileReadOnly(path)
	if err != nil {
		return datafile.Renamed(err, path, name)
	}
	r := st.Inspect()
	st.Close()
	r.Path = name
	return r.Err()
}

// RestoreResult tells what a restore did besides putting the backup back.
type RestoreResult struct {
	// Backup is the backup restored.
	Backup BackupInfo
	// SafetyBackup is the automatic backup of the data replaced, when
	// that data passed its check.
	SafetyBackup BackupInfo
	// MovedAside is where the data replaced went when it failed its check;
	// it is never deleted.
	MovedAside string
}

// Restore puts the backup at backupPath in place of the database at
// dbPath, which no program may hold open. It checks the backup first;
// then it backs up the current data (ReasonRestore) or, when that data
// fails its check, moves the file aside renamed with the date; then it
// adds the backup's evidence files and renames its database into place. A
// failure before the rename leaves the current data as it was.
func Restore(dbPath, backupPath string) (RestoreResult, error) {
	a, err := openBackup(backupPath)
	if err != nil {
		return RestoreResult{}, err
	}
	defer a.Close()
	res := RestoreResult{Backup: a.manifest.info(backupPath)}
	dir := filepath.Dir(dbPath)
	files.RemoveStaleTemps(dir)
	tmp := filepath.Join(dir, files.TempName(filepath.Base(dbPath)))
	defer os.Remove(tmp)
	if err := a.extractDB(tmp); err != nil {
		return res, err
	}
	if err := checkDBFile(tmp, backupPath); err != nil {
		return res, fmt.Errorf("không khôi phục: %w", err)
	}
	if err := setAsideCurrent(dbPath, &res); err != nil {
		return res, err
	}
	if err := a.extractEvidence(evidenceFolder(dbPath)); err != nil {
		return res, err
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return res, fmt.Errorf("không thay được %s: %w", dbPath, files.ExplainWriteError(err))
	}
	files.SyncFolder(dir)
	return res, nil
}

// setAsideCurrent keeps the data a restore replaces: a backup of it when
// it passes its check, else the file itself moved aside. Data open in
// another program is refused.
func setAsideCurrent(dbPath string, res *RestoreResult) error {
	if !files.Exists(dbPath) {
		return nil
	}
	st, err := datafile.OpenFileReadOnly(dbPath)
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("không khôi phục: %w", err)
	}
	if err == nil {
		checkErr := st.Check()
		if checkErr == nil {
			res.SafetyBackup, _, err = AutoBackup(st, ReasonRestore)
			st.Close()
			if err != nil {
				return fmt.Errorf("không khôi phục vì không sao lưu được dữ liệu hiện có: %w", err)
			}
			return nil
		}
		st.Close()
	}
	res.MovedAside, err = MoveAside(dbPath)
	return err
}

// MoveAside renames a data file that cannot be used beside itself with
// the date, "cchc.hong-2024-05-12-153045.db", and returns the new name: it
// is never overwritten or deleted.
func MoveAside(path string) (string, error) {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext) + ".hong-" + time.Now().Format(backupTimeLayout)
	aside := base + ext
	for n := 2; files.Exists(aside) && n < 1000; n++ {
		aside = fmt.Sprintf("%s-%d%s", base, n, ext)
	}
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("không đổi tên được %s: %w", path, files.ExplainWriteError(err))
	}
	files.SyncFolder(filepath.Dir(path))
	return aside, nil
}
