package backup

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/files"
	"github.com/kehoach/cchc/store/storetest"
	"github.com/kehoach/cchc/store/usererr"

	bolt "go.etcd.io/bbolt"
)

// zipNames lists the entries of a zip file.
func zipNames(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	return names
}

func TestBackupIsOneFileWithTheEvidence(t *testing.T) {
	path := storetest.FilledFile(t, 2)
	putEvidence(t, path, "abc.pdf")
	os.Chmod(path, 0o640)
	out, info := backupWithInfo(t, path)
	if info.Plans != 2 || info.Tasks != 6 || info.Evidence != 1 {
		t.Errorf("info %+v", info)
	}
	if got := strings.Join(zipNames(t, out), " "); got != "cchc.db evidence/abc.pdf sao-luu.json" {
		t.Errorf("zip holds %s", got)
	}
	if stat, _ := os.Stat(out); stat.Mode().Perm() != 0o640 {
		t.Errorf("backup mode %v, database 0640", stat.Mode().Perm())
	}
	if read := ReadBackupInfo(out); read.Problem != "" || read.Tasks != 6 || read.Made.IsZero() {
		t.Errorf("ReadBackupInfo = %+v", read)
	}
	if err := CheckBackup(out); err != nil {
		t.Errorf("CheckBackup: %v", err)
	}
}

func TestBackupListsTheEvidenceRecordsName(t *testing.T) {
	path := storetest.EditRaw(t, func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucketIfNotExists(datafile.BucketEvidence)
		b.Put(append(datafile.ChildKey(1, 1), datafile.Key8(1)...), []byte(`{"file":"co.pdf"}`))
		return b.Put(append(datafile.ChildKey(1, 1), datafile.Key8(2)...), []byte(`{"file":"mat.pdf"}`))
	})
	putEvidenceFiles(t, path, "co.pdf", "khac.pdf")
	out, info := backupWithInfo(t, path)
	if got := strings.Join(zipNames(t, out), " "); got != "cchc.db evidence/co.pdf sao-luu.json" {
		t.Errorf("zip holds %s", got)
	}
	if len(info.MissingEvidence) != 1 || info.MissingEvidence[0] != "mat.pdf" {
		t.Errorf("missing evidence %q", info.MissingEvidence)
	}
}

func TestBackupRefusesADamagedDatabaseAndNeverOverwrites(t *testing.T) {
	good := storetest.FilledFile(t, 1)
	st, err := db.OpenReadOnly(good)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "sao-luu.zip")
	if _, err := Backup(st, out, BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	first := storetest.StateOf(t, out)
	if _, err := Backup(st, out, BackupOptions{}); err == nil || !strings.Contains(usererr.Message(err), "không ghi đè "+out) {
		t.Errorf("second backup to the same file: %v", err)
	}
	first.AssertSame(t, out, "a refused backup")
	if _, err := Backup(st, out, BackupOptions{Force: true}); err != nil {
		t.Errorf("forced backup: %v", err)
	}
	st.Close()

	bad := storetest.EditRaw(t, func(tx *bolt.Tx) error {
		return tx.Bucket(datafile.BucketTasks).Put(datafile.ChildKey(1, 1), []byte("{"))
	})
	raw, _ := bolt.Open(bad, 0o600, &bolt.Options{ReadOnly: true})
	damagedStore := datafile.Wrap(raw, bad, true)
	defer damagedStore.Close()
	before := storetest.StateOf(t, out)
	_, err = Backup(damagedStore, out, BackupOptions{Force: true})
	if !errors.Is(err, datafile.ErrDamaged) || !strings.Contains(usererr.Message(err), "không sao lưu") {
		t.Errorf("backup of a damaged file: %v", err)
	}
	before.AssertSame(t, out, "a refused backup of a damaged file")
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("the folder holds %d files: a temporary file stayed", len(entries))
	}
}

func TestAutoBackupsSkipTheSameData(t *testing.T) {
	st, err := db.Open(storetest.FilledFile(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	first, made, err := AutoBackup(st, ReasonClose)
	if err != nil || !made {
		t.Fatalf("first auto backup: %v, made %v", err, made)
	}
	if _, made, _ := AutoBackup(st, ReasonClose); made {
		t.Error("a second backup of the same data was made")
	}
	if !first.Auto() || !strings.HasPrefix(filepath.Base(first.Path), "cchc-tu-dong-") {
		t.Errorf("first = %+v", first)
	}
}

func TestAutoBackupsKeepTenAndOneAMonth(t *testing.T) {
	path := storetest.FilledFile(t, 1)
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	first, _, err := AutoBackup(st, ReasonClose)
	if err != nil {
		t.Fatal(err)
	}
	plantOldBackups(t, BackupDir(path), first.Path)
	manual := filepath.Join(BackupDir(path), BackupName(time.Date(2022, 12, 1, 0, 0, 0, 0, time.Local), false))
	if _, err := Backup(st, manual, BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		if _, err := st.SetSignerName(strings.Repeat("A", i+1)); err != nil {
			t.Fatal(err)
		}
		if _, made, err := AutoBackup(st, ReasonClose); err != nil || !made {
			t.Fatalf("backup %d: %v", i, err)
		}
	}
	// 10 newest; January 2023 keeps its newest, February its one.
	if autos := autoBackupDates(path); len(autos) != 12 || autos[10] != "2023-02-03" || autos[11] != "2023-01-20" {
		t.Errorf("automatic backups kept: %v", autos)
	}
	if _, err := os.Stat(manual); err != nil {
		t.Errorf("a backup the user made was removed: %v", err)
	}
}

// plantOldBackups puts automatic backups of early 2023 in dir, copies of
// the backup at from.
func plantOldBackups(t *testing.T, dir, from string) {
	t.Helper()
	old := []time.Time{time.Date(2023, 1, 5, 8, 0, 0, 0, time.Local), time.Date(2023, 1, 20, 8, 0, 0, 0, time.Local), time.Date(2023, 2, 3, 8, 0, 0, 0, time.Local)}
	for i, made := range old {
		name := filepath.Join(dir, BackupName(made, true))
		copyFile(t, from, name)
		rewriteMade(t, name, made, i)
	}
}

// autoBackupDates lists the days of the automatic backups, newest first.
func autoBackupDates(path string) []string {
	var autos []string
	for _, b := range ListBackups(path) {
		if b.Auto() {
			autos = append(autos, b.Made.Format("2006-01-02"))
		}
	}
	return autos
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// rewriteMade gives a copied backup another date and hash in its manifest.
func rewriteMade(t *testing.T, path string, made time.Time, n int) {
	t.Helper()
	a, err := openBackup(path)
	if err != nil {
		t.Fatal(err)
	}
	m := a.manifest
	data, _ := os.ReadFile(path)
	a.Close()
	m.Made, m.DBSHA256 = made, strings.Repeat("0", n+1)
	if err := files.WriteFileAtomic(path, func(w io.Writer) error { return rezip(data, m, w) }); err != nil {
		t.Fatal(err)
	}
}

// rezip copies a backup with another manifest.
func rezip(data []byte, m backupManifest, w io.Writer) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		if f.Name == backupManifestName {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	entry, err := zw.Create(backupManifestName)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(entry).Encode(m); err != nil {
		return err
	}
	return zw.Close()
}

// assertNoTemporaryFiles fails when a temporary file of ours is in dir.
func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	for _, name := range files.Temporaries(dir) {
		t.Errorf("temporary file %s stayed", name)
	}
}
