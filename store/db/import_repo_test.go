package db

import (
	"errors"
	"reflect"
	"testing"

	"github.com/kehoach/cchc/store"
)

func TestTaskHashFollowsWhatTheTaskAsks(t *testing.T) {
	task := store.Task{Ordinal: "1", Content: "Rà soát", Product: "Báo cáo", Lead: "Văn phòng Sở", Coordinating: []string{"Thanh tra Sở"}, Timeline: store.Timeline{Text: "Năm 2023"}}
	base := store.TaskHash(task)
	tracked := task
	tracked.Status, tracked.Progress, tracked.Result = store.StatusDone, 100, "Xong"
	if store.TaskHash(tracked) != base {
		t.Error("tracking fields change the fingerprint")
	}
	changes := []func(*store.Task){
		func(t *store.Task) { t.Content += "." },
		func(t *store.Task) { t.Lead = "Thanh tra Sở" },
		func(t *store.Task) { t.Coordinating = nil },
		func(t *store.Task) { t.Timeline.Text = "Quý II/2023" },
		func(t *store.Task) { t.Ordinal = "2" },
		func(t *store.Task) { t.Product, t.Lead = "Báo cáoVăn phòng Sở", "" },
	}
	for i, change := range changes {
		changed := task
		change(&changed)
		if store.TaskHash(changed) == base {
			t.Errorf("change %d keeps the fingerprint", i)
		}
	}
	if len(base) != 16 {
		t.Errorf("fingerprint %q", base)
	}
}

func TestReplacePlanContentsIsAllOrNothing(t *testing.T) {
	st := openTemp(t)
	if err := st.SaveSettings(testSettings()); err != nil {
		t.Fatal(err)
	}
	plan, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	imported := store.Bundle{
		Plan: store.Plan{Year: 2023, Number: "130", Symbol: "KH-SKH", Agency: store.Agency{Name: "Sở Kế hoạch và Đầu tư"},
			Sections: []store.Section{{Level: 1, Number: "I", Title: "MỤC ĐÍCH"}}},
		Areas: []store.AreaTasks{{Area: store.Area{Numeral: "A", Name: "Nhiệm vụ chung"}, Tasks: []store.Task{{Ordinal: "1", Content: "Việc mới", Timeline: store.Timeline{Text: "Quý II"}}}}},
	}
	stored, err := st.ReplacePlanContents(plan.ID, imported)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Ref() != "130/KH-SKH" || stored.Agency.Parent != "UBND TỈNH TUYÊN QUANG" || stored.Summary != "Cải cách hành chính" || len(stored.Sections) != 1 {
		t.Errorf("stored plan %s %+v %q %v", stored.Ref(), stored.Agency, stored.Summary, stored.Sections)
	}
	checkReplacedContents(t, st, plan.ID)
	checkRefusedReplace(t, st, plan.ID, imported)
}

// checkReplacedContents checks a plan's contents after replacing them with
// one area of one task: its targets are kept.
func checkReplacedContents(t *testing.T, st *Store, planID uint64) {
	t.Helper()
	tasks, _ := st.Tasks(planID)
	areas, _ := st.Areas(planID)
	targets, _ := st.Targets(planID)
	if len(tasks) != 1 || tasks[0].Content != "Việc mới" || tasks[0].Timeline.Due != store.NewDate(2023, 6, 30) || len(areas) != 1 || len(targets) != 1 {
		t.Errorf("after replace: %d areas, %d tasks %+v, %d targets (kept)", len(areas), len(tasks), tasks, len(targets))
	}
}

// checkRefusedReplace refuses an invalid bundle without touching the plan,
// and an unknown plan.
func checkRefusedReplace(t *testing.T, st *Store, planID uint64, imported store.Bundle) {
	t.Helper()
	bad := imported
	bad.Areas = []store.AreaTasks{{Area: store.Area{Name: "X"}, Tasks: []store.Task{{Content: "ok"}, {Content: " "}}}}
	if _, err := st.ReplacePlanContents(planID, bad); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("invalid bundle: %v", err)
	}
	if after, _ := st.Tasks(planID); len(after) != 1 || after[0].Content != "Việc mới" {
		t.Errorf("a refused import changed the plan: %+v", after)
	}
	if _, err := st.ReplacePlanContents(999, imported); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown plan: %v", err)
	}
}

// outcomeRows are the row numbers of an outcome, list by list.
type outcomeRows struct {
	updated, unchanged, unmatched, changed, older, conflicting, unconfirmed, future []int
}

func rowsOf(o ProgressOutcome) outcomeRows {
	numbers := func(rows []store.ProgressRow) []int {
		var out []int
		for _, r := range rows {
			out = append(out, r.Row)
		}
		return out
	}
	changes := func(list []store.SheetChange) []int {
		var out []int
		for _, c := range list {
			out = append(out, c.Row.Row)
		}
		return out
	}
	return outcomeRows{changes(o.Updated), numbers(o.Unchanged), numbers(o.Unmatched), numbers(o.Changed), changes(o.Older),
		numbers(o.Conflicting), changes(o.Unconfirmed), changes(o.Future)}
}

// exportedOn returns rows as a sheet exported on day gives them.
func exportedOn(day store.Date, rows ...store.ProgressRow) []store.ProgressRow {
	out := make([]store.ProgressRow, len(rows))
	for i, r := range rows {
		r.Exported = day
		out[i] = r
	}
	return out
}

// applySheet applies the rows of a sheet exported on day, on that day.
func applySheet(st *Store, planID uint64, day store.Date, rows ...store.ProgressRow) (ProgressOutcome, error) {
	return st.ApplyProgress(planID, exportedOn(day, rows...), day, false)
}

func TestApplyProgressMatchesByIDAndFingerprint(t *testing.T) {
	st := openTemp(t)
	plan, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	first, second, third := tasks[0], tasks[1], tasks[2]
	edited := second
	edited.Content = "Ban hành kế hoạch (sửa)"
	if err := st.UpdateTask(edited); err != nil {
		t.Fatal(err)
	}
	reported := store.NewDate(2023, 7, 15)
	rows := exportedOn(reported,
		store.ProgressRow{Row: 6, TaskID: first.ID, Hash: store.TaskHash(first), Status: store.StatusDone, Result: "Đã ban hành", Evidence: []string{"Quyết định 12/QĐ-SKH"}},
		store.ProgressRow{Row: 7, TaskID: second.ID, Hash: store.TaskHash(second), Status: store.StatusInProgress, Percent: 50},
		store.ProgressRow{Row: 8, TaskID: 999, Hash: "x", Status: store.StatusDone},
		store.ProgressRow{Row: 9, TaskID: third.ID, Hash: store.TaskHash(third), Status: store.StatusNotStarted},
	)
	dry, err := st.ApplyProgress(plan.ID, rows, reported, true)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := st.Task(plan.ID, first.ID); after.Status != store.StatusNotStarted {
		t.Fatal("a dry run wrote")
	}
	outcome, err := st.ApplyProgress(plan.ID, rows, reported, false)
	if err != nil {
		t.Fatal(err)
	}
	want := outcomeRows{updated: []int{6}, unchanged: []int{9}, unmatched: []int{8}, changed: []int{7}}
	for _, o := range []ProgressOutcome{dry, outcome} {
		if got := rowsOf(o); !reflect.DeepEqual(got, want) {
			t.Errorf("outcome %+v, want rows %+v", o, want)
		}
	}
	checkSheetTookRow(t, st, first, reported)
	if still, _ := st.Task(plan.ID, second.ID); still.Status != store.StatusNotStarted || still.Progress != 0 {
		t.Errorf("a task changed since the export took the report: %+v", still)
	}
	checkSameReportTwice(t, st, rows[0], first, reported)
}

// checkSheetTookRow checks the task a sheet's row 6 marked done, with a
// result and one evidence line.
func checkSheetTookRow(t *testing.T, st *Store, first store.Task, reported store.Date) {
	t.Helper()
	done, _ := st.Task(first.PlanID, first.ID)
	evidence, _ := st.TaskEvidence(first.PlanID, first.ID)
	history, _ := st.History(first.PlanID, first.ID)
	if done.Status != store.StatusDone || done.Progress != 100 || done.Result != "Đã ban hành" {
		t.Errorf("updated task %+v", done)
	}
	if len(evidence) != 1 || evidence[0].Title != "Quyết định 12/QĐ-SKH" {
		t.Errorf("evidence %+v", evidence)
	}
	if len(history) != 1 || history[0].Date != reported || history[0].Source != store.SheetSource("") {
		t.Errorf("history %+v", history)
	}
	if done.Content != first.Content || done.Lead != first.Lead {
		t.Error("progress import changed what the task asks")
	}
}

// checkSameReportTwice applies a row again a day later: nothing changes.
func checkSameReportTwice(t *testing.T, st *Store, row store.ProgressRow, first store.Task, reported store.Date) {
	t.Helper()
	evidence, _ := st.TaskEvidence(first.PlanID, first.ID)
	again, err := st.ApplyProgress(first.PlanID, []store.ProgressRow{row}, reported.AddDays(1), false)
	if err != nil || len(again.Unchanged) != 1 {
		t.Errorf("the same report twice: %+v %v", again, err)
	}
	keptEvidence, _ := st.TaskEvidence(first.PlanID, first.ID)
	keptHistory, _ := st.History(first.PlanID, first.ID)
	if !reflect.DeepEqual(keptEvidence, evidence) || len(keptHistory) != 1 {
		t.Errorf("reapplying changed the evidence or history: %+v %+v", keptEvidence, keptHistory)
	}
}

// sheetRow is a tracking-sheet row of the tests about task.
func sheetRow(task store.Task, row int, status store.Status, percent int, result string, evidence ...string) store.ProgressRow {
	return store.ProgressRow{Row: row, File: "vp.xlsx", TaskID: task.ID, Hash: store.TaskHash(task), Status: status, Percent: percent, Result: result, Evidence: evidence}
}

func TestReturnedSheetNeverErasesOrGoesBack(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	first, second := tasks[0], tasks[1]
	if _, err := applySheet(st, plan.ID, day(5, 1), sheetRow(first, 6, store.StatusInProgress, 50, "Đã có dự thảo", "Tờ trình (12/TTr-SKH)")); err != nil {
		t.Fatal(err)
	}
	t.Run("an empty cell erases nothing", func(t *testing.T) { checkEmptyCellsEraseNothing(t, st, first) })
	t.Run("a row no newer than the task's news changes nothing", func(t *testing.T) { checkOlderRowsChangeNothing(t, st, first, second) })
	t.Run("a row that contradicts itself is left alone", func(t *testing.T) {
		outcome, err := applySheet(st, plan.ID, day(9, 1), sheetRow(first, 6, store.StatusNotStarted, 100, ""))
		if err != nil || len(outcome.Conflicting) != 1 || len(outcome.Updated) != 0 {
			t.Errorf("outcome %+v, %v", outcome, err)
		}
	})
	history, _ := st.History(plan.ID, first.ID)
	if len(history) != 2 || history[0].Source != "bảng theo dõi vp.xlsx" || history[1].Note != "Đã có dự thảo" {
		t.Errorf("updates from sheets: %+v", history)
	}
}

// checkEmptyCellsEraseNothing applies a row with empty result and evidence
// cells to a task that has both.
func checkEmptyCellsEraseNothing(t *testing.T, st *Store, first store.Task) {
	outcome, err := applySheet(st, first.PlanID, day(6, 1), sheetRow(first, 6, store.StatusInProgress, 70, ""))
	if err != nil || len(outcome.Updated) != 1 {
		t.Fatalf("outcome %+v, %v", outcome, err)
	}
	task, _ := st.Task(first.PlanID, first.ID)
	evidence, _ := st.TaskEvidence(first.PlanID, first.ID)
	if task.Result != "Đã có dự thảo" || task.Progress != 70 {
		t.Errorf("after a row with empty cells: %+v", task)
	}
	if len(evidence) != 1 || evidence[0].Ref != "12/TTr-SKH" || evidence[0].Title != "Tờ trình" {
		t.Errorf("evidence after a row with an empty cell: %+v", evidence)
	}
}

// checkOlderRowsChangeNothing applies rows dated before the tasks' latest
// updates.
func checkOlderRowsChangeNothing(t *testing.T, st *Store, first, second store.Task) {
	st.AddUpdate(store.Update{PlanID: second.PlanID, TaskID: second.ID, Date: day(7, 1), Status: store.StatusDone, Note: "Đã ban hành"})
	outcome, err := applySheet(st, first.PlanID, day(6, 1), sheetRow(first, 6, store.StatusNotStarted, 0, "Cũ", "Khác"), sheetRow(second, 7, store.StatusInProgress, 10, ""))
	if got := rowsOf(outcome); err != nil || !reflect.DeepEqual(got, outcomeRows{older: []int{6, 7}}) {
		t.Fatalf("outcome %+v, %v", outcome, err)
	}
	task, _ := st.Task(first.PlanID, first.ID)
	done, _ := st.Task(second.PlanID, second.ID)
	evidence, _ := st.TaskEvidence(first.PlanID, first.ID)
	if task.Progress != 70 || task.Result != "Đã có dự thảo" || len(evidence) != 1 || done.Status != store.StatusDone {
		t.Errorf("an old sheet went back: %+v %+v %+v", task, done, evidence)
	}
}
