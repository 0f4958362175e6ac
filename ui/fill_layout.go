package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// fillColumnLayout lays out a single table and widens one of its columns so
// that the columns fill the width: Fyne tables have fixed column widths.
type fillColumnLayout struct {
	table    *widget.Table
	column   int
	fixed    float32 // the other columns' widths together
	minWidth float32
}

// scrollBarAllowance keeps the last column clear of the vertical scroll bar.
const scrollBarAllowance = 16

func (l *fillColumnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	width := size.Width - l.fixed - scrollBarAllowance
	if width < l.minWidth {
		width = l.minWidth
	}
	l.table.SetColumnWidth(l.column, width)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *fillColumnLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.fixed+l.minWidth, 120)
}
