package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store/storetest"
)

// seededFile makes a data file with the seed plan.
func seededFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cchc.db")
	st, err := seeds.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

func autoBackups(path string) int {
	n := 0
	for _, b := range backup.ListBackups(path) {
		if b.Auto() {
			n++
		}
	}
	return n
}

func TestTheWindowWritesNothingUntilAChangeAndBacksUpOnce(t *testing.T) {
	a := test.NewTempApp(t)
	path := seededFile(t)
	before, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	time.Sleep(10 * time.Millisecond) // a write would show in the modification time
	for range 2 {
		s := &session{app: a, loc: datafile.Location{Path: path}}
		s.start()
		if s.main == nil {
			t.Fatal("no main window")
		}
		s.close()
	}
	if n := autoBackups(path); n != 1 {
		t.Errorf("%d automatic backups after closing twice on the same data, want 1", n)
	}
	after, _ := os.ReadFile(path)
	if now, _ := os.Stat(path); !bytes.Equal(before, after) || !now.ModTime().Equal(info.ModTime()) {
		t.Error("opening and closing the window changed the data file")
	}
}

func TestADamagedFileOffersTheNewestBackup(t *testing.T) {
	a := test.NewTempApp(t)
	path := seededFile(t)
	st, _ := db.OpenReadOnly(path)
	os.Mkdir(backup.BackupDir(path), 0o700)
	if _, err := backup.BackupInFolder(st, backup.BackupDir(path), backup.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	storetest.Damage(t, path)
	damaged, _ := os.ReadFile(path)

	s := &session{app: a, loc: datafile.Location{Path: path}}
	s.start()
	r := s.recovery
	if r == nil || s.main != nil {
		t.Fatal("no recovery window for a damaged file")
	}
	if !strings.Contains(r.Message.Text, path) || !strings.Contains(r.Message.Text, "cấu trúc tệp bị hỏng") || r.Selected != 0 {
		t.Errorf("message %q, selected %d", r.Message.Text, r.Selected)
	}
	test.Tap(r.Restore)
	if s.main == nil {
		t.Fatal("no main window after restoring")
	}
	defer s.close()
	if plans := s.main.Backups.Backups(); len(plans) == 0 {
		t.Error("the backup screen lists nothing")
	}
	if err := s.st.Check(); err != nil {
		t.Errorf("restored data: %v", err)
	}
	asides, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "cchc.hong-*.db"))
	if len(asides) != 1 {
		t.Fatalf("damaged files kept: %v", asides)
	}
	if kept, _ := os.ReadFile(asides[0]); !bytes.Equal(kept, damaged) {
		t.Error("the damaged file was changed")
	}
}

func TestSalvageFromTheRecoveryWindow(t *testing.T) {
	a := test.NewTempApp(t)
	path := seededFile(t)
	storetest.Damage(t, path)
	s := &session{app: a, loc: datafile.Location{Path: path}}
	s.start()
	if s.recovery == nil || s.recovery.Restore.Disabled() == false {
		t.Fatal("without backups, restore must not be offered")
	}
	test.Tap(s.recovery.Salvage)
	s.recovery.Asked.(*dialog.ConfirmDialog).Confirm()
	if s.main == nil {
		t.Fatal("no main window after salvaging")
	}
	s.close()
}

func TestRestoreFromTheBackupScreen(t *testing.T) {
	a := test.NewTempApp(t)
	path := seededFile(t)
	s := &session{app: a, loc: datafile.Location{Path: path}}
	s.start()
	usb := filepath.Join(t.TempDir(), "usb.zip")
	if _, err := backup.Backup(s.st, usb, backup.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.st.SetSignerName("Người Mới"); err != nil {
		t.Fatal(err)
	}
	first := s.main
	if err := first.Backups.OnRestore(usb); err != nil {
		t.Fatal(err)
	}
	if s.main == first {
		t.Error("the window was not opened again on the restored data")
	}
	settings, _ := s.st.Settings()
	if settings.Signer.Name == "Người Mới" {
		t.Error("the backup was not restored")
	}
	if n := autoBackups(path); n != 1 {
		t.Errorf("%d automatic backups, want the one before restoring", n)
	}
	s.close()
}
