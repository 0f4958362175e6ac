package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/seeds/demo"
)

// openBigPlan opens the window over a store holding one synthetic plan of
// 10,000 tasks.
func openBigPlan(t *testing.T) *MainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := db.Open(filepath.Join(t.TempDir(), "big.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	b := demo.Bundle(demo.Options{Tasks: 10_000, PerArea: 500})
	b.Plan.ID = 0
	for i := range b.Areas {
		b.Areas[i].ID = 0
		for j := range b.Areas[i].Tasks {
			b.Areas[i].Tasks[j].ID = 0
		}
	}
	if _, err := st.CreateBundle(b); err != nil {
		t.Fatal(err)
	}
	w := NewMainWindow(a, st, uitest.FixedToday)
	t.Cleanup(w.Window.Close)
	return w
}

// cancelOnceUnderWay waits for the export to report progress, presses
// "Huỷ" and returns how the export ended.
func cancelOnceUnderWay(t *testing.T, x *widgets.Exporter, ended chan error) error {
	t.Helper()
	deadline := time.Now().Add(uitest.JobDeadline)
	for x.Progress.Fraction() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the export reported no progress")
		}
		time.Sleep(5 * time.Millisecond)
	}
	uitest.UnderUILock(func() { test.Tap(x.Progress.CancelButton) })
	select {
	case err := <-ended:
		return err
	case <-time.After(uitest.JobDeadline):
		t.Fatal("the export did not stop")
		return nil
	}
}

func TestCancelledExportLeavesTheOldFileAsItWas(t *testing.T) {
	w := openBigPlan(t)
	old := []byte("bản đã ký, không được ghi đè")
	tests := []struct {
		name  string
		start func(path string, ended chan error) *widgets.Exporter
	}{
		{"PDF", func(path string, ended chan error) *widgets.Exporter {
			x := newPDFExport(w.host(), w.pdf.store)
			x.ChooseFile = func(_ string, _ widgets.FileFilter, done func(string)) { done(path) }
			x.Finished = func(err error) { ended <- err }
			uitest.UnderUILock(func() {
				x.start()
				x.signer.form.Dismiss()
				x.ask.Confirm()
			})
			return &x.Exporter
		}},
		{"Excel", func(path string, ended chan error) *widgets.Exporter {
			x := newExcelExport(w.host(), w.excel.Source)
			x.ChooseFile = func(_ string, _ widgets.FileFilter, done func(string)) { done(path) }
			x.Finished = func(err error) { ended <- err }
			uitest.UnderUILock(func() {
				x.start()
				x.ask.Confirm()
			})
			return &x.Exporter
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "ke-hoach")
			if err := os.WriteFile(path, old, 0o644); err != nil {
				t.Fatal(err)
			}
			ended := make(chan error, 1)
			x := tt.start(path, ended)
			if err := cancelOnceUnderWay(t, x, ended); !widgets.Cancelled(err) {
				t.Fatalf("the export ended with %v, want it cancelled", err)
			}
			if data, _ := os.ReadFile(path); !bytes.Equal(data, old) {
				t.Errorf("the old file now holds %d bytes", len(data))
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the folder holds %d files, want only the old one", len(entries))
			}
			if x.Done != nil {
				t.Error("a cancelled export said it was written")
			}
		})
	}
}
