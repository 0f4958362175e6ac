package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/export/importer"
	"github.com/kehoach/cchc/store"
)

// importPreview shows what an import would store, and every row it could
// not read, and stores it only when the officer confirms.
type importPreview struct {
	flow   *importFlow
	dialog *dialog.ConfirmDialog
	// Summary says in a line what the file holds.
	Summary *widget.Label
	// Lines are what would be stored: areas and tasks, or task updates.
	Lines []string
	// ToConfirm are the rows that wait for the officer's word, one by one:
	// they lower a task, or come from a sheet with no export date. A row is
	// applied only when its box is ticked (ConfirmRow).
	ToConfirm []string
	// Skipped are rows that will be left alone, with the reason.
	Skipped []string
	// Problems are the rows that could not be read, with the reason.
	Problems []string
	// Year is the year a plan is imported into; nil for progress.
	Year *widget.Entry
	// Replace asks before an import replaces a plan's tasks, saying what it
	// keeps of their history (ReplaceMessage).
	Replace        *dialog.ConfirmDialog
	ReplaceMessage string
	// Done tells how the import ended.
	Done dialog.Dialog
	// confirm stores what the preview shows.
	confirm func()
	// confirmed says, for each line of ToConfirm, whether its box is ticked.
	confirmed []bool
	// Confirmations lists ToConfirm, each row with its box.
	Confirmations *widget.List
}

// ConfirmRow ticks or clears the box of the i-th row of ToConfirm, as the
// officer does.
func (p *importPreview) ConfirmRow(i int, ok bool) { p.confirmed[i] = ok }

// Confirm stores what the preview shows, as its "Nhập" button does.
func (p *importPreview) Confirm() { p.dialog.Confirm() }

// Cancel closes the preview without storing anything.
func (p *importPreview) Cancel() { p.dialog.Hide() }

// build lays out the preview: the summary, any extra widgets, and tabs of
// the lines, the skipped rows and the rows not read.
func (p *importPreview) build(title, confirmText string, linesTitle string, extra ...fyne.CanvasObject) {
	p.Summary.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(append([]fyne.CanvasObject{p.Summary}, extra...)...)
	tabs := container.NewAppTabs(container.NewTabItem(fmt.Sprintf("%s (%d)", linesTitle, len(p.Lines)), textList(p.Lines)))
	if len(p.ToConfirm) > 0 {
		p.Confirmations = p.confirmList()
		tabs.Append(container.NewTabItem(widgets.Localf("Cần xác nhận (%d)", len(p.ToConfirm)), p.Confirmations))
	}
	if len(p.Skipped) > 0 {
		tabs.Append(container.NewTabItem(widgets.Localf("Bỏ qua (%d)", len(p.Skipped)), textList(p.Skipped)))
	}
	tabs.Append(container.NewTabItem(widgets.Localf("Dòng không đọc được (%d)", len(p.Problems)), textList(p.Problems)))
	switch {
	case len(p.ToConfirm) > 0:
		tabs.SelectIndex(1)
	case len(p.Problems) > 0 && len(p.Lines) > 0:
		tabs.SelectIndex(len(tabs.Items) - 1)
	}
	content := container.NewBorder(top, nil, nil, nil, tabs)
	p.dialog = dialog.NewCustomConfirm(title, confirmText, lang.L("Huỷ"), content, func(ok bool) {
		if ok {
			p.confirm()
			return
		}
		p.flow.end(context.Canceled)
	}, p.flow.Window)
	p.flow.Keys.AddConfirm(p.dialog)
	p.dialog.Resize(fyne.NewSize(960, 620))
}

// textList shows lines of text, one a row, each wrapped.
func textList(lines []string) fyne.CanvasObject {
	if len(lines) == 0 {
		return widget.NewLabel(lang.L("Không có."))
	}
	list := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) { obj.(*widget.Label).SetText(lines[id]) },
	)
	return list
}

// confirmList shows the rows to confirm, each with its box.
func (p *importPreview) confirmList() *widget.List {
	return widget.NewList(
		func() int { return len(p.ToConfirm) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewCheck(lang.L("Ghi"), nil), nil, l)
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			row := obj.(*fyne.Container)
			label, check := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Check)
			label.SetText(p.ToConfirm[id])
			check.OnChanged = nil
			check.SetChecked(p.confirmed[id])
			check.OnChanged = func(ok bool) { p.ConfirmRow(id, ok) }
		},
	)
}

// newPlanPreview previews a plan read from a file.
func newPlanPreview(f *importFlow, im *importer.Imported) *importPreview {
	p := &importPreview{flow: f, Summary: widget.NewLabel(planSummary(im))}
	p.Lines = importedLines(im.Bundle)
	for _, problem := range im.Problems {
		p.Problems = append(p.Problems, widgets.Capitalize(problem.String()))
	}
	p.Year = widget.NewEntry()
	p.Year.SetText(strconv.Itoa(im.GuessYear(f.DefaultYear())))
	extra := []fyne.CanvasObject{widget.NewForm(widget.NewFormItem(lang.L("Nhập vào kế hoạch năm"), p.Year))}
	for _, note := range im.Notes {
		label := widget.NewLabel(widgets.Localf("Lưu ý: %s", note))
		label.Wrapping = fyne.TextWrapWord
		extra = append(extra, label)
	}
	p.confirm = func() { p.confirmPlan(im) }
	p.build(widgets.Localf("Xem trước: %s", im.File), lang.L("Nhập"), lang.L("Lĩnh vực và nhiệm vụ đọc được"), extra...)
	return p
}

// planSummary says what a file holds.
func planSummary(im *importer.Imported) string {
	line := widgets.Localf("%s (%s, %s, dòng tiêu đề %d): %d lĩnh vực, %d nhiệm vụ", im.File, im.Format, im.Source, im.HeaderRow, len(im.Bundle.Areas), im.Bundle.TaskCount())
	if len(im.Problems) > 0 {
		line += widgets.Localf("; %d dòng không đọc được (xem thẻ cuối)", len(im.Problems))
	}
	if p := im.Bundle.Plan; p.Number != "" {
		line += widgets.Localf(". Kế hoạch số %s ngày %s", p.Ref(), p.IssueDate)
	}
	return line + "."
}

// importedLines lists areas and tasks as the preview shows them.
func importedLines(b store.Bundle) []string {
	var lines []string
	for _, a := range b.Areas {
		lines = append(lines, a.Label())
		for _, t := range a.Tasks {
			lines = append(lines, widgets.Localf("    %s. %s · %s · %s", t.Ordinal, widgets.OneLine(t.Content), t.Lead, t.Timeline.Text))
		}
	}
	return lines
}

// confirmPlan imports into the year typed: a new plan, or, after asking,
// the existing plan's tasks replaced. The plan is chosen by the same rule
// as cchc-cli's, preferring the current plan.
func (p *importPreview) confirmPlan(im *importer.Imported) {
	f := p.flow
	preferred := uint64(0)
	if plan, ok := f.Current.Plan(); ok {
		preferred = plan.ID
	}
	year := strings.TrimSpace(p.Year.Text)
	if y, err := strconv.Atoi(year); err != nil || !store.ValidYear(y) {
		p.flow.fail(fmt.Errorf("năm “%s” không hợp lệ: ghi năm của kế hoạch, ví dụ 2025", p.Year.Text))
		return
	}
	target, err := export.FindImportTarget(f.store, year, preferred)
	if err != nil {
		p.flow.fail(err)
		return
	}
	if target.Tasks == 0 {
		p.storePlan(im, target)
		return
	}
	report, err := export.ReplaceMatch(f.store, im, target)
	if err != nil {
		p.flow.fail(err)
		return
	}
	p.ReplaceMessage = widgets.Capitalize(export.ReplaceWarning(target, im)) + ".\n" + widgets.Capitalize(report.String()) + ".\nThay toàn bộ?"
	p.Replace = dialog.NewConfirm(lang.L("Thay thế nhiệm vụ?"), p.ReplaceMessage, func(ok bool) {
		if !ok {
			p.flow.end(context.Canceled)
			return
		}
		p.storePlan(im, target)
	}, f.Window)
	p.Replace.SetConfirmText(lang.L("Thay thế"))
	p.Replace.SetDismissText(lang.L("Huỷ"))
	// Esc cancels; replacing a plan's tasks takes a click, never a stray Enter.
	f.Keys.Add(p.Replace, nil, p.Replace.Dismiss)
	p.Replace.Show()
}

// storePlan writes the import in one transaction and makes the plan the
// current plan.
func (p *importPreview) storePlan(im *importer.Imported, target export.ImportTarget) {
	stored, err := export.StoreImport(p.flow.store, im, target, true)
	if err != nil {
		p.flow.fail(err)
		return
	}
	if err := p.flow.Current.Select(stored.ID); err != nil {
		p.flow.ShowError(err)
	}
	p.Done = dialog.NewInformation(lang.L("Đã nhập"), widgets.Localf("Đã nhập %d nhiệm vụ vào kế hoạch %s năm %d.", im.Bundle.TaskCount(), stored.Ref(), stored.Year), p.flow.Window)
	p.Done.Show()
	p.flow.end(nil)
}

// newProgressPreview previews a division's tracking sheet: the tasks it
// would update, old → new; the rows that wait for the officer's word, each
// with its box; the rows left alone and why; the rows not read.
func newProgressPreview(f *importFlow, plan store.Plan, sheet *importer.ProgressSheet, o db.ProgressOutcome, tasks []store.Task) *importPreview {
	p := &importPreview{flow: f, Summary: widget.NewLabel(progressSummary(plan, sheet, o))}
	for _, c := range o.Updated {
		p.Lines = append(p.Lines, changeLine(c))
	}
	for _, c := range o.Unconfirmed {
		p.ToConfirm = append(p.ToConfirm, changeLine(c)+" ["+strings.Join(c.Flags(), "; ")+"]")
	}
	p.confirmed = make([]bool, len(p.ToConfirm))
	p.Skipped = skippedLines(plan, o, tasks)
	for _, problem := range sheet.Problems {
		p.Problems = append(p.Problems, widgets.Capitalize(problem.String()))
	}
	var extra []fyne.CanvasObject
	if sheet.Stale() {
		warning := widget.NewLabel(widgets.Localf("Bảng này không ghi ngày xuất (bảng xuất từ phiên bản trước của chương trình), nên không biết số liệu trong đó cũ hay mới hơn tiến độ đã ghi: "+
			"mỗi dòng có thay đổi cần xác nhận (thẻ “Cần xác nhận”). Dòng không ghi ngày cập nhật sẽ mang ngày %s.", f.Today()))
		warning.Wrapping = fyne.TextWrapWord
		warning.Importance = widget.WarningImportance
		extra = append(extra, warning)
	}
	p.confirm = func() { p.confirmProgress(plan, sheet, o.Unconfirmed) }
	p.build(widgets.Localf("Xem trước tiến độ: %s", sheet.File), lang.L("Cập nhật"), lang.L("Sẽ cập nhật"), extra...)
	return p
}

// progressSummary says in a few lines what the sheet would change.
func progressSummary(plan store.Plan, sheet *importer.ProgressSheet, o db.ProgressOutcome) string {
	exported := "bảng không ghi ngày xuất"
	if !sheet.Stale() {
		exported = "bảng xuất ngày " + sheet.Exported.String()
	}
	line := widgets.Localf("%s (%s): %d dòng nhiệm vụ cho kế hoạch %s năm %d. Sẽ cập nhật %d nhiệm vụ; %d nhiệm vụ không đổi",
		sheet.File, exported, len(sheet.Rows), plan.Ref(), plan.Year, len(o.Updated), len(o.Unchanged))
	if n := len(o.Unconfirmed); n > 0 {
		line += widgets.Localf("; %d dòng cần xác nhận", n)
	}
	if n := len(o.Unmatched) + len(o.Changed) + len(o.Older) + len(o.Conflicting) + len(o.Future); n > 0 {
		line += widgets.Localf("; bỏ qua %d dòng", n)
	}
	line += "."
	if n := len(o.Older); n > 0 {
		line += widgets.Localf("\n%d dòng cũ hơn tin đã có trong chương trình: không ghi, tiến độ đã ghi giữ nguyên (xem thẻ “Bỏ qua”).", n)
	}
	return line
}

// changeLine writes a change, old → new, with its row and task.
func changeLine(c store.SheetChange) string {
	return widgets.Localf("Dòng %d · %s: %s · %s", c.Row.Row, c.Number, c.Describe(), widgets.ShortText(c.Task.Content, 60))
}

// skippedLines are the rows left alone, each with why.
func skippedLines(plan store.Plan, o db.ProgressOutcome, tasks []store.Task) []string {
	byID := make(map[uint64]store.Task, len(tasks))
	for _, t := range tasks {
		byID[t.ID] = t
	}
	var lines []string
	for _, row := range o.Unmatched {
		lines = append(lines, widgets.Localf("Dòng %d: mã %d không khớp nhiệm vụ nào của kế hoạch %s", row.Row, row.TaskID, plan.Ref()))
	}
	for _, row := range o.Changed {
		task := byID[row.TaskID]
		lines = append(lines, widgets.Localf("Dòng %d: nhiệm vụ %s. %s đã sửa trong chương trình sau khi xuất tệp; hãy xuất lại cho đơn vị", row.Row, task.Ordinal, widgets.ShortText(task.Content, 60)))
	}
	for _, c := range o.Older {
		since := ""
		if c.NewsSinceExport() {
			since = " (ghi sau khi xuất bảng)"
		}
		lines = append(lines, widgets.Localf("Dòng %d · %s: chương trình đã có cập nhật ngày %s%s, mới hơn hoặc cùng ngày với số liệu của dòng (%s); không ghi %s",
			c.Row.Row, c.Number, c.Task.Track.LastUpdate, since, c.Date, c.Describe()))
	}
	for _, row := range o.Conflicting {
		task := byID[row.TaskID]
		lines = append(lines, widgets.Localf("Dòng %d: nhiệm vụ %s. %s: tiến độ 100%% nhưng trạng thái “Chưa thực hiện”; hãy hỏi đơn vị nhiệm vụ đã hoàn thành hay chưa bắt đầu",
			row.Row, task.Ordinal, widgets.ShortText(task.Content, 60)))
	}
	for _, c := range o.Future {
		lines = append(lines, widgets.Localf("Dòng %d · %s: ngày cập nhật %s sau hôm nay; hãy hỏi đơn vị ngày đúng", c.Row.Row, c.Number, c.Date))
	}
	return lines
}

// confirmProgress applies the sheet in one transaction, with the rows the
// officer ticked confirmed, and has every screen read the plan again.
func (p *importPreview) confirmProgress(plan store.Plan, sheet *importer.ProgressSheet, waiting []store.SheetChange) {
	f := p.flow
	ticked := map[int]bool{}
	for i, c := range waiting {
		ticked[c.Row.Row] = p.confirmed[i]
	}
	rows := make([]store.ProgressRow, len(sheet.Rows))
	for i, r := range sheet.Rows {
		r.AllowLower, r.AcceptStale = ticked[r.Row], ticked[r.Row]
		rows[i] = r
	}
	outcome, err := export.ApplyProgress(f.store, plan.ID, rows, f.Today(), false)
	if err != nil {
		f.fail(err)
		return
	}
	if err := f.Current.Select(plan.ID); err != nil {
		f.ShowError(err)
	}
	message := widgets.Localf("Đã cập nhật tiến độ %d nhiệm vụ của kế hoạch %s.", len(outcome.Updated), plan.Ref())
	if n := len(outcome.Unconfirmed); n > 0 {
		message += widgets.Localf("\n%d dòng cần xác nhận không được chọn: không ghi.", n)
	}
	if skipped := len(outcome.Unmatched) + len(outcome.Changed) + len(outcome.Older) + len(outcome.Conflicting) + len(outcome.Future); skipped > 0 {
		message += widgets.Localf("\n%d dòng bị bỏ qua (xem lý do trong bản xem trước).", skipped)
	}
	p.Done = dialog.NewInformation(lang.L("Đã nhập tiến độ"), message, f.Window)
	p.Done.Show()
	p.flow.end(nil)
}
