package export

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/files"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/export/pdf"
	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/store"
)

// Kind is what a document holds.
type Kind string

// The kinds of document a plan prints as.
const (
	// KindPlan is the plan with its appendix, the task table, in one file.
	KindPlan Kind = "plan"
	// KindPlanAlone is the plan without its appendix.
	KindPlanAlone Kind = "plan-alone"
	// KindAppendix is the task table alone: a PDF of its own with room for
	// the agency's digital signature, or the workbook.
	KindAppendix Kind = "appendix"
)

// Format is a document's file format.
type Format string

// The file formats.
const (
	PDF  Format = "pdf"
	XLSX Format = "xlsx"
)

// Formats lists the formats in the order help texts name them.
var Formats = []Format{PDF, XLSX}

// Source is what printing needs of the store.
type Source interface {
	Bundle(planID uint64) (store.Bundle, error)
	Settings() (store.Settings, error)
	Standings(planID uint64, asOf store.Date) ([]db.TaskStanding, error)
}

// Request says which document to print and where.
type Request struct {
	PlanID uint64
	Kind   Kind
	Format Format
	// Unit, for a workbook, keeps only the tasks this unit leads: the sheet
	// a division fills in and sends back.
	Unit string
	// Path is the file to write; any earlier file there stays as it was
	// unless the whole document is written.
	Path string
	// Today is the day statuses are counted against, and the export day a
	// workbook's tracking sheet records; zero means store.Today().
	Today store.Date
	// Progress, when set, is told the fraction of the work done.
	Progress func(fraction float64)
	// Font is the PDF's typeface; nil means fonts.DocumentFont().
	Font *fonts.FontFamily
	// Created is the PDF's creation time; zero means now.
	Created time.Time
}

// Result tells what a document export wrote.
type Result struct {
	Plan store.Plan
	// Pages is the number of pages of a PDF.
	Pages int
	// Warnings are what the officer should check before signing.
	Warnings []pdf.Warning
}

// Check reports a request that cannot be printed, in Vietnamese.
func (r Request) Check() error {
	switch {
	case r.Format != PDF && r.Format != XLSX:
		return fmt.Errorf("%w: định dạng %q không hỗ trợ: dùng pdf hoặc xlsx", store.ErrInvalid, r.Format)
	case r.Kind != KindPlan && r.Kind != KindPlanAlone && r.Kind != KindAppendix:
		return fmt.Errorf("%w: không có loại văn bản %q", store.ErrInvalid, r.Kind)
	case r.Format == XLSX && r.Kind != KindAppendix:
		return fmt.Errorf("%w: tệp Excel chỉ chứa biểu kế hoạch chi tiết", store.ErrInvalid)
	case r.Format == PDF && r.Unit != "":
		return fmt.Errorf("%w: chỉ tệp Excel lọc được theo đơn vị: văn bản PDF để trình ký phải đủ mọi nhiệm vụ", store.ErrInvalid)
	case strings.TrimSpace(r.Path) == "":
		return fmt.Errorf("%w: chưa chọn tệp để ghi", store.ErrInvalid)
	}
	return nil
}

// Export prints a plan as the request says, writing the file whole or not
// at all: a failure or a cancel leaves any earlier file at the path as it
// was. It stops with ctx.Err() when ctx is cancelled.
func Export(ctx context.Context, src Source, req Request) (Result, error) {
	if err := req.Check(); err != nil {
		return Result{}, err
	}
	settings, err := src.Settings()
	if err != nil {
		return Result{}, err
	}
	b, err := src.Bundle(req.PlanID)
	if err != nil {
		return Result{}, err
	}
	result := Result{Plan: b.Plan}
	err = files.WriteFileAtomic(req.Path, func(w io.Writer) error {
		var writeErr error
		switch req.Format {
		case PDF:
			result.Pages, result.Warnings, writeErr = writePDF(ctx, w, b, settings, req)
		default:
			writeErr = writeWorkbook(ctx, w, src, b, settings, req)
		}
		if writeErr != nil {
			return writeErr
		}
		return ctx.Err() // a cancel at the last moment still keeps the old file
	})
	return result, err
}

func writePDF(ctx context.Context, w io.Writer, b store.Bundle, settings store.Settings, req Request) (int, []pdf.Warning, error) {
	opts := pdf.PlanOptions{Appendix: appendixMode(req.Kind), Options: pdf.Options{Margins: settings.Margins,
		Font: req.Font, Created: req.Created, Progress: req.Progress}}
	result, err := pdf.WritePlanPDF(ctx, w, b, opts)
	if err != nil && ctx.Err() == nil {
		return 0, nil, fmt.Errorf("không tạo được PDF của kế hoạch %s: %w", b.Plan.Ref(), err)
	}
	return result.Pages, result.Warnings, err
}

func appendixMode(kind Kind) pdf.AppendixMode {
	switch kind {
	case KindPlanAlone:
		return pdf.WithoutAppendix
	case KindAppendix:
		return pdf.AppendixOnly
	}
	return pdf.WithAppendix
}

// writeWorkbook writes the workbook with every task's standing on the
// export day.
func writeWorkbook(ctx context.Context, w io.Writer, src Source, b store.Bundle, settings store.Settings, req Request) error {
	today := req.Today
	if today.IsZero() {
		today = store.Today()
	}
	standings, err := src.Standings(req.PlanID, today)
	if err != nil {
		return err
	}
	byTask := make(map[uint64]store.Standing, len(standings))
	for _, ts := range standings {
		byTask[ts.Task.ID] = ts.Standing
	}
	opts := xlsx.XLSXOptions{Unit: req.Unit, Today: today, Standings: byTask, Margins: settings.Margins, Progress: req.Progress}
	return xlsx.WriteXLSX(ctx, w, b, opts)
}

// SuggestedName is the file name a save dialog offers for a document:
// "Kế hoạch 122-KH-SKH năm 2023.pdf", "Biểu kế hoạch 122-KH-SKH năm
// 2023 - Văn phòng Sở.xlsx".
func SuggestedName(plan store.Plan, kind Kind, format Format, unit string) string {
	name := plan.DocType.Name()
	if kind == KindAppendix {
		name = "Biểu kế hoạch chi tiết"
		if format == XLSX {
			name = "Biểu kế hoạch"
		}
	}
	name = fmt.Sprintf("%s %s năm %d", name, plan.Ref(), plan.Year)
	if unit != "" {
		name += " - " + unit
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name)
	return name + "." + string(format)
}
