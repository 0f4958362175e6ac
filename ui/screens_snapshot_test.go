package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

// TestScreenSnapshots saves pictures of the overview, targets and reports
// screens over the seed plan's scripted year, at 1280×800 and 900×600:
// CCHC_UI_SNAPSHOTS=DIR go test -tags ci ./ui -run ScreenSnapshots.
func TestScreenSnapshots(t *testing.T) {
	dir := os.Getenv("CCHC_UI_SNAPSHOTS")
	if dir == "" {
		t.Skip("set CCHC_UI_SNAPSHOTS=DIR to save pictures of the screens")
	}
	w, st, plan := openYearWindow(t)
	q1 := store.Period{Kind: store.PeriodQ1, Year: 2023}
	if _, err := export.DraftReport(st, export.DraftRequest{PlanID: plan.ID, Period: q1}); err != nil {
		t.Fatal(err)
	}
	w.Overview.SetAsOf(store.NewDate(2023, 3, 14))
	w.Targets.ShowPeriod(q1)
	// No target selected: Fyne's software painter, which captures the test
	// canvas, fails on a field cut by the edge of a scroll. The real window
	// (make screenshots) shows the editor.
	w.Reports.Reload()
	w.Reports.SelectReport(w.Reports.Reports()[0].ID)
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 900, Height: 600}} {
		w.Window.Resize(size)
		name := func(screen string) string {
			return filepath.Join(dir, fmt.Sprintf("%s-%.0fx%.0f.png", screen, size.Width, size.Height))
		}
		for _, title := range []string{"Tổng quan", "Chỉ tiêu", "Báo cáo", "Cài đặt"} {
			w.nav.ShowTitle(title)
			save(t, w.Window, name(title))
		}
		w.nav.ShowTitle("Chỉ tiêu")
		w.Targets.Tabs.SelectIndex(1)
		save(t, w.Window, name("so-lieu"))
		w.Targets.Tabs.SelectIndex(0)
	}
}
