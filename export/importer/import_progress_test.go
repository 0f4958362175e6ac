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
	b.Areas[0].Tasks[1].Track.LastUpdate = store.NewDate(2023, 6, 2)
	data := writeWorkbook(t, b, xlsx.XLSXOptions{Unit: "Thanh tra Sở", Today: store.NewDate(2023, 7, 15)})
	// Thanh tra Sở leads I.1–I.3: rows 6–8 under the area row 5.
	returned := fillTracking(t, data, map[string]any{
		"F6": "Hoàn thành", "H6": "Đã trình Quyết định", "I6": "Quyết định 12/QĐ-UBND\n- Tờ trình 3/TTr-SKH",
		"F7": "đang thực hiện", "G7": "60%", "J7": "20/07/2023",
		"F8":  "Xong rồi",
		"B10": "Việc thêm", "H10": "Làm thêm",
	})
	sheet, err := ReadProgress(bytes.NewReader(returned), "thanhtra.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(sheet.Rows) != 2 || sheet.Exported != store.NewDate(2023, 7, 15) || sheet.Stale() {
		t.Fatalf("exported %s, rows %+v", sheet.Exported, sheet.Rows)
	}
	checkFirstReturnedRow(t, sheet.Rows[0], b.Areas[0].Tasks[0], sheet.Exported)
	if second := sheet.Rows[1]; second.Status != store.StatusInProgress || second.Percent != 60 ||
		second.Date != store.NewDate(2023, 7, 20) || second.Known != store.NewDate(2023, 6, 2) {
		t.Errorf("second row %+v", second)
	}
	want := []string{
		"dòng 10: có kết quả nhưng không có mã nhiệm vụ (dòng thêm ngoài biểu xuất ra?)",
		"dòng 8: trạng thái “Xong rồi” không hợp lệ: chọn một trạng thái trong danh sách",
	}
	diffLines(t, sortedProblems(sheet.Problems), want)
}

// checkFirstReturnedRow checks the row of task I.1, marked done with a
// result and two evidence lines, undated.
func checkFirstReturnedRow(t *testing.T, first store.ProgressRow, task store.Task, exported store.Date) {
	t.Helper()
	if first.Row != 6 || first.TaskID != task.ID || first.Hash != store.TaskHash(task) || first.Status != store.StatusDone {
		t.Errorf("first row %+v", first)
	}
	if first.Result != "Đã trình Quyết định" || strings.Join(first.Evidence, "|") != "Quyết định 12/QĐ-UBND|Tờ trình 3/TTr-SKH" {
		t.Errorf("first row's result and evidence %+v", first)
	}
	if first.Exported != exported || !first.Date.IsZero() || !first.Known.IsZero() {
		t.Errorf("first row's dates %+v", first)
	}
}

// TestReadProgressDates: a date typed into Excel's date cell, a date in
// the wrong shape, and a sheet whose export day was lost, as every sheet
// exported before it was written.
func TestReadProgressDates(t *testing.T) {
	data := writeWorkbook(t, seedBundle(t), xlsx.XLSXOptions{Unit: "Thanh tra Sở", Today: store.NewDate(2023, 7, 15)})
	returned := fillTracking(t, data, map[string]any{"J6": 45127.0, "J7": "31/02/2023", "L1": ""})
	sheet, err := ReadProgress(bytes.NewReader(returned), "thanhtra.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if !sheet.Stale() || len(sheet.Rows) != 2 || sheet.Rows[0].Date != store.NewDate(2023, 7, 20) || !sheet.Rows[0].Exported.IsZero() {
		t.Errorf("exported %s, rows %+v", sheet.Exported, sheet.Rows)
	}
	diffLines(t, sortedProblems(sheet.Problems), []string{"dòng 7: ngày cập nhật “31/02/2023” không đọc được: ghi ngày/tháng/năm, ví dụ 20/07/2025"})
}

func TestParseSheetDate(t *testing.T) {
	tests := []struct {
		in   string
		want store.Date
		ok   bool
	}{
		{"", store.Date{}, true}, {"20/07/2023", store.NewDate(2023, 7, 20), true}, {"5/1/2024", store.NewDate(2024, 1, 5), true},
		{"20-07-2023", store.NewDate(2023, 7, 20), true}, {"2023-07-20", store.NewDate(2023, 7, 20), true},
		{"45127", store.NewDate(2023, 7, 20), true}, {"31/02/2023", store.Date{}, false}, {"hôm qua", store.Date{}, false},
		{"20/07/1800", store.Date{}, false}, {"-3", store.Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSheetDate(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Errorf("parseSheetDate(%q) = %s, %v", tt.in, got, err)
			}
		})
	}
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
