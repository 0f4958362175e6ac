package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnWidth is how wide a table column is when there is room, the least
// it shrinks to in a narrow window, and its share of the width a wide
// window has beyond every column's preferred width.
type columnWidth struct {
	preferred, least, grow float32
}

// growing returns the column taking the given share of a wide window.
func (w columnWidth) growing(share float32) columnWidth {
	w.grow = share
	return w
}

// fillColumnLayout lays out a single table and sets its column widths to
// the width it has: Fyne tables have fixed column widths. In a wide window
// the columns share what is left by their grow weights; in a narrow one,
// the columns other than the fill column shrink first, then the fill
// column, and only below every column's least does the table scroll
// sideways.
type fillColumnLayout struct {
	table  *widget.Table
	widths []columnWidth
	fill   int // the column that takes the width left
}

// scrollBarAllowance keeps the last column clear of the vertical scroll bar.
const scrollBarAllowance = 16

func (l *fillColumnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for col, width := range fitColumns(l.widths, l.fill, size.Width-scrollBarAllowance) {
		l.table.SetColumnWidth(col, width)
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is small: below the columns' least widths the table scrolls, so
// the table never holds the window wider than the screen.
func (l *fillColumnLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.widths[l.fill].least, 120)
}

// fitColumns gives each column its width in the space available: its
// preferred width and a share of the rest by its grow weight when there is
// room; else the other columns shrink in proportion towards their least
// widths while the fill column keeps its preferred width, then the fill
// column shrinks to its least.
func fitColumns(widths []columnWidth, fill int, available float32) []float32 {
	var preferred, least, grow float32
	for col, w := range widths {
		grow += w.grow
		if col != fill {
			preferred += w.preferred
			least += w.least
		}
	}
	fitted := make([]float32, len(widths))
	if room := available - preferred - widths[fill].preferred; room >= 0 && grow > 0 {
		for col, w := range widths {
			fitted[col] = w.preferred + room*w.grow/grow
		}
		return fitted
	}
	others := max(least, min(preferred, available-widths[fill].preferred))
	shrink := float32(1)
	if preferred > least {
		shrink = (others - least) / (preferred - least)
	}
	for col, w := range widths {
		fitted[col] = w.least + shrink*(w.preferred-w.least)
	}
	fitted[fill] = max(widths[fill].least, available-others)
	return fitted
}

// textWidth is the width a table cell needs to show the widest of texts in
// full, bold or not.
func textWidth(bold bool, texts ...string) float32 {
	var widest float32
	for _, text := range texts {
		widest = max(widest, fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width)
	}
	return widest + 2*theme.InnerPadding() + 2
}
