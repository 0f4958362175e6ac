package xlsx

import (
	"fmt"

	"github.com/kehoach/cchc/store/reporting"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export/internal/palette"
)

// reportChartWidths are the chart sheet's columns: numeral, area, one per
// state, total.
var reportChartWidths = []float64{6, 40, 12, 12, 12, 12, 12, 12, 10}

// chartFont is the font of every label of the chart: the document's, dark.
func chartFont(size float64, bold bool, colour string) excelize.Font {
	return excelize.Font{Family: documentFont, Size: size, Bold: bold, Color: colour}
}

// writeReportChart writes the tasks counted by area and state, with the
// totals as formulas, and under them a native stacked-bar chart of the
// counts, one bar an area.
func writeReportChart(f *excelize.File, styles *xlsxStyles, r reporting.Report, t reporting.ReportTables, note string, opts XLSXOptions) error {
	sheet := SheetReportChart
	for col, width := range reportChartWidths {
		if err := f.SetColWidth(sheet, colName(col+1), colName(col+1), width); err != nil {
			return fmt.Errorf("chart column width: %w", err)
		}
	}
	titles := appendixTitles(r, "IV", "Biểu đồ tình hình thực hiện nhiệm vụ theo lĩnh vực", note)
	for i, line := range titles {
		if err := setMergedText(f, sheet, i+1, len(reportChartWidths), line.text, line.style(styles)); err != nil {
			return err
		}
	}
	header := len(titles) + 1
	areas := chartAreas(t)
	if err := writeCountTable(f, styles, header, areas); err != nil {
		return err
	}
	if err := addStateChart(f, header, len(areas)); err != nil {
		return err
	}
	if err := setupPrint(f, sheet, 0, opts.Margins); err != nil {
		return err
	}
	fit := true
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// chartAreas are the areas with tasks.
func chartAreas(t reporting.ReportTables) []reporting.AreaProgress {
	var out []reporting.AreaProgress
	for _, a := range t.Areas {
		if a.Total() > 0 {
			out = append(out, a)
		}
	}
	return out
}

// writeCountTable writes the headings, one row per area and the totals.
func writeCountTable(f *excelize.File, styles *xlsxStyles, header int, areas []reporting.AreaProgress) error {
	sheet := SheetReportChart
	headings := []any{"TT", "Lĩnh vực"}
	for _, s := range palette.ChartStates {
		headings = append(headings, string(s))
	}
	headings = append(headings, "Tổng số")
	if err := setStyledRow(f, sheet, header, headings, styles.header, styles.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, header, 2*excelLineHeight+rowPadding); err != nil {
		return err
	}
	face, err := faceAdvances(false)
	if err != nil {
		return err
	}
	for i, a := range areas {
		row := header + 1 + i
		values := []any{a.Numeral, a.Name}
		for _, s := range palette.ChartStates {
			values = append(values, a.Counts[s])
		}
		if err := setStyledRow(f, sheet, row, values, styles.summaryLabel, styles.count); err != nil {
			return err
		}
		if err := sumFormula(f, sheet, cellName(len(values)+1, row), cellName(3, row), cellName(len(values), row), styles.count); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, row, rowHeight(face, tableSize, []string{a.Name}, reportChartWidths[1:2])); err != nil {
			return err
		}
	}
	return writeCountTotals(f, styles, header, len(areas))
}

// sumFormula writes SUM(from:to) into cell, in style.
func sumFormula(f *excelize.File, sheet, cell, from, to string, style int) error {
	if err := f.SetCellFormula(sheet, cell, fmt.Sprintf("SUM(%s:%s)", from, to)); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

// writeCountTotals writes the row of column totals under the areas.
func writeCountTotals(f *excelize.File, styles *xlsxStyles, header, areas int) error {
	sheet := SheetReportChart
	row := header + areas + 1
	if err := f.SetCellValue(sheet, cellName(2, row), "Tổng cộng"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName(1, row), cellName(2, row), styles.totalLabel); err != nil {
		return err
	}
	for col := 3; col <= len(reportChartWidths); col++ {
		from, to := cellName(col, header+1), cellName(col, max(header+areas, header+1))
		if err := sumFormula(f, sheet, cellName(col, row), from, to, styles.totalCount); err != nil {
			return err
		}
	}
	return nil
}

// addStateChart draws the counts as horizontal stacked bars, the first
// area on top, each state in its palette colour with its count inside in
// white or black as the colour asks, under the count table.
func addStateChart(f *excelize.File, header, areas int) error {
	if areas == 0 {
		return nil
	}
	sheet := "'" + SheetReportChart + "'"
	first, last := header+1, header+areas
	var series []excelize.ChartSeries
	for i, s := range palette.ChartStates {
		col, colour := colName(3+i), palette.Of(s)
		label := "000000"
		if colour.Dark() {
			label = "FFFFFF"
		}
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", sheet, col, header),
			Categories: fmt.Sprintf("%s!$B$%d:$B$%d", sheet, first, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, col, first, col, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour.Hex()}},
			DataLabel:  excelize.ChartDataLabel{Font: chartFont(10, true, label)},
		})
	}
	axisFont, titleFont := chartFont(11, false, "000000"), chartFont(13, true, "000000")
	gap, varied := uint(60), false
	chart := &excelize.Chart{
		Type:       excelize.BarStacked,
		Series:     series,
		Title:      excelize.ChartTitle{Font: &titleFont, Paragraph: []excelize.RichTextRun{{Text: "Nhiệm vụ theo lĩnh vực và tình trạng", Font: &titleFont}}},
		Legend:     excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Family: documentFont, Size: 11, Color: "000000"}},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Font: axisFont},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;-0;;@"}},
		Dimension:  excelize.ChartDimension{Width: 960, Height: uint(min(160+40*areas, 1400))},
		GapWidth:   &gap,
		VaryColors: &varied,
	}
	if err := f.AddChart(SheetReportChart, cellName(1, last+3), chart); err != nil {
		return fmt.Errorf("report chart: %w", err)
	}
	return nil
}
