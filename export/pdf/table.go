package pdf

// tableCell is one cell of a table row: where it stands and its measured
// lines.
type cell struct {
	x, w  float64
	lines []line
	style textStyle
	align string
}

// tableRow is one row of cells; a cell may span several columns.
type row struct {
	cells []cell
	// lines is the number of lines of the fullest cell.
	lines int
	// middle centres each cell's lines vertically, as the header row does.
	middle bool
}

// table draws rows of wrapped cells under a header row that is repeated at
// the top of every page. A row goes to the next page whole when it does not
// fit, and is split only when it is taller than a page.
type table struct {
	l *layout
	// xs are the columns' left edges, and the right edge of the last.
	xs []float64
	// lineHeight is the height of a line in every cell: the table is set in
	// one size.
	lineHeight float64
	header     row
}

// tableLeading is the line height in a table as a multiple of the font
// size: Word's single spacing, so rows take no more room than they need.
const tableLeading = 1.15

// Cell padding, in millimetres. The text of two cells side by side stays
// at least 5 mm (over 12 pt) apart, so text extraction (pdftotext) reads
// each cell as a column of its own rather than running neighbours together.
const (
	cellPadX = 2.5
	cellPadY = 1.0
)

// newTable prepares a table over the text width of the current page with
// columns of the given shares of it and the given header cells.
func newTable(l *layout, shares []float64, headings []string, headStyle textStyle) *table {
	t := &table{l: l, lineHeight: headStyle.size * ptMM * tableLeading}
	x := l.page.left()
	t.xs = append(t.xs, x)
	for _, share := range shares {
		x += share * l.page.contentWidth()
		t.xs = append(t.xs, x)
	}
	cells := make([]cell, len(headings))
	for i, heading := range headings {
		cells[i] = t.cell(i, 1, heading, headStyle, "C")
	}
	t.header = t.row(cells...)
	t.header.middle = true
	return t
}

// cell measures text into a cell of span columns from column col.
func (t *table) cell(col, wordSpan int, text string, s textStyle, align string) cell {
	x, w := t.xs[col], t.xs[col+wordSpan]-t.xs[col]
	return cell{x: x, w: w, lines: t.l.wrapItems(text, s, w-2*cellPadX), style: s, align: align}
}

// row makes a row of cells.
func (t *table) row(cells ...cell) row {
	r := row{cells: cells, lines: 1}
	for _, c := range cells {
		r.lines = max(r.lines, len(c.lines))
	}
	return r
}

// height returns the height of a row of n lines.
func (t *table) height(n int) float64 { return float64(n)*t.lineHeight + 2*cellPadY }

// start draws the header row and repeats it on every following page of the
// part.
func (t *table) start() {
	t.l.room(t.height(t.header.lines) + t.height(1))
	t.l.pdf.SetLineWidth(0.2)
	t.drawHeader()
	t.l.repeat = t.drawHeader
}

// drawHeader draws the header row at the cursor.
func (t *table) drawHeader() {
	t.l.pdf.SetLineWidth(0.2)
	t.drawLines(t.header, 0, t.header.lines)
}

// pageRoom returns the height a page offers rows under the header.
func (t *table) pageRoom() float64 {
	return t.l.page.bodyHeight() - t.height(t.header.lines)
}

// keep starts a new page unless h millimetres of rows fit on this one and
// could fit on a page at all: it keeps an area row with its first task.
func (t *table) keep(h float64) {
	if h <= t.pageRoom() {
		t.l.room(h)
	}
}

// addHeading draws an area's row, on the page that has room for it and the
// first row under it (next, when the area has one): a heading never ends a
// page alone.
func (t *table) addHeading(heading row, next *row) {
	h := t.height(heading.lines)
	if next != nil {
		h += t.height(next.lines)
	}
	t.keep(h)
	t.add(heading)
}

// add draws a row at the cursor: whole on this page, or whole on the next,
// or, when it is taller than a page, over as many pages as it needs.
func (t *table) add(r row) {
	t.keep(t.height(r.lines))
	for from := 0; ; {
		fit := int((t.l.page.bottom() - t.l.y - 2*cellPadY + 0.001) / t.lineHeight)
		if fit < 1 {
			t.l.newPage()
			continue
		}
		n := min(r.lines-from, fit)
		t.drawLines(r, from, n)
		if from += n; from >= r.lines {
			return
		}
		t.l.newPage()
	}
}

// drawLines draws lines from..from+n of each cell of a row, with the cells'
// borders, and moves the cursor under them.
func (t *table) drawLines(r row, from, n int) {
	l := t.l
	h := t.height(n)
	for _, c := range r.cells {
		l.pdf.Rect(c.x, l.y, c.w, h, "D")
		top := l.y + cellPadY
		if r.middle {
			top += float64(n-len(c.lines)) * t.lineHeight / 2
		}
		for i := from; i < min(from+n, len(c.lines)); i++ {
			ln := c.lines[i]
			y := top + float64(i-from)*t.lineHeight
			l.drawLine(c.x+cellPadX+ln.indent, y, c.w-2*cellPadX-ln.indent, t.lineHeight, ln.text, c.style, c.align)
		}
	}
	l.y += h
}
