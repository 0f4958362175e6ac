package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/ui/tasks"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/ui/internal/uitest"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export/importer"
	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/store"
)

// importRun is the "Nhập từ tệp…" action of a window over a seeded store,
// with the file dialog replaced by a given path.
type importRun struct {
	*importFlow
	win     *MainWindow
	st      *db.Store
	preview chan *importPreview
	ended   chan error
}

func newImportRun(t *testing.T, path string) *importRun {
	t.Helper()
	w, st := openWindow(t)
	r := &importRun{importFlow: newImportFlow(w.host(), st), win: w, st: st, preview: make(chan *importPreview, 1), ended: make(chan error, 1)}
	r.chooseFile = func(done func(string)) { done(path) }
	r.shown = func(p *importPreview) { r.preview <- p }
	r.finished = func(err error) { r.ended <- err }
	return r
}

// open starts the flow for a plan or a progress file and returns the
// preview it shows.
func (r *importRun) open(t *testing.T, kind string) *importPreview {
	t.Helper()
	r.start()
	r.kind.SetSelected(kind)
	uitest.UnderUILock(r.ask.Confirm)
	select {
	case p := <-r.preview:
		return p
	case err := <-r.ended:
		t.Fatalf("the import ended before its preview: %v", err)
	case <-time.After(uitest.JobDeadline):
		t.Fatal("no preview")
	}
	return nil
}

func (r *importRun) wait(t *testing.T) error {
	t.Helper()
	select {
	case err := <-r.ended:
		return err
	case <-time.After(uitest.JobDeadline):
		t.Fatal("the import did not end")
	}
	return nil
}

func fixturePath(name string) string {
	return filepath.Join("..", "export", "importer", "testdata", name)
}

func TestImportPlanIntoANewYear(t *testing.T) {
	// Given a workbook from another province with rows it cannot read,
	r := newImportRun(t, fixturePath("xlsx/messy.xlsx"))
	// when the officer opens it,
	p := r.open(t, choiceImportPlan)
	// then the preview lists the tasks and every unreadable row with its number,
	if p.Year.Text != "2025" || !strings.Contains(p.Summary.Text, "5 nhiệm vụ") {
		t.Errorf("year %q, summary %q", p.Year.Text, p.Summary.Text)
	}
	if len(p.Problems) != 3 || !strings.HasPrefix(p.Problems[0], "Dòng 16: ô TT") {
		t.Errorf("problems %q", p.Problems)
	}
	if len(p.Lines) != 7 || p.Lines[0] != "I. CẢI CÁCH THỂ CHẾ" {
		t.Errorf("lines %q", p.Lines)
	}
	if plans, _ := r.st.Plans(); len(plans) != 1 {
		t.Fatal("the preview wrote to the store")
	}
	// and confirming creates the plan of 2025 and shows it.
	p.Confirm()
	if err := r.wait(t); err != nil {
		t.Fatal(err)
	}
	plan, err := r.st.FindPlan("2025")
	if err != nil {
		t.Fatal(err)
	}
	if tasks, _ := r.st.Tasks(plan.ID); len(tasks) != 5 {
		t.Errorf("%d tasks stored", len(tasks))
	}
	if !strings.HasPrefix(r.win.planSelect.Selected, "2025") || r.win.Tasks.RowCount() != 5 {
		t.Errorf("window shows %q with %d rows", r.win.planSelect.Selected, r.win.Tasks.RowCount())
	}
}

func TestImportIntoAPlanWithTasksAsksFirst(t *testing.T) {
	r := newImportRun(t, fixturePath("xlsx/two-row-header.xlsx"))
	p := r.open(t, choiceImportPlan)
	p.Year.SetText("2023")
	p.Confirm()
	if p.Replace == nil {
		t.Fatal("no question before replacing 21 tasks")
	}
	if !strings.Contains(p.ReplaceMessage, "21 nhiệm vụ không khớp được với nhiệm vụ nào trong tệp: lịch sử và tài liệu kiểm chứng của chúng bị xoá") {
		t.Errorf("the question does not say what is lost: %q", p.ReplaceMessage)
	}
	// Saying no leaves the plan as it was.
	p.Replace.Hide()
	if err := r.wait(t); !errors.Is(err, context.Canceled) {
		t.Errorf("refusing ended with %v", err)
	}
	plan, _ := r.st.FindPlan("2023")
	if tasks, _ := r.st.Tasks(plan.ID); len(tasks) != 21 {
		t.Fatalf("%d tasks after refusing", len(tasks))
	}
	// Saying yes replaces the tasks in one go.
	p = r.open(t, choiceImportPlan)
	p.Year.SetText("2023")
	p.Confirm()
	p.Replace.Confirm()
	if err := r.wait(t); err != nil {
		t.Fatal(err)
	}
	if tasks, _ := r.st.Tasks(plan.ID); len(tasks) != 4 || tasks[0].Ordinal != "1.1" {
		t.Errorf("tasks after replacing: %d", len(tasks))
	}
	if plans, _ := r.st.Plans(); len(plans) != 1 {
		t.Errorf("%d plans: replacing must not add one", len(plans))
	}
}

func TestImportRefusesAnOldWordFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kehoach.doc")
	os.WriteFile(path, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), 0o644)
	r := newImportRun(t, path)
	r.start()
	r.ask.Confirm()
	err := r.wait(t)
	if !errors.Is(err, importer.ErrOldFormat) || !strings.Contains(err.Error(), ".docx") {
		t.Errorf("err = %v", err)
	}
}

func TestImportProgressFromADivision(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "thanhtra.xlsx")
	r := newImportRun(t, path)
	plan, _ := r.Current.Plan()
	bundle, _ := r.st.Bundle(plan.ID)
	var buf bytes.Buffer
	if err := xlsx.WriteXLSX(context.Background(), &buf, bundle, xlsx.XLSXOptions{Unit: "Thanh tra Sở", Today: uitest.FixedToday()}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue(xlsx.SheetTracking, "F6", "Hoàn thành")
	f.SetCellValue(xlsx.SheetTracking, "H6", "Đã ban hành")
	f.SetCellValue(xlsx.SheetTracking, "K7", "424242")
	f.SetCellValue(xlsx.SheetTracking, "G8", "nhiều")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}

	p := r.open(t, choiceImportProgress)
	if len(p.Lines) != 1 || !strings.Contains(p.Lines[0], "Dòng 6 · I.1: Chưa thực hiện 0% → Hoàn thành 100%; kết quả: (trống) → “Đã ban hành”") || len(p.Skipped) != 1 || !strings.Contains(p.Skipped[0], "424242") || len(p.Problems) != 1 {
		t.Errorf("lines %q skipped %q problems %q", p.Lines, p.Skipped, p.Problems)
	}
	if task, _ := r.st.Task(plan.ID, bundle.Tasks()[0].ID); task.Status != store.StatusNotStarted {
		t.Fatal("the preview wrote")
	}
	p.Confirm()
	if err := r.wait(t); err != nil {
		t.Fatal(err)
	}
	task, _ := r.st.Task(plan.ID, bundle.Tasks()[0].ID)
	if task.Status != store.StatusDone || task.Result != "Đã ban hành" {
		t.Errorf("I.1 after the import: %s %q", task.Status, task.Result)
	}
	if got := r.win.Tasks.CellText(taskRow(t, r.win.Tasks, "I", "1"), tasks.ColState); !strings.HasPrefix(got, "Hoàn thành") {
		t.Errorf("the table shows I.1 as %q", got)
	}
}
