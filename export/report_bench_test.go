package export

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/export/internal/heappeak"
	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// yearOfTenThousand is a store with a synthetic plan of 10,000 tasks, a
// year of updates and its year report saved.
func yearOfTenThousand(b *testing.B) (*db.Store, store.Plan) {
	b.Helper()
	st, err := db.Open(filepath.Join(b.TempDir(), "demo.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	stored, err := demo.Store(st, demo.Options{Tasks: 10000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := DraftReport(st, DraftRequest{PlanID: stored.Plan.ID, Period: period(store.PeriodYear)}); err != nil {
		b.Fatal(err)
	}
	return st, stored.Plan
}

// benchmarkYearReport prints the saved year report of 10,000 tasks, the
// data read from the store and the tables computed on every run.
func benchmarkYearReport(b *testing.B, format Format) {
	st, plan := yearOfTenThousand(b)
	font := fonts.BundledFont()
	req := ReportRequest{PlanID: plan.ID, Period: period(store.PeriodYear), Format: format,
		Path: filepath.Join(b.TempDir(), "bao-cao."+string(format)), Font: &font}
	pages, peak := 0, 0.0
	for b.Loop() {
		peak = max(peak, heappeak.MB(func() {
			result, err := PrintReport(context.Background(), st, req)
			if err != nil {
				b.Fatal(err)
			}
			pages = result.Pages
		}))
	}
	b.ReportMetric(peak, "peak-MB")
	if format == PDF {
		b.ReportMetric(float64(pages), "pages")
	}
}

// BenchmarkYearReportPDF10000: the year report of 10,000 tasks as a PDF
// with its appendices (the issue allows 2 s and 200 MB).
func BenchmarkYearReportPDF10000(b *testing.B) { benchmarkYearReport(b, PDF) }

// BenchmarkYearReportXLSX10000: its appendices as a workbook (1 s, 200 MB).
func BenchmarkYearReportXLSX10000(b *testing.B) { benchmarkYearReport(b, XLSX) }

// BenchmarkYearReportDraft10000: drafting the year report of 10,000 tasks
// again from the store and saving it.
func BenchmarkYearReportDraft10000(b *testing.B) {
	st, plan := yearOfTenThousand(b)
	peak := 0.0
	for b.Loop() {
		peak = max(peak, heappeak.MB(func() {
			req := DraftRequest{PlanID: plan.ID, Period: period(store.PeriodYear), Mode: reporting.RedraftOverwrite}
			if _, err := DraftReport(st, req); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}
