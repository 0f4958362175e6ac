package xlsx

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export/internal/scratch"
	"github.com/kehoach/cchc/store"
)

// Sheet names of an exported workbook.
const (
	SheetPlan     = "Biểu kế hoạch"
	SheetTracking = "Theo dõi"
	SheetSummary  = "Tổng hợp"
)

// defaultAppendixHeading heads a plan sheet whose plan gives its appendix no
// heading of its own.
const defaultAppendixHeading = "BIỂU KẾ HOẠCH CHI TIẾT"

// planWidths are the widths of the plan sheet's six columns in Excel's
// character units: together about 252 mm, the width of A4 landscape inside
// Decree 30's margins.
var planWidths = []float64{6, 50, 22, 18, 18, 14}

// XLSXOptions tune an exported workbook.
type XLSXOptions struct {
	// Unit, when set, keeps only the tasks this unit leads: the workbook a
	// division fills in and sends back.
	Unit string
	// Today is the day the workbook is exported, the reporting date the
	// summary sheet counts the tasks' states on; zero means store.Today().
	// The tracking sheet records it, so that a returned sheet is known to
	// hold no news later than that day.
	Today store.Date
	// Standings are where the tasks stand on Today, by task id, as
	// Store.Standings gives them; a task missing is judged from its own
	// summary (store.SummaryStanding) under the default rules.
	Standings map[uint64]store.Standing
	// Margins are the page margins; the zero value means store.DefaultMargins.
	Margins store.Margins
	// Progress, when set, is told the fraction of the work done.
	Progress func(fraction float64)
}

func (o XLSXOptions) report(fraction float64) {
	if o.Progress != nil {
		o.Progress(fraction)
	}
}

// WriteXLSX writes a plan's appendix as a print-ready workbook: the "Biểu kế
// hoạch" sheet (A4 landscape, one page wide, the header row repeated, page
// numbers at the top), a "Theo dõi" sheet to record progress with hidden
// task ids and content fingerprints, and a "Tổng hợp" sheet counting tasks
// by area and status with a chart. It stops with ctx.Err() when ctx is
// cancelled.
func WriteXLSX(ctx context.Context, w io.Writer, b store.Bundle, opts XLSXOptions) error {
	if opts.Unit != "" {
		var err error
		if b, err = b.LedBy(opts.Unit); err != nil {
			return err
		}
	}
	f, closeFile, err := newScratchFile()
	if err != nil {
		return err
	}
	defer closeFile()
	styles, err := prepareWorkbook(f)
	if err != nil {
		return err
	}
	steps := []func() error{
		func() error { return writePlanSheet(ctx, f, styles, b, opts) },
		func() error { return writeTrackingSheet(ctx, f, styles, b, opts) },
		func() error { return writeSummarySheet(f, styles, b, opts) },
	}
	return fillAndWrite(ctx, f, w, steps, opts)
}

// newScratchFile starts a workbook whose large sheets excelize spills into
// a folder of ours (package scratch), never the system's temporary folder;
// closeFile closes the workbook and removes the folder with all it holds.
func newScratchFile() (f *excelize.File, closeFile func(), err error) {
	tmpDir, removeTmp, err := scratch.Dir()
	if err != nil {
		return nil, nil, err
	}
	f = excelize.NewFile(excelize.Options{TmpDir: tmpDir})
	return f, func() { f.Close(); removeTmp() }, nil
}

// fillAndWrite runs the steps that fill the workbook, stopping at the first
// error or with ctx.Err() once ctx is cancelled, then writes it to w.
func fillAndWrite(ctx context.Context, f *excelize.File, w io.Writer, steps []func() error, opts XLSXOptions) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	opts.report(1)
	return nil
}

// prepareWorkbook names the sheets, sets the default font and asks Excel to
// compute the formulas when it opens the file.
func prepareWorkbook(f *excelize.File) (*xlsxStyles, error) {
	return prepareSheets(f, SheetPlan, SheetTracking, SheetSummary)
}

// writePlanSheet writes the "Biểu kế hoạch" sheet.
func writePlanSheet(ctx context.Context, f *excelize.File, styles *xlsxStyles, b store.Bundle, opts XLSXOptions) error {
	titles := planTitleRows(b.Plan, opts.Unit)
	headerRow := len(titles) + 1
	s, err := newStreamSheet(f, SheetPlan, planWidths, nil, headerRow)
	if err != nil {
		return err
	}
	for _, t := range titles {
		if err := s.titleRow(t.text, t.style(styles), t.bold, t.size); err != nil {
			return err
		}
	}
	headings := b.Plan.ColumnHeadings()
	if err := s.headerRow(headings[:], styles.header); err != nil {
		return err
	}
	err = forEachRow(ctx, b, 0, 0.45, opts,
		func(a store.AreaTasks) error { return s.groupRow(a.Numeral, a.Name, styles) },
		func(t store.Task) error { return s.cellsRow(planCells(t), planCellStyles(styles)) })
	if err != nil {
		return err
	}
	if err := setupPrint(f, SheetPlan, headerRow, opts.Margins); err != nil {
		return err
	}
	return flushSheet(s)
}

func flushSheet(s *streamSheet) error {
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	return nil
}

// titleLine is one title row above a table.
type titleLine struct {
	text         string
	bold, italic bool
	left         bool
	size         float64
}

func (t titleLine) style(styles *xlsxStyles) int {
	switch {
	case t.left:
		return styles.agency
	case t.italic:
		return styles.note
	default:
		return styles.title
	}
}

// planTitleRows are the lines above the plan sheet's table: the agency, the
// appendix heading and title, the reference line, and the unit when the
// workbook is one division's.
func planTitleRows(p store.Plan, unit string) []titleLine {
	var lines []titleLine
	if name := strings.TrimSpace(p.Agency.Name); name != "" {
		lines = append(lines, titleLine{text: strings.ToUpper(name), bold: true, left: true, size: tableSize})
	}
	heading := p.Appendix.Heading
	if heading == "" {
		heading = defaultAppendixHeading
	}
	lines = append(lines, titleLine{text: heading, bold: true, size: titleSize})
	if p.Appendix.Title != "" {
		lines = append(lines, titleLine{text: p.Appendix.Title, bold: true, size: titleSize})
	}
	if p.Ref() != "" && !p.IssueDate.IsZero() {
		lines = append(lines, titleLine{text: p.AppendixNote(), italic: true, size: titleSize})
	}
	if unit != "" {
		lines = append(lines, titleLine{text: UnitLinePrefix + unit, italic: true, size: titleSize})
	}
	return lines
}

// UnitLinePrefix starts the title line naming the division a workbook is for.
const UnitLinePrefix = "Đơn vị chủ trì: "

// planCells are a task's cells on the plan sheet.
func planCells(t store.Task) []any {
	return []any{t.Ordinal, t.Content, t.Product, t.Lead, store.JoinUnits(t.Coordinating), t.Timeline.Text}
}

func planCellStyles(styles *xlsxStyles) []int {
	return []int{styles.centeredCell, styles.textCell, styles.textCell, styles.textCell, styles.textCell, styles.centeredCell}
}

// forEachRow calls area and task for every area and task in order, checking
// ctx and reporting progress from start to start+share as it goes.
func forEachRow(ctx context.Context, b store.Bundle, start, share float64, opts XLSXOptions,
	area func(store.AreaTasks) error, task func(store.Task) error) error {
	total := max(b.TaskCount(), 1)
	done := 0
	for _, a := range b.Areas {
		if err := area(a); err != nil {
			return err
		}
		for _, t := range a.Tasks {
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				opts.report(start + share*float64(done)/float64(total))
			}
			if err := task(t); err != nil {
				return err
			}
			done++
		}
	}
	return nil
}

// setupPrint prints a sheet on A4 landscape, one page wide, with its header
// row repeated on every page, the page number centred at the top from the
// second page on, and Decree 30's margins. A headerRow of 0 fits the sheet
// on one page instead, with nothing repeated.
func setupPrint(f *excelize.File, sheet string, headerRow int, margins store.Margins) error {
	size, landscape, oneWide, anyHigh := 9, "landscape", 1, 0
	if headerRow == 0 {
		anyHigh = 1
	}
	var firstPage uint = 1 // each sheet is numbered on its own
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &landscape, FitToWidth: &oneWide, FitToHeight: &anyHigh, FirstPageNumber: &firstPage,
	}); err != nil {
		return fmt.Errorf("sheet %s page layout: %w", sheet, err)
	}
	if err := f.SetPageMargins(sheet, pageMargins(margins.OrDefault())); err != nil {
		return fmt.Errorf("sheet %s margins: %w", sheet, err)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		DifferentFirst: true,
		OddHeader:      `&C&"` + documentFont + `,Regular"&13&P`,
	}); err != nil {
		return fmt.Errorf("sheet %s page header: %w", sheet, err)
	}
	if headerRow == 0 {
		return nil
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow),
		Scope:    sheet,
	}); err != nil {
		return fmt.Errorf("sheet %s print titles: %w", sheet, err)
	}
	return nil
}

// pageMargins converts margins in millimetres to excelize's inches; the
// page number sits in the middle of the top margin.
func pageMargins(m store.Margins) *excelize.PageLayoutMarginsOptions {
	inches := func(mm float64) *float64 { v := mm / 25.4; return &v }
	return &excelize.PageLayoutMarginsOptions{
		Top: inches(m.Top), Bottom: inches(m.Bottom), Left: inches(m.Left), Right: inches(m.Right),
		Header: inches(m.Top / 2), Footer: inches(m.Bottom / 2),
	}
}
