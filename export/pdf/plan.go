package pdf

import (
	"context"
	"io"
	"strings"

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

// PlanOptions are the choices of a plan's PDF; the zero value prints the
// plan with its appendix.
type PlanOptions struct {
	Options
	Appendix AppendixMode
}

// WritePlanPDF writes a plan (and, as opts say, its appendix) as a PDF laid
// out as Decree 30/2020 prescribes, with the agency lines, signer and Nơi
// nhận of the plan's own copy.
func WritePlanPDF(ctx context.Context, w io.Writer, b store.Bundle, opts PlanOptions) (Result, error) {
	return Write(ctx, w, PlanDocument(b, opts.Appendix), opts.Options)
}

// PlanDocument fills the Decree 30 frame with a plan: its header, body and
// signer, and its task table as the appendix.
func PlanDocument(b store.Bundle, mode AppendixMode) Document {
	p := b.Plan
	doc := Document{
		Agency:       p.Agency,
		Number:       p.NumberLine(),
		DateLine:     p.DateLine(),
		Type:         p.DocType.Title(),
		Summary:      p.Summary,
		Lead:         append(append([]string(nil), p.LegalBasis...), p.Intro...),
		Sections:     p.Sections,
		Closing:      p.Closing,
		Distribution: p.Distribution,
		Signer:       p.Signer,
		Meta: Meta{
			Title:    p.DocType.Name() + " " + p.Ref(),
			Subject:  p.Summary,
			Keywords: []string{"cải cách hành chính", p.DocType.Name(), p.Ref()},
		},
	}
	if mode == WithoutAppendix {
		return doc
	}
	doc.Appendices = []Appendix{planAppendix(b)}
	if mode == AppendixOnly {
		doc.AppendicesOnly = true
		doc.Meta.Title = p.Appendix.Heading + " kèm theo " + doc.Meta.Title
		doc.Meta.Subject = p.Appendix.Title
	}
	return doc
}

// planAppendix is the plan's task table on landscape pages, under the
// heading the plan gives it.
func planAppendix(b store.Bundle) Appendix {
	return Appendix{
		Heading:   appendixTitleLines(b.Plan.Appendix),
		Note:      b.Plan.AppendixNote(),
		Landscape: true,
		Draw: func(ctx context.Context, l *layout, report func(float64)) error {
			return taskTable(ctx, l, b, report)
		},
	}
}

// appendixTitleLines returns the bold lines on top of the appendix: the
// heading as the plan has it, "BIỂU KẾ HOẠCH CHI TIẾT", and the title under
// it. When the heading is a numbering ("Phụ lục I"), the title is the
// appendix's name and prints in capitals.
func appendixTitleLines(a store.Appendix) []string {
	var lines []string
	if heading := strings.TrimSpace(a.Heading); heading != "" {
		lines = append(lines, heading)
	}
	title := strings.TrimSpace(a.Title)
	if title == "" {
		return lines
	}
	if strings.HasPrefix(strings.ToLower(a.Heading), "phụ lục") {
		title = strings.ToUpper(title)
	}
	return append(lines, title)
}
