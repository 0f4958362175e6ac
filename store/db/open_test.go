package db_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/storetest"
	"github.com/kehoach/cchc/store/usererr"

	bolt "go.etcd.io/bbolt"
)

func TestReadingNeverWrites(t *testing.T) {
	path := storetest.FilledFile(t, 3)
	before := storetest.StateOf(t, path)
	time.Sleep(10 * time.Millisecond) // a write would show in the modification time
	t.Run("read-only", func(t *testing.T) {
		st, err := db.OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		if plans, err := st.Plans(); err != nil || len(plans) != 3 {
			t.Errorf("Plans = %d, %v", len(plans), err)
		}
		if err := st.SaveSettings(seedSettings(t)); err == nil {
			t.Error("a read-only store saved settings")
		}
		st.Close()
		before.AssertSame(t, path, "reading")
	})
	t.Run("read-write without a change", func(t *testing.T) {
		st, err := db.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		st.Plans()
		st.Check()
		st.Close()
		before.AssertSame(t, path, "opening for writing and closing")
	})
}

func TestReadOnlyFileCanBeReadAndBackedUp(t *testing.T) {
	path := storetest.FilledFile(t, 1)
	os.Chmod(path, 0o444)
	os.Chmod(filepath.Dir(path), 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Dir(path), 0o755) })
	if os.Getuid() == 0 {
		t.Log("running as root: the rights do not bind, the read-only open still must not write")
	}
	before := storetest.StateOf(t, path)
	backupOf(t, path)
	before.AssertSame(t, path, "backing up")
}

func TestOlderSchemaReadOnlyReadsThroughTheMigration(t *testing.T) {
	path := storetest.CopyFile(t, "testdata/schema-v1.db")
	before := storetest.StateOf(t, path)
	st, err := db.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := st.FindPlan("2022")
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	if len(tasks) != 2 || len(tasks[0].Coordinating) != 3 || tasks[0].Timeline.Due.IsZero() {
		t.Errorf("tasks read through the migration: %+v", tasks)
	}
	if err := st.Check(); err != nil {
		t.Errorf("Check of the migrated copy: %v", err)
	}
	scratch := st.ScratchDir()
	st.Close()
	if _, err := os.Stat(scratch); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the migrated copy %s stays after Close", scratch)
	}
	before.AssertSame(t, path, "reading an older file")
}

func TestUnexpectedFilesAreRefusedUntouched(t *testing.T) {
	tests := []struct {
		name    string
		make    func(t *testing.T) string
		message string
	}{
		{"empty file", func(t *testing.T) string { return storetest.WriteTemp(t, nil) }, "tệp rỗng (0 byte)"},
		{"text file", func(t *testing.T) string {
			return storetest.WriteTemp(t, []byte(strings.Repeat("không phải dữ liệu ", 500)))
		}, "không phải tệp dữ liệu của chương trình"},
		{"schema abc", func(t *testing.T) string { return withSchema(t, "abc") }, "mã phiên bản dữ liệu “abc” không hợp lệ"},
		{"schema -1", func(t *testing.T) string { return withSchema(t, "-1") }, "mã phiên bản dữ liệu “-1” không hợp lệ"},
		{"schema missing", func(t *testing.T) string { return withSchema(t, "") }, "không có mã phiên bản dữ liệu"},
		{"bucket missing", withoutTargets, "thiếu ngăn dữ liệu “targets”"},
		{"damaged page", func(t *testing.T) string { return storetest.DamagedFile(t) }, "cấu trúc tệp bị hỏng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.make(t)
			before := storetest.StateOf(t, path)
			for _, readOnly := range []bool{true, false} {
				_, err := db.OpenWith(path, datafile.OpenOptions{ReadOnly: readOnly, Create: datafile.CreateFolder, Fill: func(*datafile.File) error {
					t.Error("an existing file was filled")
					return nil
				}})
				d, ok := datafile.AsDamaged(err)
				if !ok || d.Path != path || !strings.Contains(usererr.Message(err), tt.message) || !strings.Contains(usererr.Message(err), path) {
					t.Errorf("read-only %v: %v (%q)", readOnly, err, usererr.Message(err))
				}
			}
			before.AssertSame(t, path, "refusing")
		})
	}
}

// withSchema makes a file whose schema marker is value; "" removes it.
func withSchema(t *testing.T, value string) string {
	return storetest.EditRaw(t, func(tx *bolt.Tx) error {
		if value == "" {
			return tx.Bucket(datafile.BucketMeta).Delete(datafile.KeySchema)
		}
		return tx.Bucket(datafile.BucketMeta).Put(datafile.KeySchema, []byte(value))
	})
}

func withoutTargets(t *testing.T) string {
	return storetest.EditRaw(t, func(tx *bolt.Tx) error { return tx.DeleteBucket(datafile.BucketTargets) })
}

func TestEveryDamagedPageIsRefusedWithoutAPanic(t *testing.T) {
	path := storetest.FilledFile(t, 30)
	good, _ := os.ReadFile(path)
	refused, opened := 0, 0
	for page := 2; page*4096 < len(good); page++ {
		storetest.DamagePage(t, path, good, page)
		for _, readOnly := range []bool{true, false} {
			st, err := db.OpenWith(path, datafile.OpenOptions{ReadOnly: readOnly})
			if err == nil {
				readEverything(t, st) // damage the check does not see: reading must still not crash
				st.Close()
				opened++
				continue
			}
			if _, ok := datafile.AsDamaged(err); !ok {
				t.Errorf("page %d: %v", page, err)
			}
			refused++
		}
	}
	if refused == 0 {
		t.Error("no damaged page was refused")
	}
	t.Logf("%d opens of a file with one page damaged: %d refused with a DamagedError, %d opened (damage in a free page) and read whole", refused+opened, refused, opened)
}

// readEverything reads every plan and its tasks.
func readEverything(t *testing.T, st *db.Store) {
	t.Helper()
	plans, _ := st.Plans()
	for _, p := range plans {
		st.Bundle(p.ID)
	}
}

func TestMissingFile(t *testing.T) {
	t.Run("named in a folder that exists is created and filled", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "moi.db")
		filled := false
		st, err := db.OpenWith(path, datafile.OpenOptions{Create: datafile.CreateFile, ReadOnly: true, Fill: func(f *datafile.File) error {
			st := &db.Store{File: f}
			filled = true
			return st.SaveSettings(seedSettings(t))
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if !st.Created() || !filled || !st.ReadOnly() {
			t.Errorf("created %v, filled %v, read-only %v", st.Created(), filled, st.ReadOnly())
		}
		if s, _ := st.Settings(); s.Agency.Name == "" {
			t.Error("the new file lost what Fill wrote")
		}
	})
	t.Run("named in a missing folder is refused", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "go-nham")
		_, err := db.OpenWith(filepath.Join(dir, "cchc.db"), datafile.OpenOptions{Create: datafile.CreateFile})
		if err == nil || !strings.Contains(usererr.Message(err), "thư mục "+dir+" không tồn tại") {
			t.Errorf("err = %v", err)
		}
		if _, statErr := os.Stat(dir); statErr == nil {
			t.Error("the folder was made")
		}
	})
	t.Run("default makes its folder", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "vn.kehoach.cchc", "cchc.db")
		st, err := db.OpenWith(path, datafile.OpenOptions{Create: datafile.CreateFolder})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	})
	t.Run("never", func(t *testing.T) {
		_, err := db.OpenReadOnly(filepath.Join(t.TempDir(), "khong-co.db"))
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("a failed fill leaves no file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "cchc.db")
		_, err := db.OpenWith(path, datafile.OpenOptions{Create: datafile.CreateFile, Fill: func(*datafile.File) error { return errors.New("hỏng") }})
		entries, _ := os.ReadDir(filepath.Dir(path))
		if err == nil || len(entries) != 0 {
			t.Errorf("err = %v, folder holds %d files", err, len(entries))
		}
	})
}

func TestMigrationNeverRunsOnAFileThatFailsItsCheck(t *testing.T) {
	path := storetest.CopyFile(t, "testdata/schema-v1.db")
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(datafile.BucketAreas).Put(datafile.ChildKey(1, 99), []byte("{hỏng"))
	})
	raw.Close()
	before := storetest.StateOf(t, path)
	if _, err := db.Open(path); !errors.Is(err, datafile.ErrDamaged) {
		t.Fatalf("Open = %v, want ErrDamaged", err)
	}
	before.AssertSame(t, path, "a refused migration")
}

// seedSettings are the settings the seed plan was issued under.
func seedSettings(t *testing.T) store.Settings {
	t.Helper()
	settings, _, err := seeds.Plan2023()
	if err != nil {
		t.Fatal(err)
	}
	return settings
}

// backupOf backs up the data file at path, opened for reading only, into
// a new folder and returns the backup's path.
func backupOf(t *testing.T, path string) string {
	t.Helper()
	st, err := db.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(t.TempDir(), "sao-luu.zip")
	if _, err := backup.Backup(st, out, backup.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	return out
}
