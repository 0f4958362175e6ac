package backup

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// A backup is one .zip file: the database as cchc.db, the evidence files
// its records name under evidence/, and sao-luu.json, which says when it
// was made and what it holds. A copy on a USB stick is whole.
const (
	backupDBName       = "cchc.db"
	backupManifestName = "sao-luu.json"
	backupEvidenceDir  = "evidence/"
)

// BackupFolderName is the folder beside the database that holds the
// backups made in the data folder.
const BackupFolderName = "backups"

// BackupDir returns the folder of the backups of the database at dbPath.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), BackupFolderName)
}

// BackupInfo describes a backup file.
type BackupInfo struct {
	// Path is the backup file.
	Path string
	// Made is when the backup was made.
	Made time.Time
	// Schema is the schema version of the database in it.
	Schema int
	// Plans and Tasks count what the database in it holds.
	Plans, Tasks int
	// Evidence counts the evidence files in it.
	Evidence int
	// Reason says why an automatic backup was made; "" for one the user
	// asked for.
	Reason string
	// Size is the file's size in bytes.
	Size int64
	// MissingEvidence names the evidence files the records name that were
	// not found when the backup was made.
	MissingEvidence []string
	// Problem says why the file cannot be read as a backup; "" when it can.
	Problem string
	// dbSHA256 is the hash of the database in it.
	dbSHA256 string
}

// Auto reports whether the program made the backup by itself.
func (b BackupInfo) Auto() bool { return b.Reason != "" }

// backupManifest is sao-luu.json.
type backupManifest struct {
	App             string    `json:"app"`
	Made            time.Time `json:"made"`
	Schema          int       `json:"schema"`
	Plans           int       `json:"plans"`
	Tasks           int       `json:"tasks"`
	Evidence        []string  `json:"evidence"`
	MissingEvidence []string  `json:"missingEvidence,omitempty"`
	DBSHA256        string    `json:"dbSha256"`
	Reason          string    `json:"reason,omitempty"`
}

// backupApp marks a backup made by this program.
const backupApp = "Kế hoạch CCHC"

// BackupOptions tune Backup.
type BackupOptions struct {
	// Force writes over a file that exists.
	Force bool
	// Reason marks an automatic backup and says why it was made.
	Reason string
}

// writeBackupZip writes the zip: the database, its evidence files, and the
// manifest last, once the hash and the files are known.
func writeBackupZip(w io.Writer, tx *bolt.Tx, dbPath string, m *backupManifest) error {
	zw := zip.NewWriter(w)
	hash := sha256.New()
	dbEntry, err := zw.CreateHeader(&zip.FileHeader{Name: backupDBName, Method: zip.Deflate, Modified: m.Made})
	if err != nil {
		return err
	}
	if _, err := tx.WriteTo(io.MultiWriter(dbEntry, hash)); err != nil {
		return err
	}
	m.DBSHA256 = hex.EncodeToString(hash.Sum(nil))
	if err := addEvidence(zw, tx, dbPath, m); err != nil {
		return err
	}
	entry, err := zw.CreateHeader(&zip.FileHeader{Name: backupManifestName, Method: zip.Deflate, Modified: m.Made})
	if err != nil {
		return err
	}
	if err := json.NewEncoder(entry).Encode(m); err != nil {
		return err
	}
	return zw.Close()
}

// addEvidence adds the evidence files the records name, noting those not
// found.
func addEvidence(zw *zip.Writer, tx *bolt.Tx, dbPath string, m *backupManifest) error {
	names, err := evidenceFiles(tx, dbPath)
	if err != nil {
		return err
	}
	dir := evidenceFolder(dbPath)
	for _, name := range names {
		added, err := addFile(zw, filepath.Join(dir, name), backupEvidenceDir+name, m.Made)
		if err != nil {
			return err
		}
		if added {
			m.Evidence = append(m.Evidence, name)
		} else {
			m.MissingEvidence = append(m.MissingEvidence, name)
		}
	}
	return nil
}

// addFile copies a file into the zip; it reports false when the file does
// not exist.
func addFile(zw *zip.Writer, path, name string, modified time.Time) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("đọc tệp %s: %w", path, err)
	}
	defer f.Close()
	entry, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
	if err != nil {
		return false, err
	}
	if _, err := io.Copy(entry, f); err != nil {
		return false, fmt.Errorf("đọc tệp %s: %w", path, err)
	}
	return true, nil
}

// info describes the backup the manifest belongs to.
func (m backupManifest) info(path string) BackupInfo {
	return BackupInfo{
		Path: path, Made: m.Made, Schema: m.Schema, Plans: m.Plans, Tasks: m.Tasks,
		Evidence: len(m.Evidence), Reason: m.Reason, MissingEvidence: m.MissingEvidence, dbSHA256: m.DBSHA256,
	}
}

// WriteTx checks the database in tx and writes a backup of it to w: the
// database, the evidence files it names beside dbPath, and the manifest.
// reason is "" for a backup the user asked for.
func WriteTx(w io.Writer, tx *bolt.Tx, dbPath, reason string) (BackupInfo, error) {
	r := datafile.CheckReport{Path: dbPath}
	datafile.InspectTx(tx, &r)
	if err := r.Err(); err != nil {
		return BackupInfo{}, fmt.Errorf("không sao lưu: %w", err)
	}
	m := backupManifest{App: backupApp, Made: time.Now(), Schema: r.Schema, Plans: r.Plans, Tasks: r.Tasks, Reason: reason}
	if err := writeBackupZip(w, tx, dbPath, &m); err != nil {
		return BackupInfo{}, fmt.Errorf("sao lưu dữ liệu: %w", err)
	}
	return m.info(""), nil
}

// DBHash is the hash of the database in the backup, "" when unknown.
func (b BackupInfo) DBHash() string { return b.dbSHA256 }
