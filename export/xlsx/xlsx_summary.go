package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/store"
)

// summaryStatuses are the summary sheet's status columns: the stored
// statuses and the displayed-only Overdue.
var summaryStatuses = append(append([]store.Status(nil), store.Statuses...), store.StatusOverdue)

// summaryWidths are the summary sheet's column widths: numeral, area name,
// one per status, total.
var summaryWidths = []float64{6, 44, 13, 13, 13, 13, 13, 11}

// summaryHeaderRow is the row of the summary table's headings.
const summaryHeaderRow = 3

// writeSummarySheet writes the "Tổng hợp" sheet: tasks counted by area and
// by the status shown on opts.Today, totals as formulas, and a stacked
// column chart of the counts, all on one printed page.
func writeSummarySheet(f *excelize.File, styles *xlsxStyles, b store.Bundle, opts XLSXOptions) error {
	sheet := SheetSummary
	lastCol := len(summaryWidths)
	for col, width := range summaryWidths {
		if err := f.SetColWidth(sheet, colName(col+1), colName(col+1), width); err != nil {
			return fmt.Errorf("summary column width: %w", err)
		}
	}
	title := "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"
	subtitle := fmt.Sprintf("%s số %s · tính đến ngày %s", b.Plan.DocType.Name(), b.Plan.Ref(), opts.Today)
	if opts.Unit != "" {
		subtitle += " · " + UnitLinePrefix + opts.Unit
	}
	rows := []struct {
		text  string
		style int
	}{{title, styles.title}, {subtitle, styles.note}}
	for i, r := range rows {
		if err := setMergedText(f, sheet, i+1, lastCol, r.text, r.style); err != nil {
			return err
		}
	}
	if err := writeSummaryTable(f, styles, b, opts.Today); err != nil {
		return err
	}
	if err := addSummaryChart(f, len(b.Areas)); err != nil {
		return err
	}
	if err := setupPrint(f, sheet, 0, opts.Margins); err != nil {
		return err
	}
	fit := true
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

func colName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		panic(fmt.Sprintf("column %d: %v", col, err)) // the writer only asks for small positive columns
	}
	return name
}

// setMergedText writes text into a row merged from column A to lastCol.
func setMergedText(f *excelize.File, sheet string, row, lastCol int, text string, style int) error {
	first, last := cellName(1, row), cellName(lastCol, row)
	if err := f.SetCellValue(sheet, first, text); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, first, last); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, first, last, style)
}

// writeSummaryTable writes the headings, one row per area and the totals.
func writeSummaryTable(f *excelize.File, styles *xlsxStyles, b store.Bundle, today store.Date) error {
	sheet := SheetSummary
	headings := []any{"TT", "Lĩnh vực"}
	for _, st := range summaryStatuses {
		headings = append(headings, string(st))
	}
	headings = append(headings, "Tổng số")
	if err := setStyledRow(f, sheet, summaryHeaderRow, headings, styles.header, styles.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, summaryHeaderRow, 2*excelLineHeight+rowPadding); err != nil {
		return err
	}
	face, err := faceAdvances(false)
	if err != nil {
		return err
	}
	row := summaryHeaderRow
	for _, area := range b.Areas {
		row++
		counts := store.StatusCounts(area.Tasks, today)
		values := []any{area.Numeral, area.Name}
		for _, st := range summaryStatuses {
			values = append(values, counts[st])
		}
		if err := setStyledRow(f, sheet, row, values, styles.summaryLabel, styles.count); err != nil {
			return err
		}
		if err := setRowTotal(f, sheet, row, styles.count); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, row, rowHeight(face, tableSize, []string{area.Name}, summaryWidths[1:2])); err != nil {
			return err
		}
	}
	return writeSummaryTotals(f, styles, row)
}

// setStyledRow writes values from column A on; the second cell, the
// area's name, takes labelStyle, the others valueStyle.
func setStyledRow(f *excelize.File, sheet string, row int, values []any, labelStyle, valueStyle int) error {
	if err := f.SetSheetRow(sheet, cellName(1, row), &values); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName(1, row), cellName(len(values), row), valueStyle); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cellName(2, row), cellName(2, row), labelStyle)
}

// setRowTotal adds the formula summing a row's status counts.
func setRowTotal(f *excelize.File, sheet string, row, style int) error {
	first, last := cellName(3, row), cellName(2+len(summaryStatuses), row)
	total := cellName(3+len(summaryStatuses), row)
	// StatusCounts counts each task once, by the status it shows, so the
	// columns add up to the area's number of tasks.
	if err := f.SetCellFormula(sheet, total, fmt.Sprintf("SUM(%s:%s)", first, last)); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, total, total, style)
}

// writeSummaryTotals writes the row of column totals under the last area.
func writeSummaryTotals(f *excelize.File, styles *xlsxStyles, lastAreaRow int) error {
	sheet := SheetSummary
	row := lastAreaRow + 1
	if err := f.SetCellValue(sheet, cellName(2, row), "Tổng cộng"); err != nil {
		return err
	}
	for col := 3; col <= len(summaryWidths); col++ {
		formula := fmt.Sprintf("SUM(%s:%s)", cellName(col, summaryHeaderRow+1), cellName(col, max(lastAreaRow, summaryHeaderRow+1)))
		if err := f.SetCellFormula(sheet, cellName(col, row), formula); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, cellName(1, row), cellName(2, row), styles.totalLabel); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cellName(3, row), cellName(len(summaryWidths), row), styles.totalCount)
}

// addSummaryChart draws the counts as stacked columns, one per area, under
// the table.
func addSummaryChart(f *excelize.File, areas int) error {
	if areas == 0 {
		return nil
	}
	sheet := "'" + SheetSummary + "'"
	firstRow, lastRow := summaryHeaderRow+1, summaryHeaderRow+areas
	var series []excelize.ChartSeries
	for i := range summaryStatuses {
		col := colName(3 + i)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", sheet, col, summaryHeaderRow),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheet, firstRow, lastRow),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, col, firstRow, col, lastRow),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{statusColours[i]}},
		})
	}
	chart := &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Nhiệm vụ theo lĩnh vực và trạng thái"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 900, Height: 380},
	}
	anchor := cellName(1, lastRow+3)
	if err := f.AddChart(SheetSummary, anchor, chart); err != nil {
		return fmt.Errorf("summary chart: %w", err)
	}
	return nil
}

// statusColours are the chart's colours in the order of summaryStatuses:
// grey not started, blue in progress, green done, light grey dropped, red
// overdue.
var statusColours = []string{"BFBFBF", "5B9BD5", "70AD47", "E7E6E6", "C00000"}
