package reports

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/ui/internal/screentest"
	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
)

// openYear opens the seed plan's scripted year of 2023 (updates, evidence,
// actuals, figures) in a temporary folder, and a host over it whose current
// plan will be that plan, in a window of 1280×800.
func openYear(t *testing.T) (widgets.ActionHost, *db.Store, store.Plan) {
	t.Helper()
	st, plan, err := demo.OpenSeedYear(filepath.Join(t.TempDir(), "cchc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return screentest.NewHost(t, st, uitest.FixedToday, fyne.NewSize(1280, 800)), st, plan
}

// showPlan makes plan the current plan of host and shows content in its
// window, as the window does when the officer opens a screen.
func showPlan(t *testing.T, host widgets.ActionHost, plan store.Plan, content fyne.CanvasObject, reload func()) {
	t.Helper()
	host.Window.SetContent(content)
	if err := host.Current.Select(plan.ID); err != nil {
		t.Fatal(err)
	}
	reload()
}

// openTargets opens the targets screen over the seed plan's year, showing
// quý I.
func openTargets(t *testing.T) (*TargetsScreen, *db.Store, store.Plan) {
	t.Helper()
	host, st, plan := openYear(t)
	s := NewTargetsScreen(st, host.Current, host.Today, host.ShowError)
	showPlan(t, host, plan, s.Content(), s.Reload)
	s.Period.Select.SetSelectedIndex(0) // Quý I, as the officer picks it
	if p := s.Period.Period(); p != (store.Period{Kind: store.PeriodQ1, Year: 2023}) {
		t.Fatalf("period %v", p)
	}
	return s, st, plan
}

// targetRow returns the row of the target with the given code.
func targetRow(t *testing.T, s *TargetsScreen, code string) int {
	t.Helper()
	for i, r := range s.Results() {
		if r.Target.Code == code {
			return i
		}
	}
	t.Fatalf("no target %s", code)
	return -1
}

// storedActual is the actual of a target in quý I as stored.
func storedActual(t *testing.T, st *db.Store, plan store.Plan, code string) *reporting.Actual {
	t.Helper()
	results, err := st.TargetResults(plan.ID, store.Period{Kind: store.PeriodQ1, Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Target.Code == code {
			return r.Actual
		}
	}
	t.Fatalf("no target %s in the store", code)
	return nil
}

// enterActual selects a target and types its actual's fields.
func enterActual(t *testing.T, s *TargetsScreen, code, value, num, den, note, evidence string) {
	t.Helper()
	if !s.SelectTarget(code) {
		t.Fatalf("no target %s", code)
	}
	e := s.Editor
	for field, text := range map[*widgets.Entry]string{e.Value: value, e.Numerator: num, e.Denominator: den, e.Note: note, e.Evidence: evidence} {
		field.SetText(text)
	}
	test.Tap(e.SaveButton)
}

func TestActualEnteredInPlaceShowsItsVerdict(t *testing.T) {
	s, st, plan := openTargets(t)
	t.Run("a value", func(t *testing.T) {
		row := targetRow(t, s, "III.1.1")
		if got := s.CellText(row, targetColVerdict); got != "chưa có số liệu" {
			t.Fatalf("III.1.1 starts %q", got)
		}
		enterActual(t, s, "III.1.1", "100", "", "", "Sở Tư pháp thẩm định", "12/BC-STP ngày 10/03/2023")
		if got := s.CellText(row, targetColActual) + " · " + s.CellText(row, targetColVerdict); got != "100% · đạt" {
			t.Errorf("the row shows %q", got)
		}
		if got := s.Editor.Verdict.Text; got != "Đánh giá: đạt" {
			t.Errorf("the editor says %q", got)
		}
		a := storedActual(t, st, plan, "III.1.1")
		if a == nil || a.Value != 100 || a.Note != "Sở Tư pháp thẩm định" || a.Evidence != "12/BC-STP ngày 10/03/2023" {
			t.Errorf("stored %+v", a)
		}
	})
	t.Run("a share as a numerator and a denominator", func(t *testing.T) {
		enterActual(t, s, "III.2.5", "", "13", "20", "", "")
		row := targetRow(t, s, "III.2.5")
		if got := s.CellText(row, targetColActual) + " · " + s.CellText(row, targetColVerdict); got != "65% (13/20) · đạt" {
			t.Errorf("the row shows %q", got)
		}
	})
	t.Run("a value that is no number is refused under the fields", func(t *testing.T) {
		enterActual(t, s, "III.2.7", "nhiều", "", "", "", "")
		if !s.Editor.Problem.Visible() || !strings.Contains(s.Editor.Problem.Text, "không phải một số") {
			t.Errorf("problem %q", s.Editor.Problem.Text)
		}
		if a := storedActual(t, st, plan, "III.2.7"); a != nil {
			t.Errorf("stored %+v", a)
		}
	})
	t.Run("a blank value removes the actual", func(t *testing.T) {
		enterActual(t, s, "III.1.1", "", "", "", "", "")
		if a := storedActual(t, st, plan, "III.1.1"); a != nil {
			t.Errorf("still stored %+v", a)
		}
		if got := s.CellText(targetRow(t, s, "III.1.1"), targetColVerdict); got != "chưa có số liệu" {
			t.Errorf("verdict %q", got)
		}
	})
}

func TestBaselineDecidesAnIncreaseTarget(t *testing.T) {
	s, _, _ := openTargets(t)
	s.SelectTarget("III.2.2")
	if got := s.Editor.Baseline.Text; got != "45" {
		t.Fatalf("baseline shown %q", got)
	}
	enterActual(t, s, "III.2.2", "70", "", "", "", "") // 25 points over 2022's 45%
	row := targetRow(t, s, "III.2.2")
	if got := s.CellText(row, targetColVerdict); got != "đạt" {
		t.Errorf("with 45 in 2022: %q", got)
	}
	s.Editor.Baseline.SetText("55") // 15 points: not the 20 asked
	test.Tap(s.Editor.SaveButton)
	if got := s.CellText(row, targetColVerdict); got != "không đạt" {
		t.Errorf("with 55 in 2022: %q", got)
	}
	if b := s.Results()[row].Target.Baseline; b == nil || *b != 55 {
		t.Errorf("baseline stored %v", b)
	}
}

func TestFiguresFeedTheirTargets(t *testing.T) {
	s, _, _ := openTargets(t)
	s.Tabs.SelectIndex(1)
	row := targetRow(t, s, "II.2.1")
	if got := s.CellText(row, targetColActual); got != "98,75% (158/160 hồ sơ)" {
		t.Fatalf("II.2.1 starts at %q", got)
	}
	t.Run("a share over 100 is refused", func(t *testing.T) {
		s.Figures.Input(reporting.FigSatisfaction).SetText("120")
		s.Save() // Ctrl+S on the figures tab
		if !s.Figures.Problem.Visible() || !strings.Contains(s.Figures.Problem.Text, "từ 0 đến 100") {
			t.Errorf("problem %q", s.Figures.Problem.Text)
		}
		s.Figures.Input(reporting.FigSatisfaction).SetText("97")
	})
	t.Run("no dossier late: every one on time", func(t *testing.T) {
		s.Figures.Input(reporting.FigResolvedLate).SetText("0")
		test.Tap(s.Figures.SaveButton)
		if got := s.CellText(row, targetColActual) + " · " + s.CellText(row, targetColVerdict); got != "100% (158/158 hồ sơ) · đạt" {
			t.Errorf("II.2.1 shows %q", got)
		}
		if !strings.Contains(s.Figures.Fed.Text, "II.2.1: 100% (158/158 hồ sơ), đạt") {
			t.Errorf("fed targets %q", s.Figures.Fed.Text)
		}
	})
	t.Run("a target set to be computed from a figure", func(t *testing.T) {
		s.Tabs.SelectIndex(0)
		s.SelectTarget("III.2.7")
		s.Editor.Feed.SetSelectedIndex(feedIndex(store.FeedOnlineShare))
		s.Save()
		if got := s.CellText(targetRow(t, s, "III.2.7"), targetColActual); got != "95% (152/160 hồ sơ)" {
			t.Errorf("III.2.7 computed %q", got)
		}
	})
}
