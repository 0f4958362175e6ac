package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/files"
	"github.com/kehoach/cchc/store/storetest"
	"github.com/kehoach/cchc/store/usererr"

	bolt "go.etcd.io/bbolt"
)

// backupOf makes a backup of the file at path, opened read-only, into
// another folder, and returns the backup's path.
func backupOf(t *testing.T, path string) string {
	t.Helper()
	out, _ := backupWithInfo(t, path)
	return out
}

// backupWithInfo makes a backup as backupOf does and also returns what
// Backup says of it.
func backupWithInfo(t *testing.T, path string) (string, BackupInfo) {
	t.Helper()
	st, err := db.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(t.TempDir(), "sao-luu.zip")
	info, err := Backup(st, out, BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return out, info
}

// putEvidence writes evidence files in the evidence folder beside path.
func putEvidence(t *testing.T, path string, names ...string) {
	t.Helper()
	putEvidenceFiles(t, path, names...)
	referEvidence(t, path, names...)
}

// putEvidenceFiles writes files into the evidence folder of the file at
// path, with no record naming them.
func putEvidenceFiles(t *testing.T, path string, names ...string) {
	t.Helper()
	folder := filepath.Join(filepath.Dir(path), "evidence")
	os.MkdirAll(folder, 0o700)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(folder, name), []byte("%PDF-1.4"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// referEvidence adds to the file at path an evidence record of its first
// task for each file name.
func referEvidence(t *testing.T, path string, names ...string) {
	t.Helper()
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	err = raw.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(datafile.BucketEvidence)
		for _, name := range names {
			id, _ := b.NextSequence()
			record := fmt.Sprintf(`{"id":%d,"planId":1,"taskId":1,"title":"Tài liệu","file":%q}`, id, name)
			if err := b.Put(datafile.GrandchildKey(1, 1, id), []byte(record)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func planCount(t *testing.T, path string) int {
	t.Helper()
	st, err := db.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	plans, _ := st.Plans()
	return len(plans)
}

func TestRestoreBacksUpTheCurrentDataFirst(t *testing.T) {
	backup := backupOf(t, storetest.FilledFile(t, 1))
	current := storetest.FilledFile(t, 3)
	evidence := filepath.Join(filepath.Dir(current), "evidence")
	res, err := Restore(current, backup)
	if err != nil {
		t.Fatal(err)
	}
	if planCount(t, current) != 1 || res.MovedAside != "" || res.Backup.Plans != 1 {
		t.Errorf("after restore: %d plans, result %+v", planCount(t, current), res)
	}
	if res.SafetyBackup.Plans != 3 || res.SafetyBackup.Reason != ReasonRestore {
		t.Errorf("safety backup %+v", res.SafetyBackup)
	}
	if _, err := os.Stat(evidence); err == nil {
		t.Error("an evidence folder was made for a backup without evidence")
	}
	if err := CheckBackup(res.SafetyBackup.Path); err != nil {
		t.Errorf("the safety backup fails its check: %v", err)
	}
	assertNoTemporaryFiles(t, filepath.Dir(current))
}

func TestRestoreMovesADamagedCurrentFileAside(t *testing.T) {
	backup := backupOf(t, storetest.FilledFile(t, 1))
	current := storetest.DamagedFile(t)
	damagedState := storetest.StateOf(t, current)
	res, err := Restore(current, backup)
	if err != nil {
		t.Fatal(err)
	}
	if res.MovedAside == "" || !strings.Contains(filepath.Base(res.MovedAside), "cchc.hong-") {
		t.Fatalf("result %+v", res)
	}
	damagedState.AssertSame(t, res.MovedAside, "moving aside")
	if planCount(t, current) != 1 {
		t.Error("the backup was not restored")
	}
}

func TestRestoreRefusesABadBackupAndChangesNothing(t *testing.T) {
	damagedBackup := func(t *testing.T) string {
		bad := storetest.EditRaw(t, func(tx *bolt.Tx) error {
			return tx.Bucket(datafile.BucketTasks).Put(datafile.ChildKey(1, 1), []byte("{"))
		})
		raw, _ := bolt.Open(bad, 0o600, &bolt.Options{ReadOnly: true})
		defer raw.Close()
		out := filepath.Join(t.TempDir(), "hong.zip")
		// A backup written around the check, as a damaged backup would be.
		files.WriteFileAtomic(out, func(w io.Writer) error {
			return raw.View(func(tx *bolt.Tx) error {
				return writeBackupZip(w, tx, bad, &backupManifest{App: backupApp})
			})
		})
		return out
	}
	tests := []struct {
		name   string
		backup func(t *testing.T) string
		want   string
	}{
		{"not a zip", func(t *testing.T) string { return storetest.WriteTemp(t, []byte("xin chào")) }, "không phải bản sao lưu của chương trình"},
		{"damaged database inside", damagedBackup, "không khôi phục"},
		{"missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "khong-co.zip") }, "không phải bản sao lưu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			current := storetest.FilledFile(t, 2)
			before := storetest.StateOf(t, current)
			_, err := Restore(current, tt.backup(t))
			if err == nil || !strings.Contains(usererr.Message(err), tt.want) {
				t.Errorf("Restore = %v (%q)", err, usererr.Message(err))
			}
			before.AssertSame(t, current, "a refused restore")
			assertNoTemporaryFiles(t, filepath.Dir(current))
		})
	}
}

func TestRestoreRefusesDataOpenElsewhere(t *testing.T) {
	backup := backupOf(t, storetest.FilledFile(t, 1))
	current := storetest.FilledFile(t, 2)
	st, err := db.Open(current)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Restore(current, backup); !errors.Is(err, store.ErrLocked) {
		t.Errorf("Restore while open = %v", err)
	}
}

func TestRestoreBringsBackTheEvidence(t *testing.T) {
	source := storetest.FilledFile(t, 1)
	putEvidence(t, source, "abc.pdf")
	backup := backupOf(t, source)
	current := storetest.FilledFile(t, 1)
	if _, err := Restore(current, backup); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(current), "evidence", "abc.pdf"))
	if err != nil || string(data) != "%PDF-1.4" {
		t.Errorf("evidence after restore: %q, %v", data, err)
	}
}
