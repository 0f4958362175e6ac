package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
)

// reportsFlow is the reports screen over the seed plan's year,
// with a way to wait for a draft to end.
type reportsFlow struct {
	*ReportsScreen
	st    *db.Store
	plan  store.Plan
	ended chan error
}

func openReports(t *testing.T) *reportsFlow {
	t.Helper()
	host, st, plan := openYear(t)
	f := &reportsFlow{ReportsScreen: NewReportsScreen(host, st), st: st, plan: plan, ended: make(chan error, 1)}
	showPlan(t, host, plan, f.Content(), f.Reload)
	f.finished = func(err error) { f.ended <- err }
	f.Period.Select.SetSelectedIndex(0) // Quý I
	return f
}

// draftNow taps "Soạn báo cáo" and waits for the draft to end.
func (f *reportsFlow) draftNow(t *testing.T) error {
	t.Helper()
	uitest.UnderUILock(func() { test.Tap(f.DraftButton) })
	select {
	case err := <-f.ended:
		return err
	case <-time.After(uitest.JobDeadline):
		t.Fatal("the draft did not end")
		return nil
	}
}

// latest is the latest report of quý I as stored.
func (f *reportsFlow) latest(t *testing.T) reporting.Report {
	t.Helper()
	r, err := f.st.LatestReport(f.plan.ID, store.Period{Kind: store.PeriodQ1, Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// paragraph is paragraph n (from 0) of a section of r.
func paragraph(t *testing.T, r reporting.Report, section string, n int) reporting.ReportParagraph {
	t.Helper()
	i, err := r.FindSection(section)
	if err != nil {
		t.Fatal(err)
	}
	return r.Sections[i].Paragraphs[n]
}

const officerText = "Lĩnh vực cải cách thể chế có 3 nhiệm vụ; Thanh tra Sở đang tập trung hoàn thành kế hoạch rà soát văn bản."

func TestReportDraftedEditedRedraftedSentAndFrozen(t *testing.T) {
	f := openReports(t)
	t.Run("drafted from the data", func(t *testing.T) { checkDrafted(t, f) })
	t.Run("a paragraph edited and saved", func(t *testing.T) { checkEdited(t, f) })
	t.Run("redrafting asks before it touches the edit", func(t *testing.T) { checkRedraftAsks(t, f) })
	t.Run("marked sent with its number and date", func(t *testing.T) { checkSent(t, f) })
	t.Run("an edit of the sent report makes a new version", func(t *testing.T) { checkFrozen(t, f) })
}

func checkDrafted(t *testing.T, f *reportsFlow) {
	t.Helper()
	if err := f.draftNow(t); err != nil {
		t.Fatal(err)
	}
	if len(f.Reports()) != 1 || !strings.HasPrefix(reportLine(f.Reports()[0]), "Quý I năm 2023 · bản 1 · dự thảo") {
		t.Fatalf("%d reports", len(f.Reports()))
	}
	r := f.latest(t)
	if len(f.Editor.sections) != len(r.Sections) || f.Editor.Section("II.1").Heading.Text != "Cải cách thể chế" {
		t.Errorf("the editor shows %d sections of %d", len(f.Editor.sections), len(r.Sections))
	}
	if f.SaveButton.Disabled() == false || f.SendButton.Disabled() {
		t.Error("a report just drafted offers Lưu but not Đánh dấu đã gửi")
	}
}

func checkEdited(t *testing.T, f *reportsFlow) {
	t.Helper()
	f.Editor.Section("II.1").Paragraphs[0].SetText(officerText)
	if !f.Editor.Dirty || f.SaveButton.Disabled() {
		t.Fatal("typing did not offer Lưu báo cáo")
	}
	test.Tap(f.SaveButton)
	p := paragraph(t, f.latest(t), "II.1", 0)
	if p.Text != officerText || !p.Edited {
		t.Errorf("stored %+v", p)
	}
	if f.Editor.Dirty || !strings.Contains(f.Header.Text, "1 chỗ đã sửa tay") {
		t.Errorf("after saving: dirty %v, header %q", f.Editor.Dirty, f.Header.Text)
	}
}

func checkRedraftAsks(t *testing.T, f *reportsFlow) {
	t.Helper()
	// Newer data: counted to another day, every count sentence changes.
	f.AsOf.SetText("10/03/2023")
	if err := f.draftNow(t); err == nil || f.redraft == nil {
		t.Fatalf("redraft went ahead: %v", err)
	}
	if r := f.latest(t); r.AsOf != store.NewDate(2023, 3, 14) || paragraph(t, r, "II.1", 0).Text != officerText {
		t.Fatal("asking changed the report")
	}
	test.Tap(f.redraft.Cancel)
	if r := f.latest(t); r.AsOf != store.NewDate(2023, 3, 14) {
		t.Fatal("cancel changed the report")
	}
	if err := f.draftNow(t); err == nil {
		t.Fatal("the second redraft did not ask")
	}
	test.Tap(f.redraft.Keep)
	if err := <-f.ended; err != nil {
		t.Fatal(err)
	}
	r := f.latest(t)
	if r.AsOf != store.NewDate(2023, 3, 10) || paragraph(t, r, "II.1", 0).Text != officerText {
		t.Errorf("kept: as of %s, II.1 %q", r.AsOf, paragraph(t, r, "II.1", 0).Text)
	}
	if got := paragraph(t, r, "II.2", 0).Text; !strings.Contains(got, "10/03/2023") {
		t.Errorf("the paragraphs not edited did not take the new data: %q", got)
	}
	if got := f.Editor.Section("II.1").Paragraphs[0].Text; got != officerText {
		t.Errorf("the editor shows %q", got)
	}
}

func checkSent(t *testing.T, f *reportsFlow) {
	t.Helper()
	test.Tap(f.SendButton)
	if f.send == nil {
		t.Fatal("no question asked")
	}
	f.send.Number.SetText("15")
	f.send.Date.SetText("20/03/2023")
	f.send.dialog.Submit()
	r := f.latest(t)
	if !r.Sent() || r.Ref() != "15/BC-SKH" || r.Date != store.NewDate(2023, 3, 20) {
		t.Fatalf("stored %s %s %s", r.Status, r.Ref(), r.Date)
	}
	if !f.SendButton.Disabled() || !strings.Contains(f.Header.Text, "sửa rồi lưu sẽ thành bản mới") {
		t.Errorf("after sending: header %q", f.Header.Text)
	}
}

func checkFrozen(t *testing.T, f *reportsFlow) {
	t.Helper()
	sent := f.latest(t)
	f.Editor.Section("II.2").Paragraphs[0].SetText("Lĩnh vực cải cách thủ tục hành chính hoàn thành tốt các nhiệm vụ.")
	f.Save() // Ctrl+S
	r := f.latest(t)
	if r.Version != 2 || r.Sent() || r.Number != "" || r.Replaces != sent.ID {
		t.Fatalf("the edit saved version %d, %s, number %q", r.Version, r.Status, r.Number)
	}
	first, err := f.st.Report(f.plan.ID, sent.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Sent() || paragraph(t, first, "II.2", 0).Text == paragraph(t, r, "II.2", 0).Text {
		t.Error("the sent version changed")
	}
	// The sent version stays listed, to read only.
	f.SelectReport(sent.ID)
	if !f.Editor.Section("II.2").Paragraphs[0].Disabled() || !f.PDFButton.Disabled() {
		t.Error("the sent version can still be edited")
	}
}

func TestReportPrintsToPDFAndOffersToOpenIt(t *testing.T) {
	f := openReports(t)
	if err := f.draftNow(t); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bao-cao.pdf")
	var suggested string
	f.print.ChooseFile = func(name string, _ widgets.FileFilter, done func(string)) { suggested = name; done(path) }
	printed := make(chan error, 1)
	f.print.Finished = func(err error) { printed <- err }
	opened := &uitest.FakeOpener{}
	f.print.Opener = opened

	uitest.UnderUILock(func() { test.Tap(f.PDFButton) })
	if err := <-printed; err != nil {
		t.Fatal(err)
	}
	if suggested != "Báo cáo CCHC quý I năm 2023.pdf" {
		t.Errorf("suggested %q", suggested)
	}
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("no PDF written: %v", err)
	}
	test.Tap(f.print.Done.OpenFileButton)
	if len(opened.Files) != 1 || opened.Files[0] != path {
		t.Errorf("opened %q", opened.Files)
	}
}
