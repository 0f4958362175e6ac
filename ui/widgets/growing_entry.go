package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// GrowingEntry is a plain multi-line field as tall as its text wrapped to
// its width, so that a page of them reads like the document: a paragraph
// of a report shows whole, without a scroll bar of its own. It grows and
// shrinks as the officer types, and tells onGrow when its height changed,
// so that what holds it can lay out again.
type GrowingEntry struct {
	Entry
	rows   int
	onGrow func()
}

// NewGrowingEntry returns an empty field of one line.
func NewGrowingEntry(onGrow func()) *GrowingEntry {
	e := &GrowingEntry{rows: 1, onGrow: onGrow}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(1)
	return e
}

// Resize sizes the field and fits its height to the text at that width.
func (e *GrowingEntry) Resize(size fyne.Size) {
	e.Entry.Resize(size)
	e.Fit()
}

// Fit sets the number of lines shown to the lines the text takes.
func (e *GrowingEntry) Fit() {
	width := e.Size().Width
	if width <= 0 {
		return
	}
	// The text sits inside the field's border and padding, and keeps clear
	// of its scroll bar.
	textWidth := width - 2*theme.InnerPadding() - 2*theme.InputBorderSize() - 12
	rows := min(maxGrowingRows, wrappedLines(e.Text, textWidth, theme.TextSize(), e.TextStyle))
	if rows == e.rows {
		return
	}
	e.rows = rows
	e.SetMinRowsVisible(rows)
	if e.onGrow != nil {
		e.onGrow()
	}
}

// maxGrowingRows bounds a field's height; a longer text scrolls inside it.
const maxGrowingRows = 40

// wrappedLines counts the lines text takes when wrapped at word boundaries
// to width: at least one.
func wrappedLines(text string, width, size float32, style fyne.TextStyle) int {
	space := fyne.MeasureText(" ", size, style).Width
	lines := 0
	for _, paragraph := range strings.Split(text, "\n") {
		lines++
		x := float32(0)
		for i, word := range strings.Fields(paragraph) {
			w := fyne.MeasureText(word, size, style).Width
			if i > 0 && x+space+w > width {
				lines++
				x = w
				continue
			}
			if i > 0 {
				x += space
			}
			x += w
		}
	}
	return max(1, lines)
}
