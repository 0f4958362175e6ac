package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store"
)

// taskColumnWidths are the columns' widths when there is room, and the
// least each keeps in a narrow window: a whole state, a whole "Tháng
// 12/2022", a whole "100%". A wide window goes mostly to the content, and
// some to the area, the units and the timeline. The area column folds
// away when the window is too narrow for all of them: the number, "II.3",
// still names the area.
func taskColumnWidths() []widgets.ColumnWidth {
	states := make([]string, len(store.States))
	for i, st := range store.States {
		states[i] = string(st)
	}
	titles := columnTitles()
	area := widgets.FixedWidth(150, 70).Growing(1)
	area.Optional = true
	return []widgets.ColumnWidth{
		ColNumber:   widgets.FixedWidth(60, widgets.TextWidth(true, titles[ColNumber]+sortMark(false)), widgets.TextWidth(false, "VIII.10")),
		ColContent:  {Preferred: 360, Least: 120, Grow: 4},
		ColArea:     area,
		colLead:     widgets.FixedWidth(170, 90).Growing(1),
		ColTimeline: widgets.FixedWidth(150, widgets.TextWidth(false, "Tháng 12/2022")).Growing(1),
		ColState:    widgets.FixedWidth(170, widgets.TextWidth(true, titles[ColState]), widgets.TextWidth(false, states...)),
		ColProgress: widgets.FixedWidth(76, widgets.TextWidth(true, titles[ColProgress]), widgets.TextWidth(false, "100%")),
	}
}

// buildTable makes the task table: a row a task, the headings buttons that
// sort by their column.
func (s *Screen) buildTable() {
	s.table = &widget.Table{
		Length:        func() (int, int) { return len(s.shown), len(s.columns) },
		CreateCell:    widgets.NewCellLabel,
		UpdateCell:    s.updateCell,
		OnSelected:    s.onRowSelected,
		ShowHeaderRow: true,
		CreateHeader:  newHeaderButton,
		UpdateHeader:  s.updateHeader,
	}
	s.table.ExtendBaseWidget(s.table)
	s.columns = allColumns()
	for col, width := range taskColumnWidths() {
		s.table.SetColumnWidth(col, width.Preferred)
	}
}

// allColumns are every column of the table, in order.
func allColumns() []int {
	columns := make([]int, columnCount)
	for i := range columns {
		columns[i] = i
	}
	return columns
}

// showColumns shows the columns given, by their constants: the table is
// too narrow for the others.
func (s *Screen) showColumns(columns []int) {
	s.columns = columns
	s.table.Refresh()
}

// updateCell shows a cell's text as the list built it: no work and no
// allocation of its own, so that scrolling 10,000 rows stays smooth.
func (s *Screen) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	label := obj.(*widget.Label)
	if id.Row < 0 || id.Row >= len(s.shown) || id.Col < 0 || id.Col >= len(s.columns) {
		return
	}
	t := &s.list.tasks[s.shown[id.Row]]
	col := s.columns[id.Col]
	importance := widget.MediumImportance
	if col == ColState {
		importance = t.tone
	}
	if label.Text == t.cells[col] && label.Importance == importance {
		return
	}
	label.Text = t.cells[col]
	label.Importance = importance
	label.Refresh()
}

// headerCell is a column heading that sorts by its column when clicked.
// It is a label, not a button, so that Tab does not stop at each heading.
type headerCell struct {
	widget.Label
	onTapped func()
}

func newHeaderButton() fyne.CanvasObject {
	h := &headerCell{}
	h.TextStyle = fyne.TextStyle{Bold: true}
	h.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

// Tapped sorts by the heading's column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTapped != nil {
		h.onTapped()
	}
}

func (s *Screen) updateHeader(id widget.TableCellID, obj fyne.CanvasObject) {
	h := obj.(*headerCell)
	if id.Col < 0 || id.Col >= len(s.columns) {
		return
	}
	column := s.columns[id.Col]
	text := columnTitles()[column]
	if s.order.column == column {
		text += sortMark(s.order.descending)
	}
	h.onTapped = func() { s.SortBy(column) }
	h.SetText(text)
}

// sortMark shows which way a column is sorted.
func sortMark(descending bool) string {
	if descending {
		return " ▼"
	}
	return " ▲"
}

// SortBy sorts the table by a column, as a click on its heading does: a
// second click on the same heading turns the order round.
func (s *Screen) SortBy(column int) {
	if s.order.column == column {
		s.order.descending = !s.order.descending
	} else {
		s.order = rowOrder{column: column}
	}
	s.apply()
}
