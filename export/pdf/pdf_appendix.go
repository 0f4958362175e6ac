package pdf

import (
	"context"
	"strings"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/store"
)

// The appendix: its heading lines and its table.
var (
	appendixHeadStyle = textStyle{fonts.Bold, 14}   // BIỂU KẾ HOẠCH CHI TIẾT and the title
	appendixNoteStyle = textStyle{fonts.Italic, 14} // (Kèm theo Kế hoạch số ...)
	tableHeadStyle    = textStyle{fonts.Bold, 12}
	tableCellStyle    = textStyle{fonts.Regular, 12}
	tableAreaStyle    = textStyle{fonts.Bold, 12}
)

// columnShares are the widths of the table's columns as shares of the text
// width: TT, content, product, lead unit, coordinating units, timeline.
var columnShares = []float64{0.055, 0.33, 0.17, 0.15, 0.15, 0.145}

// Columns of the table.
const (
	colTT = iota
	colContent
	colProduct
	colLead
	colCoordinating
	colTimeline
	columnCount
)

// The space kept empty at the top right of a separate appendix's first
// page, where the agency's digital signature goes (Decree 30/2020).
const (
	digitalSignatureWidth  = 70.0
	digitalSignatureHeight = 20.0
)

// progressEvery is how many rows go between two progress reports.
const progressEvery = 64

// writeAppendix lays out the task table on new landscape pages numbered on
// their own. A separate appendix keeps the room for the agency's digital
// signature at the top right of its first page.
func writeAppendix(ctx context.Context, l *layout, doc store.Bundle, separate bool, report func(float64)) error {
	l.startPart(pageLandscape)
	if separate {
		x := l.page.right() - digitalSignatureWidth
		l.record("digital signature", x, l.y, digitalSignatureWidth, digitalSignatureHeight)
		l.y += digitalSignatureHeight
	}
	appendixHeading(l, doc.Plan)
	headings := doc.Plan.ColumnHeadings()
	t := newPDFTable(l, columnShares, headings[:], tableHeadStyle)
	t.start()
	done, total := 0, max(1, doc.TaskCount())
	for _, g := range doc.Areas {
		if g.Name != "" {
			area := appendixAreaRow(t, g.Area)
			first := 0.0
			if len(g.Tasks) > 0 {
				first = t.height(appendixTaskRow(t, g.Tasks[0]).lines)
			}
			t.keep(t.height(area.lines) + first)
			t.add(area)
		}
		for _, task := range g.Tasks {
			t.add(appendixTaskRow(t, task))
			if done++; done%progressEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				report(layoutShare * (0.1 + 0.9*float64(done)/float64(total)))
			}
		}
	}
	return ctx.Err()
}

// appendixHeading draws the appendix's heading, title and reference line,
// centred, with a short rule under them.
func appendixHeading(l *layout, plan store.Plan) {
	c := pdfColumn{x: l.page.left(), w: l.page.contentWidth()}
	y, widest := l.y, 0.0
	for _, text := range appendixTitleLines(plan.Appendix) {
		var w float64
		y, w = l.centredLines("appendix heading", c, y, text, appendixHeadStyle)
		widest = max(widest, w)
	}
	y, _ = l.centredLines("appendix note", c, y, plan.AppendixNote(), appendixNoteStyle)
	y += ruleGap
	l.rule(c.centre(), y, shortRule*widest)
	l.y = y + 5
}

// appendixTitleLines returns the bold lines on top of the appendix: the
// heading as the plan has it, "BIỂU KẾ HOẠCH CHI TIẾT", and the title under
// it. When the heading is a numbering ("Phụ lục I"), the title is the
// appendix's name and prints in capitals.
func appendixTitleLines(a store.Appendix) []string {
	var lines []string
	if heading := strings.TrimSpace(a.Heading); heading != "" {
		lines = append(lines, heading)
	}
	title := strings.TrimSpace(a.Title)
	if title == "" {
		return lines
	}
	if strings.HasPrefix(strings.ToLower(a.Heading), "phụ lục") {
		title = strings.ToUpper(title)
	}
	return append(lines, title)
}

// areaRow makes the row of a reform area: its numeral, then its name across
// the other columns.
func appendixAreaRow(t *pdfTable, a store.Area) pdfRow {
	return t.row(
		t.cell(colTT, 1, a.Numeral, tableAreaStyle, "C"),
		t.cell(colContent, columnCount-colContent, a.Name, tableAreaStyle, "L"),
	)
}

// taskRow makes the row of a task; cells of several items print one a line.
func appendixTaskRow(t *pdfTable, task store.Task) pdfRow {
	return t.row(
		t.cell(colTT, 1, task.Ordinal, tableCellStyle, "C"),
		t.cell(colContent, 1, task.Content, tableCellStyle, "L"),
		t.cell(colProduct, 1, task.Product, tableCellStyle, "L"),
		t.cell(colLead, 1, task.Lead, tableCellStyle, "L"),
		t.cell(colCoordinating, 1, strings.Join(task.Coordinating, "\n"), tableCellStyle, "L"),
		t.cell(colTimeline, 1, task.Timeline.Text, tableCellStyle, "C"),
	)
}
