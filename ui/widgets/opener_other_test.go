//go:build !windows

package widgets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/ui/internal/uitest"
)

// fakeXdgOpen puts an xdg-open on PATH that writes its argument to a file
// and exits with code.
func fakeXdgOpen(t *testing.T, code int) (record string) {
	t.Helper()
	bin := t.TempDir()
	record = filepath.Join(bin, "opened")
	// Written aside then renamed, so the test never reads it half written.
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + record + ".tmp && /bin/mv " + record + ".tmp " + record + "\nexit " + string(rune('0'+code)) + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	return record
}

func TestOpenerWithoutXdgOpenSaysSoInVietnamese(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	o := SystemOpener(func(err error) { t.Errorf("later failure %v", err) })
	path := filepath.Join(t.TempDir(), "Kế hoạch.pdf")
	for name, open := range map[string]func(string) error{"file": o.OpenFile, "folder": o.ShowInFolder} {
		err := open(path)
		if err == nil {
			t.Fatalf("%s: opened without any program", name)
		}
		if msg := err.Error(); !strings.Contains(msg, "Máy này không có chương trình") || !strings.Contains(msg, path) ||
			strings.Contains(msg, "exec") || strings.Contains(msg, "xdg-open") {
			t.Errorf("%s: %q", name, msg)
		}
	}
}

func TestOpenerHandsTheFileOrItsFolderToXdgOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Kế hoạch.pdf")
	tests := []struct {
		name string
		open func(Opener, string) error
		want string
	}{
		{"file", Opener.OpenFile, path},
		{"folder", Opener.ShowInFolder, filepath.Dir(path)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			record := fakeXdgOpen(t, 0)
			if err := tt.open(SystemOpener(func(err error) { t.Error(err) }), path); err != nil {
				t.Fatal(err)
			}
			if got := waitForFile(t, record); got != tt.want {
				t.Errorf("xdg-open got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOpenerTellsLaterWhenNothingOpensTheFile(t *testing.T) {
	fakeXdgOpen(t, 3) // xdg-open: no program for this kind of file
	failed := make(chan error, 1)
	path := filepath.Join(t.TempDir(), "bieu.xlsx")
	if err := SystemOpener(func(err error) { failed <- err }).OpenFile(path); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-failed:
		if !strings.Contains(err.Error(), "Không có chương trình nào mở được "+path) {
			t.Errorf("failure %q", err)
		}
	case <-time.After(uitest.JobDeadline):
		t.Fatal("no word of the failure")
	}
}

func waitForFile(t *testing.T, path string) string {
	t.Helper()
	for deadline := time.Now().Add(uitest.JobDeadline); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if data, err := os.ReadFile(path); err == nil {
			return string(data)
		}
	}
	t.Fatalf("%s never written", path)
	return ""
}
