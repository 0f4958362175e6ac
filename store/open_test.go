package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// fileState is what must not change when a file is only read: its bytes
// and its modification time.
type fileState struct {
	data     []byte
	modified time.Time
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	return fileState{data: data, modified: info.ModTime()}
}

func (s fileState) assertSame(t *testing.T, path, what string) {
	t.Helper()
	now := stateOf(t, path)
	if !bytes.Equal(s.data, now.data) || !s.modified.Equal(now.modified) {
		t.Errorf("%s changed the file", what)
	}
}

// filledFile makes a data file holding n test bundles (three tasks each).
func filledFile(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cchc.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range n {
		if _, err := st.CreateBundle(testBundle(2000+i, fmt.Sprint(i+1))); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestReadingNeverWrites(t *testing.T) {
	path := filledFile(t, 3)
	before := stateOf(t, path)
	time.Sleep(10 * time.Millisecond) // a write would show in the modification time
	t.Run("read-only", func(t *testing.T) {
		st, err := OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		if plans, err := st.Plans(); err != nil || len(plans) != 3 {
			t.Errorf("Plans = %d, %v", len(plans), err)
		}
		if err := st.SaveSettings(testSettings()); err == nil {
			t.Error("a read-only store saved settings")
		}
		st.Close()
		before.assertSame(t, path, "reading")
	})
	t.Run("read-write without a change", func(t *testing.T) {
		st, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		st.Plans()
		st.Check()
		st.Close()
		before.assertSame(t, path, "opening for writing and closing")
	})
}

func TestReadOnlyFileCanBeReadAndBackedUp(t *testing.T) {
	path := filledFile(t, 1)
	os.Chmod(path, 0o444)
	os.Chmod(filepath.Dir(path), 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Dir(path), 0o755) })
	if os.Getuid() == 0 {
		t.Log("running as root: the rights do not bind, the read-only open still must not write")
	}
	before := stateOf(t, path)
	backupOf(t, path)
	before.assertSame(t, path, "backing up")
}

func TestOlderSchemaReadOnlyReadsThroughTheMigration(t *testing.T) {
	path := copyFixture(t, v1Fixture)
	before := stateOf(t, path)
	st, err := OpenReadOnly(path)
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
	scratch := st.scratch
	st.Close()
	if _, err := os.Stat(scratch); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the migrated copy %s stays after Close", scratch)
	}
	before.assertSame(t, path, "reading an older file")
}

func TestUnexpectedFilesAreRefusedUntouched(t *testing.T) {
	tests := []struct {
		name    string
		make    func(t *testing.T) string
		message string
	}{
		{"empty file", func(t *testing.T) string { return writeTemp(t, nil) }, "tệp rỗng (0 byte)"},
		{"text file", func(t *testing.T) string {
			return writeTemp(t, []byte(strings.Repeat("không phải dữ liệu ", 500)))
		}, "không phải tệp dữ liệu của chương trình"},
		{"schema abc", func(t *testing.T) string { return withSchema(t, "abc") }, "mã phiên bản dữ liệu “abc” không hợp lệ"},
		{"schema -1", func(t *testing.T) string { return withSchema(t, "-1") }, "mã phiên bản dữ liệu “-1” không hợp lệ"},
		{"schema missing", func(t *testing.T) string { return withSchema(t, "") }, "không có mã phiên bản dữ liệu"},
		{"bucket missing", withoutTargets, "thiếu ngăn dữ liệu “targets”"},
		{"damaged page", damagedFile, "cấu trúc tệp bị hỏng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.make(t)
			before := stateOf(t, path)
			for _, readOnly := range []bool{true, false} {
				_, err := OpenWith(path, OpenOptions{ReadOnly: readOnly, Create: CreateFolder, Fill: func(*Store) error {
					t.Error("an existing file was filled")
					return nil
				}})
				d, ok := AsDamaged(err)
				if !ok || d.Path != path || !strings.Contains(Message(err), tt.message) || !strings.Contains(Message(err), path) {
					t.Errorf("read-only %v: %v (%q)", readOnly, err, Message(err))
				}
			}
			before.assertSame(t, path, "refusing")
		})
	}
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cchc.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// withSchema makes a file whose schema marker is value; "" removes it.
func withSchema(t *testing.T, value string) string {
	return editRaw(t, func(tx *bolt.Tx) error {
		if value == "" {
			return tx.Bucket(BucketMeta).Delete(KeySchema)
		}
		return tx.Bucket(BucketMeta).Put(KeySchema, []byte(value))
	})
}

func withoutTargets(t *testing.T) string {
	return editRaw(t, func(tx *bolt.Tx) error { return tx.DeleteBucket(BucketTargets) })
}

// editRaw makes a filled file and changes it behind the store's back.
func editRaw(t *testing.T, edit func(tx *bolt.Tx) error) string {
	t.Helper()
	path := filledFile(t, 1)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(edit); err != nil {
		t.Fatal(err)
	}
	return path
}

// damagedFile makes a filled file with one page damaged: the first page,
// past the meta pages, whose damage the check sees.
func damagedFile(t *testing.T) string {
	t.Helper()
	path := filledFile(t, 30)
	good, _ := os.ReadFile(path)
	for page := 2; page*4096 < len(good); page++ {
		damagePage(t, path, good, page)
		if st, err := OpenReadOnly(path); err != nil {
			return path
		} else {
			st.Close()
		}
	}
	t.Fatal("no damaged page is seen")
	return ""
}

// damagePage writes good to path with the element headers of one page
// scrambled.
func damagePage(t *testing.T, path string, good []byte, page int) {
	t.Helper()
	data := bytes.Clone(good)
	for i := range 64 {
		data[page*4096+16+i] ^= 0x5a
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestEveryDamagedPageIsRefusedWithoutAPanic(t *testing.T) {
	path := filledFile(t, 30)
	good, _ := os.ReadFile(path)
	refused, opened := 0, 0
	for page := 2; page*4096 < len(good); page++ {
		damagePage(t, path, good, page)
		for _, readOnly := range []bool{true, false} {
			st, err := OpenWith(path, OpenOptions{ReadOnly: readOnly})
			if err == nil {
				readEverything(t, st) // damage the check does not see: reading must still not crash
				st.Close()
				opened++
				continue
			}
			if _, ok := AsDamaged(err); !ok {
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
func readEverything(t *testing.T, st *Store) {
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
		st, err := OpenWith(path, OpenOptions{Create: CreateFile, ReadOnly: true, Fill: func(st *Store) error {
			filled = true
			return st.SaveSettings(testSettings())
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
		_, err := OpenWith(filepath.Join(dir, "cchc.db"), OpenOptions{Create: CreateFile})
		if err == nil || !strings.Contains(Message(err), "thư mục "+dir+" không tồn tại") {
			t.Errorf("err = %v", err)
		}
		if _, statErr := os.Stat(dir); statErr == nil {
			t.Error("the folder was made")
		}
	})
	t.Run("default makes its folder", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "vn.kehoach.cchc", "cchc.db")
		st, err := OpenWith(path, OpenOptions{Create: CreateFolder})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	})
	t.Run("never", func(t *testing.T) {
		_, err := OpenReadOnly(filepath.Join(t.TempDir(), "khong-co.db"))
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("a failed fill leaves no file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "cchc.db")
		_, err := OpenWith(path, OpenOptions{Create: CreateFile, Fill: func(*Store) error { return errors.New("hỏng") }})
		entries, _ := os.ReadDir(filepath.Dir(path))
		if err == nil || len(entries) != 0 {
			t.Errorf("err = %v, folder holds %d files", err, len(entries))
		}
	})
}

func TestMigrationNeverRunsOnAFileThatFailsItsCheck(t *testing.T) {
	path := copyFixture(t, v1Fixture)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(BucketAreas).Put(ChildKey(1, 99), []byte("{hỏng"))
	})
	db.Close()
	before := stateOf(t, path)
	if _, err := Open(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open = %v, want ErrDamaged", err)
	}
	before.assertSame(t, path, "a refused migration")
}
