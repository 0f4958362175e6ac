package xlsx

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/store"
)

// The tracking sheet's columns, 1-based. The last two are hidden: they tie
// a returned row to its task and to the task's content as exported.
const (
	trackOrdinal = iota + 1
	trackContent
	trackLead
	trackTimeline
	trackStatus
	trackPercent
	trackResult
	trackEvidence
	trackID
	trackHash
)

// trackingHeadings are the tracking sheet's column headings.
var trackingHeadings = []string{
	"TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Trạng thái",
	"Tiến độ (%)", "Kết quả thực hiện", "Tài liệu kiểm chứng", "Mã nhiệm vụ", "Mã nội dung",
}

// trackingWidths are the tracking sheet's column widths in character units.
var trackingWidths = []float64{6, 40, 16, 13, 16, 9, 32, 24, 12, 18}

// trackingInstruction tells a division what to fill in.
const trackingInstruction = "Ghi trạng thái (chọn trong danh sách), tiến độ (0–100), kết quả và tài liệu kiểm chứng vào các ô tô màu; không sửa các cột khác."

// writeTrackingSheet writes the "Theo dõi" sheet: one row per task with its
// status, progress, result and evidence to fill in, and the hidden id and
// fingerprint the import matches rows by.
func writeTrackingSheet(ctx context.Context, f *excelize.File, styles *xlsxStyles, b store.Bundle, opts XLSXOptions) error {
	const headerRow = 4
	s, err := newStreamSheet(f, SheetTracking, trackingWidths, []int{trackID, trackHash}, headerRow)
	if err != nil {
		return err
	}
	titles := []titleLine{
		{text: "THEO DÕI THỰC HIỆN NHIỆM VỤ", bold: true, size: titleSize},
		{text: trackingSubtitle(b.Plan, opts.Unit), italic: true, size: titleSize},
		{text: trackingInstruction, italic: true, size: tableSize},
	}
	for _, t := range titles {
		if err := s.titleRow(t.text, t.style(styles), t.bold, t.size); err != nil {
			return err
		}
	}
	if err := s.headerRow(trackingHeadings, styles.header); err != nil {
		return err
	}
	cellStyles := trackingCellStyles(styles)
	err = forEachRow(ctx, b, 0.45, 0.45, opts,
		func(a store.AreaTasks) error { return s.groupRow(a.Numeral, a.Name, styles) },
		func(t store.Task) error { return s.cellsRow(trackingCells(t, b.Evidence[t.ID]), cellStyles) })
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

// trackingSubtitle names the plan, and the division when there is one.
func trackingSubtitle(p store.Plan, unit string) string {
	line := fmt.Sprintf("%s số %s ngày %s", p.DocType.Name(), p.Ref(), p.IssueDate)
	if p.Agency.Name != "" {
		line += " của " + p.Agency.Name
	}
	if unit != "" {
		line += " · " + UnitLinePrefix + unit
	}
	return line
}

// trackingCells are a task's cells on the tracking sheet, with its evidence.
func trackingCells(t store.Task, list []store.Evidence) []any {
	status := t.Status
	if status == "" {
		status = store.StatusNotStarted
	}
	evidence := make([]string, len(list))
	for i, e := range list {
		evidence[i] = store.EvidenceLine(e)
	}
	return []any{
		t.Ordinal, t.Content, t.Lead, t.Timeline.Text, string(status), t.Progress,
		t.Result, strings.Join(evidence, "\n"), strconv.FormatUint(t.ID, 10), store.TaskHash(t),
	}
}

func trackingCellStyles(styles *xlsxStyles) []int {
	return []int{
		styles.centeredCell, styles.textCell, styles.textCell, styles.centeredCell,
		styles.inputCenter, styles.inputCenter, styles.inputText, styles.inputText,
		styles.hiddenCell, styles.hiddenCell,
	}
}

// addTrackingValidation offers the stored statuses as a drop-down list and
// keeps progress a whole number from 0 to 100.
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
	for _, dv := range []*excelize.DataValidation{list, percent} {
		if err := f.AddDataValidation(SheetTracking, dv); err != nil {
			return fmt.Errorf("tracking validation: %w", err)
		}
	}
	return nil
}
