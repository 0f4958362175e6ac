package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/usererr"
	"github.com/kehoach/cchc/ui/internal/uitest"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
)

// backupDone runs a backup action of the screen and waits for it.
func backupDone(t *testing.T, s *BackupScreen, action func()) error {
	t.Helper()
	ended := make(chan error, 1)
	s.finished = func(err error) { ended <- err }
	uitest.UnderUILock(action)
	select {
	case err := <-ended:
		return err
	case <-time.After(uitest.JobDeadline):
		t.Fatal("the backup did not end")
	}
	return nil
}

func TestBackupScreenBacksUpAndRestores(t *testing.T) {
	a := test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	w := NewMainWindow(a, st, uitest.FixedToday)
	defer w.Window.Close()
	w.ShowBackups()
	s := w.Backups
	if w.nav.Shown() != "Sao lưu" || len(s.Backups()) != 0 || !s.Restore.Disabled() || !s.RestoreFile.Disabled() {
		t.Fatalf("shown %q, %d backups, restore enabled without a way to restore", w.nav.Shown(), len(s.Backups()))
	}
	if err := backupDone(t, s, func() { test.Tap(s.BackupNow) }); err != nil {
		t.Fatal(err)
	}
	usb := filepath.Join(t.TempDir(), "usb.zip")
	s.chooseSavePath = func(suggested string, done func(string)) {
		if !strings.HasPrefix(suggested, "cchc-sao-luu-") || !strings.HasSuffix(suggested, ".zip") {
			t.Errorf("suggested %q", suggested)
		}
		done(usb)
	}
	if err := backupDone(t, s, func() { test.Tap(s.BackupTo) }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(usb); err != nil {
		t.Errorf("no backup on the stick: %v", err)
	}
	list := s.Backups()
	if len(list) != 1 || list[0].Tasks != 21 || !strings.Contains(backupLine(list[0]), "1 kế hoạch, 21 nhiệm vụ") {
		t.Fatalf("backups listed: %+v", list)
	}

	var restored string
	s.OnRestore = func(path string) error { restored = path; return nil }
	s.Reload()
	s.List.Select(0)
	test.Tap(s.Restore)
	s.Asked.(*dialog.ConfirmDialog).Confirm()
	if restored != list[0].Path {
		t.Errorf("restored %q, want %q", restored, list[0].Path)
	}
}

func TestBackupScreenRefusesAFileThatIsNoBackup(t *testing.T) {
	a := test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	var shown error
	s := NewBackupScreen(a.NewWindow("x"), st, func(err error) { shown = err })
	s.OnRestore = func(string) error { t.Error("a file that is no backup was restored"); return nil }
	s.Reload()
	notBackup := filepath.Join(t.TempDir(), "anh.zip")
	os.WriteFile(notBackup, []byte("PK"), 0o600)
	s.chooseBackupFile = func(done func(string)) { done(notBackup) }
	test.Tap(s.RestoreFile)
	if shown == nil || !strings.Contains(usererr.Message(shown), "không phải bản sao lưu") {
		t.Errorf("shown %v", shown)
	}
}

func TestRecoveryWindowChoosesTheNewestGoodBackup(t *testing.T) {
	a := test.NewTempApp(t)
	backups := []backup.BackupInfo{
		{Path: "hong.zip", Made: time.Now(), Problem: "không phải bản sao lưu"},
		{Path: "tot.zip", Made: time.Now().Add(-time.Hour), Plans: 1, Tasks: 21},
	}
	var restored string
	r := ShowRecovery(a, &datafile.DamagedError{Path: "/du-lieu/cchc.db", Problems: []string{"tệp rỗng (0 byte)"}}, backups,
		RecoveryActions{Restore: func(path string) error { restored = path; return nil }})
	if r.Selected != 1 || !strings.Contains(r.Message.Text, "/du-lieu/cchc.db") || !strings.Contains(r.Message.Text, "không bị ghi đè hay xoá") {
		t.Errorf("selected %d, message %q", r.Selected, r.Message.Text)
	}
	test.Tap(r.Restore)
	if restored != "tot.zip" || !r.done {
		t.Errorf("restored %q", restored)
	}
}
