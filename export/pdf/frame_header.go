package pdf

import (
	"strings"

	"github.com/kehoach/cchc/export/fonts"
)

// dateSizes are the sizes the place and date line may take, Decree 30's
// 14 pt first: 13 pt is tried when it lets the agency's name break better.
var dateSizes = []float64{14, 13}

// headerPlan is how the header shares the text width: the agency on the
// left, the national title on the right as wide as the place and date line
// needs to stand on one line.
type headerPlan struct {
	left, right column
	date        textStyle
	// dateLines is the place and date line, or, where even the widest right
	// column cannot hold it, its two halves broken before "ngày".
	dateLines []string
}

// planHeader chooses the columns. The right column is as wide as the
// Quốc hiệu, the Tiêu ngữ and the date line need, and widens for a long
// place name as far as the left column can give while still holding its
// longest word group. Of the date sizes that fit, the one whose columns
// break the agency's lines best is taken, 14 pt on a tie.
func (f frameWriter) planHeader() headerPlan {
	l := f.l
	content := l.page.contentWidth()
	titleWidth := max(l.textWidth(nationLine, nationStyle), l.textWidth(mottoLine, mottoStyle)) + 2
	maxRight := content - columnGutter - f.narrowestLeft()
	var best headerPlan
	bestCost := -1.0
	for _, size := range dateSizes {
		style := textStyle{fonts.Italic, size}
		right := max(titleWidth, l.textWidth(f.doc.DateLine, style)+2)
		if right > maxRight {
			continue
		}
		plan := f.columns(right, style, []string{f.doc.DateLine})
		if cost := f.leftCost(plan.left); bestCost < 0 || cost < bestCost {
			best, bestCost = plan, cost
		}
	}
	if bestCost >= 0 {
		return best
	}
	lines := splitBeforeDay(f.doc.DateLine)
	right := titleWidth
	for _, line := range lines {
		right = max(right, l.textWidth(line, dateStyle)+2)
	}
	return f.columns(min(right, maxRight), dateStyle, lines)
}

// columns places a right column of the given width and the left one beside it.
func (f frameWriter) columns(rightWidth float64, date textStyle, dateLines []string) headerPlan {
	l := f.l
	return headerPlan{
		right:     column{x: l.page.right() - rightWidth, w: rightWidth},
		left:      column{x: l.page.left(), w: l.page.contentWidth() - rightWidth - columnGutter},
		date:      date,
		dateLines: dateLines,
	}
}

// leftLines are the texts of the left column, each with its style.
func (f frameWriter) leftLines() []struct {
	text  string
	style textStyle
} {
	return []struct {
		text  string
		style textStyle
	}{
		{strings.ToUpper(f.doc.Agency.Parent), parentStyle},
		{strings.ToUpper(f.doc.Agency.Name), agencyStyle},
		{f.doc.Number, numberStyle},
	}
}

// narrowestLeft is the least width the left column may have: that of its
// widest word group, or of the number line, which never breaks.
func (f frameWriter) narrowestLeft() float64 {
	l := f.l
	least := 0.0
	for _, t := range f.leftLines() {
		if t.style == numberStyle {
			least = max(least, l.textWidth(t.text, t.style))
			continue
		}
		for _, group := range unbreakableRuns(t.text) {
			least = max(least, l.textWidth(group, t.style))
		}
	}
	return least + 1
}

// unbreakableRuns splits text at the gaps a văn thư would break at, leaving
// the word groups whole.
func unbreakableRuns(text string) []string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil
	}
	costs := breakCosts(words)
	var runs []string
	start := 0
	for i, cost := range costs {
		if cost < costInsideGroup {
			runs = append(runs, strings.Join(words[start:i+1], " "))
			start = i + 1
		}
	}
	return append(runs, strings.Join(words[start:], " "))
}

// leftCost is what breaking the left column's lines in a column of that
// width costs: a line more, a word group cut, uneven lines.
func (f frameWriter) leftCost(c column) float64 {
	cost := 0.0
	for _, t := range f.leftLines() {
		lines, breaks := f.l.phraseSplit(t.text, t.style, c.w)
		cost += breaks + 100*float64(len(lines))
	}
	return cost
}

// splitBeforeDay breaks "Thành phố Hồ Chí Minh, ngày 28 tháng 01 năm 2023"
// before "ngày".
func splitBeforeDay(dateLine string) []string {
	i := strings.LastIndex(dateLine, " ngày ")
	if i < 0 {
		return []string{dateLine}
	}
	return []string{dateLine[:i], dateLine[i+1:]}
}

// header draws the two columns at the top of page 1 (the agency on the
// left, the national title on the right, each with its rule), then the
// number under the agency and the place and date under the motto, their
// baselines level.
func (f frameWriter) header() {
	l := f.l
	h := f.planHeader()
	top := l.y
	y, _ := l.centredLines("parent", h.left, top, strings.ToUpper(f.doc.Agency.Parent), parentStyle)
	y, widest := l.centredLines("agency", h.left, y, strings.ToUpper(f.doc.Agency.Name), agencyStyle)
	leftBottom := y + ruleGap
	l.rule(h.left.centre(), leftBottom, shortRule*widest)

	y, _ = l.centredLines("nation", h.right, top, nationLine, nationStyle)
	y, widest = l.centredLines("motto", h.right, y, mottoLine, mottoStyle)
	rightBottom := y + ruleGap
	l.rule(h.right.centre(), rightBottom, widest)

	y = max(leftBottom, rightBottom) + 3
	// The number and the date differ in size: share their baseline.
	shift := h.date.baseline() - numberStyle.baseline()
	numberBottom, _ := l.centredLines("number", h.left, y+shift, f.doc.Number, numberStyle)
	for _, line := range h.dateLines {
		l.drawText(h.right.x, y, h.right.w, line, h.date, "C")
		width := l.textWidth(line, h.date)
		l.record("date", h.right.centre()-width/2, y, width, h.date.lineHeight())
		y += h.date.lineHeight()
	}
	l.y = max(y, numberBottom)
}
