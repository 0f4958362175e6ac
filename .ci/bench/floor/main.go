// Command floor is the library floor of make bench: the least a program
// must do to write a table with the library our exporter uses, with none of
// our code. It reads the table's cells from tab-separated text (written,
// untimed, by prep from our own data or workbook) and writes them:
//
//	floor pdf appendix|report CELLS.tsv OUT.pdf   fpdf: the table on landscape A4, the header row on each page
//	floor xlsx OUT.xlsx CELLS.tsv...              excelize: one sheet of wrapped, bordered cells per file
//
// Our exporter's time over the floor's is what it costs on top of the
// library.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/assets"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 5 && os.Args[1] == "pdf":
		err = writePDF(os.Args[2], os.Args[3], os.Args[4])
	case len(os.Args) >= 4 && os.Args[1] == "xlsx":
		err = writeXLSX(os.Args[2], os.Args[3:])
	default:
		fmt.Fprintln(os.Stderr, "usage: floor pdf appendix|report CELLS.tsv OUT.pdf | floor xlsx OUT.xlsx CELLS.tsv...")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

// readCells reads rows of tab-separated cells, \n standing for a line
// break inside a cell.
func readCells(path string, row func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "\t")
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(c, `\n`, "\n")
		}
		if err := row(cells); err != nil {
			return err
		}
	}
	return sc.Err()
}

// tableKind is the shape of a PDF table: its headings, column widths in mm
// and font size, as our exporter prints it.
type tableKind struct {
	headings []string
	widths   []float64
	size     float64
}

var tableKinds = map[string]tableKind{
	"appendix": {
		headings: []string{"TT", "Nội dung", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"},
		widths:   []float64{13.9, 83.2, 42.8, 37.8, 37.8, 36.5},
		size:     12,
	},
	"report": {
		headings: []string{"TT", "Nội dung", "Đơn vị chủ trì", "Thời gian", "Kết quả thực hiện", "Tài liệu kiểm chứng", "Trạng thái"},
		widths:   shares(252, 0.045, 0.355, 0.12, 0.08, 0.2, 0.1, 0.1),
		size:     11,
	},
}

func shares(total float64, parts ...float64) []float64 {
	out := make([]float64, len(parts))
	for i, p := range parts {
		out[i] = total * p
	}
	return out
}

// writePDF draws the table the plainest way fpdf allows: each row's cells
// split into lines, a bordered box each, a new page under the header row
// when a row does not fit. A row of two cells (an area) spans the table.
func writePDF(kindName, cellsPath, out string) error {
	kind, ok := tableKinds[kindName]
	if !ok {
		return fmt.Errorf("no table kind %q", kindName)
	}
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("serif", "", assets.SerifRegular)
	pdf.AddUTF8FontFromBytes("serif", "B", assets.SerifBold)
	pdf.SetMargins(30, 20, 15)
	pdf.SetCellMargin(0)
	pdf.SetAutoPageBreak(false, 0)
	t := pdfTable{pdf: pdf, kind: kind, lineHeight: kind.size * 25.4 / 72 * 1.15}
	pdf.SetHeaderFunc(func() { pdf.SetY(20); t.row(kind.headings, "B") })
	pdf.AddPage()
	err := readCells(cellsPath, func(cells []string) error {
		if len(cells) == 2 {
			t.row(cells, "B")
		} else {
			t.row(cells, "")
		}
		return nil
	})
	if err != nil {
		return err
	}
	return pdf.OutputFileAndClose(out)
}

// pdfTable draws rows of a table.
type pdfTable struct {
	pdf        *fpdf.Fpdf
	kind       tableKind
	lineHeight float64
}

func (t pdfTable) row(cells []string, style string) {
	widths := t.kind.widths
	if len(cells) == 2 {
		widths = []float64{widths[0], sum(widths[1:])}
	}
	t.pdf.SetFont("serif", style, t.kind.size)
	lines := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		lines[i] = t.pdf.SplitText(c, widths[i]-5)
		n = max(n, len(lines[i]))
	}
	h := float64(n)*t.lineHeight + 2
	if t.pdf.GetY()+h > 190 {
		t.pdf.AddPage()
	}
	x, y := 30.0, t.pdf.GetY()
	for i := range cells {
		t.pdf.Rect(x, y, widths[i], h, "D")
		for j, text := range lines[i] {
			t.pdf.SetXY(x+2.5, y+1+float64(j)*t.lineHeight)
			t.pdf.CellFormat(widths[i]-5, t.lineHeight, text, "", 0, "L", false, 0, "")
		}
		x += widths[i]
	}
	t.pdf.SetXY(30, y+h)
}

func sum(xs []float64) float64 {
	total := 0.0
	for _, x := range xs {
		total += x
	}
	return total
}

// writeXLSX writes each cells file as a sheet through excelize's
// StreamWriter: wrapped, bordered cells, a row height from the longest
// cell's length.
func writeXLSX(out string, cellFiles []string) error {
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true},
		Border: []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
			{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}},
	})
	if err != nil {
		return err
	}
	for i, path := range cellFiles {
		sheet := fmt.Sprintf("Sheet%d", i+1)
		if i > 0 {
			if _, err := f.NewSheet(sheet); err != nil {
				return err
			}
		}
		if err := writeSheet(f, sheet, path, style); err != nil {
			return err
		}
	}
	return f.SaveAs(out)
}

func writeSheet(f *excelize.File, sheet, cellsPath string, style int) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	n := 0
	err = readCells(cellsPath, func(values []string) error {
		n++
		cells := make([]any, len(values))
		lines := 1
		for i, v := range values {
			cells[i] = excelize.Cell{StyleID: style, Value: v}
			lines = max(lines, len([]rune(v))/40+1)
		}
		cell, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, cells, excelize.RowOpts{Height: float64(lines) * 15.75})
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}
