package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/ui/tasks"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui/internal/uitest"
)

// taskRow finds the table row of the task with the given area and ordinal.
func taskRow(t *testing.T, s *tasks.Screen, area, ordinal string) int {
	t.Helper()
	for row := 0; row < s.RowCount(); row++ {
		if s.CellText(row, tasks.ColNumber) == area+"."+ordinal {
			return row
		}
	}
	t.Fatalf("no task %s.%s in the table", area, ordinal)
	return -1
}

func TestMainWindowShowsThePlanGroupedByArea(t *testing.T) {
	test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()

	w := NewMainWindow(test.NewTempApp(t), st, uitest.FixedToday)
	defer w.Window.Close()

	if !strings.Contains(w.planSelect.Selected, "122/KH-SKH") {
		t.Errorf("selected plan = %q, want 122/KH-SKH", w.planSelect.Selected)
	}
	if got := w.Tasks.RowCount(); got != 21 {
		t.Fatalf("%d rows, want 21 tasks", got)
	}
	if got := w.Tasks.CellText(0, tasks.ColArea); got != "Cải cách thể chế" || w.Tasks.CellText(0, tasks.ColNumber) != "I.1" {
		t.Errorf("first row in area %q, want I.1 of Cải cách thể chế", got)
	}
	if got := w.Tasks.CellText(taskRow(t, w.Tasks, "III", "1"), tasks.ColArea); got != "Cải cách tổ chức bộ máy hành chính nhà nước" {
		t.Errorf("a row in mid-list shows area %q", got)
	}
	row := taskRow(t, w.Tasks, "I", "2")
	if got := w.Tasks.CellText(row, tasks.ColTimeline); got != "Tháng 12/2022" {
		t.Errorf("I.2 timeline = %q", got)
	}
	if got := w.Tasks.CellText(row, tasks.ColState); got != "Quá hạn" {
		t.Errorf("I.2 status on 15/07/2023 = %q, want Quá hạn", got)
	}
	if got := w.Tasks.Summary(); !strings.HasPrefix(got, "21 nhiệm vụ") || !strings.Contains(got, "quá hạn") {
		t.Errorf("summary = %q", got)
	}
}

func TestStatusEditSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cchc.db")
	a := test.NewTempApp(t)

	// Given the window over a fresh store,
	st := uitest.OpenSeeded(t, path)
	w := NewMainWindow(a, st, uitest.FixedToday)
	row := taskRow(t, w.Tasks, "I", "2")
	taskID := w.Tasks.TaskAt(row).ID

	// when the officer selects task I.2, marks it done with a note and saves,
	if !w.Tasks.SelectTask(taskID) {
		t.Fatal("task I.2 not selectable")
	}
	form := w.Tasks.Detail.Update
	form.Status.SetSelected(string(store.StatusDone))
	test.Type(form.Note, "Đã ban hành Kế hoạch số 10/KH-SKH")
	test.Type(form.Reason, "Chờ hướng dẫn của tỉnh") // I.2 was due in 12/2022
	test.Tap(w.Tasks.Detail.SaveUpdateButton)

	// then the table shows it done (late) at once,
	if got := w.Tasks.CellText(row, tasks.ColState); got != "Hoàn thành quá hạn" {
		t.Errorf("status after saving = %q, want Hoàn thành quá hạn", got)
	}
	if got := w.Tasks.CellText(row, tasks.ColProgress); got != "100%" {
		t.Errorf("progress after saving = %q, want 100%%", got)
	}
	w.Window.Close()
	st.Close()

	// and after a restart the change is still there.
	st = uitest.OpenSeeded(t, path)
	defer st.Close()
	w = NewMainWindow(a, st, uitest.FixedToday)
	defer w.Window.Close()
	if got := w.Tasks.CellText(row, tasks.ColState); got != "Hoàn thành quá hạn" {
		t.Errorf("status after restart = %q, want Hoàn thành quá hạn", got)
	}
	plan, _ := st.FindPlan("2023")
	task, err := st.Task(plan.ID, taskID)
	if err != nil {
		t.Fatal(err)
	}
	history, err := st.History(plan.ID, task.ID)
	if err != nil || len(history) != 1 || history[0].Note != "Đã ban hành Kế hoạch số 10/KH-SKH" || history[0].Date != uitest.FixedToday() {
		t.Errorf("updates = %+v, %v", history, err)
	}
}

func TestProgressOnANewTaskPutsItInProgress(t *testing.T) {
	a := test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	w := NewMainWindow(a, st, uitest.FixedToday)
	defer w.Window.Close()

	row := taskRow(t, w.Tasks, "II", "1")
	w.Tasks.SelectTask(w.Tasks.TaskAt(row).ID)
	w.Tasks.Detail.Update.Progress.SetText("40")
	test.Tap(w.Tasks.Detail.SaveUpdateButton)

	if got := w.Tasks.CellText(row, tasks.ColState); got != "Đang thực hiện" {
		t.Errorf("status = %q, want Đang thực hiện", got)
	}
	if got := w.Tasks.Detail.Update.Status.Selected; got != "Đang thực hiện" {
		t.Errorf("panel shows %q after saving", got)
	}
	if !strings.Contains(w.Tasks.Summary(), "1 đang thực hiện") {
		t.Errorf("summary = %q", w.Tasks.Summary())
	}
}
