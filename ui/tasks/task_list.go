package tasks

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/kehoach/cchc/store"
)

// Columns of the task table.
const (
	ColNumber = iota
	ColContent
	ColArea
	colLead
	ColTimeline
	ColState
	ColProgress
	columnCount
)

// columnTitles are the headings of the task table.
func columnTitles() [columnCount]string {
	return [columnCount]string{lang.L("Số"), lang.L("Nội dung"), lang.L("Lĩnh vực"), lang.L("Đơn vị chủ trì"),
		lang.L("Thời gian"), lang.L("Trạng thái"), lang.L("Tiến độ")}
}

// listedTask is one task as the table shows it: built once when the data
// changes, so that drawing a cell, filtering and sorting read what is
// already there.
type listedTask struct {
	task     store.Task
	area     int // index in taskList.areas
	standing store.Standing
	cells    [columnCount]string
	// leads are the task's lead units, each by store.UnitKey.
	leads []string
	tone  widget.Importance
}

// taskList is a plan's tasks with where each stands on a reporting date,
// in the plan's order, ready for a table: the search index, and each
// column's sorted order once it has been asked for.
type taskList struct {
	plan   store.Plan
	asOf   store.Date
	areas  []store.Area
	tasks  []listedTask
	search *store.SearchIndex
	// sorted[col] is every task's position in the column's order, built
	// on the first sort by that column.
	sorted [columnCount][]int32
	// matched marks the tasks of the last search, reused between keystrokes.
	matched []bool
	// counts are the tasks by state (store.CountStates).
	counts map[store.State]int
}

// newTaskList lays out a plan's tasks, as Store.Standings gives them, under
// its areas.
func newTaskList(plan store.Plan, areas []store.Area, standings []db.TaskStanding, asOf store.Date) *taskList {
	l := &taskList{plan: plan, asOf: asOf, areas: areas, tasks: make([]listedTask, len(standings))}
	areaAt := make(map[uint64]int, len(areas))
	for i, a := range areas {
		areaAt[a.ID] = i
	}
	tasks := make([]store.Task, len(standings))
	for i, ts := range standings {
		at, ok := areaAt[ts.Task.AreaID]
		if !ok { // a task of a missing area (a damaged file) keeps an empty one
			at = len(l.areas)
			l.areas = append(l.areas, store.Area{ID: ts.Task.AreaID, PlanID: plan.ID})
			areaAt[ts.Task.AreaID] = at
		}
		l.tasks[i] = listedTask{task: ts.Task, area: at}
		l.tasks[i].setStanding(ts.Standing)
		l.tasks[i].fill(l.areas[at])
		tasks[i] = ts.Task
	}
	l.search = store.NewSearchIndex(tasks)
	l.matched = make([]bool, len(tasks))
	l.counts = db.CountStates(standings)
	return l
}

// fill writes the task's cells from its fields.
func (t *listedTask) fill(area store.Area) {
	t.cells[ColNumber] = store.TaskNumber(area, t.task)
	t.cells[ColContent] = widgets.OneLine(t.task.Content)
	t.cells[ColArea] = area.Name
	t.cells[colLead] = widgets.OneLine(t.task.Lead)
	t.cells[ColTimeline] = widgets.OneLine(t.task.Timeline.Text)
	t.leads = t.leads[:0]
	for _, lead := range store.SplitUnits(t.task.Lead) {
		t.leads = append(t.leads, store.UnitKey(lead))
	}
}

// setStanding writes where the task stands and the cells that show it.
func (t *listedTask) setStanding(s store.Standing) {
	t.standing = s
	t.cells[ColState] = string(s.State)
	t.cells[ColProgress] = strconv.Itoa(s.Progress) + "%"
	t.tone = stateImportance(s)
}

// stateImportance colours a state: late in red, due soon in orange, done
// in green, under way in blue, dropped greyed.
func stateImportance(s store.Standing) widget.Importance {
	switch {
	case s.State == store.StateOverdue:
		return widget.DangerImportance
	case s.State.Done():
		return widget.SuccessImportance
	case s.DueSoon:
		return widget.WarningImportance
	case s.State == store.StateInProgress:
		return widget.HighImportance
	case s.State == store.StateDropped:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// Len is the number of tasks.
func (l *taskList) Len() int { return len(l.tasks) }

// indexOf returns the position of the task with the given id, or -1.
func (l *taskList) indexOf(taskID uint64) int {
	for i := range l.tasks {
		if l.tasks[i].task.ID == taskID {
			return i
		}
	}
	return -1
}

// area returns the area of the task at i.
func (l *taskList) area(i int) store.Area { return l.areas[l.tasks[i].area] }

// replace puts a task as it now stands in its place, after an update of its
// progress: its text is the same, so only the cells of its standing and
// the orders that sort by them change.
func (l *taskList) replace(ts db.TaskStanding) bool {
	i := l.indexOf(ts.Task.ID)
	if i < 0 {
		return false
	}
	l.counts[l.tasks[i].standing.State]--
	l.counts[ts.Standing.State]++
	l.tasks[i].task = ts.Task
	l.tasks[i].setStanding(ts.Standing)
	l.sorted[ColState], l.sorted[ColProgress] = nil, nil
	return true
}

// leadUnits lists the lead units of the tasks, each once, in Vietnamese order.
func (l *taskList) leadUnits() []string {
	tasks := make([]store.Task, len(l.tasks))
	for i, t := range l.tasks {
		tasks[i] = t.task
	}
	return store.Bundle{Areas: []store.AreaTasks{{Tasks: tasks}}}.LeadUnits()
}

// dueFilter narrows the tasks by their deadline.
type dueFilter int

// The deadline filters.
const (
	anyDue dueFilter = iota
	dueOverdue
	dueSoon
	dueOverdueOrSoon
	dueUnreported
)

// rowFilter is what the officer narrowed the table to: search text, an
// area (its id; 0 for every area), a lead unit (by store.UnitKey; "" for
// every unit), a state ("" for every state) and a deadline filter.
type rowFilter struct {
	text  string
	area  uint64
	lead  string
	state store.State
	due   dueFilter
}

// rowOrder is how the table is sorted: by a column, up or down.
type rowOrder struct {
	column     int
	descending bool
}

// visible returns, into out, the positions of the tasks that pass the
// filter in the order asked: one keystroke of the search box. It only
// walks slices built beforehand (the search index, the column's order).
func (l *taskList) visible(f rowFilter, order rowOrder, out []int32) []int32 {
	out = out[:0]
	l.markMatches(f.text)
	sorted := l.sortedBy(order.column)
	for k := range sorted {
		if order.descending {
			k = len(sorted) - 1 - k
		}
		i := sorted[k]
		if l.matched[i] && l.passes(&l.tasks[i], f) {
			out = append(out, i)
		}
	}
	return out
}

// markMatches marks the tasks whose text holds every word of the search.
func (l *taskList) markMatches(text string) {
	all := strings.TrimSpace(text) == ""
	for i := range l.matched {
		l.matched[i] = all
	}
	if all {
		return
	}
	for _, i := range l.search.Find(text) {
		l.matched[i] = true
	}
}

// passes reports whether a task passes the filters other than the search.
func (l *taskList) passes(t *listedTask, f rowFilter) bool {
	switch {
	case f.area != 0 && l.areas[t.area].ID != f.area:
		return false
	case f.lead != "" && !slices.Contains(t.leads, f.lead):
		return false
	case f.state != "" && t.standing.State != f.state:
		return false
	}
	return passesDue(t.standing, f.due)
}

func passesDue(s store.Standing, f dueFilter) bool {
	switch f {
	case dueOverdue:
		return s.State == store.StateOverdue
	case dueSoon:
		return s.DueSoon
	case dueOverdueOrSoon:
		return s.State == store.StateOverdue || s.DueSoon
	case dueUnreported:
		return s.Unreported
	}
	return true
}

// sortedBy returns every task's position in a column's order, ties in the
// plan's order, building it on first use.
func (l *taskList) sortedBy(column int) []int32 {
	if l.sorted[column] != nil {
		return l.sorted[column]
	}
	order := make([]int32, len(l.tasks))
	for i := range order {
		order[i] = int32(i)
	}
	if compare := l.comparer(column); compare != nil {
		slices.SortStableFunc(order, compare)
	}
	l.sorted[column] = order
	return order
}

// comparer compares two tasks by a column: text in Vietnamese alphabetical
// order, the timeline by due date, the state in the order of store.States,
// the progress by number; nil for the number column, in the plan's order.
func (l *taskList) comparer(column int) func(a, b int32) int {
	switch column {
	case ColNumber:
		return nil
	case ColTimeline:
		return func(a, b int32) int { return compareDue(l.tasks[a].task.Timeline, l.tasks[b].task.Timeline) }
	case ColState:
		return func(a, b int32) int {
			return stateRank(l.tasks[a].standing.State) - stateRank(l.tasks[b].standing.State)
		}
	case ColProgress:
		return func(a, b int32) int { return l.tasks[a].standing.Progress - l.tasks[b].standing.Progress }
	}
	keys := l.collationKeys(column)
	return func(a, b int32) int { return bytes.Compare(keys[a], keys[b]) }
}

// collationKeys are the tasks' cells of a column as keys of Vietnamese
// alphabetical order ("Đ" after "D", tones after the letter), in any case.
func (l *taskList) collationKeys(column int) [][]byte {
	c := collate.New(language.Vietnamese, collate.IgnoreCase)
	var buf collate.Buffer
	keys := make([][]byte, len(l.tasks))
	for i := range l.tasks {
		keys[i] = bytes.Clone(c.KeyFromString(&buf, l.tasks[i].cells[column]))
		buf.Reset()
	}
	return keys
}

// compareDue orders timelines by their due dates, those without one last.
func compareDue(a, b store.Timeline) int {
	switch {
	case a.Due.IsZero() && b.Due.IsZero():
		return 0
	case a.Due.IsZero():
		return 1
	case b.Due.IsZero():
		return -1
	}
	return a.Due.Time().Compare(b.Due.Time())
}

// stateRank is a state's place in store.States.
func stateRank(s store.State) int { return slices.Index(store.States, s) }

// countsLine is the line of counts above the table: every task by its
// state, which add up to the number of tasks, and how many are shown.
func (l *taskList) countsLine(shown int) string {
	parts := []string{widgets.Localf("%d nhiệm vụ", len(l.tasks))}
	for _, state := range store.States {
		if n := l.counts[state]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+strings.ToLower(string(state)))
		}
	}
	line := strings.Join(parts, " · ")
	if shown != len(l.tasks) {
		line += " — " + widgets.Localf("đang hiện %d", shown)
	}
	return line
}
