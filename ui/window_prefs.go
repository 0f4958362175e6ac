package ui

import "fyne.io/fyne/v2"

// The preferences the window keeps between starts.
const (
	prefWidth    = "window.width"
	prefHeight   = "window.height"
	prefLastPlan = "window.lastPlan"
)

// defaultWindowSize is the size of the first start.
var defaultWindowSize = fyne.NewSize(1200, 760)

// restoreSize gives the window the size it had when last closed.
func (w *MainWindow) restoreSize() {
	prefs := fyne.CurrentApp().Preferences()
	size := fyne.NewSize(float32(prefs.FloatWithFallback(prefWidth, float64(defaultWindowSize.Width))),
		float32(prefs.FloatWithFallback(prefHeight, float64(defaultWindowSize.Height))))
	if size.Width < 400 || size.Height < 300 {
		size = defaultWindowSize
	}
	w.Window.Resize(size)
}

// rememberSize keeps the window's size for the next start.
func (w *MainWindow) rememberSize() {
	size := w.Window.Canvas().Size()
	if size.Width < 400 || size.Height < 300 {
		return
	}
	prefs := fyne.CurrentApp().Preferences()
	prefs.SetFloat(prefWidth, float64(size.Width))
	prefs.SetFloat(prefHeight, float64(size.Height))
}

// lastPlanID is the plan shown when the window last showed one, 0 when
// none.
func (w *MainWindow) lastPlanID() uint64 {
	return uint64(max(0, fyne.CurrentApp().Preferences().Int(prefLastPlan)))
}

// rememberPlan keeps the plan shown for the next start.
func (w *MainWindow) rememberPlan(id uint64) {
	fyne.CurrentApp().Preferences().SetInt(prefLastPlan, int(id))
}
