package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui/internal/uitest"
)

// exportWorkbook exports the current plan's workbook to path through the
// export action, as the window's "Xuất Excel" does on uitest.FixedToday; unit
// keeps one division's tasks.
func (r *importRun) exportWorkbook(t *testing.T, path, unit string) store.Bundle {
	t.Helper()
	plan, _ := r.Current.Plan()
	req := export.Request{PlanID: plan.ID, Kind: export.KindAppendix, Format: export.XLSX, Unit: unit, Path: path, Today: uitest.FixedToday()}
	if _, err := export.Export(context.Background(), r.st, req); err != nil {
		t.Fatal(err)
	}
	bundle, err := r.st.Bundle(plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	return bundle
}

// fillCells plays a division: it writes cells of the tracking sheet at
// path; an empty string empties a cell.
func fillCells(t *testing.T, path string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, value := range cells {
		f.SetCellValue("Theo dõi", cell, value)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func (r *importRun) update(t *testing.T, u store.Update) {
	t.Helper()
	if _, err := r.st.AddUpdate(u); err != nil {
		t.Fatal(err)
	}
}

// TestAnOldSheetNeverGoesBackInTheWindow: export the tracking sheet, record
// progress, then import the sheet as it was. The preview says the row is
// older than the task's news, and importing changes nothing.
func TestAnOldSheetNeverGoesBackInTheWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kehoach.xlsx")
	r := newImportRun(t, path)
	first := r.exportWorkbook(t, path, "").Tasks()[0]
	r.update(t, store.Update{PlanID: first.PlanID, TaskID: first.ID, Date: uitest.FixedToday(), Status: store.StatusDone, Note: "Đã ban hành"})
	if _, err := r.st.AddEvidence(store.Evidence{PlanID: first.PlanID, TaskID: first.ID, Ref: "12/QĐ-SKH", Title: "Quyết định"}, ""); err != nil {
		t.Fatal(err)
	}

	p := r.open(t, choiceImportProgress)
	if len(p.Lines) != 0 || len(p.ToConfirm) != 0 || !strings.Contains(p.Summary.Text, "bảng xuất ngày 15/07/2023") ||
		!strings.Contains(p.Summary.Text, "1 dòng cũ hơn tin đã có trong chương trình: không ghi, tiến độ đã ghi giữ nguyên") {
		t.Errorf("summary %q, lines %q, to confirm %q", p.Summary.Text, p.Lines, p.ToConfirm)
	}
	want := "Dòng 6 · I.1: chương trình đã có cập nhật ngày 15/07/2023 (ghi sau khi xuất bảng), mới hơn hoặc cùng ngày với số liệu của dòng (15/07/2023); không ghi Hoàn thành 100% → Chưa thực hiện 0%"
	if len(p.Skipped) != 1 || p.Skipped[0] != want {
		t.Errorf("skipped %q", p.Skipped)
	}
	p.Confirm()
	if err := r.wait(t); err != nil {
		t.Fatal(err)
	}
	task, _ := r.st.Task(first.PlanID, first.ID)
	evidence, _ := r.st.TaskEvidence(first.PlanID, first.ID)
	if task.Status != store.StatusDone || task.Track.LatestNote != "Đã ban hành" || len(evidence) != 1 {
		t.Errorf("I.1 went back: %+v, evidence %+v", task, evidence)
	}
}

// TestAStaleSheetIsConfirmedRowByRowInTheWindow: a sheet with no export day
// (every sheet exported before it was written) waits for the officer's
// word on each changed row; only the row ticked is applied.
func TestAStaleSheetIsConfirmedRowByRowInTheWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "thanhtra.xlsx")
	r := newImportRun(t, path)
	tasks := r.exportWorkbook(t, path, "Thanh tra Sở").Tasks() // I.1–I.3 on rows 6–8
	fillCells(t, path, map[string]any{"K1": "", "L1": "", "F6": "Đang thực hiện", "G6": 40})
	second := tasks[1]
	r.update(t, store.Update{PlanID: second.PlanID, TaskID: second.ID, Date: store.NewDate(2023, 7, 1), Status: store.StatusDone, Reason: "Chờ hướng dẫn"})

	p := r.open(t, choiceImportProgress)
	if len(p.Lines) != 0 || len(p.ToConfirm) != 2 || !strings.Contains(p.Summary.Text, "bảng không ghi ngày xuất") {
		t.Fatalf("summary %q, lines %q, to confirm %q", p.Summary.Text, p.Lines, p.ToConfirm)
	}
	wants := []string{
		"Dòng 6 · I.1: Chưa thực hiện 0% → Đang thực hiện 40% · ", "[bảng không ghi ngày xuất]",
		"Dòng 7 · I.2: Hoàn thành 100% → Chưa thực hiện 0% · ", "[hạ trạng thái/tiến độ; bảng không ghi ngày xuất]",
	}
	for i, want := range wants {
		if line := p.ToConfirm[i/2]; !strings.Contains(line, want) {
			t.Errorf("row to confirm %q lacks %q", line, want)
		}
	}
	tickRow(t, p, 0)
	p.Confirm()
	if err := r.wait(t); err != nil {
		t.Fatal(err)
	}
	first, _ := r.st.Task(tasks[0].PlanID, tasks[0].ID)
	done, _ := r.st.Task(second.PlanID, second.ID)
	if first.Progress != 40 || first.Track.LastUpdate != uitest.FixedToday() || done.Status != store.StatusDone {
		t.Errorf("after confirming row 6 only: I.1 %+v, I.2 %+v", first, done)
	}
}

// tickRow ticks the box of a row to confirm, as the officer clicks it.
func tickRow(t *testing.T, p *importPreview, i int) {
	t.Helper()
	item := p.Confirmations.CreateItem()
	p.Confirmations.UpdateItem(i, item)
	check := item.(*fyne.Container).Objects[1].(*widget.Check)
	test.Tap(check)
	if !p.confirmed[i] || !check.Checked {
		t.Fatalf("tapping the box of row %d did not tick it", i)
	}
}

// TestReplaceSaysWhatItKeepsInTheWindow: importing the plan's own workbook
// over it says, before it replaces anything, that every task keeps its
// history, and keeps it.
func TestReplaceSaysWhatItKeepsInTheWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kehoach.xlsx")
	r := newImportRun(t, path)
	first := r.exportWorkbook(t, path, "").Tasks()[0]
	r.update(t, store.Update{PlanID: first.PlanID, TaskID: first.ID, Date: uitest.FixedToday(), Status: store.StatusDone, Note: "Đã ban hành"})

	p := r.open(t, choiceImportPlan)
	p.Year.SetText("2023")
	p.Confirm()
	if p.Replace == nil || !strings.Contains(p.ReplaceMessage, "Giữ lịch sử cập nhật và tài liệu kiểm chứng của 21 nhiệm vụ khớp nội dung; không nhiệm vụ nào mất lịch sử") {
		t.Fatalf("the question before replacing: %q", p.ReplaceMessage)
	}
	p.Replace.Confirm()
	if err := r.wait(t); err != nil {
		t.Fatal(err)
	}
	if task, err := r.st.Task(first.PlanID, first.ID); err != nil || task.Status != store.StatusDone || task.Track.LatestNote != "Đã ban hành" {
		t.Errorf("I.1 after replacing: %+v, %v", task, err)
	}
}
