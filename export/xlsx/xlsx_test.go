package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// testToday is mid-2023, when some seed tasks are late.
var testToday = store.NewDate(2023, 7, 15)

// seedBundle returns the seed plan with ids, as the store would give it.
func seedBundle(testing.TB) store.Bundle { return demo.Seed() }

// taskMark is the TT of a task row.
var taskMark = regexp.MustCompile(`^\d+$`)

// writeWorkbook exports b and returns the file's bytes.
func writeWorkbook(t testing.TB, b store.Bundle, opts XLSXOptions) []byte {
	t.Helper()
	if opts.Today.IsZero() {
		opts.Today = testToday
	}
	var buf bytes.Buffer
	if err := WriteXLSX(context.Background(), &buf, b, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openTestWorkbook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellValue(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkCells checks, one subtest per cell in the order of the cells' names,
// that each cell of sheet holds the wanted text; label starts each message.
func checkCells(t *testing.T, f *excelize.File, sheet, label string, want map[string]string) {
	t.Helper()
	for _, cell := range slices.Sorted(maps.Keys(want)) {
		t.Run(cell, func(t *testing.T) {
			if got := cellValue(t, f, sheet, cell); got != want[cell] {
				t.Errorf("%s = %q, want %q", strings.TrimSpace(label+" "+cell), got, want[cell])
			}
		})
	}
}

func TestWorkbookPlanSheet(t *testing.T) {
	b := seedBundle(t)
	f := openTestWorkbook(t, writeWorkbook(t, b, XLSXOptions{}))

	if got := f.GetSheetList(); strings.Join(got, "|") != "Biểu kế hoạch|Theo dõi|Tổng hợp" {
		t.Fatalf("sheets = %v", got)
	}
	checks := map[string]string{
		"A1": "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
		"A2": "BIỂU KẾ HOẠCH CHI TIẾT",
		"A3": b.Plan.Appendix.Title,
		"A4": "(Kèm theo Kế hoạch số 122/KH-SKH ngày 28/01/2023 của Sở Kế hoạch và Đầu tư)",
		"A5": "TT", "B5": "NỘI DUNG", "F5": "Thời gian thực hiện",
		"A6": "I", "B6": "Cải cách thể chế",
		"A7": "1", "B7": b.Areas[0].Tasks[0].Content, "E7": "Các phòng chuyên môn thuộc Sở", "F7": "Năm 2023",
	}
	checkCells(t, f, SheetPlan, "", checks)
	checkMerged(t, f, SheetPlan, "A1:F1", "A2:F2", "A4:F4", "B6:F6")
	checkPlanStyles(t, f)
}

// checkMerged checks that each of the ranges of sheet is merged.
func checkMerged(t *testing.T, f *excelize.File, sheet string, want ...string) {
	t.Helper()
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	ranges := map[string]bool{}
	for _, m := range merged {
		ranges[m.GetStartAxis()+":"+m.GetEndAxis()] = true
	}
	for _, want := range want {
		if !ranges[want] {
			t.Errorf("%s is not merged; merged: %v", want, ranges)
		}
	}
}

// checkPlanStyles checks the plan sheet's header style (C5) and body style
// (B7).
func checkPlanStyles(t *testing.T, f *excelize.File) {
	t.Helper()
	header, _ := f.GetCellStyle(SheetPlan, "C5")
	style, _ := f.GetStyle(header)
	if !style.Font.Bold || style.Alignment.Horizontal != "center" || len(style.Border) != 4 || style.Fill.Pattern != 1 || style.Font.Family != "Times New Roman" {
		t.Errorf("header style = %+v %+v", style.Font, style.Alignment)
	}
	body, _ := f.GetCellStyle(SheetPlan, "B7")
	style, _ = f.GetStyle(body)
	if !style.Alignment.WrapText || style.Alignment.Vertical != "top" || len(style.Border) != 4 || style.Font.Size != 12 {
		t.Errorf("body style = %+v %+v", style.Font, style.Alignment)
	}
}

func TestWorkbookRowHeightsFollowTheText(t *testing.T) {
	b := seedBundle(t)
	f := openTestWorkbook(t, writeWorkbook(t, b, XLSXOptions{}))
	short, _ := f.GetRowHeight(SheetPlan, 17) // II.7 "Thống kê trình công bố ...": two lines at most
	long, _ := f.GetRowHeight(SheetPlan, 18)  // II.8: two long paragraphs
	if long < 3*short || long < 150 {
		t.Errorf("row heights II.7 %.1f, II.8 %.1f: the long row should be several times taller", short, long)
	}
	for row := 6; row <= 33; row++ {
		if h, _ := f.GetRowHeight(SheetPlan, row); h < excelLineHeight {
			t.Errorf("row %d is %.1f pt high, less than one line", row, h)
		}
	}
}

func TestWorkbookPrintSetup(t *testing.T) {
	data := writeWorkbook(t, seedBundle(t), XLSXOptions{})
	f := openTestWorkbook(t, data)
	for _, sheet := range []string{SheetPlan, SheetTracking, SheetSummary} {
		t.Run(sheet, func(t *testing.T) { checkSheetPrintSetup(t, f, sheet) })
	}
	checkPrintTitles(t, f)
	panes, _ := f.GetPanes(SheetPlan)
	if !panes.Freeze || panes.YSplit != 5 || panes.TopLeftCell != "A6" {
		t.Errorf("plan panes %+v: want frozen under the header row 5", panes)
	}
}

// checkSheetPrintSetup checks that sheet prints on A4 landscape, one page
// wide (and, for the summary, one page high), with the page number centred
// in the header from page 2 and a left margin of 30 to 35 mm.
func checkSheetPrintSetup(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	high := 0
	if sheet == SheetSummary {
		high = 1 // the table and its chart on one page
	}
	if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != high {
		t.Errorf("%s page layout: size %d %s fit %dx%d", sheet, *layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
	}
	props, _ := f.GetSheetProps(sheet)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s does not fit to page", sheet)
	}
	hf, _ := f.GetHeaderFooter(sheet)
	if !strings.Contains(hf.OddHeader, "&C") || !strings.Contains(hf.OddHeader, "&P") || strings.Contains(hf.OddHeader, "&N") || !hf.DifferentFirst {
		t.Errorf("%s header %+v: want &C&P, no number on page 1, no &N", sheet, hf)
	}
	margins, _ := f.GetPageMargins(sheet)
	if left := *margins.Left * 25.4; left < 29.9 || left > 35.1 {
		t.Errorf("%s left margin %.1f mm", sheet, left)
	}
}

// checkPrintTitles checks that the plan and tracking sheets repeat their
// header row on every printed page.
func checkPrintTitles(t *testing.T, f *excelize.File) {
	t.Helper()
	names := f.GetDefinedName()
	want := map[string]string{"Biểu kế hoạch": "'Biểu kế hoạch'!$5:$5", "Theo dõi": "'Theo dõi'!$4:$4"}
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && want[n.Scope] != "" {
			if n.RefersTo != want[n.Scope] {
				t.Errorf("print titles of %s = %s", n.Scope, n.RefersTo)
			}
			delete(want, n.Scope)
		}
	}
	if len(want) > 0 {
		t.Errorf("no print titles for %v (defined: %+v)", want, names)
	}
}

func TestWorkbookTrackingSheet(t *testing.T) {
	b := seedBundle(t)
	task := &b.Areas[0].Tasks[0]
	task.Status, task.Progress, task.Result = store.StatusInProgress, 40, "Đã trình dự thảo"
	task.Track.LastUpdate = store.NewDate(2023, 6, 2)
	b.Evidence = map[uint64][]store.Evidence{task.ID: {{Title: "Tờ trình", Ref: "số 12/TTr-SKH"}}}
	f := openTestWorkbook(t, writeWorkbook(t, b, XLSXOptions{}))
	row := map[string]string{
		"A6": "1", "E6": "Đang thực hiện", "F6": "Đang thực hiện", "G6": "40", "H6": "Đã trình dự thảo",
		"I6": "Tờ trình (số 12/TTr-SKH)", "J6": "", "K6": "1", "L6": store.TaskHash(*task), "M6": "02/06/2023",
		"E4": "Đánh giá đến ngày xuất", "J4": "Ngày cập nhật",
		"E7": "Quá hạn", // I.2, due in December 2022
		"K1": ExportDateLabel, "L1": "15/07/2023",
	}
	checkCells(t, f, SheetTracking, "tracking", row)
	if line := cellValue(t, f, SheetTracking, "A2"); !strings.HasSuffix(line, "· bảng xuất ngày 15/07/2023") {
		t.Errorf("the export day is not on the sheet: %q", line)
	}
	for _, col := range []string{"K", "L", "M"} {
		if visible, _ := f.GetColVisible(SheetTracking, col); visible {
			t.Errorf("column %s (id, fingerprint, latest update) is visible", col)
		}
	}
	checkTrackingValidation(t, f)
	dateStyle, _ := f.GetCellStyle(SheetTracking, "J6")
	if style, _ := f.GetStyle(dateStyle); style.CustomNumFmt == nil || *style.CustomNumFmt != "dd/mm/yyyy" || style.Fill.Color[0] != inputFill {
		t.Errorf("the date cell's style %+v", style)
	}
}

// checkTrackingValidation checks the tracking sheet's drop-down of stored
// statuses, its progress range and its date cells.
func checkTrackingValidation(t *testing.T, f *excelize.File) {
	t.Helper()
	validations, err := f.GetDataValidations(SheetTracking)
	if err != nil || len(validations) != 3 {
		t.Fatalf("validations %v %v", validations, err)
	}
	list := validations[0]
	if list.Type != "list" || list.Formula1 != `"Chưa thực hiện,Đang thực hiện,Hoàn thành,Không thực hiện"` || !strings.HasPrefix(list.Sqref, "F5:") {
		t.Errorf("status list %+v", list)
	}
	if len(list.Formula1) > 255 {
		t.Errorf("drop-down list is %d characters long, Excel allows 255", len(list.Formula1))
	}
	if date := validations[2]; date.Type != "date" || !strings.HasPrefix(date.Sqref, "J5:") {
		t.Errorf("date validation %+v", date)
	}
}

func TestWorkbookSummarySheet(t *testing.T) {
	data := writeWorkbook(t, seedBundle(t), XLSXOptions{})
	f := openTestWorkbook(t, data)
	// Area I on 15/07/2023: I.2 (Tháng 12/2022) is overdue, I.1 and I.3 not
	// started; the total I4 is a formula, checked below.
	checkCells(t, f, SheetSummary, "summary", map[string]string{
		"C3": "Chưa thực hiện", "E3": "Quá hạn", "F3": "Hoàn thành đúng hạn", "G3": "Hoàn thành quá hạn", "H3": "Không thực hiện", "I3": "Tổng số",
		"A4": "I", "C4": "2", "E4": "1", "B11": "Tổng cộng",
	})
	if formula, _ := f.GetCellFormula(SheetSummary, "I4"); formula != "SUM(C4:H4)" {
		t.Errorf("total formula %q", formula)
	}
	checkChartInk(t, chartXML(t, data))
}

// checkChartInk checks that the chart's title, both axes and its legend
// write in black Times New Roman, and that it fills with stateFills.
func checkChartInk(t *testing.T, chart string) {
	t.Helper()
	black := regexp.MustCompile(`<a:solidFill><a:srgbClr val="000000"></a:srgbClr></a:solidFill><a:latin typeface="Times New Roman">`)
	if n := len(black.FindAllString(chart, -1)); n < 4 {
		t.Errorf("%d texts of the chart in black Times New Roman, want the title, two axes and the legend", n)
	}
	for _, fill := range stateFills {
		if !strings.Contains(chart, `<a:srgbClr val="`+fill+`">`) {
			t.Errorf("the chart lacks the fill %s", fill)
		}
	}
	if strings.Contains(chart, "E7E6E6") {
		t.Error("the chart keeps the fill that vanishes on paper")
	}
}

// chartXML returns the workbook's chart part.
func chartXML(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range zr.File {
		if strings.HasPrefix(part.Name, "xl/charts/chart") {
			r, err := part.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			text, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return string(text)
		}
	}
	t.Fatal("the workbook has no chart")
	return ""
}

func TestWorkbookSummaryCountsTheStandingsGiven(t *testing.T) {
	b := seedBundle(t)
	standings := map[uint64]store.Standing{}
	states := []store.State{store.StateDoneOnTime, store.StateDoneLate, store.StateDropped}
	for i, task := range b.Areas[0].Tasks {
		standings[task.ID] = store.Standing{State: states[i%len(states)]}
	}
	f := openTestWorkbook(t, writeWorkbook(t, b, XLSXOptions{Standings: standings}))
	checkCells(t, f, SheetSummary, "summary", map[string]string{"C4": "0", "E4": "0", "F4": "1", "G4": "1", "H4": "1"})
	checkCells(t, f, SheetTracking, "tracking", map[string]string{"E6": "Hoàn thành đúng hạn", "E7": "Hoàn thành quá hạn", "F7": "Chưa thực hiện"})
}

// TestStateFillsStayApartInGrey: every two states' fills differ by at least
// 30 in grey (luma, of 255), and neighbours in a stacked column by 70.
func TestStateFillsStayApartInGrey(t *testing.T) {
	luma := func(hex string) float64 {
		var r, g, b int
		fmt.Sscanf(hex, "%02x%02x%02x", &r, &g, &b)
		return 0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)
	}
	if len(stateFills) != len(store.States) {
		t.Fatalf("%d fills for %d states", len(stateFills), len(store.States))
	}
	for i := range stateFills {
		for j := i + 1; j < len(stateFills); j++ {
			gap, least := math.Abs(luma(stateFills[i])-luma(stateFills[j])), 30.0
			if j == i+1 {
				least = 70
			}
			if gap < least {
				t.Errorf("%s and %s are %.0f apart in grey", store.States[i], store.States[j], gap)
			}
		}
	}
}

func TestWorkbookForOneUnit(t *testing.T) {
	b := seedBundle(t)
	f := openTestWorkbook(t, writeWorkbook(t, b, XLSXOptions{Unit: "văn phòng sở"}))
	rows, err := f.GetRows(SheetPlan)
	if err != nil {
		t.Fatal(err)
	}
	tasks := 0
	for _, r := range rows[6:] {
		if len(r) >= 4 && taskMark.MatchString(r[0]) {
			tasks++
			if r[3] != "Văn phòng Sở" {
				t.Errorf("task %s led by %q in the Văn phòng Sở workbook", r[0], r[3])
			}
		}
	}
	if tasks != 12 {
		t.Errorf("%d tasks for Văn phòng Sở, want 12", tasks)
	}
	if got := cellValue(t, f, SheetPlan, "A5"); got != "Đơn vị chủ trì: văn phòng sở" {
		t.Errorf("unit line %q", got)
	}

	var buf bytes.Buffer
	err = WriteXLSX(context.Background(), &buf, b, XLSXOptions{Unit: "Phòng Không Có"})
	if err == nil || !strings.Contains(err.Error(), "Thanh tra Sở") {
		t.Errorf("unknown unit: %v; want the lead units listed", err)
	}
}

func TestWorkbookStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := WriteXLSX(ctx, io.Discard, seedBundle(t), XLSXOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLineCount(t *testing.T) {
	face, err := faceAdvances(false)
	if err != nil {
		t.Fatal(err)
	}
	width := face.width("Cải cách hành chính")
	tests := []struct {
		name  string
		text  string
		width float32
		want  int
	}{
		{"empty", "", width, 1},
		{"fits exactly", "Cải cách hành chính", width, 1},
		{"one word over", "Cải cách hành chính Cải cách", width, 2},
		{"line break", "Cải cách hành chính\nCải cách", width, 2},
		{"three widths", "Cải cách hành chính Cải cách hành chính Cải cách hành chính", width, 3},
		{"word longer than the line", strings.Repeat("x", 100), face.width(strings.Repeat("x", 10)), 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := face.lineCount(tt.text, tt.width); got != tt.want {
				t.Errorf("lineCount(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
	if face.width("Đ") < 0.5 || face.width("ệ") < 0.3 {
		t.Error("Vietnamese letters have no width: the font tables are not loaded")
	}
}
