package ui

import (
	"maps"
	"strings"
	"testing"

	"github.com/kehoach/cchc/ui/overview"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
)

func TestOverviewOpensFirst(t *testing.T) {
	w, _, _ := openYearWindow(t)
	if w.nav.Shown() != "Tổng quan" {
		t.Errorf("the window opens on %q", w.nav.Shown())
	}
	if got := w.Overview.AsOf.Text; got != "15/07/2023" {
		t.Errorf("the reporting date starts at %q, want today", got)
	}
}

func TestOverviewCountsAndListsForAFixedDate(t *testing.T) {
	// Given the seed plan with its scripted year,
	w, st, plan := openYearWindow(t)
	o := w.Overview

	// when the officer types the cut-off of quý I,
	o.AsOf.SetText("")
	test.Type(o.AsOf, "14/03/2023")
	if o.DateProblem.Visible() {
		t.Fatalf("the whole day typed is refused: %q", o.DateProblem.Text)
	}

	// the screen shows the plan as it stood that day.
	t.Run("the counts are the computed statuses on that day", func(t *testing.T) { checkOverviewCounts(t, o, st, plan) })
	t.Run("the chart has a bar an area", func(t *testing.T) {
		if len(o.Chart.Bars) != 7 || o.Chart.Bars[0].Name != "Cải cách thể chế" || o.Chart.Bars[0].Total() != 3 {
			t.Errorf("bars %+v", o.Chart.Bars)
		}
	})
	t.Run("the overdue list", func(t *testing.T) {
		lines := o.OverdueLines()
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "I.2 · hạn 31/12/2022, tiến độ 60% · Ban hành Kế hoạch") {
			t.Errorf("overdue %q", lines)
		}
	})
	t.Run("the due-soon list", func(t *testing.T) {
		lines := o.DueSoonLines()
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "II.9 · hạn 14/03/2023 (còn 0 ngày)") {
			t.Errorf("due soon %q", lines)
		}
	})
	t.Run("the targets not met in quý I", func(t *testing.T) { checkTargetsNotMet(t, o) })
}

func checkOverviewCounts(t *testing.T, o *overview.Screen, st *db.Store, plan store.Plan) {
	t.Helper()
	want := map[store.State]int{store.StateDoneOnTime: 11, store.StateDoneLate: 1, store.StateInProgress: 3,
		store.StateOverdue: 1, store.StateNotStarted: 5, store.StateDropped: 0}
	if got := o.Counts(); !maps.Equal(got, want) {
		t.Errorf("counts %v, want %v", got, want)
	}
	standings, err := st.Standings(plan.ID, store.NewDate(2023, 3, 14))
	if err != nil {
		t.Fatal(err)
	}
	if got := db.CountStates(standings); !maps.Equal(got, o.Counts()) {
		t.Errorf("the chart counts %v, the store %v", o.Counts(), got)
	}
	if !strings.Contains(o.Heading.Text, "21 nhiệm vụ") || !strings.Contains(o.Heading.Text, "14/03/2023") {
		t.Errorf("heading %q", o.Heading.Text)
	}
}

func checkTargetsNotMet(t *testing.T, o *overview.Screen) {
	t.Helper()
	var codes []string
	for _, line := range o.NotMetLines() {
		codes = append(codes, strings.SplitN(line, " · ", 2)[0])
	}
	if got := strings.Join(codes, " "); got != "II.2.1 II.2.2 II.3.1 III.2.3 III.2.5 III.6.2" {
		t.Errorf("not met %q", got)
	}
	if !strings.HasPrefix(o.NotMetLines()[0], "II.2.1 · kế hoạch 100%, thực hiện 98,75% (158/160 hồ sơ)") {
		t.Errorf("first line %q", o.NotMetLines()[0])
	}
	if got := o.Lists.Items[2].Text; got != "Chỉ tiêu không đạt (6)" {
		t.Errorf("tab %q", got)
	}
}

func TestOverviewQuickChoicesAreThePeriodsCutOffs(t *testing.T) {
	w, _, _ := openYearWindow(t)
	o := w.Overview
	want := []string{"Hôm nay, 15/07/2023", "Hết quý I, 14/03/2023", "Hết quý II, 6 tháng, 14/06/2023", "Hết quý III, 9 tháng, 14/09/2023", "Hết năm, 14/12/2023"}
	if got := o.Cutoffs.Options; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("choices %q", got)
	}
	o.Cutoffs.SetSelectedIndex(4)
	if o.AsOf.Text != "14/12/2023" || o.Counts()[store.StateDoneOnTime] == 0 {
		t.Errorf("the year's end shows %q with %v", o.AsOf.Text, o.Counts())
	}
	// Every deadline of the plan is 31/12: none is past on 14/12.
	if got := o.Lists.Items[0].Text; got != "Quá hạn (0)" || len(o.OverdueLines()) != 0 {
		t.Errorf("overdue tab %q, lines %q", got, o.OverdueLines())
	}
}

func TestOverviewRefusesADayItCannotRead(t *testing.T) {
	w, _, _ := openYearWindow(t)
	o := w.Overview
	before := o.Counts()
	o.AsOf.SetText("31/02/2023")
	if !o.DateProblem.Visible() || !strings.Contains(o.DateProblem.Text, "ngày/tháng/năm") {
		t.Errorf("problem %q shown %v", o.DateProblem.Text, o.DateProblem.Visible())
	}
	if !maps.Equal(before, o.Counts()) {
		t.Error("a day that cannot be read changed the counts")
	}
}

func TestOverviewLinesOpenTheirTaskOrTarget(t *testing.T) {
	w, _, _ := openYearWindow(t)
	o := w.Overview
	o.AsOf.SetText("14/03/2023")

	// The overdue line opens I.2 on the task screen.
	o.Overdue.List.Select(0)
	if w.nav.Shown() != "Nhiệm vụ" {
		t.Fatalf("the line opened %q", w.nav.Shown())
	}
	row := taskRow(t, w.Tasks, "I", "2")
	if got := w.Tasks.Detail.TaskID(); got != w.Tasks.TaskAt(row).ID {
		t.Errorf("the task pane shows task %d (%s), want I.2", got, w.Tasks.Detail.Number())
	}

	// A target line opens the target in quý I on the targets screen.
	w.nav.ShowTitle("Tổng quan")
	o.NotMet.List.Select(0)
	if w.nav.Shown() != "Chỉ tiêu" {
		t.Fatalf("the line opened %q", w.nav.Shown())
	}
	if p := w.Targets.Period.Period(); p != (store.Period{Kind: store.PeriodQ1, Year: 2023}) {
		t.Errorf("period %v", p)
	}
	if got := w.Targets.Editor.Heading.Text; !strings.HasPrefix(got, "II.2.1 · ") {
		t.Errorf("the editor shows %q", got)
	}
}
