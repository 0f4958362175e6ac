package db

import (
	"errors"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/reporting"
)

// rolloverPlan is a 2023 plan with a recurring task, a task done, a task
// unfinished and a target measured against 2022.
func rolloverPlan(t *testing.T, st *Store) (store.Plan, []store.Task) {
	t.Helper()
	b := testBundle(2023, "122")
	b.Plan.Summary = "Cải cách hành chính năm 2023"
	b.Areas[0].Tasks = append(b.Areas[0].Tasks, store.Task{Ordinal: "3", Content: "Triển khai Quyết định số 12/2023/QĐ-UBND năm 2023", Timeline: store.Timeline{Text: "Quý IV/2023"}})
	b.Targets = append(b.Targets, store.Target{Indicator: "tăng thêm 20% so với năm 2022", Comparator: store.IncreaseBy, Value: 20, Unit: "%", BaselineYear: 2022, Baseline: ptr(40), Ref: "III.2"})
	plan, err := st.CreateBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	if _, err := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[1].ID, Date: store.NewDate(2022, 12, 20), Status: store.StatusDone}); err != nil {
		t.Fatal(err)
	}
	target, _ := st.FindTarget(plan.ID, "III.2.1")
	if _, err := st.SetActual(reporting.Actual{PlanID: plan.ID, TargetID: target.ID, Period: store.Period{Kind: store.PeriodYear, Year: 2023}, Value: 65}); err != nil {
		t.Fatal(err)
	}
	return plan, tasks
}

func TestRolloverChoiceSortsTheTasks(t *testing.T) {
	st := openTemp(t)
	plan, tasks := rolloverPlan(t, st)
	c, err := st.RolloverChoice(plan.ID, store.NewDate(2024, 1, 10))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Recurring) != 1 || c.Recurring[0].Task.ID != tasks[3].ID || c.Closed != 1 || len(c.Unfinished) != 2 {
		t.Errorf("choice: %d recurring, %d closed, %d unfinished", len(c.Recurring), c.Closed, len(c.Unfinished))
	}
}

func TestRolloverStartsNextYear(t *testing.T) {
	st := openTemp(t)
	plan, tasks := rolloverPlan(t, st)
	req := RolloverRequest{FromPlanID: plan.ID, Year: 2024, Number: "7", Date: store.NewDate(2024, 1, 20), AsOf: store.NewDate(2024, 1, 10), Keep: []uint64{tasks[2].ID}}
	result, err := st.Rollover(req)
	if err != nil {
		t.Fatal(err)
	}
	if result.Recurring != 1 || result.Kept != 1 || result.Dropped != 1 || result.Targets != 2 {
		t.Errorf("result = %+v", result)
	}
	next, _ := st.Bundle(result.Plan.ID)
	if next.Plan.Year != 2024 || next.Plan.Ref() != "07/KH-SKH" || next.Plan.Summary != "Cải cách hành chính năm 2024" {
		t.Errorf("plan = %+v", next.Plan)
	}
	checkNextYearTasks(t, next.Tasks())
	checkNextYearTarget(t, next.Targets[1])
	if actuals, _ := st.Actuals(result.Plan.ID, store.Period{Kind: store.PeriodYear, Year: 2023}); len(actuals) != 0 {
		t.Errorf("actuals copied: %+v", actuals)
	}
}

// checkNextYearTasks checks the tasks a rollover carried: the kept one
// renumbered, its year moved on (not the year of the decision it cites),
// not started; then the recurring one.
func checkNextYearTasks(t *testing.T, got []store.Task) {
	t.Helper()
	if len(got) != 2 || got[0].Ordinal != "1" || got[0].Timeline.Text != "Quý IV/2024" || got[1].Timeline.Text != "Thường xuyên" {
		t.Fatalf("tasks = %+v", got)
	}
	if got[0].Content != "Triển khai Quyết định số 12/2023/QĐ-UBND năm 2024" {
		t.Errorf("content = %q", got[0].Content)
	}
	if got[0].Status != store.StatusNotStarted || got[0].Timeline.Due != store.NewDate(2024, 12, 31) {
		t.Errorf("kept task = %+v", got[0])
	}
}

// checkNextYearTarget checks an increase target carried on: measured
// against 2023, without its baseline value or actuals, coded again.
func checkNextYearTarget(t *testing.T, increase store.Target) {
	t.Helper()
	if increase.BaselineYear != 2023 || increase.Baseline != nil {
		t.Errorf("baseline = %d %v", increase.BaselineYear, increase.Baseline)
	}
	if increase.Indicator != "tăng thêm 20% so với năm 2023" || increase.Code != "III.2.1" {
		t.Errorf("target = %q %q", increase.Indicator, increase.Code)
	}
}

func TestRolloverRefusals(t *testing.T) {
	st := openTemp(t)
	plan, tasks := rolloverPlan(t, st)
	base := RolloverRequest{FromPlanID: plan.ID, Year: 2024, Number: "7", Date: store.NewDate(2024, 1, 20), AsOf: store.NewDate(2024, 1, 10)}
	for _, tt := range []struct {
		name string
		edit func(*RolloverRequest)
	}{
		{"no number", func(r *RolloverRequest) { r.Number = " " }},
		{"no date", func(r *RolloverRequest) { r.Date = store.Date{} }},
		{"same year", func(r *RolloverRequest) { r.Year = 2023 }},
		{"keeping a finished task", func(r *RolloverRequest) { r.Keep = []uint64{tasks[1].ID} }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req := base
			tt.edit(&req)
			if _, err := st.Rollover(req); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("Rollover = %v, want ErrInvalid", err)
			}
		})
	}
	if plans, _ := st.Plans(); len(plans) != 1 {
		t.Errorf("%d plans after refused rollovers", len(plans))
	}
}
