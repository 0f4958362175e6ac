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

// writeAppendix lays out an appendix on new pages numbered on their own:
// its heading, its note and its content. An appendix sent as a file of its
// own keeps the room for the agency's digital signature at the top right of
// its first page.
func writeAppendix(ctx context.Context, l *layout, a Appendix, separate bool, report func(float64)) error {
	orientation := pagePortrait
	if a.Landscape {
		orientation = pageLandscape
	}
	l.startPart(orientation)
	if separate {
		x := l.page.right() - digitalSignatureWidth
		l.record("digital signature", x, l.y, digitalSignatureWidth, digitalSignatureHeight)
		l.y += digitalSignatureHeight
	}
	appendixHeading(l, a)
	if err := a.Draw(ctx, l, report); err != nil {
		return err
	}
	return ctx.Err()
}

// appendixHeading draws the appendix's heading lines and its note,
// centred, with a short rule under them.
func appendixHeading(l *layout, a Appendix) {
	c := column{x: l.page.left(), w: l.page.contentWidth()}
	y, widest := l.y, 0.0
	for _, text := range a.Heading {
		var w float64
		y, w = l.centredLines("appendix heading", c, y, text, appendixHeadStyle)
		widest = max(widest, w)
	}
	if a.Note != "" {
		y, _ = l.centredLines("appendix note", c, y, a.Note, appendixNoteStyle)
	}
	y += ruleGap
	l.rule(c.centre(), y, shortRule*widest)
	l.y = y + 5
}

// taskTable lays out a plan's task table: a row for each area and for each
// of its tasks, under a header row repeated on every page.
func taskTable(ctx context.Context, l *layout, doc store.Bundle, report func(float64)) error {
	headings := doc.Plan.ColumnHeadings()
	t := newTable(l, columnShares, headings[:], tableHeadStyle)
	t.start()
	done, total := 0, max(1, doc.TaskCount())
	for _, g := range doc.Areas {
		if g.Name != "" {
			var first *row
			if len(g.Tasks) > 0 {
				r := appendixTaskRow(t, g.Tasks[0])
				first = &r
			}
			t.addHeading(appendixAreaRow(t, g.Area), first)
		}
		for _, task := range g.Tasks {
			t.add(appendixTaskRow(t, task))
			if done++; done%progressEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				report(float64(done) / float64(total))
			}
		}
	}
	return ctx.Err()
}

// areaRow makes the row of a reform area: its numeral, then its name across
// the other columns.
func appendixAreaRow(t *table, a store.Area) row {
	return t.row(
		t.cell(colTT, 1, a.Numeral, tableAreaStyle, "C"),
		t.cell(colContent, columnCount-colContent, a.Name, tableAreaStyle, "L"),
	)
}

// taskRow makes the row of a task; cells of several items print one a line.
func appendixTaskRow(t *table, task store.Task) row {
	return t.row(
		t.cell(colTT, 1, task.Ordinal, tableCellStyle, "C"),
		t.cell(colContent, 1, task.Content, tableCellStyle, "L"),
		t.cell(colProduct, 1, task.Product, tableCellStyle, "L"),
		t.cell(colLead, 1, task.Lead, tableCellStyle, "L"),
		t.cell(colCoordinating, 1, strings.Join(task.Coordinating, "\n"), tableCellStyle, "L"),
		t.cell(colTimeline, 1, task.Timeline.Text, tableCellStyle, "C"),
	)
}
