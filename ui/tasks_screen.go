package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// TasksStore is what the task screen needs of the data: a plan grouped as
// its documents print it, and a way to record a task's progress.
type TasksStore interface {
	Bundle(planID uint64) (store.Bundle, error)
	ProgressRecorder
}

// Columns of the task table.
const (
	colOrdinal = iota
	colContent
	colLead
	colTimeline
	colStatus
	colProgress
	columnCount
)

// columnTitles are the headings of the task table.
func columnTitles() [columnCount]string {
	return [columnCount]string{lang.L("TT"), lang.L("Nội dung"), lang.L("Đơn vị chủ trì"), lang.L("Thời gian"), lang.L("Trạng thái"), lang.L("Tiến độ")}
}

// taskColumnWidths are the columns' widths when there is room, and the
// least each keeps in a narrow window: its heading, a whole status, a
// whole "Tháng 12/2022", a whole "100%". A wide window goes mostly to the
// content, and some to the units and the timeline.
func taskColumnWidths() []columnWidth {
	statuses := append(statusNames(), string(store.StatusOverdue))
	titles := columnTitles()
	return []columnWidth{
		colOrdinal:  fixedWidth(44, textWidth(true, titles[colOrdinal], "VIII")),
		colContent:  {preferred: 360, least: 150, grow: 4},
		colLead:     fixedWidth(200, textWidth(true, titles[colLead])).growing(1),
		colTimeline: fixedWidth(180, textWidth(true, titles[colTimeline]), textWidth(false, "Tháng 12/2022")).growing(1),
		colStatus:   fixedWidth(130, textWidth(true, titles[colStatus]), textWidth(false, statuses...)),
		colProgress: fixedWidth(70, textWidth(true, titles[colProgress]), textWidth(false, "100%")),
	}
}

// fixedWidth is a column preferred at the given width that keeps the
// widest of the least widths given and takes no share of a wide window.
func fixedWidth(preferred float32, least ...float32) columnWidth {
	var w columnWidth
	for _, l := range least {
		w.least = max(w.least, l)
	}
	w.preferred = max(preferred, w.least)
	return w
}

// tableRow is one line of the task table: an area heading (task nil) or a
// task with its area.
type tableRow struct {
	area *store.Area
	task *store.Task
}

// TasksScreen shows the current plan's tasks grouped by area, how many are
// done, late or due, and a panel to record the progress of the selected
// task.
type TasksScreen struct {
	store   TasksStore
	today   func() store.Date
	onError func(error)

	// OnFind and OnNewTask, when set, search the tasks and add one: the
	// menu's Ctrl+F and Ctrl+N run them, and stay greyed out while unset.
	OnFind    func()
	OnNewTask func()

	bundle  store.Bundle
	rows    []tableRow
	summary *widget.Label
	table   *widget.Table
	Panel   *TaskPanel
	content fyne.CanvasObject
}

// NewTasksScreen builds the screen and has it follow the current plan.
func NewTasksScreen(st TasksStore, current *CurrentPlan, today func() store.Date, onError func(error)) *TasksScreen {
	s := &TasksScreen{store: st, today: today, onError: onError, summary: widget.NewLabel("")}
	s.summary.Truncation = fyne.TextTruncateEllipsis
	s.table = &widget.Table{
		Length:        func() (int, int) { return len(s.rows), columnCount },
		CreateCell:    newCellLabel,
		UpdateCell:    s.updateCell,
		OnSelected:    s.onRowSelected,
		ShowHeaderRow: true,
		CreateHeader:  newCellLabel,
		UpdateHeader:  updateHeader,
	}
	s.table.ExtendBaseWidget(s.table)
	widths := taskColumnWidths()
	for col, width := range widths {
		s.table.SetColumnWidth(col, width.preferred)
	}
	s.Panel = NewTaskPanel(st, today, s.onTaskSaved, onError)
	fill := &fillColumnLayout{table: s.table, widths: widths, fill: colContent}
	split := container.NewVSplit(container.New(fill, s.table), s.Panel.Content())
	split.Offset = 0.62
	s.content = container.NewBorder(s.summary, nil, nil, nil, split)
	current.OnChanged(s.ShowPlan)
	return s
}

// Content returns the screen's root object.
func (s *TasksScreen) Content() fyne.CanvasObject { return s.content }

// ShowPlan loads a plan's areas and tasks into the screen; a plan with ID 0
// empties it.
func (s *TasksScreen) ShowPlan(plan store.Plan) {
	bundle := store.Bundle{Plan: plan}
	if plan.ID != 0 {
		var err error
		if bundle, err = s.store.Bundle(plan.ID); err != nil {
			s.onError(err)
			return
		}
	}
	s.bundle = bundle
	s.rows = tableRows(s.bundle.Areas)
	s.table.UnselectAll()
	s.Panel.Clear()
	s.refresh()
}

// tableRows lays out each area as a heading followed by its tasks.
func tableRows(areas []store.AreaTasks) []tableRow {
	var rows []tableRow
	for i := range areas {
		area := &areas[i]
		rows = append(rows, tableRow{area: &area.Area})
		for j := range area.Tasks {
			rows = append(rows, tableRow{area: &area.Area, task: &area.Tasks[j]})
		}
	}
	return rows
}

// RowCount returns the number of table rows, areas and tasks together.
func (s *TasksScreen) RowCount() int { return len(s.rows) }

// SelectTask selects the task with the given id in the table, as a click does.
func (s *TasksScreen) SelectTask(taskID uint64) bool {
	for i, row := range s.rows {
		if row.task != nil && row.task.ID == taskID {
			s.table.Select(widget.TableCellID{Row: i, Col: colContent})
			return true
		}
	}
	return false
}

// CellText returns the text shown in a cell, for tests and accessibility.
func (s *TasksScreen) CellText(row, col int) string {
	return cellText(s.rows[row], col, s.today())
}

// Summary returns the line of counts above the table.
func (s *TasksScreen) Summary() string { return s.summary.Text }

func (s *TasksScreen) refresh() {
	s.summary.SetText(summaryLine(s.bundle.Tasks(), s.today()))
	s.table.Refresh()
}

func summaryLine(tasks []store.Task, today store.Date) string {
	counts := store.StatusCounts(tasks, today)
	parts := []string{localf("%d nhiệm vụ", len(tasks))}
	for _, st := range []store.Status{store.StatusDone, store.StatusInProgress, store.StatusOverdue, store.StatusNotStarted, store.StatusDropped} {
		if counts[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[st], strings.ToLower(string(st))))
		}
	}
	return strings.Join(parts, " · ")
}

func newCellLabel() fyne.CanvasObject {
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	return label
}

func updateHeader(id widget.TableCellID, obj fyne.CanvasObject) {
	label := obj.(*widget.Label)
	label.TextStyle = fyne.TextStyle{Bold: true}
	if id.Col >= 0 && id.Col < columnCount {
		label.SetText(columnTitles()[id.Col])
	}
}

func (s *TasksScreen) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	label := obj.(*widget.Label)
	row := s.rows[id.Row]
	label.TextStyle = fyne.TextStyle{Bold: row.task == nil}
	label.Importance = widget.MediumImportance
	if row.task != nil && id.Col == colStatus {
		label.Importance = statusImportance(row.task.DisplayStatus(s.today()))
	}
	label.SetText(cellText(row, id.Col, s.today()))
}

func cellText(row tableRow, col int, today store.Date) string {
	if row.task == nil {
		switch col {
		case colOrdinal:
			return row.area.Numeral
		case colContent:
			return row.area.Name
		}
		return ""
	}
	t := row.task
	switch col {
	case colOrdinal:
		return t.Ordinal
	case colContent:
		return strings.ReplaceAll(t.Content, "\n", " ")
	case colLead:
		return t.Lead
	case colTimeline:
		return t.Timeline.Text
	case colStatus:
		return string(t.DisplayStatus(today))
	case colProgress:
		return fmt.Sprintf("%d%%", t.Progress)
	}
	return ""
}

// statusImportance colours a status: late in red, done in green.
func statusImportance(st store.Status) widget.Importance {
	switch st {
	case store.StatusOverdue:
		return widget.DangerImportance
	case store.StatusDone:
		return widget.SuccessImportance
	case store.StatusInProgress:
		return widget.HighImportance
	case store.StatusDropped:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

func (s *TasksScreen) onRowSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.rows) {
		return
	}
	row := s.rows[id.Row]
	if row.task == nil {
		s.Panel.Clear()
		return
	}
	s.Panel.ShowTask(s.bundle.Plan, *row.task, *row.area)
}

// onTaskSaved puts the saved task in its row and recounts.
func (s *TasksScreen) onTaskSaved(saved store.Task) {
	for _, row := range s.rows {
		if row.task != nil && row.task.ID == saved.ID {
			*row.task = saved
		}
	}
	s.refresh()
}
