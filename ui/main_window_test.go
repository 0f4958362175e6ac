package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kehoach/cchc/ui/tasks"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/ui/internal/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// plan2024 is a second, one-task plan beside the seed plan of 2023.
func plan2024() store.Bundle {
	return store.Bundle{
		Plan:  store.Plan{Year: 2024, Number: "15", Symbol: "KH-SKH", IssueDate: store.NewDate(2024, 1, 20), Summary: "Cải cách hành chính năm 2024"},
		Areas: []store.AreaTasks{{Area: store.Area{Numeral: "I", Name: "Cải cách thể chế"}, Tasks: []store.Task{{Ordinal: "1", Content: "Rà soát văn bản"}}}},
	}
}

// openWindow opens the window over a seeded store in a temporary folder.
func openWindow(t *testing.T) (*MainWindow, *db.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	t.Cleanup(func() { st.Close() })
	w := NewMainWindow(a, st, uitest.FixedToday)
	t.Cleanup(w.Window.Close)
	return w, st
}

func TestSwitchingThePlanUpdatesTheScreensAndTitle(t *testing.T) {
	// Given the window on the seed plan, a second plan in the store and a
	// screen that listens to the current plan,
	w, st := openWindow(t)
	if got := w.Window.Title(); got != "Kế hoạch CCHC — 122/KH-SKH năm 2023" {
		t.Errorf("title = %q", got)
	}
	second, err := st.CreateBundle(plan2024())
	if err != nil {
		t.Fatal(err)
	}
	var heard []string
	w.current.OnChanged(func(p store.Plan) { heard = append(heard, p.Ref()) })

	t.Run("choosing a plan by its id", func(t *testing.T) {
		if err := w.current.Select(second.ID); err != nil {
			t.Fatal(err)
		}
		if got := w.Window.Title(); got != "Kế hoạch CCHC — 15/KH-SKH năm 2024" {
			t.Errorf("title = %q", got)
		}
		if w.Tasks.RowCount() != 1 || w.Tasks.CellText(0, tasks.ColContent) != "Rà soát văn bản" {
			t.Errorf("the task screen shows %d rows", w.Tasks.RowCount())
		}
		if !strings.HasPrefix(w.planSelect.Selected, "2024 · 15/KH-SKH") || len(w.planSelect.Options) != 2 {
			t.Errorf("plan choice shows %q of %q", w.planSelect.Selected, w.planSelect.Options)
		}
	})
	t.Run("choosing a plan in the plan choice", func(t *testing.T) {
		w.planSelect.SetSelectedIndex(1)
		if got := w.Window.Title(); got != "Kế hoạch CCHC — 122/KH-SKH năm 2023" {
			t.Errorf("title = %q", got)
		}
		if got := w.Tasks.RowCount(); got != 21 {
			t.Errorf("the task screen shows %d rows, want 21", got)
		}
	})
	// and each change is told once.
	if !slices.Equal(heard, []string{"15/KH-SKH", "122/KH-SKH"}) {
		t.Errorf("listeners heard %q", heard)
	}
}

func TestReloadKeepsThePlanAndShowsWhatChanged(t *testing.T) {
	w, st := openWindow(t)
	plan, _ := w.current.Plan()
	row := taskRow(t, w.Tasks, "I", "2")
	done := store.Update{PlanID: plan.ID, TaskID: w.Tasks.TaskAt(row).ID, Date: uitest.FixedToday(), Status: store.StatusDone, Reason: "Chờ hướng dẫn của tỉnh"}
	if _, err := st.AddUpdate(done); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateBundle(plan2024()); err != nil {
		t.Fatal(err)
	}
	if err := w.current.Reload(); err != nil {
		t.Fatal(err)
	}
	if shown, _ := w.current.Plan(); shown.ID != plan.ID {
		t.Errorf("reload moved to plan %s", shown.Ref())
	}
	if got := w.Tasks.CellText(row, tasks.ColState); got != "Hoàn thành quá hạn" {
		t.Errorf("I.2 shows %q after reload", got)
	}
	if len(w.planSelect.Options) != 2 {
		t.Errorf("plan choice lists %d plans", len(w.planSelect.Options))
	}
}

func TestEmptyStoreShowsNoPlan(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := db.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := NewMainWindow(a, st, uitest.FixedToday)
	defer w.Window.Close()
	if _, ok := w.current.Plan(); ok || w.Window.Title() != AppTitle || w.Tasks.RowCount() != 0 {
		t.Errorf("an empty store shows a plan: title %q, %d rows", w.Window.Title(), w.Tasks.RowCount())
	}
	if !strings.HasPrefix(w.Tasks.Summary(), "0 nhiệm vụ") {
		t.Errorf("summary = %q", w.Tasks.Summary())
	}
}

func TestNavigationHoldsTheScreensThatExist(t *testing.T) {
	w, _ := openWindow(t)
	if got := w.nav.Titles(); !slices.Equal(got, []string{"Tổng quan", "Nhiệm vụ", "Chỉ tiêu", "Báo cáo", "Sao lưu", "Cài đặt"}) {
		t.Errorf("screens %q: list only screens that exist", got)
	}
	if w.nav.Shown() != "Tổng quan" {
		t.Errorf("shown %q", w.nav.Shown())
	}
}

func TestWindowFitsIn900x600(t *testing.T) {
	w, _ := openWindow(t)
	row := taskRow(t, w.Tasks, "II", "8")
	w.ShowTask(w.Tasks.TaskAt(row).ID)
	w.Window.Resize(fyne.NewSize(900, 600))
	if min := w.Window.Content().MinSize(); min.Width > 900 || min.Height > 600 {
		t.Fatalf("the window needs %v", min)
	}
	size := w.Window.Canvas().Size()
	if size.Width > 900 || size.Height > 600 {
		t.Fatalf("the window grew to %v", size)
	}
	save := w.Tasks.Detail.SaveUpdateButton
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(save)
	if end := pos.Add(save.Size()); pos.X < 0 || pos.Y < 0 || end.X > size.Width || end.Y > size.Height || save.Size().Height == 0 {
		t.Errorf("the save button is at %v–%v in a window of %v", pos, end, size)
	}
}

func TestPlanLabel(t *testing.T) {
	tests := []struct {
		name string
		plan store.Plan
		want string
	}{
		{"issued", store.Plan{Year: 2023, Number: "122", Symbol: "KH-SKH", IssueDate: store.NewDate(2023, 1, 28), Summary: "Cải cách hành chính"},
			"2023 · 122/KH-SKH ngày 28/01/2023 · Cải cách hành chính"},
		{"no date yet", store.Plan{Year: 2025, Number: "00", Summary: "Kế hoạch năm 2025"}, "2025 · 00 · Kế hoạch năm 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := planLabel(tt.plan); got != tt.want {
				t.Errorf("planLabel = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMessageWindowsAreLightAndVietnamese(t *testing.T) {
	tests := []struct {
		name string
		show func(fyne.App) fyne.Window
		want string
	}{
		{"data in use", ShowAlreadyOpen, "đã mở ở một cửa sổ khác"},
		{"data unreadable", func(a fyne.App) fyne.Window { return ShowStartupError(a, store.ErrNewerSchema) }, "phiên bản mới hơn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(test.NewTheme()) // whatever the system chose
			w := tt.show(a)
			defer w.Close()
			if _, light := a.Settings().Theme().(officeTheme); !light {
				t.Errorf("theme %T", a.Settings().Theme())
			}
			r, g, b, _ := w.Canvas().Capture().At(2, 2).RGBA()
			if r>>8 < 200 || g>>8 < 200 || b>>8 < 200 {
				t.Errorf("background %d,%d,%d is not light", r>>8, g>>8, b>>8)
			}
			label := test.LaidOutObjects(w.Content())
			found := false
			for _, o := range label {
				if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %q in the window", tt.want)
			}
		})
	}
}

func TestReportsBarsWrapInANarrowWindow(t *testing.T) {
	w, _ := openWindow(t)
	w.nav.ShowTitle("Báo cáo")
	// 900×600 at 125%: 720×480 in Fyne's units.
	w.Window.Resize(fyne.NewSize(720, 480))
	size := w.Window.Canvas().Size()
	for name, b := range map[string]*widget.Button{"Soạn báo cáo": w.Reports.DraftButton, "Tạo kế hoạch năm sau": w.Reports.RolloverButton,
		"In PDF": w.Reports.PDFButton, "Xuất Excel": w.Reports.ExcelButton} {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if end := pos.Add(b.Size()); pos.X < 0 || end.X > size.Width || end.Y > size.Height || b.Size().Width < b.MinSize().Width {
			t.Errorf("%s is at %v–%v (least width %v) in a window of %v", name, pos, end, b.MinSize().Width, size)
		}
	}
}
