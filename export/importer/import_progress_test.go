package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/store"
)

// fillTracking plays a division: it fills in cells of the tracking sheet.
func fillTracking(t *testing.T, data []byte, cells map[string]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, value := range cells {
		if err := f.SetCellValue(xlsx.SheetTracking, cell, value); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadProgressFromReturnedSheet(t *testing.T) {
	b := seedBundle(t)
	data := writeWorkbook(t, b, xlsx.XLSXOptions{Unit: "Thanh tra Sở"})
	// Thanh tra Sở leads I.1–I.3: rows 6–8 under the area row 5.
	returned := fillTracking(t, data, map[string]any{
		"E6": "Hoàn thành", "G6": "Đã trình Quyết định", "H6": "Quyết định 12/QĐ-UBND\n- Tờ trình 3/TTr-SKH",
		"E7": "đang thực hiện", "F7": "60%",
		"E8":  "Xong rồi",
		"B10": "Việc thêm", "G10": "Làm thêm",
	})
	sheet, err := ReadProgress(bytes.NewReader(returned), "thanhtra.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(sheet.Rows) != 2 {
		t.Fatalf("rows %+v", sheet.Rows)
	}
	first := sheet.Rows[0]
	task := b.Areas[0].Tasks[0]
	if first.Row != 6 || first.TaskID != task.ID || first.Hash != store.TaskHash(task) || first.Status != store.StatusDone ||
		first.Result != "Đã trình Quyết định" || strings.Join(first.Evidence, "|") != "Quyết định 12/QĐ-UBND|Tờ trình 3/TTr-SKH" {
		t.Errorf("first row %+v", first)
	}
	if second := sheet.Rows[1]; second.Status != store.StatusInProgress || second.Percent != 60 {
		t.Errorf("second row %+v", second)
	}
	want := []string{
		"dòng 10: có kết quả nhưng không có mã nhiệm vụ (dòng thêm ngoài biểu xuất ra?)",
		"dòng 8: trạng thái “Xong rồi” không hợp lệ: chọn một trạng thái trong danh sách",
	}
	diffLines(t, sortedProblems(sheet.Problems), want)
}

func TestReadProgressNeedsTheTrackingSheet(t *testing.T) {
	_, err := ReadProgress(bytes.NewReader(readFixture(t, "xlsx/messy.xlsx")), "messy.xlsx")
	if !errors.Is(err, ErrNoTable) || !strings.Contains(err.Error(), "Theo dõi") {
		t.Errorf("err = %v", err)
	}
	_, err = ReadProgress(bytes.NewReader(readFixture(t, "docx/seed-plan.docx")), "kh.docx")
	if !errors.Is(err, ErrNotSupported) {
		t.Errorf("docx: %v", err)
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 0, true}, {"50", 50, true}, {"50%", 50, true}, {"0.5", 50, true}, {"12,5", 13, true},
		{"100", 100, true}, {"101", 0, false}, {"-1", 0, false}, {"nhiều", 0, false}, {"NaN", 0, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			got, err := parsePercent(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Errorf("parsePercent(%q) = %d, %v", tt.in, got, err)
			}
		})
	}
}
