package xlsx

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store/reporting"

	"github.com/xuri/excelize/v2"
)

// Sheet names of a report's workbook, one an appendix.
const (
	SheetReportTasks   = "Tiến độ nhiệm vụ"
	SheetReportFigures = "Số liệu thống kê"
	SheetReportTargets = "Chỉ tiêu"
	SheetReportChart   = "Biểu đồ"
)

// Column widths of the report's sheets, in Excel's character units: each
// about the width of A4 landscape inside Decree 30's margins.
var (
	reportTaskWidths   = []float64{5, 36, 15, 12, 32, 16, 14}
	reportFigureWidths = []float64{6, 58, 14, 14, 38}
	reportTargetWidths = []float64{9, 52, 18, 18, 13, 20}
)

// WriteReportXLSX writes a periodic report's appendices as a print-ready
// workbook: the task-progress table, the statistical figures, the targets,
// and the tasks counted by area and state with a native stacked-bar chart
// whose colours stay apart in greyscale and whose labels are dark, in
// Times New Roman. It stops with ctx.Err() when ctx is cancelled.
func WriteReportXLSX(ctx context.Context, w io.Writer, r reporting.Report, t reporting.ReportTables, opts XLSXOptions) error {
	f, closeFile, err := newScratchFile()
	if err != nil {
		return err
	}
	defer closeFile()
	styles, err := prepareSheets(f, SheetReportTasks, SheetReportFigures, SheetReportTargets, SheetReportChart)
	if err != nil {
		return err
	}
	note := r.AppendixNote()
	steps := []func() error{
		func() error { return writeReportTasks(ctx, f, styles, r, t, note, opts) },
		func() error { return writeReportFigures(f, styles, r, t, note, opts) },
		func() error { return writeReportTargets(f, styles, r, t, note, opts) },
		func() error { return writeReportChart(f, styles, r, t, note, opts) },
	}
	return fillAndWrite(ctx, f, w, steps, opts)
}

// prepareSheets names a new workbook's sheets, the first active, sets the
// default font, asks Excel to compute the formulas when it opens the file,
// and registers the styles.
func prepareSheets(f *excelize.File, names ...string) (*xlsxStyles, error) {
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return nil, fmt.Errorf("rename sheet: %w", err)
	}
	for _, name := range names[1:] {
		if _, err := f.NewSheet(name); err != nil {
			return nil, fmt.Errorf("new sheet %s: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDefaultFont(documentFont); err != nil {
		return nil, fmt.Errorf("default font: %w", err)
	}
	fullCalc := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &fullCalc}); err != nil {
		return nil, fmt.Errorf("calculation properties: %w", err)
	}
	return newXLSXStyles(f)
}

// appendixTitles are the lines above an appendix's table: the agency, the
// appendix's number and title, the line that ties it to the report.
func appendixTitles(r reporting.Report, numeral, title, note string) []titleLine {
	return []titleLine{
		{text: strings.ToUpper(r.Agency.Name), bold: true, left: true, size: tableSize},
		{text: "Phụ lục " + numeral, bold: true, size: titleSize},
		{text: strings.ToUpper(title), bold: true, size: titleSize},
		{text: note, italic: true, size: titleSize},
	}
}

// startTable starts a streamed sheet with its title lines and header row.
func startTable(f *excelize.File, styles *xlsxStyles, sheet string, widths []float64, titles []titleLine, headings []string) (*streamSheet, error) {
	s, err := newStreamSheet(f, sheet, widths, nil, len(titles)+1)
	if err != nil {
		return nil, err
	}
	for _, t := range titles {
		if err := s.titleRow(t.text, t.style(styles), t.bold, t.size); err != nil {
			return nil, err
		}
	}
	return s, s.headerRow(headings, styles.header)
}

// finishTable sets up a table's printing and flushes it.
func finishTable(f *excelize.File, s *streamSheet, headerRow int, opts XLSXOptions) error {
	if err := setupPrint(f, s.name, headerRow, opts.Margins); err != nil {
		return err
	}
	return flushSheet(s)
}

func writeReportTasks(ctx context.Context, f *excelize.File, styles *xlsxStyles, r reporting.Report, t reporting.ReportTables, note string, opts XLSXOptions) error {
	titles := appendixTitles(r, "I", "Tình hình thực hiện các nhiệm vụ cải cách hành chính", note)
	headings := []string{"TT", "Nội dung", "Đơn vị chủ trì", "Thời gian", "Kết quả thực hiện", "Tài liệu kiểm chứng", "Trạng thái"}
	s, err := startTable(f, styles, SheetReportTasks, reportTaskWidths, titles, headings)
	if err != nil {
		return err
	}
	cellStyles := []int{styles.centeredCell, styles.textCell, styles.textCell, styles.centeredCell, styles.textCell, styles.textCell, styles.centeredCell}
	total, done := 0, 0
	for _, a := range t.Areas {
		total += len(a.Tasks)
	}
	for _, a := range t.Areas {
		if a.Name != "" {
			if err := s.groupRow(a.Numeral, a.Name, styles); err != nil {
				return err
			}
		}
		for _, task := range a.Tasks {
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				opts.report(0.8 * float64(done) / float64(max(total, 1)))
			}
			if err := s.cellsRow(taskCells(task), cellStyles); err != nil {
				return err
			}
			done++
		}
	}
	return finishTable(f, s, len(titles)+1, opts)
}

// taskCells are a task's cells in the task-progress table.
func taskCells(t reporting.TaskProgress) []any {
	return []any{t.Ordinal, t.Content, t.Lead, t.Timeline, t.ResultWithReason(), t.Evidence, t.StatusText()}
}

func writeReportFigures(f *excelize.File, styles *xlsxStyles, r reporting.Report, t reporting.ReportTables, note string, opts XLSXOptions) error {
	titles := appendixTitles(r, "II", "Số liệu thống kê về giải quyết thủ tục hành chính", note)
	s, err := startTable(f, styles, SheetReportFigures, reportFigureWidths, titles, []string{"TT", "Chỉ số", "Đơn vị tính", "Số liệu", "Ghi chú"})
	if err != nil {
		return err
	}
	cellStyles := []int{styles.centeredCell, styles.textCell, styles.centeredCell, styles.centeredCell, styles.textCell}
	for i, row := range t.Figures {
		var value any = ""
		if row.Entered {
			value = math.Round(row.Value*100) / 100
		}
		if err := s.cellsRow([]any{strconv.Itoa(i + 1), row.Label, row.Unit, value, row.Note()}, cellStyles); err != nil {
			return err
		}
	}
	return finishTable(f, s, len(titles)+1, opts)
}

func writeReportTargets(f *excelize.File, styles *xlsxStyles, r reporting.Report, t reporting.ReportTables, note string, opts XLSXOptions) error {
	titles := appendixTitles(r, "III", "Kết quả thực hiện các chỉ tiêu của Kế hoạch", note)
	s, err := startTable(f, styles, SheetReportTargets, reportTargetWidths, titles, []string{"Mã", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá", "Ghi chú"})
	if err != nil {
		return err
	}
	cellStyles := []int{styles.centeredCell, styles.textCell, styles.centeredCell, styles.centeredCell, styles.centeredCell, styles.textCell}
	for _, row := range t.Targets {
		if err := s.cellsRow([]any{row.Code, row.Indicator, row.Goal, row.Actual, row.Verdict.Title(), row.Note}, cellStyles); err != nil {
			return err
		}
	}
	return finishTable(f, s, len(titles)+1, opts)
}
