package importer

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/kehoach/cchc/export/importer/limits"
	"github.com/kehoach/cchc/export/importer/prescan"

	"github.com/kehoach/cchc/export/internal/scratch"
	"github.com/kehoach/cchc/export/xlsx"
	"github.com/xuri/excelize/v2"
)

// maxSheetXMLInMemory is the unzipped size above which excelize reads a
// worksheet from a temporary file rather than from memory; a variable so
// that a test can make excelize spill a small sheet.
var maxSheetXMLInMemory int64 = 16 << 20

// maxSpreadCells bounds the cells merged ranges may fill together in one
// sheet.
const maxSpreadCells = 2_000_000

// openWorkbook opens workbook bytes with bounds on every unzipped part.
// excelize checks the sizes the zip declares, and Go's zip reader fails a
// part that inflates past its declared size, so a part cannot lie its way
// past the bound.
func openWorkbook(data []byte, name, tmpDir string) (f *excelize.File, err error) {
	defer limits.RecoverDamaged(name, &err)
	f, err = excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzippedBytes,
		UnzipXMLSizeLimit: maxSheetXMLInMemory,
		TmpDir:            tmpDir,
	})
	switch {
	case err == nil:
		return f, nil
	case strings.Contains(err.Error(), "unzip size"):
		return nil, fmt.Errorf("%s: %w: nội dung giải nén vượt %d MB", name, ErrTooLarge, maxUnzippedBytes>>20)
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		return nil, fmt.Errorf("%s: %w: hãy mở trong Excel, gỡ mật khẩu rồi lưu lại dạng .xlsx", name, ErrOldFormat)
	default:
		return nil, fmt.Errorf("%s: %w: %v", name, ErrDamaged, err)
	}
}

// sheetScan is what scanning a workbook's sheets for a table found.
type sheetScan struct {
	table  table
	header header
	found  bool
	// legacy names the legacy encoding of the first sheet typed in one.
	legacy string
}

// scanWorkbook reads sheets one at a time, the one named prefer first,
// and keeps the table whose header names the most fields of cs; it stops
// at a header that names them all, so the sheets after it are never read.
func scanWorkbook(file *sniffed, name string, cs columnSet, prefer string) (scan sheetScan, err error) {
	tmpDir, removeTmp, err := scratch.Dir()
	if err != nil {
		return scan, err
	}
	defer removeTmp()
	f, err := openWorkbook(file.data, name, tmpDir)
	if err != nil {
		return scan, err
	}
	defer f.Close()
	defer limits.RecoverDamaged(name, &err)
	for _, sheet := range preferredFirst(f.GetSheetList(), prefer) {
		t, err := readSheet(f, file.book, sheet, name)
		if err != nil {
			return scan, err
		}
		h, ok := findHeader(t, cs)
		if !ok {
			if scan.legacy == "" {
				scan.legacy = detectLegacyEncoding(tableText(t, 0))
			}
			continue
		}
		if !scan.found || h.found > scan.header.found {
			scan = sheetScan{table: t, header: h, found: true, legacy: scan.legacy}
		}
		if h.found == cs.fields {
			break
		}
	}
	return scan, nil
}

// preferredFirst puts the sheet named prefer, if any, before the others.
func preferredFirst(sheets []string, prefer string) []string {
	ordered := make([]string, 0, len(sheets))
	for _, s := range sheets {
		if s == prefer {
			ordered = append(ordered, s)
		}
	}
	for _, s := range sheets {
		if s != prefer {
			ordered = append(ordered, s)
		}
	}
	return ordered
}

// readSheet reads one worksheet: at most limits.MaxTableRows rows and
// limits.MaxTableCols columns, each cell cleaned and bounded.
func readSheet(f *excelize.File, book *prescan.WorkbookMap, sheet, name string) (table, error) {
	t := table{source: "trang tính “" + sheet + "”"}
	rows, err := f.Rows(sheet)
	if err != nil {
		return t, fmt.Errorf("%s, trang tính “%s”: %w: %v", name, sheet, ErrDamaged, err)
	}
	defer rows.Close()
	for number := 1; rows.Next(); number++ {
		if number > limits.MaxTableRows {
			return t, fmt.Errorf("%s, trang tính “%s”: %w: hơn %d dòng", name, sheet, ErrTooLarge, limits.MaxTableRows)
		}
		values, err := rows.Columns()
		if err != nil {
			return t, fmt.Errorf("%s, trang tính “%s”, dòng %d: %w: %v", name, sheet, number, ErrDamaged, err)
		}
		t.rows = append(t.rows, sheetRow(number, values))
	}
	trimTrailingEmpty(&t)
	return t, spreadMerges(book, sheet, name, &t)
}

// sheetRow makes a table row of a worksheet row's values.
func sheetRow(number int, values []string) tableRow {
	values = values[:min(len(values), limits.MaxTableCols)]
	for len(values) > 0 && values[len(values)-1] == "" {
		values = values[:len(values)-1]
	}
	row := tableRow{number: number, cells: make([]tableCell, len(values))}
	for i, v := range values {
		row.cells[i].text, row.cells[i].tooLong = cleanCell(v)
	}
	return row
}

// trimTrailingEmpty drops empty rows at the end of a table.
func trimTrailingEmpty(t *table) {
	for len(t.rows) > 0 && t.rows[len(t.rows)-1].empty() {
		t.rows = t.rows[:len(t.rows)-1]
	}
}

// spreadMerges copies the text of each merged range, the text of its
// top-left cell, into every cell it covers, marking the copies, within the
// rows and columns read. The ranges come from the pre-scan: asking excelize
// for them would parse the whole sheet into memory at once.
func spreadMerges(book *prescan.WorkbookMap, sheet, name string, t *table) error {
	spread := 0
	for _, ref := range book.MergesOf(sheet) {
		from, to, _ := strings.Cut(ref, ":")
		col1, row1, err1 := excelize.CellNameToCoordinates(from)
		col2, row2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			continue
		}
		spread += spreadRange(t, col1-1, row1, col2-1, row2, originCell(t, row1, col1-1))
		if spread > maxSpreadCells {
			return fmt.Errorf("%s, trang tính “%s”: %w: các vùng gộp ô phủ hơn %d ô", name, sheet, ErrTooLarge, maxSpreadCells)
		}
	}
	return nil
}

// originCell is the cell a merged range shows: its top-left one, by row
// number and 0-based column; empty when that row was not read.
func originCell(t *table, row, col int) tableCell {
	i := sort.Search(len(t.rows), func(i int) bool { return t.rows[i].number >= row })
	if i == len(t.rows) || t.rows[i].number != row {
		return tableCell{}
	}
	c := t.rows[i].cell(col)
	c.fromAbove, c.fromLeft = false, false
	return c
}

// spreadRange fills the cells of a merged range, given by 0-based columns
// and 1-based row numbers, clipped to the table read, and returns how many
// cells it filled.
func spreadRange(t *table, col1, row1, col2, row2 int, origin tableCell) int {
	filled := 0
	col2 = min(col2, limits.MaxTableCols-1)
	start := sort.Search(len(t.rows), func(i int) bool { return t.rows[i].number >= row1 })
	for i := start; i < len(t.rows) && t.rows[i].number <= row2; i++ {
		r := &t.rows[i]
		for col := max(col1, 0); col <= col2; col++ {
			if r.number == row1 && col == col1 {
				continue
			}
			for len(r.cells) <= col {
				r.cells = append(r.cells, tableCell{})
			}
			c := origin
			c.fromAbove, c.fromLeft = r.number > row1, r.number == row1
			r.cells[col] = c
			filled++
		}
	}
	return filled
}

// readPlanXLSX reads a plan's task table from a workbook: the sheet whose
// header names the most columns, and the title rows above it.
func readPlanXLSX(file *sniffed, name string) (*Imported, error) {
	scan, err := scanWorkbook(file, name, planColumns, xlsx.SheetPlan)
	if err != nil {
		return nil, err
	}
	if !scan.found {
		if scan.legacy != "" {
			return nil, legacyEncodingError(name, scan.legacy)
		}
		return nil, noTableError(name)
	}
	im := &Imported{Format: "Excel"}
	if err := importTable(im, scan.table, scan.header, name); err != nil {
		return nil, err
	}
	im.Bundle.Plan = mergeTitleLines(im.Bundle.Plan, titleLinesAbove(scan.table, scan.header.first))
	return im, nil
}

// titleLinesAbove returns the text of the rows above a table's header, one
// line per row.
func titleLinesAbove(t table, headerFirst int) []string {
	var lines []string
	for _, r := range t.rows[:headerFirst] {
		for _, c := range r.cells {
			if c.text != "" && !c.fromLeft && !c.fromAbove {
				lines = append(lines, strings.ReplaceAll(c.text, "\n", " "))
			}
		}
	}
	return lines
}
