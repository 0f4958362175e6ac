package pdf

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/store"
)

// WriteReportPDF writes a periodic report with its appendices as a PDF laid
// out as Decree 30/2020 prescribes.
func WriteReportPDF(ctx context.Context, w io.Writer, r reporting.Report, t reporting.ReportTables, opts Options) (Result, error) {
	return Write(ctx, w, ReportDocument(r, t), opts)
}

// ReportDocument fills the Decree 30 frame with a periodic report (Báo cáo
// kết quả thực hiện công tác cải cách hành chính): its number left blank
// until assigned, Kính gửi, the outline of its sections, Nơi nhận and the
// signer; then its appendices on landscape pages, each numbered on its
// own: the task-progress table, the figures, the targets, the chart of
// states by area.
func ReportDocument(r reporting.Report, t reporting.ReportTables) Document {
	lead, sections, closing := r.Body()
	note := r.AppendixNote()
	return Document{
		Agency:       r.Agency,
		Number:       r.NumberLine(),
		DateLine:     r.DateLine(),
		Type:         store.DocReport.Title(),
		Summary:      r.Summary,
		Recipients:   r.Recipients,
		Lead:         lead,
		Sections:     sections,
		Closing:      closing,
		Distribution: r.Distribution,
		Signer:       r.Signer,
		Appendices: []Appendix{
			reportAppendix("I", "Tình hình thực hiện các nhiệm vụ cải cách hành chính", note, func(ctx context.Context, l *layout, report func(float64)) error {
				return progressTable(ctx, l, t, report)
			}),
			reportAppendix("II", "Số liệu thống kê về giải quyết thủ tục hành chính", note, func(_ context.Context, l *layout, _ func(float64)) error {
				figuresTable(l, t.Figures)
				return nil
			}),
			reportAppendix("III", "Kết quả thực hiện các chỉ tiêu của Kế hoạch", note, func(_ context.Context, l *layout, _ func(float64)) error {
				targetsTable(l, t.Targets)
				return nil
			}),
			reportAppendix("IV", "Biểu đồ tình hình thực hiện nhiệm vụ theo lĩnh vực", note, func(ctx context.Context, l *layout, _ func(float64)) error {
				return stateChart(ctx, l, t)
			}),
		},
		Meta: Meta{
			Title:    "Báo cáo " + r.Period.Name(),
			Subject:  r.Summary,
			Keywords: []string{"cải cách hành chính", store.DocReport.Name(), r.Period.Name()},
		},
	}
}

// reportAppendix is one numbered appendix of a report on landscape pages.
func reportAppendix(numeral, title, note string, draw func(context.Context, *layout, func(float64)) error) Appendix {
	return Appendix{Heading: []string{"Phụ lục " + numeral, strings.ToUpper(title)}, Note: note, Landscape: true, Draw: draw}
}

// progressShares are the widths of the task-progress table's columns: TT,
// content, lead unit, timeline, result, evidence, state.
var progressShares = []float64{0.045, 0.355, 0.12, 0.08, 0.2, 0.1, 0.1}

// The task-progress table is set a point smaller than the plan's own
// appendix: seven columns where the plan has six, so that a year's report
// of a large plan keeps to as few pages as the plan's table.
var (
	progressHeadStyle = textStyle{fonts.Bold, 11}
	progressCellStyle = textStyle{fonts.Regular, 11}
)

// progressHeadings are its column headings.
var progressHeadings = []string{"TT", "Nội dung", "Đơn vị chủ trì", "Thời gian", "Kết quả thực hiện", "Tài liệu kiểm chứng", "Trạng thái"}

// progressTable lays out every task by area with its result, evidence and
// state, under a header row repeated on every page.
func progressTable(ctx context.Context, l *layout, t reporting.ReportTables, report func(float64)) error {
	tb := newTable(l, progressShares, progressHeadings, progressHeadStyle)
	tb.start()
	total := 0
	for _, a := range t.Areas {
		total += len(a.Tasks)
	}
	done := 0
	for _, a := range t.Areas {
		if a.Name != "" {
			var first *row
			if len(a.Tasks) > 0 {
				r := progressRow(tb, a.Tasks[0])
				first = &r
			}
			tb.addHeading(spanRow(tb, a.Numeral, a.Name, progressHeadStyle), first)
		}
		for _, task := range a.Tasks {
			tb.add(progressRow(tb, task))
			if done++; done%progressEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				report(float64(done) / float64(max(total, 1)))
			}
		}
	}
	return ctx.Err()
}

// spanRow makes a group row: its numeral, then its name across the other
// columns, in the bold style given.
func spanRow(tb *table, numeral, name string, bold textStyle) row {
	return tb.row(
		tb.cell(0, 1, numeral, bold, "C"),
		tb.cell(1, len(tb.xs)-2, name, bold, "L"),
	)
}

func progressRow(tb *table, t reporting.TaskProgress) row {
	return tb.row(
		tb.cell(0, 1, t.Ordinal, progressCellStyle, "C"),
		tb.cell(1, 1, t.Content, progressCellStyle, "L"),
		tb.cell(2, 1, t.Lead, progressCellStyle, "L"),
		tb.cell(3, 1, t.Timeline, progressCellStyle, "C"),
		tb.cell(4, 1, t.ResultWithReason(), progressCellStyle, "L"),
		tb.cell(5, 1, t.Evidence, progressCellStyle, "L"),
		tb.cell(6, 1, t.StatusText(), progressCellStyle, "C"),
	)
}

// figuresShares are the widths of the figures table: TT, figure, unit,
// value, note.
var figuresShares = []float64{0.06, 0.46, 0.12, 0.12, 0.24}

// figuresTable lists the period's figures, entered or left blank, and the
// shares computed from them.
func figuresTable(l *layout, rows []reporting.FigureRow) {
	tb := newTable(l, figuresShares, []string{"TT", "Chỉ số", "Đơn vị tính", "Số liệu", "Ghi chú"}, tableHeadStyle)
	tb.start()
	for i, f := range rows {
		tb.add(tb.row(
			tb.cell(0, 1, strconv.Itoa(i+1), tableCellStyle, "C"),
			tb.cell(1, 1, f.Label, tableCellStyle, "L"),
			tb.cell(2, 1, f.Unit, tableCellStyle, "C"),
			tb.cell(3, 1, f.ValueText(), tableCellStyle, "C"),
			tb.cell(4, 1, f.Note(), tableCellStyle, "L"),
		))
	}
}

// targetsShares are the widths of the targets table: code, target, goal,
// actual, verdict, note.
var targetsShares = []float64{0.08, 0.4, 0.13, 0.13, 0.1, 0.16}

// targetsTable lists the targets with their goal, actual and verdict.
func targetsTable(l *layout, rows []reporting.TargetRow) {
	tb := newTable(l, targetsShares, []string{"Mã", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá", "Ghi chú"}, tableHeadStyle)
	tb.start()
	for _, t := range rows {
		tb.add(tb.row(
			tb.cell(0, 1, t.Code, tableCellStyle, "C"),
			tb.cell(1, 1, t.Indicator, tableCellStyle, "L"),
			tb.cell(2, 1, t.Goal, tableCellStyle, "C"),
			tb.cell(3, 1, t.Actual, tableCellStyle, "C"),
			tb.cell(4, 1, t.Verdict.Title(), tableCellStyle, "C"),
			tb.cell(5, 1, t.Note, tableCellStyle, "L"),
		))
	}
}
