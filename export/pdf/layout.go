package pdf

import (
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/store"
)

// The layout layer: pages in parts with their own numbering, text measured
// with fpdf's SplitText and drawn exactly as measured, one CellFormat a line.
// Lengths are millimetres, font sizes points.

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// leading is the line height as a multiple of the font size: a little over
// Word's single spacing for Times New Roman (1.15), well under the 1.5 lines
// Decree 30/2020 allows.
const bodyLeading = 1.2

// A4 paper, portrait.
const (
	a4Width  = 210.0
	a4Height = 297.0
)

// Page orientations as fpdf names them.
const (
	pagePortrait  = "P"
	pageLandscape = "L"
)

// textStyle is a font style at a size in points.
type textStyle struct {
	face fonts.Style
	size float64
}

// lineHeight returns the height of one line of text in this style.
func (s textStyle) lineHeight() float64 { return s.size * ptMM * bodyLeading }

// baseline returns how far below the top of its line a line's baseline is,
// as CellFormat places it.
func (s textStyle) baseline() float64 { return 0.5*s.lineHeight() + 0.3*s.size*ptMM }

// pageSetup is the paper and margins of a page.
type pageSetup struct {
	orientation string
	margins     store.Margins
}

func (p pageSetup) width() float64 {
	if p.orientation == pageLandscape {
		return a4Height
	}
	return a4Width
}

func (p pageSetup) height() float64 {
	if p.orientation == pageLandscape {
		return a4Width
	}
	return a4Height
}

func (p pageSetup) left() float64         { return p.margins.Left }
func (p pageSetup) right() float64        { return p.width() - p.margins.Right }
func (p pageSetup) top() float64          { return p.margins.Top }
func (p pageSetup) bottom() float64       { return p.height() - p.margins.Bottom }
func (p pageSetup) contentWidth() float64 { return p.right() - p.left() }

// bodyHeight is the height a page offers its content.
func (p pageSetup) bodyHeight() float64 { return p.bottom() - p.top() }

// box is the rectangle an element of the layout occupies, kept so tests can
// check that nothing overlaps.
type box struct {
	name       string
	page       int
	x, y, w, h float64
}

// overlaps reports whether two boxes on the same page share any area.
func (b box) overlaps(o box) bool {
	return b.page == o.page && b.x < o.x+o.w && o.x < b.x+b.w && b.y < o.y+o.h && o.y < b.y+b.h
}

// line is one measured line of text and how far it is indented.
type line struct {
	text   string
	indent float64
}

// layout draws on an fpdf document page by page. The document is made of
// parts (the plan, its appendix), each numbered on its own from 1, with the
// number centred in the top margin from its second page.
type layout struct {
	pdf      *fpdf.Fpdf
	families [fonts.StyleCount]string
	current  textStyle
	page     pageSetup
	margins  store.Margins
	// y is where the next element goes on the current page.
	y float64
	// partStart is the page number of the current part's first page.
	partStart int
	// repeat draws what each new page of the current part starts with (a
	// table's header row), or is nil.
	repeat func()
	boxes  []box
}

// pageNumberStyle is the style of the page numbers in the top margin.
var pageNumberStyle = textStyle{fonts.Regular, 13}

// newLayout starts an empty document set in family with the given margins.
func newLayout(family fonts.FontFamily, margins store.Margins) *layout {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: a4Width, Ht: a4Height}})
	pdf.SetCellMargin(0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margins.Left, margins.Top, margins.Right)
	pdf.SetCatalogSort(true)
	pdf.SetLineCapStyle("butt")
	l := &layout{pdf: pdf, margins: margins, current: textStyle{face: -1}}
	for style := range fonts.StyleCount {
		l.families[style] = familyName(style, family.PostScriptName(style))
		pdf.AddUTF8FontFromBytes(l.families[style], "", family.Files[style])
	}
	pdf.SetHeaderFuncMode(l.pageHeader, false)
	return l
}

// err returns the first error fpdf met, if any.
func (l *layout) err() error { return l.pdf.Error() }

// startPart begins a new part of the document on a new page of the given
// orientation; its pages are numbered from 1.
func (l *layout) startPart(orientation string) {
	l.repeat = nil
	l.partStart = l.pdf.PageNo() + 1
	l.page = pageSetup{orientation: orientation, margins: l.margins}
	l.newPage()
}

// newPage continues the current part on a new page. fpdf gives the page the
// font it had before, whatever the page header set.
func (l *layout) newPage() {
	font := l.current
	l.pdf.AddPageFormat(l.page.orientation, fpdf.SizeType{Wd: a4Width, Ht: a4Height})
	l.current = font
}

// pageHeader runs at the start of every page (fpdf's header function): it
// puts the cursor at the top margin, numbers the page from the part's
// second page on and draws what the part repeats on each page.
func (l *layout) pageHeader() {
	l.y = l.page.top()
	if number := l.pdf.PageNo() - l.partStart + 1; number > 1 {
		l.drawPageNumber(number)
	}
	if l.repeat != nil {
		l.repeat()
	}
}

// drawPageNumber centres the number over the text, in the middle of the top
// margin.
func (l *layout) drawPageNumber(number int) {
	s := pageNumberStyle
	y := (l.page.top() - s.lineHeight()) / 2
	l.drawText(l.page.left(), y, l.page.contentWidth(), strconv.Itoa(number), s, "C")
}

// room makes sure h millimetres fit above the bottom margin, starting a new
// page when they do not. It reports whether it started one.
func (l *layout) room(h float64) bool {
	if l.y+h <= l.page.bottom()+0.001 {
		return false
	}
	l.newPage()
	return true
}

// setStyle sets the font, when it is not set already.
func (l *layout) setStyle(s textStyle) {
	if s == l.current {
		return
	}
	l.current = s
	l.pdf.SetFont(l.families[s.face], "", s.size)
}

// textWidth returns the width of text in the style.
func (l *layout) textWidth(text string, s textStyle) float64 {
	l.setStyle(s)
	return l.pdf.GetStringWidth(text)
}

// drawText draws one line of text in a box of width w whose top is at y.
// Align is "L", "C", "R" or "J"; a line without a space cannot be
// justified and is set left.
func (l *layout) drawText(x, y, w float64, text string, s textStyle, align string) {
	l.drawLine(x, y, w, s.lineHeight(), text, s, align)
}

// drawLine draws one line of text in a box of width w and height h whose
// top is at y.
func (l *layout) drawLine(x, y, w, h float64, text string, s textStyle, align string) {
	l.setStyle(s)
	if align == "J" && !strings.Contains(text, " ") {
		align = "L"
	}
	l.pdf.SetXY(x, y)
	l.pdf.CellFormat(w, h, text, "", 0, align, false, 0, "")
}

// record keeps the box of an element for the overlap checks of the tests.
func (l *layout) record(name string, x, y, w, h float64) {
	l.boxes = append(l.boxes, box{name: name, page: l.pdf.PageNo(), x: x, y: y, w: w, h: h})
}

// rule draws a solid horizontal line of width w centred on cx at height y.
func (l *layout) rule(cx, y, w float64) {
	l.pdf.SetLineWidth(0.25)
	l.pdf.Line(cx-w/2, y, cx+w/2, y)
	l.record("rule", cx-w/2, y, w, 0.25)
}

// wrap measures a paragraph into lines: the first at most firstWidth wide,
// the others restWidth. Runs of white space count as one space.
func (l *layout) wrap(text string, s textStyle, firstWidth, restWidth float64) []string {
	text = collapseSpaces(text)
	if text == "" {
		return nil
	}
	l.setStyle(s)
	lines := l.pdf.SplitText(text, firstWidth)
	if len(lines) <= 1 || firstWidth == restWidth {
		return lines
	}
	rest := strings.TrimPrefix(text[len(lines[0]):], " ")
	return append(lines[:1], l.pdf.SplitText(rest, restWidth)...)
}

// wrapItems measures a cell that holds one item a line: each item wraps on
// its own, and an item that starts with a dash carries its continuation
// lines under its text rather than under the dash.
func (l *layout) wrapItems(text string, s textStyle, width float64) []line {
	var lines []line
	for item := range strings.SplitSeq(text, "\n") {
		hang := 0.0
		if strings.HasPrefix(strings.TrimSpace(item), "- ") {
			hang = l.textWidth("- ", s)
		}
		for i, text := range l.wrap(item, s, width, width-hang) {
			indent := 0.0
			if i > 0 {
				indent = hang
			}
			lines = append(lines, line{text: text, indent: indent})
		}
	}
	return lines
}

// balancedWrap wraps text to width, then narrows the width as far as it can
// without adding a line, so centred lines come out even: "SỞ NÔNG NGHIỆP VÀ"
// over "PHÁT TRIỂN NÔNG THÔN" rather than a lone word under a full line.
func (l *layout) balancedWrap(text string, s textStyle, width float64) []string {
	lines := l.wrap(text, s, width, width)
	if len(lines) < 2 {
		return lines
	}
	narrow, wide := 0.0, width
	for wide-narrow > 0.5 {
		mid := (narrow + wide) / 2
		if len(l.wrap(text, s, mid, mid)) > len(lines) {
			narrow = mid
		} else {
			wide = mid
		}
	}
	return l.wrap(text, s, wide, wide)
}

// collapseSpaces trims text and turns each run of spaces into one, without
// copying text that has none.
func collapseSpaces(text string) string {
	text = strings.TrimSpace(text)
	if !strings.Contains(text, "  ") && !strings.ContainsAny(text, "\n\t") {
		return text
	}
	return strings.Join(strings.Fields(text), " ")
}

// paragraphStyle says how a block of running text is set.
type paragraphStyle struct {
	text textStyle
	// indent is the first line's indent.
	indent float64
	// align is "J" (justified, the last line set left) or "C" (centred).
	align string
	// spaceAfter is the gap below the paragraph.
	spaceAfter float64
}

// paragraphHeight returns the height a paragraph takes across the text
// width, with its space after.
func (l *layout) paragraphHeight(text string, p paragraphStyle) float64 {
	w := l.page.contentWidth()
	lines := l.wrap(text, p.text, w-p.indent, w)
	return float64(len(lines))*p.text.lineHeight() + p.spaceAfter
}

// paragraph sets running text across the text width at the cursor, line by
// line, going on to a new page when a line does not fit.
func (l *layout) paragraph(text string, p paragraphStyle) {
	w := l.page.contentWidth()
	lines := l.wrap(text, p.text, w-p.indent, w)
	lh := p.text.lineHeight()
	for i, text := range lines {
		l.room(lh)
		x, lw := l.page.left(), w
		if i == 0 {
			x, lw = x+p.indent, w-p.indent
		}
		align := p.align
		if align == "J" && i == len(lines)-1 {
			align = "L"
		}
		l.drawText(x, l.y, lw, text, p.text, align)
		l.y += lh
	}
	l.y += p.spaceAfter
}

// column is a vertical strip of the page that a block of centred lines is
// set in: the halves of the header and of the signature block.
type column struct {
	x, w float64
}

// centre returns the horizontal middle of the column.
func (c column) centre() float64 { return c.x + c.w/2 }

// centredLines breaks text into even lines that keep word groups whole
// (phraseLines), draws them centred in the column from y, and
// returns the lines' bottom and the width of the widest.
func (l *layout) centredLines(name string, c column, y float64, text string, s textStyle) (bottom, widest float64) {
	for _, text := range l.phraseLines(text, s, c.w) {
		width := l.textWidth(text, s)
		widest = max(widest, width)
		l.drawText(c.x, y, c.w, text, s, "C")
		l.record(name, c.centre()-width/2, y, width, s.lineHeight())
		y += s.lineHeight()
	}
	return y, widest
}
