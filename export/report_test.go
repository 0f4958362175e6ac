package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// seedYearStore opens a store with the seed plan and its scripted year.
func seedYearStore(t testing.TB) (*db.Store, store.Plan) {
	t.Helper()
	st, plan, err := demo.OpenSeedYear(filepath.Join(t.TempDir(), "cchc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetClock(func() time.Time { return time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC) })
	return st, plan
}

func period(kind store.PeriodKind) store.Period { return store.Period{Kind: kind, Year: 2023} }

func TestPrintReportDraftsFirstThenPrintsTheSaved(t *testing.T) {
	st, plan := seedYearStore(t)
	font := fonts.BundledFont()
	out := filepath.Join(t.TempDir(), "q1.pdf")
	if dir := os.Getenv("CCHC_REPORT_OUT"); dir != "" {
		out = filepath.Join(dir, "q1.pdf")
	}
	req := ReportRequest{PlanID: plan.ID, Period: period(store.PeriodQ1), Format: PDF, Path: out, Font: &font}
	result, err := PrintReport(context.Background(), st, req)
	if err != nil {
		t.Fatal(err)
	}
	if !result.Drafted || result.Pages < 5 || result.Report.AsOf != store.NewDate(2023, 3, 14) {
		t.Errorf("result = drafted %v, %d pages, as of %s", result.Drafted, result.Pages, result.Report.AsOf)
	}
	again, err := PrintReport(context.Background(), st, req)
	if err != nil || again.Drafted || again.Report.ID != result.Report.ID {
		t.Errorf("second print drafted again: %+v, %v", again.Report.ID, err)
	}
	req.Format, req.Path = XLSX, strings.TrimSuffix(out, ".pdf")+".xlsx"
	if _, err := PrintReport(context.Background(), st, req); err != nil {
		t.Fatal(err)
	}
}

func TestDraftReportAsksBeforeTouchingEdits(t *testing.T) {
	st, plan := seedYearStore(t)
	first, err := DraftReport(st, DraftRequest{PlanID: plan.ID, Period: period(store.PeriodQ1)})
	if err != nil || !first.Created {
		t.Fatalf("first draft: %v", err)
	}
	r := first.Report
	i, err := r.FindSection("II.1")
	if err != nil {
		t.Fatal(err)
	}
	r.EditParagraph(i, 1, "Đoạn đã sửa tay về cải cách thể chế.")
	if _, err := st.SaveReport(r); err != nil {
		t.Fatal(err)
	}
	later := store.NewDate(2023, 3, 14)
	// New data that changes the edited paragraph's draft: I.3 reported in Q1.
	task, _ := st.FindTask(plan.ID, "I.3")
	if _, err := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: task.ID, Date: store.NewDate(2023, 3, 1), Status: store.StatusInProgress, Progress: 10}); err != nil {
		t.Fatal(err)
	}
	_, err = DraftReport(st, DraftRequest{PlanID: plan.ID, Period: period(store.PeriodQ1), AsOf: later})
	if !errors.Is(err, reporting.ErrEdited) {
		t.Fatalf("redraft over an edit: %v, want ErrEdited", err)
	}
	kept, err := DraftReport(st, DraftRequest{PlanID: plan.ID, Period: period(store.PeriodQ1), Mode: reporting.RedraftKeepEdited})
	if err != nil || kept.Report.Sections[i].Paragraphs[0].Text != "Đoạn đã sửa tay về cải cách thể chế." {
		t.Errorf("keep edited: %v %+v", err, kept.Report.Sections[i].Paragraphs[0])
	}
}
