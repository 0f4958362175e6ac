package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// TestScreenSnapshots saves pictures of the overview, targets and reports
// screens over the seed plan's scripted year, at 1280×800 and 900×600:
// CCHC_UI_SNAPSHOTS=DIR go test -tags ci ./ui -run ScreenSnapshots.
func TestScreenSnapshots(t *testing.T) {
	dir := os.Getenv("CCHC_UI_SNAPSHOTS")
	if dir == "" {
		t.Skip("set CCHC_UI_SNAPSHOTS=DIR to save pictures of the screens")
	}
	w, _, _ := openYearWindow(t)
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 900, Height: 600}} {
		w.Window.Resize(size)
		name := func(screen string) string {
			return filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", screen, size.Width, size.Height))
		}
		for _, title := range []string{"Tổng quan", "Chỉ tiêu", "Báo cáo", "Cài đặt"} {
			w.nav.ShowTitle(title)
			save(t, w.Window, name(title))
		}
	}
}
