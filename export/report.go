package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/files"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/export/pdf"
	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/draft"
)

// ReportStore is what the report actions need of the store.
type ReportStore interface {
	Settings() (store.Settings, error)
	ReportData(planID uint64, p store.Period, asOf store.Date) (db.ReportData, error)
	LatestReport(planID uint64, p store.Period) (reporting.Report, error)
	CreateReport(r *reporting.Report) error
	SaveReport(r reporting.Report) (reporting.Report, error)
	MarkReportSent(planID, id uint64, sent db.Sending) (reporting.Report, error)
	ReportTables(planID, id uint64) (reporting.ReportTables, bool, error)
}

// DraftRequest asks for a period's report to be drafted from the data.
type DraftRequest struct {
	PlanID uint64
	Period store.Period
	// AsOf is the day the data are counted to; zero means the report's own
	// day, or for a new report the period's last day.
	AsOf store.Date
	// Mode says what to do with the officer's edits when the report exists.
	Mode reporting.RedraftMode
}

// DraftResult is what drafting did.
type DraftResult struct {
	Report reporting.Report
	// Created: the period had no report, and this one was made.
	Created bool
	// Conflicts are the edited headings and paragraphs the new draft
	// differs from; with RedraftAsk the report was left unchanged.
	Conflicts []reporting.RedraftConflict
	Tables    reporting.ReportTables
}

// DraftReport drafts a period's report from the data and saves it: a new
// report when the period has none, else the latest one redrafted, its
// edits kept as req.Mode says (with RedraftAsk, an edit the new draft
// would change leaves the report as it was and returns store.ErrEdited
// with the conflicts). Redrafting a sent report saves a new version.
func DraftReport(st ReportStore, req DraftRequest) (DraftResult, error) {
	existing, err := st.LatestReport(req.PlanID, req.Period)
	exists := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return DraftResult{}, err
	}
	settings, err := st.Settings()
	if err != nil {
		return DraftResult{}, err
	}
	r := existing
	if !exists {
		r = newReport(settings, req.PlanID, req.Period)
	}
	if !req.AsOf.IsZero() {
		r.AsOf = req.AsOf
	}
	in, err := draft.Read(st, req.PlanID, req.Period, r.AsOf)
	if err != nil {
		return DraftResult{}, err
	}
	if r.Agency.Name == "" { // settings without an agency: the plan's own
		r.Agency, r.Signer, r.Symbol = in.Bundle.Plan.Agency, in.Bundle.Plan.Signer, store.SymbolFor(store.DocReport, in.Bundle.Plan.Agency.Abbrev)
	}
	sections, tables := draft.Compose(in)
	r, conflicts, err := r.Redraft(sections, req.Mode)
	result := DraftResult{Report: r, Conflicts: conflicts, Tables: tables, Created: !exists}
	if err != nil {
		return result, err
	}
	r.Drafted, r.Tables = time.Now(), &tables
	if !exists {
		err = st.CreateReport(&r)
	} else {
		r, err = st.SaveReport(r)
	}
	result.Report = r
	return result, err
}

// newReport is a period's report before it is drafted: its header from the
// settings of today (agency, signer, Kính gửi), as of the period's end.
func newReport(settings store.Settings, planID uint64, p store.Period) reporting.Report {
	_, end := p.Bounds(settings.Periods)
	recipients := settings.RecipientsOrDefault()
	return reporting.Report{
		PlanID: planID, Period: p, AsOf: end, Symbol: store.SymbolFor(store.DocReport, settings.Agency.Abbrev),
		Agency: settings.Agency, Recipients: recipients, Summary: reporting.ReportSummary(p),
		Distribution: reportDistribution(settings.Distribution, recipients), Signer: settings.Signer,
	}
}

// reportDistribution is the Nơi nhận of a report: "Như trên;" for the
// Kính gửi, then the usual list without those it already names.
func reportDistribution(usual, recipients []string) []string {
	out := []string{"Như trên;"}
	for _, item := range usual {
		name := store.Fold(strings.TrimRight(strings.TrimSpace(item), ";."))
		if i := strings.Index(name, ";"); i >= 0 {
			name = strings.TrimSpace(name[:i])
		}
		named := false
		for _, r := range recipients {
			if name != "" && strings.HasPrefix(store.Fold(r), name) {
				named = true
			}
		}
		if !named {
			out = append(out, item)
		}
	}
	return out
}

// ReportTables returns the tables of a report's appendices: those saved
// with it (drafted with its text, frozen when it was sent), or, for a
// report saved without them, computed from the data as of its day.
func ReportTables(st ReportStore, r reporting.Report) (reporting.ReportTables, error) {
	if frozen, ok, err := st.ReportTables(r.PlanID, r.ID); err != nil || ok {
		return frozen, err
	}
	in, err := draft.Read(st, r.PlanID, r.Period, r.AsOf)
	if err != nil {
		return reporting.ReportTables{}, err
	}
	_, tables := draft.Compose(in)
	return tables, nil
}

// SendReport marks the latest report of a period sent under its number and
// date, freezing it with the tables of its appendices drafted with it.
func SendReport(st ReportStore, planID uint64, p store.Period, number string, date store.Date) (reporting.Report, error) {
	r, err := st.LatestReport(planID, p)
	if err != nil {
		return reporting.Report{}, err
	}
	tables, err := ReportTables(st, r)
	if err != nil {
		return reporting.Report{}, err
	}
	return st.MarkReportSent(planID, r.ID, db.Sending{Number: number, Date: date, Tables: &tables})
}

// ReportRequest says which report to print and where.
type ReportRequest struct {
	PlanID uint64
	Period store.Period
	// AsOf is the day of a report drafted now; zero means the period's end.
	AsOf   store.Date
	Format Format
	Path   string
	// Progress, when set, is told the fraction of the work done.
	Progress func(fraction float64)
	// Font is the PDF's typeface; nil means fonts.DocumentFont().
	Font *fonts.FontFamily
	// Created is the PDF's creation time; zero means now.
	Created time.Time
}

// ReportResult tells what printing a report wrote.
type ReportResult struct {
	Report reporting.Report
	// Drafted: the period had no report, and one was drafted and saved.
	Drafted  bool
	Pages    int
	Warnings []pdf.Warning
}

// PrintReport writes the saved report of a period as a PDF or a workbook,
// drafting and saving it first when the period has none. The file is
// written whole or not at all.
func PrintReport(ctx context.Context, st ReportStore, req ReportRequest) (ReportResult, error) {
	if req.Format != PDF && req.Format != XLSX {
		return ReportResult{}, fmt.Errorf("%w: định dạng %q không hỗ trợ: dùng pdf hoặc xlsx", store.ErrInvalid, req.Format)
	}
	if strings.TrimSpace(req.Path) == "" {
		return ReportResult{}, fmt.Errorf("%w: chưa chọn tệp để ghi", store.ErrInvalid)
	}
	var result ReportResult
	r, err := st.LatestReport(req.PlanID, req.Period)
	if errors.Is(err, store.ErrNotFound) {
		var drafted DraftResult
		drafted, err = DraftReport(st, DraftRequest{PlanID: req.PlanID, Period: req.Period, AsOf: req.AsOf})
		r, result.Drafted = drafted.Report, true
	}
	if err != nil {
		return ReportResult{}, err
	}
	result.Report = r
	tables, err := ReportTables(st, r)
	if err != nil {
		return ReportResult{}, err
	}
	settings, err := st.Settings()
	if err != nil {
		return ReportResult{}, err
	}
	err = files.WriteFileAtomic(req.Path, func(w io.Writer) error {
		if err := writeReport(ctx, w, r, tables, settings, req, &result); err != nil {
			return err
		}
		return ctx.Err()
	})
	return result, err
}

func writeReport(ctx context.Context, w io.Writer, r reporting.Report, t reporting.ReportTables, settings store.Settings, req ReportRequest, result *ReportResult) error {
	if req.Format == XLSX {
		return xlsx.WriteReportXLSX(ctx, w, r, t, xlsx.XLSXOptions{Margins: settings.Margins, Progress: req.Progress})
	}
	opts := pdf.Options{Margins: settings.Margins, Font: req.Font, Created: req.Created, Progress: req.Progress}
	written, err := pdf.WriteReportPDF(ctx, w, r, t, opts)
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("không tạo được PDF của báo cáo %s: %w", r.Period.Name(), err)
	}
	result.Pages, result.Warnings = written.Pages, written.Warnings
	return err
}
