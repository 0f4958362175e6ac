package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/kehoach/cchc/ui/internal/uitest"
)

// TestSnapshots saves pictures of the screens for looking at them and for the
// user guide: CCHC_UI_SNAPSHOTS=DIR go test -tags ci ./ui -run Snapshots.
func TestSnapshots(t *testing.T) {
	dir := os.Getenv("CCHC_UI_SNAPSHOTS")
	if dir == "" {
		t.Skip("set CCHC_UI_SNAPSHOTS=DIR to save pictures of the screens")
	}
	a := test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	w := NewMainWindow(a, st, uitest.FixedToday)
	w.Window.Resize(fyne.NewSize(1200, 760))
	save(t, w.Window, filepath.Join(dir, "tasks.png"))

	row := taskRow(t, w.Tasks, "II", "8")
	w.Tasks.SelectTask(w.Tasks.TaskAt(row).ID)
	save(t, w.Window, filepath.Join(dir, "task-selected.png"))

	w.Window.Resize(fyne.NewSize(900, 600))
	save(t, w.Window, filepath.Join(dir, "task-selected-900x600.png"))
}

func save(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
