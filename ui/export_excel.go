package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

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
	w *MainWindow
	// chooseFile asks where to save, suggesting a name, and calls done with
	// the path chosen; tests replace it.
	chooseFile func(suggested string, done func(path string))
	// finished, when set, runs after each export ends; tests wait on it.
	finished func(err error)

	unit *widget.Select
	ask  *dialog.ConfirmDialog
	done dialog.Dialog
}

// exportExcelButton returns the "Xuất Excel" button of the window.
func (w *MainWindow) exportExcelButton() *widget.Button {
	return widget.NewButton("Xuất Excel", newExcelExport(w).start)
}

func newExcelExport(w *MainWindow) *excelExport {
	x := &excelExport{w: w}
	x.chooseFile = func(suggested string, done func(path string)) {
		askSavePath(w.Window, suggested, ".xlsx", done)
	}
	return x
}

// start asks whose tasks to export from the plan chosen in the window.
func (x *excelExport) start() {
	plan, ok := x.w.selectedPlan()
	if !ok {
		x.w.showError(fmt.Errorf("chưa chọn kế hoạch để xuất Excel"))
		return
	}
	units, err := x.leadUnits(plan)
	if err != nil {
		x.w.showError(err)
		return
	}
	x.unit = widget.NewSelect(append([]string{allUnits}, units...), nil)
	x.unit.SetSelected(allUnits)
	content := widget.NewForm(widget.NewFormItem("Nhiệm vụ", x.unit))
	x.ask = dialog.NewCustomConfirm("Xuất Excel kế hoạch "+plan.Ref(), "Chọn nơi lưu…", "Huỷ", content, func(ok bool) {
		if ok {
			unit := x.chosenUnit()
			x.chooseFile(export.SuggestedName(plan, export.KindAppendix, export.XLSX, unit), func(path string) { x.run(plan, unit, path) })
		}
	}, x.w.Window)
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

// leadUnits lists the units that lead the plan's tasks, in order.
func (x *excelExport) leadUnits(plan store.Plan) ([]string, error) {
	tasks, err := x.w.store.Tasks(plan.ID)
	if err != nil {
		return nil, err
	}
	var units []string
	for _, t := range tasks {
		for _, unit := range store.SplitUnits(t.Lead) {
			if !slices.Contains(units, unit) {
				units = append(units, unit)
			}
		}
	}
	store.SortNames(units)
	return units, nil
}

// run writes the workbook in its own goroutine behind a progress dialog.
func (x *excelExport) run(plan store.Plan, unit, path string) {
	work := func(ctx context.Context, progress func(float64)) error {
		req := export.Request{PlanID: plan.ID, Kind: export.KindAppendix, Format: export.XLSX, Unit: unit,
			Path: path, Today: x.w.today(), Progress: progress}
		_, err := export.Export(ctx, x.w.store, req)
		return err
	}
	RunWithProgress(x.w.Window, "Đang xuất "+filepath.Base(path), work, func(err error) {
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
			x.w.showError(err)
		}
		return
	}
	x.done = dialog.NewInformation("Đã xuất Excel", "Đã ghi "+path+".", x.w.Window)
	x.done.Show()
}
