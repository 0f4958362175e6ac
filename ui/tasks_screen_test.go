package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
)

func fixedToday() store.Date { return store.NewDate(2023, 7, 15) }

// openSeeded opens a seeded store in a temporary folder, as the app does.
func openSeeded(t *testing.T, path string) *db.Store {
	t.Helper()
	st, err := seeds.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// taskRow finds the table row of the task with the given area and ordinal.
func taskRow(t *testing.T, s *TasksScreen, area, ordinal string) int {
	t.Helper()
	for row := 0; row < s.RowCount(); row++ {
		if s.CellText(row, colNumber) == area+"."+ordinal {
			return row
		}
	}
	t.Fatalf("no task %s.%s in the table", area, ordinal)
	return -1
}

func TestMainWindowShowsThePlanGroupedByArea(t *testing.T) {
	test.NewTempApp(t)
	st := openSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()

	w := NewMainWindow(test.NewTempApp(t), st, fixedToday)
	defer w.Window.Close()

	if !strings.Contains(w.planSelect.Selected, "122/KH-SKH") {
		t.Errorf("selected plan = %q, want 122/KH-SKH", w.planSelect.Selected)
	}
	if got := w.Tasks.RowCount(); got != 21 {
		t.Fatalf("%d rows, want 21 tasks", got)
	}
	if got := w.Tasks.CellText(0, colArea); got != "Cải cách thể chế" || w.Tasks.CellText(0, colNumber) != "I.1" {
		t.Errorf("first row in area %q, want I.1 of Cải cách thể chế", got)
	}
	if got := w.Tasks.CellText(taskRow(t, w.Tasks, "III", "1"), colArea); got != "Cải cách tổ chức bộ máy hành chính nhà nước" {
		t.Errorf("a row in mid-list shows area %q", got)
	}
	row := taskRow(t, w.Tasks, "I", "2")
	if got := w.Tasks.CellText(row, colTimeline); got != "Tháng 12/2022" {
		t.Errorf("I.2 timeline = %q", got)
	}
	if got := w.Tasks.CellText(row, colState); got != "Quá hạn" {
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
	st := openSeeded(t, path)
	w := NewMainWindow(a, st, fixedToday)
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
	if got := w.Tasks.CellText(row, colState); got != "Hoàn thành quá hạn" {
		t.Errorf("status after saving = %q, want Hoàn thành quá hạn", got)
	}
	if got := w.Tasks.CellText(row, colProgress); got != "100%" {
		t.Errorf("progress after saving = %q, want 100%%", got)
	}
	w.Window.Close()
	st.Close()

	// and after a restart the change is still there.
	st = openSeeded(t, path)
	defer st.Close()
	w = NewMainWindow(a, st, fixedToday)
	defer w.Window.Close()
	if got := w.Tasks.CellText(row, colState); got != "Hoàn thành quá hạn" {
		t.Errorf("status after restart = %q, want Hoàn thành quá hạn", got)
	}
	plan, _ := st.FindPlan("2023")
	task, err := st.Task(plan.ID, taskID)
	if err != nil {
		t.Fatal(err)
	}
	history, err := st.History(plan.ID, task.ID)
	if err != nil || len(history) != 1 || history[0].Note != "Đã ban hành Kế hoạch số 10/KH-SKH" || history[0].Date != fixedToday() {
		t.Errorf("updates = %+v, %v", history, err)
	}
}

func TestProgressOnANewTaskPutsItInProgress(t *testing.T) {
	a := test.NewTempApp(t)
	st := openSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	w := NewMainWindow(a, st, fixedToday)
	defer w.Window.Close()

	row := taskRow(t, w.Tasks, "II", "1")
	w.Tasks.SelectTask(w.Tasks.TaskAt(row).ID)
	w.Tasks.Detail.Update.Progress.SetText("40")
	test.Tap(w.Tasks.Detail.SaveUpdateButton)

	if got := w.Tasks.CellText(row, colState); got != "Đang thực hiện" {
		t.Errorf("status = %q, want Đang thực hiện", got)
	}
	if got := w.Tasks.Detail.Update.Status.Selected; got != "Đang thực hiện" {
		t.Errorf("panel shows %q after saving", got)
	}
	if !strings.Contains(w.Tasks.Summary(), "1 đang thực hiện") {
		t.Errorf("summary = %q", w.Tasks.Summary())
	}
}

func TestThePaneShowsATaskOnlyOnceOneIsChosen(t *testing.T) {
	w, _ := openWindow(t)
	if !w.Tasks.Detail.hint.Visible() || w.Tasks.Detail.TaskID() != 0 {
		t.Fatal("the pane shows a task before one is chosen")
	}
	row := taskRow(t, w.Tasks, "I", "1")
	w.Tasks.SelectTask(w.Tasks.TaskAt(row).ID)
	if w.Tasks.Detail.hint.Visible() || w.Tasks.Detail.TaskID() != w.Tasks.TaskAt(row).ID {
		t.Fatal("selecting a task left the hint showing")
	}
}
