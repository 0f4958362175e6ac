package importer

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/store"
)

// The fields of a tracking sheet. TT stays field 0, as in every column set.
const (
	progOrdinal = iota
	progID
	progHash
	progStatus
	progPercent
	progResult
	progEvidence
	progDate
	progKnown
	progFieldCount
)

// progressColumns recognises the headings of the tracking sheet the export
// writes, and their likely rewordings.
var progressColumns = columnSet{
	fields: progFieldCount,
	rules: []columnRule{
		{field: progOrdinal, exact: ordinalHeadings},
		{field: progID, exact: []string{"ma nhiem vu", "ma nv", "id"}},
		{field: progHash, contains: []string{"ma noi dung", "ma kiem tra"}},
		{field: progStatus, contains: []string{"trang thai", "tinh trang"}},
		{field: progPercent, contains: []string{"tien do", "ty le", "phan tram"}},
		{field: progEvidence, contains: []string{"kiem chung", "tai lieu"}},
		{field: progResult, contains: []string{"ket qua"}},
		{field: progKnown, contains: []string{"cap nhat gan nhat"}},
		{field: progDate, contains: []string{"ngay cap nhat", "ngay bao cao"}},
	},
	required:  []int{progID, progStatus},
	minFields: 3,
}

// ProgressSheet is a tracking sheet sent back by a division, read but not
// yet applied.
type ProgressSheet struct {
	// File is the file's name without its folder.
	File string
	// Exported is the day the sheet was exported, from the hidden cell the
	// export writes (xlsx.ExportDateLabel); zero for a sheet that does not
	// say, as no sheet exported before that cell was written does.
	Exported store.Date
	// Rows are the rows that name a task, in order.
	Rows []store.ProgressRow
	// Problems lists the rows that could not be read, with the reason.
	Problems []RowProblem
}

// ReadProgressFile reads a returned tracking sheet; see ReadProgress.
func ReadProgressFile(path string) (*ProgressSheet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("không mở được %s: %w", path, err)
	}
	defer f.Close()
	return ReadProgress(f, filepath.Base(path))
}

// ReadProgress reads the tracking sheet of a workbook this program
// exported and a division filled in: for each task row, its id and
// fingerprint and the status, progress, result and evidence entered.
func ReadProgress(r io.Reader, name string) (*ProgressSheet, error) {
	file, err := sniff(r, name)
	if err != nil {
		return nil, err
	}
	if file.kind != kindXLSX {
		return nil, fmt.Errorf("%s: %w: tiến độ chỉ nhập được từ bảng Excel (.xlsx) do chương trình xuất ra", name, ErrNotSupported)
	}
	scan, err := scanWorkbook(file, name, progressColumns, xlsx.SheetTracking)
	if err != nil {
		return nil, err
	}
	t, h := scan.table, scan.header
	if !scan.found {
		return nil, fmt.Errorf("%s: %w: không có trang tính “%s” với các cột Mã nhiệm vụ, Trạng thái, Tiến độ; hãy dùng tệp Excel do chương trình xuất ra", name, ErrNoTable, xlsx.SheetTracking)
	}
	sheet := &ProgressSheet{File: name, Exported: exportDate(t.rows[:h.first])}
	for _, row := range t.rows[h.last+1:] {
		readProgressRow(sheet, row, h)
	}
	return sheet, nil
}

// readProgressRow reads one row of a tracking sheet into sheet; area rows
// and empty rows hold no task and are passed over.
func readProgressRow(sheet *ProgressSheet, r tableRow, h header) {
	text := func(field int) string {
		c := r.cell(h.column(field))
		if c.fromLeft { // an area row merged across
			return ""
		}
		return c.text
	}
	id := text(progID)
	if id == "" {
		if text(progResult) != "" || text(progEvidence) != "" {
			sheet.Problems = append(sheet.Problems, RowProblem{Row: r.number, Reason: "có kết quả nhưng không có mã nhiệm vụ (dòng thêm ngoài biểu xuất ra?)"})
		}
		return
	}
	row, err := progressRow(r.number, id, text)
	if err != nil {
		sheet.Problems = append(sheet.Problems, RowProblem{Row: r.number, Reason: err.Error()})
		return
	}
	row.File, row.Exported = sheet.File, sheet.Exported
	sheet.Rows = append(sheet.Rows, row)
}

// Stale reports whether the sheet does not say when it was exported: its
// changed rows wait for the officer's word.
func (s *ProgressSheet) Stale() bool { return s.Exported.IsZero() }

// exportDate finds, in the rows above a tracking sheet's header, the day
// the sheet was exported: the cell right of the one headed
// xlsx.ExportDateLabel. A missing or unreadable date gives the zero Date.
func exportDate(rows []tableRow) store.Date {
	label := headingKey(xlsx.ExportDateLabel)
	for _, r := range rows {
		for i, c := range r.cells {
			if headingKey(c.text) == label {
				d, err := parseSheetDate(r.cell(i + 1).text)
				if err == nil {
					return d
				}
			}
		}
	}
	return store.Date{}
}

// progressRow reads the cells of a task's row.
func progressRow(number int, id string, text func(int) string) (store.ProgressRow, error) {
	taskID, err := strconv.ParseUint(strings.TrimSpace(id), 10, 64)
	if err != nil || taskID == 0 {
		return store.ProgressRow{}, fmt.Errorf("mã nhiệm vụ “%s” không hợp lệ", shorten(id, 30))
	}
	status, err := store.ParseStatus(text(progStatus))
	if err != nil {
		return store.ProgressRow{}, fmt.Errorf("trạng thái “%s” không hợp lệ: chọn một trạng thái trong danh sách", shorten(text(progStatus), 30))
	}
	percent, err := parsePercent(text(progPercent))
	if err != nil {
		return store.ProgressRow{}, err
	}
	date, err := parseSheetDate(text(progDate))
	if err != nil {
		return store.ProgressRow{}, fmt.Errorf("ngày cập nhật “%s” không đọc được: ghi ngày/tháng/năm, ví dụ 20/07/2025", shorten(text(progDate), 30))
	}
	known, _ := parseSheetDate(text(progKnown))
	return store.ProgressRow{
		Row: number, TaskID: taskID, Hash: text(progHash), Status: status, Percent: percent,
		Result: text(progResult), Evidence: evidenceLines(text(progEvidence)), Date: date, Known: known,
	}, nil
}

// sheetDateLayouts are the ways a date cell reads: as Excel shows a date
// typed in Vietnam, as text typed or pasted, and as ISO.
var sheetDateLayouts = []string{"2/1/2006", "2-1-2006", "2.1.2006", "2006-01-02", "2/1/06"}

// parseSheetDate reads a date cell: "20/07/2025", "20-7-2025", "2025-07-20",
// or Excel's serial number of a date whose format was lost; empty is the
// zero Date.
func parseSheetDate(cell string) (store.Date, error) {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return store.Date{}, nil
	}
	for _, layout := range sheetDateLayouts {
		if t, err := time.Parse(layout, cell); err == nil && store.ValidYear(t.Year()) {
			return store.DateOf(t), nil
		}
	}
	if serial, err := strconv.ParseFloat(cell, 64); err == nil && serial >= 1 && serial < 2958466 {
		if t, err := excelize.ExcelDateToTime(serial, false); err == nil && store.ValidYear(t.Year()) {
			return store.DateOf(t), nil
		}
	}
	return store.Date{}, fmt.Errorf("ngày %q không đọc được", cell)
}

// parsePercent reads a progress cell: "50", "50%", or 0.5 from a cell
// formatted as a percentage; empty is 0.
func parsePercent(s string) (int, error) {
	clean := strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if clean == "" {
		return 0, nil
	}
	hasPercent := strings.HasSuffix(clean, "%")
	value, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(clean, "%")), 64)
	if err != nil || math.IsNaN(value) {
		return 0, fmt.Errorf("tiến độ “%s” không phải một số", shorten(s, 20))
	}
	if !hasPercent && value > 0 && value < 1 && strings.Contains(clean, ".") {
		value *= 100
	}
	if value < 0 || value > 100 {
		return 0, fmt.Errorf("tiến độ %s nằm ngoài 0–100", shorten(s, 20))
	}
	return int(math.Round(value)), nil
}

// evidenceLines splits an evidence cell into its documents, one a line.
func evidenceLines(cell string) []string {
	var lines []string
	for line := range strings.SplitSeq(cell, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "-+•"))
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}
