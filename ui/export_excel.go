package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

// allUnits is the choice of a workbook with every task.
const allUnits = "Tất cả nhiệm vụ"

// excelExport is the "Xuất Excel" action: it asks whose tasks the workbook
// holds (all, or one lead unit's for the division to fill in) and where to
// save, then writes the workbook behind a progress dialog.
type excelExport struct {
	actionHost
	store export.Source
	// chooseFile asks where to save, suggesting a name, and calls done with
	// the path chosen; tests replace it.
	chooseFile func(suggested string, done func(path string))
	// finished, when set, runs after each export ends; tests wait on it.
	finished func(err error)

	unit *widget.Select
	ask  *dialog.ConfirmDialog
	done dialog.Dialog
}

// newExcelExport builds the action over st, the plan and settings to print.
func newExcelExport(host actionHost, st export.Source) *excelExport {
	x := &excelExport{actionHost: host, store: st}
	x.chooseFile = func(suggested string, done func(path string)) {
		askSavePath(host.window, suggested, ".xlsx", done)
	}
	return x
}

// start asks whose tasks to export from the current plan.
func (x *excelExport) start() {
	plan, ok := x.current.Plan()
	if !ok {
		x.showError(fmt.Errorf("chưa chọn kế hoạch để xuất Excel"))
		return
	}
	bundle, err := x.store.Bundle(plan.ID)
	if err != nil {
		x.showError(err)
		return
	}
	x.unit = widget.NewSelect(append([]string{allUnits}, bundle.LeadUnits()...), nil)
	x.unit.SetSelected(allUnits)
	content := widget.NewForm(widget.NewFormItem("Nhiệm vụ", x.unit))
	x.ask = dialog.NewCustomConfirm("Xuất Excel kế hoạch "+plan.Ref(), "Chọn nơi lưu…", "Huỷ", content, func(ok bool) {
		if ok {
			unit := x.chosenUnit()
			x.chooseFile(export.SuggestedName(plan, export.KindAppendix, export.XLSX, unit), func(path string) { x.run(plan, unit, path) })
		}
	}, x.window)
	x.ask.Resize(fyne.NewSize(520, 200))
	x.ask.Show()
}

// chosenUnit is the unit picked, or "" for every task.
func (x *excelExport) chosenUnit() string {
	if x.unit.Selected == allUnits {
		return ""
	}
	return x.unit.Selected
}

// run writes the workbook in its own goroutine behind a progress dialog.
func (x *excelExport) run(plan store.Plan, unit, path string) {
	work := func(ctx context.Context, progress func(float64)) error {
		req := export.Request{PlanID: plan.ID, Kind: export.KindAppendix, Format: export.XLSX, Unit: unit,
			Path: path, Today: x.today(), Progress: progress}
		_, err := export.Export(ctx, x.store, req)
		return err
	}
	RunWithProgress(x.window, "Đang xuất "+filepath.Base(path), work, func(err error) {
		x.onFinished(path, err)
	})
}

// onFinished tells the officer how the export ended.
func (x *excelExport) onFinished(path string, err error) {
	if x.finished != nil {
		defer x.finished(err)
	}
	if err != nil {
		if !Cancelled(err) {
			x.showError(err)
		}
		return
	}
	x.done = dialog.NewInformation("Đã xuất Excel", "Đã ghi "+path+".", x.window)
	x.done.Show()
}
