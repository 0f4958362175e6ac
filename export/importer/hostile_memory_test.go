package importer

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/kehoach/cchc/export/importer/prescan"

	"github.com/kehoach/cchc/export/internal/heappeak"
	"github.com/xuri/excelize/v2"
)

// maxHostilePeakMB is the most live heap reading a hostile file may take.
const maxHostilePeakMB = 300

// hostileFiles are the files that once cost gigabytes: a small workbook of
// deeply nested XML (whose sheet lies about its size), one of rows with a
// cell at the last column, a well-formed workbook just within the bounds
// (560,000 cells) and one past them.
func hostileFiles(t *testing.T) map[string][]byte {
	return map[string][]byte{
		"nested":                      streamedWorkbook(t, repeat("<a>", 40_000_000), 1<<20),
		"wide rows":                   streamedWorkbook(t, wideRows(150_000), 0),
		"well-formed near the bounds": bigWorkbook(t, 80_000, 7),
		"well-formed past the bounds": streamedWorkbook(t, repeat(`<row><c t="inlineStr"><is><t>Nhiệm vụ cải cách hành chính</t></is></c></row>`, prescan.MaxSheetCells+1), 0),
	}
}

// wideRows writes rows of one cell each, at column XFD.
func wideRows(n int) func(w io.Writer) {
	return func(w io.Writer) {
		for i := 1; i <= n; i++ {
			fmt.Fprintf(w, `<row r="%d"><c r="XFD%d"/></row>`, i, i)
		}
	}
}

// bigWorkbook writes a task table of rows × cols cells of text with
// excelize's own stream writer, as a large real workbook is.
func bigWorkbook(t *testing.T, rows, cols int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	header := []any{"TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện", "Ghi chú"}
	sw.SetRow("A1", header[:cols])
	for r := 2; r <= rows; r++ {
		values := make([]any, cols)
		values[0] = r - 1
		for c := 1; c < cols; c++ {
			values[c] = fmt.Sprintf("Nhiệm vụ cải cách hành chính số %d, cột %d, có nội dung dài vừa phải", r, c)
		}
		values[min(5, cols-1)] = "Quý II/2023"
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, values); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// nestedDocument is a Word document of deeply nested XML.
func nestedDocument(t *testing.T) []byte {
	d := &wordDoc{}
	d.raw(strings.Repeat("<w:sdt>", 2_000_000))
	return d.bytes(t)
}

func TestHostileFilesStayUnder300MB(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("measures the heap: run without -race and -short")
	}
	files := hostileFiles(t)
	files["nested document"] = nestedDocument(t)
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			var err error
			peak := heappeak.MB(func() {
				_, err = ReadPlan(bytes.NewReader(data), name+".xlsx", 2023)
			})
			t.Logf("%s: %d KB file, peak %.0f MB, %v", name, len(data)>>10, peak, firstLine(err))
			if peak > maxHostilePeakMB {
				t.Errorf("peak %.0f MB, want under %d", peak, maxHostilePeakMB)
			}
		})
	}
}

func firstLine(err error) string {
	if err == nil {
		return "read"
	}
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}
