package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// openYearWindow opens the window over the seed plan with its scripted year
// of 2023 (updates, evidence, actuals, figures) in a temporary folder.
func openYearWindow(t *testing.T) (*MainWindow, *store.Store, store.Plan) {
	t.Helper()
	a := test.NewTempApp(t)
	st, plan, err := demo.OpenSeedYear(filepath.Join(t.TempDir(), "cchc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := NewMainWindow(a, st, fixedToday)
	t.Cleanup(w.Window.Close)
	w.Window.Resize(fyne.NewSize(1280, 800))
	return w, st, plan
}
