package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	st, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(t.TempDir(), "sao-luu.zip")
	info, err := st.Backup(out, BackupOptions{})
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
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(BucketEvidence)
		for _, name := range names {
			id, _ := b.NextSequence()
			record := fmt.Sprintf(`{"id":%d,"planId":1,"taskId":1,"title":"Tài liệu","file":%q}`, id, name)
			if err := b.Put(GrandchildKey(1, 1, id), []byte(record)); err != nil {
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
	st, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	plans, _ := st.Plans()
	return len(plans)
}

func TestRestoreBacksUpTheCurrentDataFirst(t *testing.T) {
	backup := backupOf(t, filledFile(t, 1))
	current := filledFile(t, 3)
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
	backup := backupOf(t, filledFile(t, 1))
	current := damagedFile(t)
	damagedState := stateOf(t, current)
	res, err := Restore(current, backup)
	if err != nil {
		t.Fatal(err)
	}
	if res.MovedAside == "" || !strings.Contains(filepath.Base(res.MovedAside), "cchc.hong-") {
		t.Fatalf("result %+v", res)
	}
	damagedState.assertSame(t, res.MovedAside, "moving aside")
	if planCount(t, current) != 1 {
		t.Error("the backup was not restored")
	}
}

func TestRestoreRefusesABadBackupAndChangesNothing(t *testing.T) {
	damagedBackup := func(t *testing.T) string {
		bad := editRaw(t, func(tx *bolt.Tx) error { return tx.Bucket(BucketTasks).Put(ChildKey(1, 1), []byte("{")) })
		db, _ := bolt.Open(bad, 0o600, &bolt.Options{ReadOnly: true})
		defer db.Close()
		out := filepath.Join(t.TempDir(), "hong.zip")
		// A backup written around the check, as a damaged backup would be.
		WriteFileAtomic(out, func(w io.Writer) error {
			return db.View(func(tx *bolt.Tx) error {
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
		{"not a zip", func(t *testing.T) string { return writeTemp(t, []byte("xin chào")) }, "không phải bản sao lưu của chương trình"},
		{"damaged database inside", damagedBackup, "không khôi phục"},
		{"missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "khong-co.zip") }, "không phải bản sao lưu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			current := filledFile(t, 2)
			before := stateOf(t, current)
			_, err := Restore(current, tt.backup(t))
			if err == nil || !strings.Contains(Message(err), tt.want) {
				t.Errorf("Restore = %v (%q)", err, Message(err))
			}
			before.assertSame(t, current, "a refused restore")
			assertNoTemporaryFiles(t, filepath.Dir(current))
		})
	}
}

func TestRestoreRefusesDataOpenElsewhere(t *testing.T) {
	backup := backupOf(t, filledFile(t, 1))
	current := filledFile(t, 2)
	st, err := Open(current)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Restore(current, backup); !errors.Is(err, ErrLocked) {
		t.Errorf("Restore while open = %v", err)
	}
}

func TestRestoreBringsBackTheEvidence(t *testing.T) {
	source := filledFile(t, 1)
	putEvidence(t, source, "abc.pdf")
	backup := backupOf(t, source)
	current := filledFile(t, 1)
	if _, err := Restore(current, backup); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(current), "evidence", "abc.pdf"))
	if err != nil || string(data) != "%PDF-1.4" {
		t.Errorf("evidence after restore: %q, %v", data, err)
	}
}

// assertNoTemporaryFiles fails when a temporary file of ours is in dir.
func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tempSuffix) {
			t.Errorf("temporary file %s stayed", e.Name())
		}
	}
}
