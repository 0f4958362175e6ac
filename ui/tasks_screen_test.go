package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
	current := ""
	for row := 0; row < s.RowCount(); row++ {
		if s.rows[row].task == nil {
			current = s.rows[row].area.Numeral
			continue
		}
		if current == area && s.CellText(row, colOrdinal) == ordinal {
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
	if got := w.Tasks.RowCount(); got != 28 {
		t.Fatalf("%d rows, want 7 areas + 21 tasks", got)
	}
	if got := w.Tasks.CellText(0, colContent); got != "Cải cách thể chế" {
		t.Errorf("first row = %q, want the area I heading", got)
	}
	row := taskRow(t, w.Tasks, "I", "2")
	if got := w.Tasks.CellText(row, colTimeline); got != "Tháng 12/2022" {
		t.Errorf("I.2 timeline = %q", got)
	}
	if got := w.Tasks.CellText(row, colStatus); got != "Quá hạn" {
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
	taskID := w.Tasks.rows[row].task.ID

	// when the officer selects task I.2, marks it done with a note and saves,
	if !w.Tasks.SelectTask(taskID) {
		t.Fatal("task I.2 not selectable")
	}
	panel := w.Tasks.Panel
	panel.Status.SetSelected(string(store.StatusDone))
	test.Type(panel.Note, "Đã ban hành Kế hoạch số 10/KH-SKH")
	test.Type(panel.Reason, "Chờ hướng dẫn của tỉnh") // I.2 was due in 12/2022
	test.Tap(panel.SaveButton)

	// then the table shows it done at once,
	if got := w.Tasks.CellText(row, colStatus); got != "Hoàn thành" {
		t.Errorf("status after saving = %q, want Hoàn thành", got)
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
	if got := w.Tasks.CellText(row, colStatus); got != "Hoàn thành" {
		t.Errorf("status after restart = %q, want Hoàn thành", got)
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
	w.Tasks.SelectTask(w.Tasks.rows[row].task.ID)
	w.Tasks.Panel.Progress.SetValue(40)
	test.Tap(w.Tasks.Panel.SaveButton)

	if got := w.Tasks.CellText(row, colStatus); got != "Đang thực hiện" {
		t.Errorf("status = %q, want Đang thực hiện", got)
	}
	if got := w.Tasks.Panel.Status.Selected; got != "Đang thực hiện" {
		t.Errorf("panel shows %q after saving", got)
	}
	if !strings.Contains(w.Tasks.Summary(), "1 đang thực hiện") {
		t.Errorf("summary = %q", w.Tasks.Summary())
	}
}

func TestAreaRowShowsNoEditor(t *testing.T) {
	a := test.NewTempApp(t)
	st := openSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	w := NewMainWindow(a, st, fixedToday)
	defer w.Window.Close()

	row := taskRow(t, w.Tasks, "I", "1")
	w.Tasks.SelectTask(w.Tasks.rows[row].task.ID)
	if w.Tasks.Panel.empty.Visible() {
		t.Fatal("selecting a task left the hint showing")
	}
	w.Tasks.table.Select(widget.TableCellID{Row: 0, Col: colContent})
	if !w.Tasks.Panel.empty.Visible() || w.Tasks.Panel.task.ID != 0 {
		t.Error("selecting an area row still shows a task's editor")
	}
}
