package ui

import (
	"errors"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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
	widgets.Exporter
	unit *widget.Select
	ask  *dialog.ConfirmDialog
}

// newExcelExport builds the action over st, the plan and settings to print.
func newExcelExport(host widgets.ActionHost, st export.Source) *excelExport {
	return &excelExport{Exporter: widgets.NewExporter(host, st)}
}

// start asks whose tasks to export from the current plan.
func (x *excelExport) start() {
	plan, ok := x.Current.Plan()
	if !ok {
		x.ShowError(errors.New(lang.L("chưa chọn kế hoạch để xuất Excel")))
		return
	}
	bundle, err := x.Source.Bundle(plan.ID)
	if err != nil {
		x.ShowError(err)
		return
	}
	x.unit = widget.NewSelect(append([]string{lang.L(allUnits)}, bundle.LeadUnits()...), nil)
	x.unit.SetSelected(lang.L(allUnits))
	content := widget.NewForm(widget.NewFormItem(lang.L("Nhiệm vụ"), x.unit))
	x.ask = dialog.NewCustomConfirm(widgets.Localf("Xuất Excel kế hoạch %s", plan.Ref()), lang.L("Chọn nơi lưu…"), lang.L("Huỷ"), content, func(ok bool) {
		if ok {
			unit := x.chosenUnit()
			x.ChooseFile(export.SuggestedName(plan, export.KindAppendix, export.XLSX, unit), widgets.ExcelFiles(), func(path string) { x.run(plan, unit, path) })
		}
	}, x.Window)
	x.ask.Resize(fyne.NewSize(min(520, x.Window.Canvas().Size().Width-40), 200))
	x.Keys.AddConfirm(x.ask)
	x.ask.Show()
}

// chosenUnit is the unit picked, or "" for every task.
func (x *excelExport) chosenUnit() string {
	if x.unit.SelectedIndex() <= 0 {
		return ""
	}
	return x.unit.Selected
}

// run writes the workbook behind a progress dialog.
func (x *excelExport) run(plan store.Plan, unit, path string) {
	req := export.Request{PlanID: plan.ID, Kind: export.KindAppendix, Format: export.XLSX, Unit: unit, Path: path, Today: x.Today()}
	x.Export(req, lang.L("Đã xuất Excel"), func(export.Result) string { return widgets.Localf("Đã ghi %s.", path) })
}
