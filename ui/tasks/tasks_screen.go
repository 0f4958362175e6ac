package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store"
)

// Store is what the task screen needs of the data: the plan's areas
// and where its tasks stand on a reporting date, the settings (units,
// due-soon days), and what its parts ask for: editing tasks and the plan's
// header, recording progress, keeping evidence.
type Store interface {
	Areas(planID uint64) ([]store.Area, error)
	Standings(planID uint64, asOf store.Date) ([]db.TaskStanding, error)
	Settings() (store.Settings, error)
	TaskEditStore
	TaskUpdateStore
	EvidenceStore
	PlanHeaderStore
}

// Screen shows the current plan's tasks in a table that searches,
// filters and sorts, where each stands on a reporting date with the counts
// by state, and a pane with the task chosen: its progress, its fields, its
// history and its evidence. Edits not yet saved are never lost silently:
// leaving the task, the plan, the screen or the window asks first.
type Screen struct {
	store Store
	host  widgets.ActionHost

	// OnFind and OnNewTask search the tasks and add one: the menu's Ctrl+F
	// and Ctrl+N run them.
	OnFind    func()
	OnNewTask func()

	list     *taskList
	settings store.Settings
	filter   rowFilter
	order    rowOrder
	shown    []int32
	asOf     store.Date

	Search      *widgets.Entry
	AreaFilter  *widget.Select
	LeadFilter  *widget.Select
	StateFilter *widget.Select
	DueFilter   *widget.Select
	AsOf        *widgets.Entry
	counts      *widget.Label
	table       *widget.Table
	Detail      *taskDetail
	// Status says what the last action did; Undo, beside it, puts back
	// the task deleted last.
	Status     *widget.Label
	UndoButton *widget.Button
	AddButton  *widget.Button
	AreaButton *widget.Button
	PlanButton *widget.Button
	content    fyne.CanvasObject

	// leads are the lead units the lead filter offers, by UnitKey.
	leads []string
	// reselecting is set while the table's selection is put back by code.
	reselecting bool
	view        *tasksView
	// columns are the columns shown, by their constants: the area column
	// folds away in a narrow window.
	columns []int
}

// NewScreen builds the screen over st and has it follow the current
// plan of host.
func NewScreen(st Store, host widgets.ActionHost) *Screen {
	s := &Screen{store: st, host: host, asOf: host.Today(), list: newTaskList(store.Plan{}, nil, nil, host.Today())}
	s.buildFilters()
	s.buildTable()
	s.Detail = newTaskDetail(s.detailHost())
	s.buildActions()
	s.Status = widget.NewLabel("")
	s.Status.Truncation = fyne.TextTruncateEllipsis
	s.counts = widget.NewLabel("")
	s.counts.Truncation = fyne.TextTruncateEllipsis
	s.content = s.layout()
	s.OnFind = s.FocusSearch
	s.OnNewTask = s.AddTask
	host.Current.OnChanged(s.ShowPlan)
	return s
}

// Content returns the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// layout puts the search and filters on top, then the counts and the
// plan's actions, then the table with the task pane below it (beside it in
// a wide window, instead of it in a low one), and the status line at the
// bottom.
func (s *Screen) layout() fyne.CanvasObject {
	searchBox := minWidth(container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, s.Search), 260)
	asOf := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Tình trạng ngày")), nil, minWidth(s.AsOf, 130))
	bar := container.New(&widgets.FlowLayout{Stretch: searchBox}, searchBox,
		minWidth(s.AreaFilter, 150), minWidth(s.LeadFilter, 150), minWidth(s.StateFilter, 150), minWidth(s.DueFilter, 150), asOf)
	countsRow := container.NewBorder(nil, nil, nil, container.NewHBox(s.AddButton, s.AreaButton, s.PlanButton), s.counts)
	table := container.New(&widgets.FillColumnLayout{Table: s.table, Widths: taskColumnWidths(), Fill: ColContent, Shown: s.showColumns}, s.table)
	status := container.NewBorder(nil, nil, nil, s.UndoButton, s.Status)
	s.view = newTasksView(bar, countsRow, table, s.Detail.Content(), status)
	s.view.OnModeChanged = s.Detail.showBack
	return s.view.root
}

// minWidth keeps an object at least w wide in a flowing bar.
func minWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewStack(widgets.SpacerOf(w), o)
}

// ShowPlan shows a plan's tasks, as the current plan changes or is read
// again; a plan with ID 0 empties the screen. The same plan read again
// keeps the task shown, with any edits not yet saved, and the filters.
func (s *Screen) ShowPlan(plan store.Plan) {
	if plan.ID != s.list.plan.ID {
		s.filter.area, s.filter.lead = 0, ""
		s.Detail.Clear()
	}
	s.list.plan = plan
	s.reload()
}

// reload reads the plan's tasks and where they stand again, and shows them.
func (s *Screen) reload() {
	plan := s.list.plan
	settings, err := s.store.Settings()
	if err != nil {
		s.host.ShowError(err)
	}
	s.settings = settings
	var areas []store.Area
	var standings []db.TaskStanding
	if plan.ID != 0 {
		if areas, err = s.store.Areas(plan.ID); err == nil {
			standings, err = s.store.Standings(plan.ID, s.asOf)
		}
		if err != nil {
			s.host.ShowError(err)
		}
	}
	s.list = newTaskList(plan, areas, standings, s.asOf)
	s.fillFilterOptions()
	s.Detail.planChanged(plan, settings, areas)
	s.refreshActions()
	s.apply()
	s.followDetail()
}

// followDetail shows the task in the pane as it now stands, or empties the
// pane when the task is gone.
func (s *Screen) followDetail() {
	id := s.Detail.TaskID()
	if id == 0 {
		return
	}
	i := s.list.indexOf(id)
	if i < 0 {
		s.Detail.Clear()
		return
	}
	s.Detail.refreshTask(s.list.tasks[i].task, s.list.area(i), s.list.tasks[i].standing)
}

// apply filters and sorts the rows again and shows them: after a
// keystroke in the search box, a filter or a sort.
func (s *Screen) apply() {
	s.shown = s.list.visible(s.filter, s.order, s.shown)
	s.counts.SetText(s.list.countsLine(len(s.shown)))
	s.table.Refresh()
	s.markSelected()
}

// markSelected selects the row of the task shown in the pane, if shown.
func (s *Screen) markSelected() {
	s.reselecting = true
	defer func() { s.reselecting = false }()
	if row := s.rowOf(s.Detail.TaskID()); row >= 0 {
		s.table.Select(widget.TableCellID{Row: row, Col: ColContent})
		return
	}
	s.table.UnselectAll()
}

// rowOf returns the table row of a task, or -1 when it is not shown.
func (s *Screen) rowOf(taskID uint64) int {
	if taskID == 0 {
		return -1
	}
	for row, i := range s.shown {
		if s.list.tasks[i].task.ID == taskID {
			return row
		}
	}
	return -1
}

// onRowSelected shows the task of a row, after asking about unsaved edits
// of the task shown.
func (s *Screen) onRowSelected(id widget.TableCellID) {
	if s.reselecting || id.Row < 0 || id.Row >= len(s.shown) {
		return
	}
	i := int(s.shown[id.Row])
	if s.list.tasks[i].task.ID == s.Detail.TaskID() {
		return
	}
	s.ConfirmLeave(func() { s.showTask(i) }, s.markSelected)
}

// showTask shows the task at position i of the list in the pane.
func (s *Screen) showTask(i int) {
	t := s.list.tasks[i]
	s.Detail.ShowTask(t.task, s.list.area(i), t.standing)
	s.view.showPane(true)
	s.refreshActions()
	s.markSelected()
}

// SelectTask selects a task in the table, as a click does, and reports
// whether it is shown.
func (s *Screen) SelectTask(taskID uint64) bool {
	row := s.rowOf(taskID)
	if row < 0 {
		return false
	}
	s.table.Select(widget.TableCellID{Row: row, Col: ColContent})
	return true
}

// RowCount returns the number of rows shown.
func (s *Screen) RowCount() int { return len(s.shown) }

// CellText returns the text shown in a cell, for tests and accessibility.
func (s *Screen) CellText(row, col int) string {
	return s.list.tasks[s.shown[row]].cells[col]
}

// TaskAt returns the task of a row.
func (s *Screen) TaskAt(row int) store.Task { return s.list.tasks[s.shown[row]].task }

// Summary returns the line of counts above the table.
func (s *Screen) Summary() string { return s.counts.Text }

// FocusSearch puts the cursor in the search box, its text selected: Ctrl+F.
func (s *Screen) FocusSearch() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.Search); c != nil {
		c.Focus(s.Search)
	}
	s.Search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// say shows what an action did in the status line.
func (s *Screen) say(text string) {
	s.Status.SetText(text)
}

// Save saves every edit of the task shown: Ctrl+S.
func (s *Screen) Save() { s.Detail.SaveAll(func() {}) }

// ConfirmLeave runs goOn at once when nothing is left unsaved; else it asks
// first whether to save the edits (then goes on once they are saved), drop
// them, or stay (then runs stay, when not nil).
func (s *Screen) ConfirmLeave(goOn, stay func()) {
	if !s.Detail.Unsaved() {
		goOn()
		return
	}
	if stay == nil {
		stay = func() {}
	}
	widgets.AskToSave(s.host.Window, s.host.Keys,
		widgets.Localf("Nhiệm vụ %s có thay đổi chưa lưu. Lưu trước khi tiếp tục?", s.Detail.Number()),
		s.Detail.SaveAll, s.Detail.Discard, goOn, stay)
}
