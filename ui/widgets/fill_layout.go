package widgets

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2/container"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ColumnWidth is how wide a table column is when there is room, the least
// it shrinks to in a narrow window, and its share of the width a wide
// window has beyond every column's preferred width. An optional column
// folds away when the window is too narrow for every column's least.
type ColumnWidth struct {
	Preferred, Least, Grow float32
	Optional               bool
}

// Growing returns the column taking the given share of a wide window.
func (w ColumnWidth) Growing(share float32) ColumnWidth {
	w.Grow = share
	return w
}

// FillColumnLayout lays out a single table and sets its column widths to
// the width it has: Fyne tables have fixed column widths. In a wide window
// the columns share what is left by their grow weights; in a narrow one,
// the columns other than the fill column shrink first, then the fill
// column, and only below every column's least does the table scroll
// sideways.
type FillColumnLayout struct {
	Table  *widget.Table
	Widths []ColumnWidth
	Fill   int // the column that takes the width left
	// Shown, when set, is told which columns are shown, by their place in
	// Widths, whenever optional columns fold away or come back: the
	// Table then shows those only, as its columns 0, 1, 2 ….
	Shown   func(columns []int)
	showing []int
}

// scrollBarAllowance keeps the last column clear of the vertical scroll bar.
const scrollBarAllowance = 16

func (l *FillColumnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	fitted := fitColumns(l.Widths, l.Fill, size.Width-scrollBarAllowance)
	var columns []int
	for col, width := range fitted {
		if width > 0 || l.Shown == nil {
			columns = append(columns, col)
		}
	}
	if l.Shown != nil && !slices.Equal(columns, l.showing) {
		l.showing = columns
		l.Shown(columns)
	}
	for i, col := range columns {
		l.Table.SetColumnWidth(i, fitted[col])
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is small: below the columns' least widths the table scrolls, so
// the table never holds the window wider than the screen.
func (l *FillColumnLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.Widths[l.Fill].Least, 120)
}

// fitColumns gives each column its width in the space available: its
// preferred width and a share of the rest by its grow weight when there is
// room; else the other columns shrink in proportion towards their least
// widths while the fill column keeps its preferred width, then the fill
// column shrinks to its least.
func fitColumns(widths []ColumnWidth, fill int, available float32) []float32 {
	widths = withoutOptional(widths, available)
	var preferred, least, grow float32
	for col, w := range widths {
		grow += w.Grow
		if col != fill {
			preferred += w.Preferred
			least += w.Least
		}
	}
	fitted := make([]float32, len(widths))
	if room := available - preferred - widths[fill].Preferred; room >= 0 && grow > 0 {
		for col, w := range widths {
			fitted[col] = w.Preferred + room*w.Grow/grow
		}
		return fitted
	}
	others := max(least, min(preferred, available-widths[fill].Preferred))
	shrink := float32(1)
	if preferred > least {
		shrink = (others - least) / (preferred - least)
	}
	for col, w := range widths {
		fitted[col] = w.Least + shrink*(w.Preferred-w.Least)
	}
	fitted[fill] = max(widths[fill].Least, available-others)
	return fitted
}

// withoutOptional folds the optional columns away when available is less
// than every column's least.
func withoutOptional(widths []ColumnWidth, available float32) []ColumnWidth {
	var least float32
	for _, w := range widths {
		least += w.Least
	}
	if available >= least {
		return widths
	}
	folded := slices.Clone(widths)
	for i, w := range folded {
		if w.Optional {
			folded[i] = ColumnWidth{}
		}
	}
	return folded
}

// TextWidth is the width a table cell needs to show the widest of texts in
// full, bold or not.
func TextWidth(bold bool, texts ...string) float32 {
	var widest float32
	for _, text := range texts {
		widest = max(widest, fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width)
	}
	return widest + 2*theme.InnerPadding() + 2
}

// FlowLayout lays its objects out left to right at their least widths,
// each line as wide as the space: what does not fit goes on to the next
// line, and the stretching object (the search box) takes what its line
// leaves. HeightFor says how tall that is at a width, for the layout
// above it: a layout's MinSize cannot know the width it will get.
type FlowLayout struct {
	Stretch fyne.CanvasObject
	// Packed keeps every object at its least width on a line without the
	// stretching object, as a bar of buttons wants: else they share what
	// the line leaves.
	Packed bool
}

// flowLines splits objects into lines that fit width, by their positions.
func flowLines(objects []fyne.CanvasObject, width float32) [][]int {
	var lines [][]int
	used := float32(0)
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(lines) == 0 || used+theme.Padding()+w > width {
			lines = append(lines, []int{i})
			used = w
			continue
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], i)
		used += theme.Padding() + w
	}
	return lines
}

// lineHeight is the height of a line: its tallest object.
func lineHeight(objects []fyne.CanvasObject, line []int) float32 {
	var h float32
	for _, i := range line {
		h = max(h, objects[i].MinSize().Height)
	}
	return h
}

// HeightFor is the height the objects take laid out in width.
func (l *FlowLayout) HeightFor(objects []fyne.CanvasObject, width float32) float32 {
	lines := flowLines(objects, width)
	var h float32
	for _, line := range lines {
		h += lineHeight(objects, line)
	}
	return h + theme.Padding()*float32(max(len(lines)-1, 0))
}

func (l *FlowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, line := range flowLines(objects, size.Width) {
		h := lineHeight(objects, line)
		x := float32(0)
		for _, i := range line {
			w := objects[i].MinSize().Width + l.share(objects, line, i, size.Width)
			objects[i].Move(fyne.NewPos(x, y))
			objects[i].Resize(fyne.NewSize(w, h))
			x += w + theme.Padding()
		}
		y += h + theme.Padding()
	}
}

// share is the width object i gets beyond its least: all that its line
// leaves when it is the stretching object, nothing when another object of
// the line is, else an even share.
func (l *FlowLayout) share(objects []fyne.CanvasObject, line []int, i int, width float32) float32 {
	spare := width - theme.Padding()*float32(len(line)-1)
	stretching := false
	for _, j := range line {
		spare -= objects[j].MinSize().Width
		stretching = stretching || objects[j] == l.Stretch
	}
	switch {
	case spare <= 0 || (stretching && objects[i] != l.Stretch):
		return 0
	case stretching:
		return spare
	case l.Packed:
		return 0
	}
	return spare / float32(len(line))
}

// BarAboveLayout lays out a bar that wraps (a container with a FlowLayout)
// above the rest, the bar as tall as its lines at the width given, so that
// no control of a narrow window is cut off or scrolled out of sight.
type BarAboveLayout struct {
	// width is the width last laid out in: MinSize counts the bar's lines
	// at it, so that a split above the layout leaves it room for them.
	width float32
}

// NewBarAbove returns the bar of objects, wrapping onto more lines when
// narrow, above rest.
func NewBarAbove(rest fyne.CanvasObject, objects ...fyne.CanvasObject) *fyne.Container {
	bar := container.New(&FlowLayout{Packed: true}, objects...)
	return container.New(&BarAboveLayout{}, bar, rest)
}

// barHeight is the height of the bar's lines at width, or of its tallest
// object before the layout knows its width.
func barHeight(bar *fyne.Container, width float32) float32 {
	if width <= 0 {
		return bar.MinSize().Height
	}
	return bar.Layout.(*FlowLayout).HeightFor(bar.Objects, width)
}

func (l *BarAboveLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	bar := objects[0].(*fyne.Container)
	h := barHeight(bar, size.Width)
	bar.Move(fyne.NewPos(0, 0))
	bar.Resize(fyne.NewSize(size.Width, h))
	y := h + theme.Padding()
	objects[1].Move(fyne.NewPos(0, y))
	objects[1].Resize(fyne.NewSize(size.Width, max(0, size.Height-y)))
}

// MinSize is the bar's lines at the width last laid out above the rest's
// least size.
func (l *BarAboveLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	bar, rest := objects[0].(*fyne.Container), objects[1].MinSize()
	return fyne.NewSize(max(bar.MinSize().Width, rest.Width), barHeight(bar, l.width)+theme.Padding()+rest.Height)
}

// MinSize is the widest object on a line of its own.
func (l *FlowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		if o.Visible() {
			size = size.Max(o.MinSize())
		}
	}
	return size
}

// SpacerOf is an empty object w wide, to keep a stack at least that wide.
func SpacerOf(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}

// FixedWidth is a column preferred at the given width that keeps the
// widest of the least widths given and takes no share of a wide window.
func FixedWidth(preferred float32, least ...float32) ColumnWidth {
	var w ColumnWidth
	for _, l := range least {
		w.Least = max(w.Least, l)
	}
	w.Preferred = max(preferred, w.Least)
	return w
}
