package xlsx

import (
	"fmt"

	"github.com/kehoach/cchc/store/db"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/store"
)

// summaryWidths are the summary sheet's column widths: numeral, area name,
// one per computed state (store.States), total.
var summaryWidths = []float64{6, 38, 12, 12, 12, 12, 12, 12, 10}

// summaryHeaderRow is the row of the summary table's headings.
const summaryHeaderRow = 3

// writeSummarySheet writes the "Tổng hợp" sheet: tasks counted by area and
// by their computed state on the export day, each task in exactly one state
// so that the states add up to the tasks, totals as formulas, and a stacked
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
	subtitle := fmt.Sprintf("%s số %s · tính đến ngày %s", b.Plan.DocType.Name(), b.Plan.Ref(), exportDay(opts))
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
	if err := writeSummaryTable(f, styles, b, opts); err != nil {
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
func writeSummaryTable(f *excelize.File, styles *xlsxStyles, b store.Bundle, opts XLSXOptions) error {
	sheet := SheetSummary
	headings := []any{"TT", "Lĩnh vực"}
	for _, st := range store.States {
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
		counts := areaStates(area.Tasks, opts)
		values := []any{area.Numeral, area.Name}
		for _, st := range store.States {
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

// areaStates counts an area's tasks by their state on the export day.
func areaStates(tasks []store.Task, opts XLSXOptions) map[store.State]int {
	standings := make([]db.TaskStanding, len(tasks))
	for i, t := range tasks {
		standings[i] = db.TaskStanding{Task: t, Standing: standingOf(opts, t)}
	}
	return db.CountStates(standings)
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
	first, last := cellName(3, row), cellName(2+len(store.States), row)
	total := cellName(3+len(store.States), row)
	// Every task has exactly one state, so the columns add up to the
	// area's number of tasks.
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
// the table: dark labels in the document's font, and fills that stay apart
// when printed in black and white (stateFills).
func addSummaryChart(f *excelize.File, areas int) error {
	if areas == 0 {
		return nil
	}
	sheet := "'" + SheetSummary + "'"
	firstRow, lastRow := summaryHeaderRow+1, summaryHeaderRow+areas
	var series []excelize.ChartSeries
	for i := range store.States {
		col := colName(3 + i)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", sheet, col, summaryHeaderRow),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheet, firstRow, lastRow),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, col, firstRow, col, lastRow),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{stateFills[i]}},
		})
	}
	label := excelize.Font{Family: documentFont, Size: 11, Color: chartInk}
	title := label
	title.Size, title.Bold = titleSize, true
	chart := &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Nhiệm vụ theo lĩnh vực và tình hình thực hiện", Font: &title}}, Font: &title},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &label},
		XAxis:     excelize.ChartAxis{Font: label},
		YAxis:     excelize.ChartAxis{Font: label, MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: 900, Height: 400},
	}
	anchor := cellName(1, lastRow+3)
	if err := f.AddChart(SheetSummary, anchor, chart); err != nil {
		return fmt.Errorf("summary chart: %w", err)
	}
	return nil
}

// chartInk is the colour of the chart's text: black, legible on paper.
const chartInk = "000000"

// stateFills are the chart's fills in the order of store.States. Their
// greys (luma) are about 207, 131, 57, 169, 93 and 13 of 255: at least 36
// apart, and neighbours in a column at least 74 apart, so the states stay
// apart in black and white. Not started light grey, in progress blue,
// overdue red, done on time green, done late brown, dropped near black.
var stateFills = []string{"CFCFCF", "4F8FCC", "C00000", "8FC26A", "A04D00", "0D0D0D"}
