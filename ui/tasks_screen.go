package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

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

var columnTitles = [columnCount]string{"TT", "Nội dung", "Đơn vị chủ trì", "Thời gian", "Trạng thái", "Tiến độ"}

// columnWidths are the starting widths; the content column then takes
// whatever width the window leaves.
var columnWidths = [columnCount]float32{44, 420, 200, 180, 130, 70}

// tableRow is one line of the task table: an area heading or a task.
type tableRow struct {
	area *store.Area
	task *store.Task
}

// TasksScreen shows one plan's tasks grouped by area, how many are done,
// late or due, and a panel to record the progress of the selected task.
type TasksScreen struct {
	store   Store
	today   func() store.Date
	onError func(error)

	plan    store.Plan
	areas   []store.Area
	tasks   []store.Task
	rows    []tableRow
	summary *widget.Label
	table   *widget.Table
	Panel   *TaskPanel
	content fyne.CanvasObject
}

// NewTasksScreen builds the screen; ShowPlan fills it.
func NewTasksScreen(st Store, today func() store.Date, onError func(error)) *TasksScreen {
	s := &TasksScreen{store: st, today: today, onError: onError, summary: widget.NewLabel("")}
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
	for col, width := range columnWidths {
		s.table.SetColumnWidth(col, width)
	}
	s.Panel = NewTaskPanel(st, today, s.onTaskSaved, onError)
	fill := &fillColumnLayout{table: s.table, column: colContent, minWidth: 240}
	for col, width := range columnWidths {
		if col != colContent {
			fill.fixed += width
		}
	}
	split := container.NewVSplit(container.New(fill, s.table), s.Panel.Content())
	split.Offset = 0.62
	s.content = container.NewBorder(s.summary, nil, nil, nil, split)
	return s
}

// Content returns the screen's root object.
func (s *TasksScreen) Content() fyne.CanvasObject { return s.content }

// ShowPlan loads a plan's areas and tasks into the screen.
func (s *TasksScreen) ShowPlan(plan store.Plan) {
	areas, err := s.store.Areas(plan.ID)
	if err != nil {
		s.onError(err)
		return
	}
	tasks, err := s.store.Tasks(plan.ID)
	if err != nil {
		s.onError(err)
		return
	}
	s.plan, s.areas, s.tasks = plan, areas, tasks
	s.rows = groupRows(areas, s.tasks)
	s.table.UnselectAll()
	s.Panel.Clear()
	s.refresh()
}

// groupRows lays the tasks out under their areas, in the store's order.
func groupRows(areas []store.Area, tasks []store.Task) []tableRow {
	rows := make([]tableRow, 0, len(areas)+len(tasks))
	for i := range areas {
		rows = append(rows, tableRow{area: &areas[i]})
		for j := range tasks {
			if tasks[j].AreaID == areas[i].ID {
				rows = append(rows, tableRow{task: &tasks[j]})
			}
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
	s.summary.SetText(summaryLine(s.tasks, s.today()))
	s.table.Refresh()
}

func summaryLine(tasks []store.Task, today store.Date) string {
	counts := store.StatusCounts(tasks, today)
	parts := []string{fmt.Sprintf("%d nhiệm vụ", len(tasks))}
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
		label.SetText(columnTitles[id.Col])
	}
}

func (s *TasksScreen) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	label := obj.(*widget.Label)
	row := s.rows[id.Row]
	label.TextStyle = fyne.TextStyle{Bold: row.area != nil}
	label.Importance = widget.MediumImportance
	if row.task != nil && id.Col == colStatus {
		label.Importance = statusImportance(row.task.DisplayStatus(s.today()))
	}
	label.SetText(cellText(row, id.Col, s.today()))
}

func cellText(row tableRow, col int, today store.Date) string {
	if row.area != nil {
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
	s.Panel.ShowTask(s.plan, *row.task, s.areaOf(row.task))
}

func (s *TasksScreen) areaOf(t *store.Task) store.Area {
	for _, a := range s.areas {
		if a.ID == t.AreaID {
			return a
		}
	}
	return store.Area{}
}

// onTaskSaved puts the saved task in its row and recounts.
func (s *TasksScreen) onTaskSaved(saved store.Task) {
	for i := range s.tasks {
		if s.tasks[i].ID == saved.ID {
			s.tasks[i] = saved
		}
	}
	s.refresh()
}
