package pdf

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/store"
)

// AppendixMode says whether the task table (Biểu kế hoạch chi tiết) goes
// with the plan and how.
type AppendixMode int

// The appendix modes.
const (
	// WithAppendix prints the plan, then its appendix on landscape pages
	// numbered on their own, in one file.
	WithAppendix AppendixMode = iota
	// WithoutAppendix prints the plan alone.
	WithoutAppendix
	// AppendixOnly prints the appendix as a file of its own, with the space
	// for the agency's digital signature at the top right of its first page.
	AppendixOnly
)

// PDFOptions are the choices of a PDF export; the zero value prints the plan
// with its appendix, with the default margins, in the document font.
type PDFOptions struct {
	Appendix AppendixMode
	// Margins are the page margins; zero means store.DefaultMargins.
	Margins store.Margins
	// Font is the typeface; nil means fonts.DocumentFont().
	Font *fonts.FontFamily
	// Creator names the program in the PDF's metadata; "" means "Kế hoạch CCHC".
	Creator string
	// Created is the creation time in the metadata; zero means now.
	Created time.Time
	// Progress, when set, is told how far the export has got, from 0 to 1.
	Progress func(fraction float64)
}

// Warning is something the officer should know about a document that was
// written all the same.
type Warning string

// WarningNoSignerName: the signer block was printed without a name.
const WarningNoSignerName Warning = "chưa có họ tên người ký: khối chữ ký được in không có dòng họ tên; " +
	"hãy nhập họ tên người ký rồi xuất lại"

// PDFResult tells what an export wrote.
type PDFResult struct {
	// Pages is the number of pages in the file.
	Pages int
	// Warnings are things the officer should check before signing.
	Warnings []Warning
}

// DefaultCreator is the program name the PDF metadata gives.
const DefaultCreator = "Kế hoạch CCHC"

// WritePlanPDF writes the plan (and, as opts say, its appendix) as a PDF laid
// out as Decree 30/2020 prescribes. It stops with ctx.Err() when ctx is
// cancelled. A plan whose signer has no name is printed without the name
// line, with a warning in the result: a name is never made up.
func WritePlanPDF(ctx context.Context, w io.Writer, doc store.Bundle, opts PDFOptions) (PDFResult, error) {
	font := fontOf(opts)
	opts.Font = &font // read the system's fonts once
	l, result, err := renderPlan(ctx, doc, opts)
	if err != nil {
		return PDFResult{}, err
	}
	renamer := newFontRenamer(w, font)
	if err := l.pdf.Output(renamer); err != nil {
		return PDFResult{}, fmt.Errorf("write PDF: %w", err)
	}
	if err := renamer.Flush(); err != nil {
		return PDFResult{}, fmt.Errorf("write PDF: %w", err)
	}
	if opts.Progress != nil {
		opts.Progress(1)
	}
	return result, nil
}

// fontOf returns the font the options ask for.
func fontOf(opts PDFOptions) fonts.FontFamily {
	if opts.Font != nil {
		return *opts.Font
	}
	return fonts.DocumentFont()
}

// layoutShare is the part of an export's time spent laying the pages out;
// the rest goes to compressing and writing them.
const layoutShare = 0.6

// renderPlan lays the document out in memory.
func renderPlan(ctx context.Context, doc store.Bundle, opts PDFOptions) (*layout, PDFResult, error) {
	margins := opts.Margins.OrDefault()
	if err := margins.Validate(); err != nil {
		return nil, PDFResult{}, err
	}
	font := fontOf(opts)
	for style, file := range font.Files {
		if err := fonts.CheckTrueType(file); err != nil {
			return nil, PDFResult{}, fmt.Errorf("font %s, style %d: %w", font.Name, style, err)
		}
	}
	l := newLayout(font, margins)
	setMetadata(l, doc.Plan, opts)
	report := func(float64) {}
	if opts.Progress != nil {
		report = opts.Progress
	}
	var result PDFResult
	if opts.Appendix != AppendixOnly {
		result.Warnings = writePlan(l, doc.Plan)
	}
	report(layoutShare / 10)
	if opts.Appendix != WithoutAppendix {
		if err := writeAppendix(ctx, l, doc, opts.Appendix == AppendixOnly, report); err != nil {
			return nil, PDFResult{}, err
		}
	}
	if err := l.err(); err != nil {
		return nil, PDFResult{}, fmt.Errorf("lay out PDF: %w", err)
	}
	result.Pages = l.pdf.PageCount()
	report(layoutShare)
	return l, result, nil
}

// setMetadata fills the document information and language.
func setMetadata(l *layout, plan store.Plan, opts PDFOptions) {
	title := plan.DocType.Name() + " " + plan.Ref()
	subject := plan.Summary
	if opts.Appendix == AppendixOnly {
		title = plan.Appendix.Heading + " kèm theo " + title
		subject = plan.Appendix.Title
	}
	creator := cmp.Or(opts.Creator, DefaultCreator)
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	l.pdf.SetTitle(title, true)
	l.pdf.SetSubject(subject, true)
	l.pdf.SetAuthor(plan.Agency.Name, true)
	l.pdf.SetCreator(creator, true)
	l.pdf.SetProducer(creator, true)
	l.pdf.SetKeywords(strings.Join([]string{"cải cách hành chính", plan.DocType.Name(), plan.Ref()}, "; "), true)
	l.pdf.SetLang("vi-VN")
	l.pdf.SetCreationDate(created)
	l.pdf.SetModificationDate(created)
}
