package ui

import (
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/ui/internal/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// openYearWindow opens the window over the seed plan with its scripted year
// of 2023 (updates, evidence, actuals, figures) in a temporary folder.
func openYearWindow(t *testing.T) (*MainWindow, *db.Store, store.Plan) {
	t.Helper()
	a := test.NewTempApp(t)
	st, plan, err := demo.OpenSeedYear(filepath.Join(t.TempDir(), "cchc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := NewMainWindow(a, st, uitest.FixedToday)
	t.Cleanup(w.Window.Close)
	w.Window.Resize(fyne.NewSize(1280, 800))
	return w, st, plan
}

func TestSettingsLeadToTheBackups(t *testing.T) {
	w, _ := openWindow(t)
	w.nav.ShowTitle("Cài đặt")
	var link *widget.Button
	for _, o := range test.LaidOutObjects(w.Settings.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Mở màn hình Sao lưu…" {
			link = b
		}
	}
	if link == nil {
		t.Fatal("no link to the backups on the settings screen")
	}
	test.Tap(link)
	if w.nav.Shown() != "Sao lưu" {
		t.Errorf("the link showed %q", w.nav.Shown())
	}
}

func TestEveryScreenFitsIn900x600(t *testing.T) {
	w, _, _ := openYearWindow(t)
	w.Window.Resize(fyne.NewSize(900, 600))
	for _, title := range w.nav.Titles() {
		t.Run(title, func(t *testing.T) {
			w.nav.ShowTitle(title)
			if min := w.Window.Content().MinSize(); min.Width > 900 || min.Height > 600 {
				t.Errorf("the window needs %v", min)
			}
			if size := w.Window.Canvas().Size(); size.Width > 900 || size.Height > 600 {
				t.Errorf("the window grew to %v", size)
			}
		})
	}
}
