package importer

import (
	"fmt"
	"strings"

	"github.com/kehoach/cchc/export/importer/docx"
	"github.com/kehoach/cchc/export/importer/limits"
)

// readPlanDOCX reads a plan from a Word document: the task table is the
// table whose header names the most columns (not the borderless table of
// the agency and Quốc hiệu that opens the document), and the paragraphs
// and tables before it are the plan's header and body.
func readPlanDOCX(data []byte, name string) (*Imported, error) {
	doc, err := docx.Read(data, name)
	if err != nil {
		return nil, err
	}
	return planOfDocument(doc, name)
}

// planOfDocument reads the plan of a document's body.
func planOfDocument(doc *docx.Document, name string) (*Imported, error) {
	tables, indexes := docxTables(doc)
	t, h, ok := bestTable(tables, planColumns)
	if !ok {
		if enc := docxEncoding(doc, tables); enc != "" {
			return nil, legacyEncodingError(name, enc)
		}
		return nil, noTableError(name)
	}
	if enc := docxEncoding(doc, []table{t}); enc != "" {
		return nil, legacyEncodingError(name, enc)
	}
	im := &Imported{Format: "Word"}
	if err := importTable(im, t, h, name); err != nil {
		return nil, err
	}
	position := indexes[tableIndex(tables, t)]
	im.Bundle.Plan = readDocxPlan(doc.Blocks[:position], im.Bundle.Plan)
	im.Bundle.Plan = mergeTitleLines(im.Bundle.Plan, titleLinesAbove(t, h.first))
	return im, nil
}

// docxTables turns the document's tables into tables, with each one's
// place among the blocks.
func docxTables(doc *docx.Document) ([]table, []int) {
	var tables []table
	var indexes []int
	for i, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		tables = append(tables, wordTable(b.Table, fmt.Sprintf("bảng %d", len(tables)+1)))
		indexes = append(indexes, i)
	}
	return tables, indexes
}

// tableIndex finds t among tables by its name.
func tableIndex(tables []table, t table) int {
	for i := range tables {
		if tables[i].source == t.source {
			return i
		}
	}
	return 0
}

// wordTable lays a Word table on its grid: a cell spanning columns is
// copied into each of them, and a cell continuing a vertical merge takes
// the text of the cell above.
func wordTable(rows []docx.Row, source string) table {
	t := table{source: source, rows: make([]tableRow, len(rows))}
	for i, r := range rows {
		t.rows[i] = tableRow{number: i + 1}
		var above []tableCell
		if i > 0 {
			above = t.rows[i-1].cells
		}
		t.rows[i].cells = layRow(r, above)
	}
	return t
}

// layRow places a row's cells on the grid.
func layRow(r docx.Row, above []tableCell) []tableCell {
	cells := make([]tableCell, min(r.GridBefore, limits.MaxTableCols))
	for _, c := range r.Cells {
		origin := wordCell(c)
		col := len(cells)
		if c.VMerge == "continue" && col < len(above) {
			origin = above[col]
			origin.fromAbove, origin.fromLeft = true, false
		}
		for k := 0; k < c.Span && len(cells) < limits.MaxTableCols; k++ {
			cell := origin
			if k > 0 && !cell.fromAbove {
				cell.fromLeft = true
			}
			cells = append(cells, cell)
		}
	}
	return cells
}

// wordCell is a cell's text: its paragraphs, one a line.
func wordCell(c docx.Cell) tableCell {
	lines := make([]string, 0, len(c.Paras))
	cell := tableCell{}
	for _, p := range c.Paras {
		lines = append(lines, p.Text)
		cell.tooLong = cell.tooLong || p.TooLong
		cell.autoNumber = cell.autoNumber || p.Numbered
	}
	text, cut := cleanCell(strings.Join(lines, "\n"))
	cell.text, cell.tooLong = text, cell.tooLong || cut
	cell.autoNumber = cell.autoNumber && text == ""
	return cell
}

// docxEncoding names the legacy encoding of the text of tables, helped by
// the fonts the document names: a ".VnTime" font with TCVN3's marks in the
// text is TCVN3 even when the marks are few.
func docxEncoding(doc *docx.Document, tables []table) string {
	var text strings.Builder
	for _, t := range tables {
		text.WriteString(tableText(t, 0))
	}
	if enc := detectLegacyEncoding(text.String()); enc != "" {
		return enc
	}
	for font := range doc.Fonts {
		switch {
		case strings.HasPrefix(font, ".Vn") && strings.ContainsFunc(text.String(), isTCVN3Mark):
			return encodingTCVN3
		case strings.HasPrefix(strings.ToUpper(font), "VNI-") && strings.ContainsFunc(text.String(), isVNIMark):
			return encodingVNI
		}
	}
	return ""
}
