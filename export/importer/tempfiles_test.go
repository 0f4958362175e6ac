package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"

	"github.com/kehoach/cchc/export/internal/scratch/scratchtest"
)

// TestExcelizeLeavesNoTemporaryFile reads a workbook whose sheet is large
// enough for excelize to spill it to a temporary file, as it is and with a
// workbook part excelize refuses after the spill.
func TestExcelizeLeavesNoTemporaryFile(t *testing.T) {
	tmp := scratchtest.TempDir(t)
	// A sheet past what excelize holds in memory (lowered to 64 KB here):
	// a comment, which costs the readers nothing.
	saved := maxSheetXMLInMemory
	maxSheetXMLInMemory = 64 << 10
	defer func() { maxSheetXMLInMemory = saved }()
	big := streamedWorkbook(t, func(w io.Writer) {
		io.WriteString(w, "<!--")
		repeat("chú thích ", 10_000)(w)
		io.WriteString(w, "-->")
	}, 0)
	broken := withPart(t, big, "xl/workbook.xml", "<workbook><sheets><sheet")
	for name, data := range map[string][]byte{"big.xlsx": big, "refused.xlsx": broken} {
		ReadPlan(bytes.NewReader(data), name, 2023)
		ReadProgress(bytes.NewReader(data), name)
	}
	scratchtest.AssertEmpty(t, tmp)
}

// withPart copies a zip with one part's content replaced.
func withPart(t *testing.T, data []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			w, _ := zw.Create(name)
			w.Write([]byte(content))
		} else if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	return buf.Bytes()
}
