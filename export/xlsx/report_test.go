package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/export/internal/palette"
	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/draft"
)

// seedReportWorkbook writes the workbook of the seed plan's report of a
// period, from its scripted year.
func seedReportWorkbook(t testing.TB, kind store.PeriodKind) ([]byte, reporting.ReportTables) {
	t.Helper()
	in, err := demo.SeedYearInput(filepath.Join(t.TempDir(), "cchc.db"), kind)
	if err != nil {
		t.Fatal(err)
	}
	_, tables := draft.Compose(in)
	plan := in.Bundle.Plan
	r := reporting.Report{PlanID: plan.ID, Period: in.Period, AsOf: in.AsOf, Symbol: "BC-SKH", Agency: plan.Agency, Summary: reporting.ReportSummary(in.Period)}
	var buf bytes.Buffer
	if err := WriteReportXLSX(context.Background(), &buf, r, tables, XLSXOptions{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), tables
}

func TestReportWorkbookSheets(t *testing.T) {
	data, tables := seedReportWorkbook(t, store.PeriodH1)
	f := openTestWorkbook(t, data)
	if got := strings.Join(f.GetSheetList(), "|"); got != "Tiến độ nhiệm vụ|Số liệu thống kê|Chỉ tiêu|Biểu đồ" {
		t.Fatalf("sheets = %s", got)
	}
	checkCells(t, f, SheetReportTasks, "tasks", map[string]string{
		"A1": "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "A2": "Phụ lục I", "A3": "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
		"A4": "(Kèm theo Báo cáo số      /BC-SKH ngày      /     /2023 của Sở Kế hoạch và Đầu tư)",
		"A5": "TT", "E5": "Kết quả thực hiện", "F5": "Tài liệu kiểm chứng", "G5": "Trạng thái",
		"A6": "I", "B6": "Cải cách thể chế", "B7": tables.Areas[0].Tasks[0].Content, "E7": tables.Areas[0].Tasks[0].Result,
		"G7": tables.Areas[0].Tasks[0].StatusText(),
	})
	checkCells(t, f, SheetReportFigures, "figures", map[string]string{
		"A2": "Phụ lục II", "B6": "Số hồ sơ tiếp nhận trực tuyến", "D6": "332", "D12": "95.95", "E12": "Tính từ số liệu: 332/346 hồ sơ",
	})
	checkCells(t, f, SheetReportTargets, "targets", map[string]string{
		"A2": "Phụ lục III", "A6": "II.1.1", "C6": "100%", "D6": "100% (346/346)", "E6": "Đạt",
	})
	checkCells(t, f, SheetReportChart, "chart", map[string]string{
		"A2": "Phụ lục IV", "B5": "Lĩnh vực", "C5": "Hoàn thành đúng hạn", "B6": "Cải cách thể chế", "I13": "",
	})
	if formula, _ := f.GetCellFormula(SheetReportChart, "C13"); formula != "SUM(C6:C12)" {
		t.Errorf("total formula = %q", formula)
	}
}

// TestReportChartIsNativeDarkAndGreyscaleSafe reads the chart's XML: a
// stacked bar chart, every series in its palette colour, every label in
// Times New Roman and black (or white inside the dark colours).
func TestReportChartIsNativeDarkAndGreyscaleSafe(t *testing.T) {
	data, _ := seedReportWorkbook(t, store.PeriodYear)
	chart := zipPart(t, data, "xl/charts/chart1.xml")
	if !strings.Contains(chart, `barDir val="bar"`) || !strings.Contains(chart, `grouping val="stacked"`) || !strings.Contains(chart, `varyColors val="0"`) {
		t.Error("not a horizontal stacked bar chart")
	}
	for _, s := range palette.ChartStates {
		if !strings.Contains(chart, `<a:srgbClr val="`+palette.Of(s).Hex()+`"`) {
			t.Errorf("%s: colour %s missing", s, palette.Of(s).Hex())
		}
	}
	if strings.Count(chart, `typeface="Times New Roman"`) < 9 {
		t.Errorf("labels not in Times New Roman: %d", strings.Count(chart, `typeface="Times New Roman"`))
	}
	for _, pale := range []string{"E7E6E6", "BFBFBF", "595959", "7F7F7F"} {
		if strings.Contains(chart, `val="`+pale+`"`) {
			t.Errorf("pale colour %s in the chart", pale)
		}
	}
}

func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

func TestReportWorkbookPrintsLandscapeOneWide(t *testing.T) {
	data, _ := seedReportWorkbook(t, store.PeriodQ1)
	f := openTestWorkbook(t, data)
	for _, sheet := range f.GetSheetList() {
		t.Run(sheet, func(t *testing.T) {
			layout, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 {
				t.Errorf("page layout = %s size %d fit %d", *layout.Orientation, *layout.Size, *layout.FitToWidth)
			}
		})
	}
}
