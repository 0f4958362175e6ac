package ui

import (
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"
	"github.com/kehoach/cchc/ui/internal/uitest"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
)

func TestRolloverFromTheWindow(t *testing.T) {
	// Given the window on the 2023 plan in July, five tasks unfinished,
	w, st, from := openYearWindow(t)
	if item := menuItems(w)["Tạo kế hoạch năm sau…"]; item == nil {
		t.Fatal("no Tạo kế hoạch năm sau… in the menu")
	}
	ended := make(chan error, 1)
	w.rollover.finished = func(err error) { ended <- err }
	w.nav.ShowTitle("Báo cáo")
	test.Tap(w.Reports.RolloverButton)
	form := w.rollover.form
	if form == nil || len(form.Keep) != 5 || !strings.HasPrefix(form.Keep[0].Text, "I.1 · Đang thực hiện · ") {
		t.Fatalf("the question lists %+v", form)
	}

	// when the officer gives no number, the question stays, saying why;
	test.Tap(form.Create)
	if !form.Problem.Visible() || !strings.Contains(form.Problem.Text, "số") {
		t.Fatalf("problem %q", form.Problem.Text)
	}

	// then gives it, drops I.1 and creates the plan,
	form.Number.SetText("05")
	form.Date.SetText("20/01/2024")
	form.Keep[0].SetChecked(false)
	test.Tap(form.Create)
	if err := <-ended; err != nil {
		t.Fatal(err)
	}

	// the window shows the new plan, with the recurring tasks and the four
	// kept, and the targets without their results.
	checkNextYearPlan(t, w, st, from)
}

func checkNextYearPlan(t *testing.T, w *MainWindow, st *db.Store, from store.Plan) {
	t.Helper()
	plan, _ := w.current.Plan()
	if plan.Year != 2024 || plan.Ref() != "05/KH-SKH" || w.Window.Title() != "Kế hoạch CCHC — 05/KH-SKH năm 2024" {
		t.Fatalf("the window shows %s of %d, titled %q", plan.Ref(), plan.Year, w.Window.Title())
	}
	choice, err := st.RolloverChoice(from.ID, uitest.FixedToday())
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := st.Bundle(plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(bundle.Tasks()), len(choice.Recurring)+4; got != want {
		t.Errorf("the new plan has %d tasks, want %d", got, want)
	}
	if !strings.Contains(w.Overview.Heading.Text, "05/KH-SKH") {
		t.Errorf("the overview shows %q", w.Overview.Heading.Text)
	}
	results := w.Targets.Results()
	if len(results) != 26 || reporting.CountVerdicts(results)[reporting.VerdictNoData] != 26 {
		t.Errorf("the new plan's targets: %d, verdicts %v", len(results), reporting.CountVerdicts(results))
	}
}
