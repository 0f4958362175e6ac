package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/kehoach/cchc/export/importer/limits"
)

// rawZip builds a zip whose one part declares the sizes given, whatever its
// real content: the way a hostile file lies.
func rawZip(t *testing.T, name string, content []byte, declared uint64) []byte {
	t.Helper()
	var compressed bytes.Buffer
	fw, _ := flate.NewWriter(&compressed, flate.BestCompression)
	fw.Write(content)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
		CompressedSize64: uint64(compressed.Len()), UncompressedSize64: declared,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(compressed.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestWordPartLargerThanItsBoundIsRefused(t *testing.T) {
	body := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` +
		strings.Repeat("a", limits.MaxPartBytes+10) + `</w:t></w:r></w:p></w:body></w:document>`
	for _, declared := range []uint64{uint64(len(body)), 100} {
		t.Run(fmt.Sprintf("declared %d bytes", declared), func(t *testing.T) {
			_, err := ReadPlan(bytes.NewReader(rawZip(t, "word/document.xml", []byte(body), declared)), "bom.docx", 2023)
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrDamaged) {
				t.Errorf("declared %d bytes: %v", declared, err)
			}
		})
	}
}

func TestWorkbookDeclaringHugePartsIsRefused(t *testing.T) {
	data := rawZip(t, "xl/workbook.xml", []byte("<workbook/>"), 1<<40)
	_, err := ReadPlan(bytes.NewReader(data), "bom.xlsx", 2023)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v", err)
	}
}

func TestFileLargerThanTheBoundIsRefusedUnread(t *testing.T) {
	huge := &endlessReader{}
	_, err := ReadPlan(huge, "lon.xlsx", 2023)
	if !errors.Is(err, ErrTooLarge) || huge.read > maxImportBytes+1 {
		t.Errorf("err = %v after reading %d bytes", err, huge.read)
	}
}

// endlessReader is a file that never ends.
type endlessReader struct{ read int }

func (r *endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'P'
	}
	r.read += len(p)
	return len(p), nil
}

func TestLongCellIsListedNotImported(t *testing.T) {
	d := &wordDoc{}
	d.table([][]wordCellSpec{
		cells("TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"),
		cells("I", "Lĩnh vực", "", ""),
		cells("1", strings.Repeat("dài ", limits.MaxCellRunes/4+10), "Văn phòng", "Năm 2023"),
		cells("2", "Việc ngắn", "Văn phòng", "Năm 2023"),
	}, true)
	im, err := ReadPlan(bytes.NewReader(d.bytes(t)), "dai.docx", 2023)
	if err != nil {
		t.Fatal(err)
	}
	if im.Bundle.TaskCount() != 1 || len(im.Problems) != 1 || !strings.Contains(im.Problems[0].String(), "dòng 3: ô cột “Nội dung” dài quá") {
		t.Errorf("tasks %d, problems %v", im.Bundle.TaskCount(), im.Problems)
	}
}
