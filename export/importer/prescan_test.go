package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/kehoach/cchc/export/importer/prescan"

	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/seeds/demo"
)

// workbookParts are the parts of a minimal workbook besides its sheet.
var workbookParts = map[string]string{
	"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
	"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
const sheetTail = `</sheetData></worksheet>`

// streamedWorkbook builds a workbook whose sheet is written by body, as
// big as it likes, compressed as it is written; declared, when not 0, is
// the size the zip claims for the sheet.
func streamedWorkbook(t testing.TB, body func(w io.Writer), declared uint64) []byte {
	t.Helper()
	return streamedPart(t, "xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, sheetHead)
		body(w)
		io.WriteString(w, sheetTail)
	}, declared)
}

// streamedPart builds a workbook with one more part, written by body and
// declaring the size declared when not 0.
func streamedPart(t testing.TB, part string, body func(w io.Writer), declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range workbookParts {
		w, _ := zw.Create(name)
		io.WriteString(w, content)
	}
	var sheet bytes.Buffer
	fw, _ := flate.NewWriter(&sheet, flate.BestCompression)
	counter := &countingWriter{w: fw}
	body(counter)
	fw.Close()
	if declared == 0 {
		declared = uint64(counter.n)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate,
		CRC32: counter.crc(), CompressedSize64: uint64(sheet.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(sheet.Bytes())
	zw.Close()
	return buf.Bytes()
}

// repeat writes s n times.
func repeat(s string, n int) func(w io.Writer) {
	return func(w io.Writer) {
		chunk := strings.Repeat(s, max(1, 4096/len(s)))
		per := len(chunk) / len(s)
		for written := 0; written < n; written += per {
			io.WriteString(w, chunk[:min(per, n-written)*len(s)])
		}
	}
}

func TestPrescanSaysWhichLimitAFileBreaks(t *testing.T) {
	tests := []struct {
		name string
		file func(t testing.TB) []byte
		want string
	}{
		{"nesting", func(t testing.TB) []byte { return streamedWorkbook(t, repeat("<a>", 200), 0) }, "lồng nhau hơn 128 cấp"},
		{"cells in a row", func(t testing.TB) []byte {
			return streamedWorkbook(t, func(w io.Writer) { io.WriteString(w, "<row>"); repeat("<c/>", prescan.MaxExcelColumn+1)(w) }, 0)
		}, fmt.Sprintf("có hơn %d ô", prescan.MaxExcelColumn)},
		{"column past XFD", func(t testing.TB) []byte {
			return streamedWorkbook(t, repeat(`<row><c r="XFE1"/></row>`, 1), 0)
		}, "cột thứ 16385"},
		{"cells laid out", func(t testing.TB) []byte {
			return streamedWorkbook(t, repeat(`<row><c r="XFD1"/></row>`, 1000), 0)
		}, "trải ra hơn"},
		{"cells in a sheet", func(t testing.TB) []byte {
			return streamedWorkbook(t, repeat(`<row><c/><c/><c/><c/><c/><c/><c/><c/><c/><c/></row>`, prescan.MaxSheetCells/10+1), 0)
		}, fmt.Sprintf("có hơn %d ô", prescan.MaxSheetCells)},
		{"text in a cell", func(t testing.TB) []byte {
			return streamedWorkbook(t, func(w io.Writer) {
				io.WriteString(w, `<row><c t="inlineStr"><is><t>`)
				repeat("chữ ", 100_000)(w)
				io.WriteString(w, `</t></is></c></row>`)
			}, 0)
		}, "chứa hơn 256 KB chữ"},
		{"a long tag", func(t testing.TB) []byte {
			return streamedWorkbook(t, func(w io.Writer) { io.WriteString(w, `<row spans="`); repeat("1", 70_000)(w); io.WriteString(w, `">`) }, 0)
		}, "thẻ dài hơn 64 KB"},
		{"declared size", func(t testing.TB) []byte { return streamedWorkbook(t, repeat("<row/>", 10), 1<<40) }, "khai báo giải nén ra hơn 64 MB"},
		{"actual size", func(t testing.TB) []byte {
			return streamedPart(t, "xl/styles.xml", repeat("<styleSheet/>", 1_400_000), 1000)
		}, "giải nén"},
		{"doctype", func(t testing.TB) []byte {
			return streamedWorkbook(t, func(w io.Writer) { io.WriteString(w, `<!DOCTYPE x [<!ENTITY a "b">]>`) }, 0)
		}, "DOCTYPE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPlan(bytes.NewReader(tt.file(t)), "xau.xlsx", 2023)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "xau.xlsx: ") {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrDamaged) {
				t.Errorf("err = %v is neither ErrTooLarge nor ErrDamaged", err)
			}
		})
	}
}

func TestPrescanLimitsWordTables(t *testing.T) {
	d := &wordDoc{}
	d.raw("<w:tbl><w:tr>" + strings.Repeat("<w:tc><w:p/></w:tc>", prescan.MaxWordRowCells+1) + "</w:tr></w:tbl>")
	_, err := ReadPlan(bytes.NewReader(d.bytes(t)), "rong.docx", 2023)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), fmt.Sprintf("có hơn %d ô", prescan.MaxWordRowCells)) {
		t.Errorf("err = %v", err)
	}
	deep := &wordDoc{}
	deep.raw(strings.Repeat("<w:sdt><w:sdtContent>", 200))
	if _, err := ReadPlan(bytes.NewReader(deep.bytes(t)), "sau.docx", 2023); !strings.Contains(fmt.Sprint(err), "lồng nhau hơn 256 cấp") {
		t.Errorf("err = %v", err)
	}
}

func TestPrescanPassesOurOwnBigExport(t *testing.T) {
	if raceEnabled {
		t.Skip("slow under the race detector; the limits do not depend on it")
	}
	data := writeWorkbook(t, demo.Bundle(demo.Options{Tasks: 10_000, PerArea: 500}), xlsx.XLSXOptions{})
	if _, err := prescan.Workbook(data, "lon.xlsx"); err != nil {
		t.Errorf("our own export of 10,000 tasks: %v", err)
	}
}

// countingWriter counts and checksums what it passes on.
type countingWriter struct {
	w   io.Writer
	n   int64
	sum uint32
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	c.sum = crc32.Update(c.sum, crc32.IEEETable, p)
	return c.w.Write(p)
}

func (c *countingWriter) crc() uint32 { return c.sum }
