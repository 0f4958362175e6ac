package tasks

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/ui/internal/screentest"
	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"
)

// newScreen builds the task screen over st with the host a window of the
// size the app first opens at would give it, but does not show it: as in
// the window, which opens on the overview; the current plan is the one to
// choose.
func newScreen(t testing.TB, st *db.Store, today func() store.Date) (*Screen, *widgets.CurrentPlan) {
	t.Helper()
	host := screentest.NewHost(t, st, today, fyne.NewSize(1200, 760))
	return NewScreen(st, host), host.Current
}

// openScreen opens the task screen over the seed plan in a temporary
// folder.
func openScreen(t *testing.T) *Screen {
	t.Helper()
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	t.Cleanup(func() { st.Close() })
	s, current := newScreen(t, st, uitest.FixedToday)
	if err := current.Select(0); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestThePaneShowsATaskOnlyOnceOneIsChosen(t *testing.T) {
	s := openScreen(t)
	if !s.Detail.hint.Visible() || s.Detail.TaskID() != 0 {
		t.Fatal("the pane shows a task before one is chosen")
	}
	row := 0 // task I.1
	s.SelectTask(s.TaskAt(row).ID)
	if s.Detail.hint.Visible() || s.Detail.TaskID() != s.TaskAt(row).ID {
		t.Fatal("selecting a task left the hint showing")
	}
}

func TestTaskColumnsKeepAWholeStatus(t *testing.T) {
	test.NewTempApp(t)
	widths := taskColumnWidths()
	for _, st := range stateNames() {
		t.Run(st, func(t *testing.T) {
			if need := fyne.MeasureText(st, 14, fyne.TextStyle{}).Width; widths[ColState].Least < need {
				t.Errorf("status column shrinks to %v, %q needs %v", widths[ColState].Least, st, need)
			}
		})
	}
}
