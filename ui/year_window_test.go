package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui/tasks"
)

// TestAYearOfUpdatesThroughTheWindow records the scripted year the CLI's
// test records (demo.ScriptedYear) through the task screen's progress form,
// as an officer types it, and checks that the tasks then stand where the
// CLI leaves them on every reporting date.
func TestAYearOfUpdatesThroughTheWindow(t *testing.T) {
	w, _ := openWindow(t)
	for _, step := range demo.ScriptedYear {
		recordThroughTheWindow(t, w, step)
	}
	for _, check := range demo.ScriptedChecks {
		t.Run(check.AsOf, func(t *testing.T) {
			day, err := store.ParseVNDate(check.AsOf)
			if err != nil {
				t.Fatal(err)
			}
			w.Tasks.SetAsOf(day)
			checkWindowStandings(t, w, check)
		})
	}
}

// recordThroughTheWindow opens the step's task, fills the progress form as
// the step gives it and saves with Ctrl+S's action.
func recordThroughTheWindow(t *testing.T, w *MainWindow, step demo.ScriptStep) {
	t.Helper()
	area, ordinal, _ := strings.Cut(step.Task, ".")
	w.ShowTask(w.Tasks.TaskAt(taskRow(t, w.Tasks, area, ordinal)).ID)
	status, err := store.ParseStatus(step.Status)
	if err != nil {
		t.Fatal(err)
	}
	form := w.Tasks.Detail.Update
	form.Date.SetText(step.Date)
	form.Status.SetSelected(string(status))
	if step.Progress >= 0 {
		form.Progress.SetText(strconv.Itoa(step.Progress))
	}
	form.Note.SetText(step.Note)
	form.Unit.SetText(step.Unit)
	form.Reason.SetText(step.Reason)
	w.nav.Save()
	if w.Tasks.Detail.Unsaved() {
		t.Fatalf("%s on %s: the update was not saved (%s)", step.Task, step.Date, w.Tasks.Status.Text)
	}
}

// checkWindowStandings checks the state column of every row and the count
// of tasks in each state, which add up to the plan's tasks.
func checkWindowStandings(t *testing.T, w *MainWindow, check demo.ScriptCheck) {
	t.Helper()
	if n := w.Tasks.RowCount(); n != demo.ScriptedTasks {
		t.Fatalf("%d rows, want %d", n, demo.ScriptedTasks)
	}
	counts := map[string]int{}
	for row := 0; row < w.Tasks.RowCount(); row++ {
		number, state := w.Tasks.CellText(row, tasks.ColNumber), w.Tasks.CellText(row, tasks.ColState)
		counts[state]++
		if want := check.State(number); state != want {
			t.Errorf("%s: %q, want %q", number, state, want)
		}
	}
	for state, n := range check.Counts {
		if counts[state] != n {
			t.Errorf("%d tasks %q, want %d (all: %v)", counts[state], state, n, counts)
		}
	}
}
