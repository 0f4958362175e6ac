package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/kehoach/cchc/ui/widgets"
)

// How the task screen arranges the table and the task pane by the room it
// has, in Fyne's units (a 1280×800 window at 125% is 1024×640).
const (
	// sideBySideFrom: from this wide, the pane sits beside the table.
	sideBySideFrom = 1500
	// oneAtATimeBelow: below this high, the table or the pane fills the
	// screen, one at a time, the pane with a button back to the list.
	oneAtATimeBelow = 640
)

// tasksView arranges the task screen: the flowing bar of search and
// filters, the counts row, the table and the pane, and the status line.
type tasksView struct {
	bar, counts, status *fyne.Container
	table, pane         fyne.CanvasObject
	split               *container.Split
	// body holds the split, or the table or the pane alone.
	body *fyne.Container
	root *fyne.Container
	// oneAtATime is set while the screen is too low for both; paneShown
	// says which of the two it shows then.
	oneAtATime, paneShown bool
	// OnModeChanged is told when the screen starts or stops showing one at
	// a time.
	OnModeChanged func(oneAtATime bool)
}

func newTasksView(bar, counts *fyne.Container, table, pane fyne.CanvasObject, status *fyne.Container) *tasksView {
	v := &tasksView{bar: bar, counts: counts, table: table, pane: pane, status: status}
	v.split = container.NewVSplit(table, pane)
	v.split.Offset = 0.5
	v.body = container.NewStack(v.split)
	v.root = container.New(&tasksLayout{view: v}, bar, counts, v.body, status)
	return v
}

// showPane shows the pane (true) or the table (false) when the screen
// shows one at a time; otherwise both are shown and nothing changes.
func (v *tasksView) showPane(on bool) {
	if v.paneShown == on {
		return
	}
	v.paneShown = on
	if v.oneAtATime {
		v.arrange()
		v.root.Refresh()
	}
}

// setRoom arranges the view for its size, when the size changes its mode.
func (v *tasksView) setRoom(size fyne.Size) {
	oneAtATime := size.Width < sideBySideFrom && size.Height < oneAtATimeBelow
	sideBySide := size.Width >= sideBySideFrom
	if oneAtATime == v.oneAtATime && sideBySide == v.split.Horizontal {
		return
	}
	if sideBySide != v.split.Horizontal {
		v.split.Horizontal = sideBySide
		v.split.Offset = 0.5
		if sideBySide {
			v.split.Offset = 0.58
		}
	}
	changed := oneAtATime != v.oneAtATime
	v.oneAtATime = oneAtATime
	v.arrange()
	if changed && v.OnModeChanged != nil {
		v.OnModeChanged(oneAtATime)
	}
}

// arrange puts the table and the pane in the split, or one of them alone.
func (v *tasksView) arrange() {
	if !v.oneAtATime {
		v.split.Leading, v.split.Trailing = v.table, v.pane
		v.body.Objects = []fyne.CanvasObject{v.split}
		v.bar.Show()
		v.counts.Show()
		v.split.Refresh()
		return
	}
	v.split.Leading, v.split.Trailing = container.NewStack(), container.NewStack()
	shown := v.table
	if v.paneShown {
		shown = v.pane
	}
	v.body.Objects = []fyne.CanvasObject{shown}
	if v.paneShown {
		v.bar.Hide()
		v.counts.Hide()
	} else {
		v.bar.Show()
		v.counts.Show()
	}
	v.body.Refresh()
}

// tasksLayout lays the view out: the bar as high as its lines need at the
// width it has, the counts row, the body taking what is left, and the
// status line at the bottom.
type tasksLayout struct{ view *tasksView }

func (l *tasksLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	v := l.view
	v.setRoom(size)
	y := float32(0)
	if v.bar.Visible() {
		h := v.bar.Layout.(*widgets.FlowLayout).HeightFor(v.bar.Objects, size.Width)
		v.bar.Move(fyne.NewPos(0, 0))
		v.bar.Resize(fyne.NewSize(size.Width, h))
		y = h + theme.Padding()
	}
	if v.counts.Visible() {
		h := v.counts.MinSize().Height
		v.counts.Move(fyne.NewPos(0, y))
		v.counts.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
	statusHeight := v.status.MinSize().Height
	v.status.Move(fyne.NewPos(0, size.Height-statusHeight))
	v.status.Resize(fyne.NewSize(size.Width, statusHeight))
	v.body.Move(fyne.NewPos(0, y))
	v.body.Resize(fyne.NewSize(size.Width, max(0, size.Height-statusHeight-y)))
}

// MinSize is small: the table, the pane and their forms scroll, so the
// screen fits a 900×600 window at 125%.
func (l *tasksLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	v := l.view
	width := max(v.bar.MinSize().Width, v.status.MinSize().Width, v.counts.MinSize().Width)
	return fyne.NewSize(width, v.status.MinSize().Height+v.counts.MinSize().Height+v.bar.MinSize().Height+120)
}
