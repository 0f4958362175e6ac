package xlsx

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/store"
)

// The tracking sheet's columns, 1-based. The state is computed, for
// reading; the division fills in status to date. The last three are
// hidden: they tie a returned row to its task, to the task's content and to
// its latest update as exported.
const (
	trackOrdinal = iota + 1
	trackContent
	trackLead
	trackTimeline
	trackState
	trackStatus
	trackPercent
	trackResult
	trackEvidence
	trackDate
	trackID
	trackHash
	trackKnown
)

// trackingHeadings are the tracking sheet's column headings.
var trackingHeadings = []string{
	"TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Đánh giá đến ngày xuất", "Trạng thái",
	"Tiến độ (%)", "Kết quả thực hiện", "Tài liệu kiểm chứng", "Ngày cập nhật", "Mã nhiệm vụ", "Mã nội dung", "Cập nhật gần nhất",
}

// trackingWidths are the tracking sheet's column widths in character units.
var trackingWidths = []float64{6, 36, 14, 12, 13, 14, 8, 28, 22, 11, 12, 18, 12}

// ExportDateLabel heads the hidden cell of a tracking sheet's first row that
// holds the day the sheet was exported, "15/07/2023", in the cell to its
// right; the reader of returned sheets looks for it.
const ExportDateLabel = "Ngày xuất bảng"

// trackingInstruction tells a division what to fill in.
const trackingInstruction = "Ghi trạng thái (chọn trong danh sách), tiến độ (0–100), kết quả và tài liệu kiểm chứng vào các ô tô màu; " +
	"nếu số liệu mới hơn ngày xuất bảng, ghi ngày có số liệu vào cột “Ngày cập nhật”. Không sửa các cột khác."

// writeTrackingSheet writes the "Theo dõi" sheet: one row per task with its
// state on the export day to read, its status, progress, result, evidence
// and date to fill in, and the hidden id, fingerprint and latest update the
// import matches rows by. The first row holds the export day in hidden
// cells, and the second says it.
func writeTrackingSheet(ctx context.Context, f *excelize.File, styles *xlsxStyles, b store.Bundle, opts XLSXOptions) error {
	const headerRow = 4
	s, err := newStreamSheet(f, SheetTracking, trackingWidths, []int{trackID, trackHash, trackKnown}, headerRow)
	if err != nil {
		return err
	}
	exported := exportDay(opts)
	titles := []titleLine{
		{text: "THEO DÕI THỰC HIỆN NHIỆM VỤ", bold: true, size: titleSize},
		{text: trackingSubtitle(b.Plan, opts.Unit, exported), italic: true, size: titleSize},
		{text: trackingInstruction, italic: true, size: tableSize},
	}
	for i, t := range titles {
		var hidden []any
		if i == 0 {
			hidden = []any{ExportDateLabel, exported.String()}
		}
		if err := s.titleRow(t.text, t.style(styles), t.bold, t.size, hidden...); err != nil {
			return err
		}
	}
	if err := s.headerRow(trackingHeadings, styles.header); err != nil {
		return err
	}
	cellStyles, err := trackingCellStyles(f, styles)
	if err != nil {
		return err
	}
	err = forEachRow(ctx, b, 0.45, 0.45, opts,
		func(a store.AreaTasks) error { return s.groupRow(a.Numeral, a.Name, styles) },
		func(t store.Task) error {
			return s.cellsRow(trackingCells(t, standingOf(opts, t), b.Evidence[t.ID]), cellStyles)
		})
	if err != nil {
		return err
	}
	if err := addTrackingValidation(f, headerRow+1, max(s.row, headerRow+1)); err != nil {
		return err
	}
	if err := setupPrint(f, SheetTracking, headerRow, opts.Margins); err != nil {
		return err
	}
	return flushSheet(s)
}

// exportDay is the day a workbook is exported: opts.Today, or today.
func exportDay(opts XLSXOptions) store.Date {
	if opts.Today.IsZero() {
		return store.Today()
	}
	return opts.Today
}

// standingOf is where a task stands on the export day.
func standingOf(opts XLSXOptions, t store.Task) store.Standing {
	if st, ok := opts.Standings[t.ID]; ok {
		return st
	}
	return store.SummaryStanding(t, exportDay(opts), store.Settings{}.Rules())
}

// trackingSubtitle names the plan, the division when there is one, and the
// export day.
func trackingSubtitle(p store.Plan, unit string, exported store.Date) string {
	line := fmt.Sprintf("%s số %s ngày %s", p.DocType.Name(), p.Ref(), p.IssueDate)
	if p.Agency.Name != "" {
		line += " của " + p.Agency.Name
	}
	if unit != "" {
		line += " · " + UnitLinePrefix + unit
	}
	return line + " · bảng xuất ngày " + exported.String()
}

// trackingCells are a task's cells on the tracking sheet, with where it
// stands and its evidence.
func trackingCells(t store.Task, st store.Standing, list []store.Evidence) []any {
	status := t.Status
	if status == "" {
		status = store.StatusNotStarted
	}
	evidence := make([]string, len(list))
	for i, e := range list {
		evidence[i] = store.EvidenceLine(e)
	}
	state := strings.Join(append([]string{string(st.State)}, st.Flags()...), "\n")
	return []any{
		t.Ordinal, t.Content, t.Lead, t.Timeline.Text, state, string(status), t.Progress,
		t.Result, strings.Join(evidence, "\n"), nil, strconv.FormatUint(t.ID, 10), store.TaskHash(t), dateCell(t.Track.LastUpdate),
	}
}

// dateCell is a date as a cell's text, or no value for no date.
func dateCell(d store.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// trackingCellStyles are the styles of a task row's cells: the input cells
// tinted, the date cell showing dd/mm/yyyy.
func trackingCellStyles(f *excelize.File, styles *xlsxStyles) ([]int, error) {
	spec := styleSpec{size: tableSize, horizontal: "center", vertical: "top", bordered: true, fill: inputFill}.style()
	dateFormat := "dd/mm/yyyy"
	spec.CustomNumFmt = &dateFormat
	inputDate, err := f.NewStyle(spec)
	if err != nil {
		return nil, fmt.Errorf("date style: %w", err)
	}
	return []int{
		styles.centeredCell, styles.textCell, styles.textCell, styles.centeredCell, styles.centeredCell,
		styles.inputCenter, styles.inputCenter, styles.inputText, styles.inputText, inputDate,
		styles.hiddenCell, styles.hiddenCell, styles.hiddenCell,
	}, nil
}

// The dates a "Ngày cập nhật" cell accepts, as Excel's serial numbers:
// 01/01/2000 to 31/12/2100.
const (
	firstSerial = 36526
	lastSerial  = 73415
)

// addTrackingValidation offers the stored statuses as a drop-down list (what
// a division reports, not the computed state), keeps progress a whole
// number from 0 to 100 and the update's date a date.
func addTrackingValidation(f *excelize.File, firstRow, lastRow int) error {
	statuses := make([]string, len(store.Statuses))
	for i, st := range store.Statuses {
		statuses[i] = string(st)
	}
	list := excelize.NewDataValidation(true)
	list.SetSqref(fmt.Sprintf("%s:%s", cellName(trackStatus, firstRow), cellName(trackStatus, lastRow)))
	if err := list.SetDropList(statuses); err != nil {
		return fmt.Errorf("status list: %w", err)
	}
	list.SetError(excelize.DataValidationErrorStyleStop, "Trạng thái", "Chọn một trạng thái trong danh sách.")
	percent := excelize.NewDataValidation(true)
	percent.SetSqref(fmt.Sprintf("%s:%s", cellName(trackPercent, firstRow), cellName(trackPercent, lastRow)))
	if err := percent.SetRange(0, 100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		return fmt.Errorf("progress range: %w", err)
	}
	percent.SetError(excelize.DataValidationErrorStyleStop, "Tiến độ", "Ghi một số nguyên từ 0 đến 100.")
	date := excelize.NewDataValidation(true)
	date.SetSqref(fmt.Sprintf("%s:%s", cellName(trackDate, firstRow), cellName(trackDate, lastRow)))
	if err := date.SetRange(firstSerial, lastSerial, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return fmt.Errorf("date range: %w", err)
	}
	date.SetError(excelize.DataValidationErrorStyleStop, "Ngày cập nhật", "Ghi ngày có số liệu, dạng ngày/tháng/năm, ví dụ 20/07/2025.")
	for _, dv := range []*excelize.DataValidation{list, percent, date} {
		if err := f.AddDataValidation(SheetTracking, dv); err != nil {
			return fmt.Errorf("tracking validation: %w", err)
		}
	}
	return nil
}
