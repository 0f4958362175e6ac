package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/export/importer/docx"
	"github.com/kehoach/cchc/export/importer/prescan"

	"github.com/kehoach/cchc/export/xlsx"
)

// The fuzz tests feed the readers hostile input: they must never panic,
// hang or hold unbounded memory, whatever the bytes. Their seeds are small
// on purpose: the fuzzer minimises every new input it finds, and with
// seeds of several kilobytes that minimising took all its time (13 and 9
// executions a minute). The fixtures and our own export go through the
// same checks as ordinary tests (TestReadersSurviveTheFixtures).

// readWithin reads data as a plan and as a progress sheet and fails when
// either takes longer than limit.
func readWithin(t *testing.T, data []byte, limit time.Duration) {
	started := time.Now()
	im, err := ReadPlan(bytes.NewReader(data), "fuzz", 2023)
	if err == nil && (im == nil || im.Bundle.TaskCount() == 0) {
		t.Fatal("no error and no task")
	}
	ReadProgress(bytes.NewReader(data), "fuzz")
	if elapsed := time.Since(started); elapsed > limit {
		t.Fatalf("reading %d bytes took %v", len(data), elapsed)
	}
}

func TestReadersSurviveTheFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*", "*.*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	inputs := map[string][]byte{"our export": writeWorkbook(t, seedBundle(t), xlsx.XLSXOptions{})}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs[path] = data
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) { readWithin(t, data, 10*time.Second) })
	}
}

// storedZip makes a zip of the parts uncompressed, so that a fuzzer's
// changes to the bytes reach the XML.
func storedZip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[name])
	}
	zw.Close()
	return buf.Bytes()
}

// tinySheet is a task table of one task, as sheet XML.
const tinySheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>TT</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung</t></is></c><c r="C1" t="inlineStr"><is><t>Đơn vị chủ trì</t></is></c></row>` +
	`<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="B2" t="inlineStr"><is><t>Việc</t></is></c><c r="C2" t="inlineStr"><is><t>VP</t></is></c></row></sheetData><mergeCells><mergeCell ref="C2:C3"/></mergeCells></worksheet>`

// tinyWorkbook is a workbook of one sheet holding body.
func tinyWorkbook(t testing.TB, body string) []byte {
	parts := maps.Clone(workbookParts)
	parts["xl/worksheets/sheet1.xml"] = body
	return storedZip(t, parts)
}

func FuzzReadWorkbook(f *testing.F) {
	f.Add(tinyWorkbook(f, tinySheet))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readWithin(t, data, 10*time.Second)
	})
}

// FuzzSheetXML fuzzes the workbook readers past the zip: the input is the
// sheet XML of a well-formed package, as FuzzDocumentXML does for Word.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<row><c t="inlineStr"><is><t>TT</t></is></c><c><v>1</v></c></row>`)
	f.Add(`<row r="7"><c r="XFD7" t="s"><v>0</v></c></row><mergeCell ref="A1:B2"/>`)
	f.Fuzz(func(t *testing.T, body string) {
		readWithin(t, tinyWorkbook(t, body), 10*time.Second)
	})
}

func FuzzReadDocument(f *testing.F) {
	d := &wordDoc{}
	d.table([][]wordCellSpec{cells("TT", "Nội dung", "Đơn vị chủ trì"), cells("1", "Việc", "VP")}, true)
	f.Add(storedZip(f, d.parts()))
	f.Add(oleSignature)
	f.Fuzz(func(t *testing.T, data []byte) {
		readWithin(t, data, 10*time.Second)
	})
}

// FuzzDocumentXML fuzzes the Word reader's own XML walk: the input is the
// document.xml of a well-formed package.
func FuzzDocumentXML(f *testing.F) {
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Đơn vị chủ trì</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc><w:tcPr><w:gridSpan w:val="99999999999"/></w:tcPr><w:p><w:r><w:t>Việc</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`)
	f.Fuzz(func(t *testing.T, body string) {
		d := &wordDoc{}
		d.raw(body)
		readDocumentXMLWithin(t, d.parts()["word/document.xml"], 10*time.Second)
	})
}

// readDocumentXMLWithin reads document.xml as ReadPlan does past the zip:
// the pre-scan, the Word reader's walk and the plan it holds. Skipping the
// zip keeps each run short, so that minimising what the fuzzer finds does
// not take its time.
func readDocumentXMLWithin(t *testing.T, document string, limit time.Duration) {
	started := time.Now()
	if prescan.DocumentXML(strings.NewReader(document)) == nil {
		if doc, err := docx.Parse(strings.NewReader(document)); err == nil {
			planOfDocument(doc, "fuzz")
		}
	}
	if elapsed := time.Since(started); elapsed > limit {
		t.Fatalf("reading %d bytes took %v", len(document), elapsed)
	}
}

// FuzzTableRows fuzzes the shared reading of tables: the input is a grid,
// rows on lines and cells between "|"; a cell starting "^" continues a
// vertical merge and "<" a horizontal one.
func FuzzTableRows(f *testing.F) {
	f.Add("TT|Nội dung|Đơn vị chủ trì|Thời gian\nI|Cải cách thể chế|<|<\n1|Rà soát|Văn phòng|Năm 2023\n|thêm dòng||\n1.1|x|^|Quý II")
	f.Add("STT|Nhiệm vụ|Đơn vị thực hiện|\n^|^|Chủ trì|Phối hợp\n(1)|(2)|(3)|(4)\nA|Chung\n1|Việc\n1.1|Con|A|B")
	f.Fuzz(func(t *testing.T, grid string) {
		tbl := gridTable(grid)
		h, ok := findHeader(tbl, planColumns)
		if !ok {
			return
		}
		built := buildAreas(readPlanRows(tbl, h))
		for _, a := range built.bundleAreas(2023) {
			if a.Name == "" {
				t.Fatal("an area without a name")
			}
			for _, task := range a.Tasks {
				if strings.TrimSpace(task.Content) == "" {
					t.Fatalf("a task without content: %+v", task)
				}
			}
		}
	})
}

// gridTable reads the grid notation of FuzzTableRows.
func gridTable(grid string) table {
	t := table{source: "fuzz"}
	for i, line := range strings.Split(grid, "\n") {
		if i >= 200 {
			break
		}
		row := tableRow{number: i + 1}
		for j, text := range strings.Split(line, "|") {
			cell := tableCell{}
			switch {
			case strings.HasPrefix(text, "^") && i > 0:
				cell = t.rows[i-1].cell(j)
				cell.fromAbove, cell.fromLeft = true, false
			case strings.HasPrefix(text, "<") && j > 0:
				cell = row.cells[j-1]
				cell.fromLeft = true
			default:
				cell.text, cell.tooLong = cleanCell(text)
			}
			row.cells = append(row.cells, cell)
		}
		t.rows = append(t.rows, row)
	}
	return t
}
