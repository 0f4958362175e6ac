// Package screentest builds what the tests of one screen open it with: the
// host the window would give it, in a window of its own, over a real store
// in a temporary folder.
package screentest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui/widgets"
)

// NewHost is the host of a screen alone in a test window of the given size:
// the current plan over st, chosen by none yet, the system's file dialogs
// and opener, and the dialog keys, as the window gives its screens.
func NewHost(t testing.TB, st widgets.PlanLister, today func() store.Date, size fyne.Size) widgets.ActionHost {
	t.Helper()
	w := test.NewTempApp(t).NewWindow("test")
	t.Cleanup(w.Close)
	w.Resize(size)
	host := widgets.ActionHost{Window: w, Current: widgets.NewCurrentPlan(st), Today: today, Keys: &widgets.DialogKeys{}}
	host.Files = widgets.NewFileChooser(host.ShowError)
	host.Opener = widgets.SystemOpener(host.ShowError)
	return host
}
