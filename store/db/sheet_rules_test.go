package db

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store"
)

func TestLowers(t *testing.T) {
	tests := []struct {
		name     string
		from     store.Status
		fromPct  int
		to       store.Status
		toPct    int
		lowering bool
	}{
		{"done back to not started", store.StatusDone, 100, store.StatusNotStarted, 0, true},
		{"done back to in progress", store.StatusDone, 100, store.StatusInProgress, 90, true},
		{"less progress", store.StatusInProgress, 60, store.StatusInProgress, 40, true},
		{"in progress back to not started", store.StatusInProgress, 0, store.StatusNotStarted, 0, true},
		{"a dropped task reopened", store.StatusDropped, 0, store.StatusInProgress, 10, true},
		{"a finished task dropped", store.StatusDone, 100, store.StatusDropped, 100, true},
		{"more progress", store.StatusInProgress, 40, store.StatusInProgress, 60, false},
		{"finished", store.StatusInProgress, 60, store.StatusDone, 100, false},
		{"dropped", store.StatusInProgress, 0, store.StatusDropped, 0, false},
		{"the same", store.StatusInProgress, 40, store.StatusInProgress, 40, false},
		{"no status is not started", "", 0, store.StatusNotStarted, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := store.Lowers(tt.from, tt.fromPct, tt.to, tt.toPct); got != tt.lowering {
				t.Errorf("Lowers(%s %d → %s %d) = %v", tt.from, tt.fromPct, tt.to, tt.toPct, got)
			}
		})
	}
}

func TestNewsDate(t *testing.T) {
	today := day(8, 1)
	tests := []struct {
		name  string
		row   store.ProgressRow
		want  store.Date
		stale bool
	}{
		{"the division's date", store.ProgressRow{Date: day(7, 20), Exported: day(7, 1)}, day(7, 20), false},
		{"the export date", store.ProgressRow{Exported: day(7, 1)}, day(7, 1), false},
		{"a sheet that does not say", store.ProgressRow{}, today, true},
		{"a dated row of such a sheet", store.ProgressRow{Date: day(7, 20)}, day(7, 20), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.row.NewsDate(today); got != tt.want || tt.row.Stale() != tt.stale {
				t.Errorf("NewsDate = %s, stale %v", got, tt.row.Stale())
			}
		})
	}
}

// doneTask records task I.1 done on 1 June, with a result, and returns it.
func doneTask(t *testing.T, st *Store, task store.Task) store.Task {
	t.Helper()
	done, err := st.AddUpdate(store.Update{PlanID: task.PlanID, TaskID: task.ID, Date: day(6, 1), Status: store.StatusDone, Note: "Đã ban hành"})
	if err != nil {
		t.Fatal(err)
	}
	done.Result = "Quyết định 12/QĐ-SKH"
	if err := st.UpdateTask(done); err != nil {
		t.Fatal(err)
	}
	return done
}

func TestARowThatLowersATaskWaitsForConfirmation(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	done := doneTask(t, st, tasks[0])
	lower := exportedOn(day(7, 1), sheetRow(done, 6, store.StatusInProgress, 50, ""))
	outcome, err := st.ApplyProgress(plan.ID, lower, day(7, 15), false)
	if got := rowsOf(outcome); err != nil || !reflect.DeepEqual(got, outcomeRows{unconfirmed: []int{6}}) {
		t.Fatalf("outcome %+v, %v", got, err)
	}
	checkChange(t, outcome.Unconfirmed[0], day(7, 1), "Hoàn thành 100% → Đang thực hiện 50%", "hạ trạng thái/tiến độ")
	if after, _ := st.Task(plan.ID, done.ID); after.Status != store.StatusDone {
		t.Fatalf("an unconfirmed row lowered the task: %+v", after)
	}
	lower[0].AllowLower = true
	outcome, err = st.ApplyProgress(plan.ID, lower, day(7, 15), false)
	if err != nil || len(outcome.Updated) != 1 {
		t.Fatalf("confirmed: %+v, %v", rowsOf(outcome), err)
	}
	after, _ := st.Task(plan.ID, done.ID)
	history, _ := st.History(plan.ID, done.ID)
	if after.Status != store.StatusInProgress || after.Progress != 50 || after.Result != done.Result || len(history) != 2 || history[0].Date != day(7, 1) {
		t.Errorf("after the confirmed row: %+v, history %+v", after, history)
	}
}

// checkChange checks a row's change: its date, what it says it changes and
// why it waits.
func checkChange(t *testing.T, c store.SheetChange, date store.Date, describe, flags string) {
	t.Helper()
	if c.Date != date || c.Describe() != describe || strings.Join(c.Flags(), ",") != flags {
		t.Errorf("change of row %d dated %s: %q, flags %q; want %s %q %q", c.Row.Row, c.Date, c.Describe(), c.Flags(), date, describe, flags)
	}
}

func TestEveryChangedRowOfAStaleSheetIsConfirmed(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	done := doneTask(t, st, tasks[0])
	second, third := tasks[1], tasks[2]
	rows := []store.ProgressRow{
		sheetRow(done, 6, store.StatusNotStarted, 0, ""),           // the old news of 21 tasks
		sheetRow(second, 7, store.StatusInProgress, 30, "Dự thảo"), // may be new news
		sheetRow(third, 8, store.StatusNotStarted, 0, ""),          // as the app has it
	}
	today := day(7, 15)
	outcome, err := st.ApplyProgress(plan.ID, rows, today, false)
	if got := rowsOf(outcome); err != nil || !reflect.DeepEqual(got, outcomeRows{unchanged: []int{8}, unconfirmed: []int{6, 7}}) {
		t.Fatalf("outcome %+v, %v", got, err)
	}
	checkChange(t, outcome.Unconfirmed[0], today, "Hoàn thành 100% → Chưa thực hiện 0%", "hạ trạng thái/tiến độ,bảng không ghi ngày xuất")
	checkChange(t, outcome.Unconfirmed[1], today, "Chưa thực hiện 0% → Đang thực hiện 30%; kết quả: (trống) → “Dự thảo”", "bảng không ghi ngày xuất")
	for i := range rows {
		rows[i].AcceptStale = true
	}
	outcome, err = st.ApplyProgress(plan.ID, rows, today, false)
	if got := rowsOf(outcome); err != nil || !reflect.DeepEqual(got, outcomeRows{updated: []int{7}, unchanged: []int{8}, unconfirmed: []int{6}}) {
		t.Fatalf("accepted: %+v, %v", got, err)
	}
	if after, _ := st.Task(plan.ID, done.ID); after.Status != store.StatusDone || after.Result != done.Result {
		t.Errorf("a stale row took a finished task back: %+v", after)
	}
	if history, _ := st.History(plan.ID, second.ID); len(history) != 1 || history[0].Date != today || history[0].Progress != 30 {
		t.Errorf("the accepted stale row: %+v", history)
	}
}

func TestARowDatedByTheDivision(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	done := doneTask(t, st, tasks[0])
	// Exported before the task was done, the row is older than its news,
	row := sheetRow(done, 6, store.StatusDone, 100, "Đã ban hành và triển khai", "Báo cáo (5/BC-TTr)")
	row.Exported = day(5, 1)
	outcome, _ := st.ApplyProgress(plan.ID, []store.ProgressRow{row}, day(7, 15), true)
	if got := rowsOf(outcome); !reflect.DeepEqual(got, outcomeRows{older: []int{6}}) {
		t.Errorf("undated: %+v", got)
	}
	// unless the division dates it 20 June; a date after today is refused.
	row.Date = day(6, 20)
	future := row
	future.Row, future.Date = 7, day(9, 1)
	outcome, err := st.ApplyProgress(plan.ID, []store.ProgressRow{future, row}, day(7, 15), false)
	if got := rowsOf(outcome); err != nil || !reflect.DeepEqual(got, outcomeRows{updated: []int{6}, future: []int{7}}) {
		t.Fatalf("outcome %+v, %v", got, err)
	}
	want := "Hoàn thành 100% (giữ nguyên); kết quả: “Quyết định 12/QĐ-SKH” → “Đã ban hành và triển khai”; thêm 1 tài liệu kiểm chứng"
	if got := outcome.Updated[0].Describe(); got != want || outcome.Updated[0].Evidence[0] != "Báo cáo (5/BC-TTr)" {
		t.Errorf("describe %q, evidence %q", got, outcome.Updated[0].Evidence)
	}
	after, _ := st.Task(plan.ID, done.ID)
	if history, _ := st.History(plan.ID, done.ID); len(history) != 1 || after.Result != "Đã ban hành và triển khai" || after.Track.Evidence != 1 {
		t.Errorf("after the dated row: %+v, history %+v", after, history)
	}
}

func TestNewsSinceExport(t *testing.T) {
	task := store.Task{Track: store.TaskTrack{LastUpdate: day(7, 1)}}
	tests := []struct {
		name string
		row  store.ProgressRow
		want bool
	}{
		{"the sheet knew of the latest update", store.ProgressRow{Exported: day(7, 2), Known: day(7, 1)}, false},
		{"the sheet knew of an earlier one", store.ProgressRow{Exported: day(7, 2), Known: day(6, 1)}, true},
		{"the sheet knew of none", store.ProgressRow{Exported: day(6, 2)}, true},
		{"a sheet that does not say", store.ProgressRow{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (store.SheetChange{Row: tt.row, Task: task}).NewsSinceExport(); got != tt.want {
				t.Errorf("NewsSinceExport = %v", got)
			}
		})
	}
}
