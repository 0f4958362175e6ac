package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

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
	// Skipped are rows that will be left alone, with the reason.
	Skipped []string
	// Problems are the rows that could not be read, with the reason.
	Problems []string
	// Year is the year a plan is imported into; nil for progress.
	Year *entry
	// Replace asks before an import replaces a plan's tasks.
	Replace *dialog.ConfirmDialog
	// Done tells how the import ended.
	Done dialog.Dialog
	// confirm stores what the preview shows.
	confirm func()
}

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
	if len(p.Skipped) > 0 {
		tabs.Append(container.NewTabItem(localf("Bỏ qua (%d)", len(p.Skipped)), textList(p.Skipped)))
	}
	tabs.Append(container.NewTabItem(localf("Dòng không đọc được (%d)", len(p.Problems)), textList(p.Problems)))
	if len(p.Problems) > 0 && len(p.Lines) > 0 {
		tabs.SelectIndex(len(tabs.Items) - 1)
	}
	content := container.NewBorder(top, nil, nil, nil, tabs)
	p.dialog = dialog.NewCustomConfirm(title, confirmText, lang.L("Huỷ"), content, func(ok bool) {
		if ok {
			p.confirm()
			return
		}
		p.flow.end(context.Canceled)
	}, p.flow.window)
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

// newPlanPreview previews a plan read from a file.
func newPlanPreview(f *importFlow, im *importer.Imported) *importPreview {
	p := &importPreview{flow: f, Summary: widget.NewLabel(planSummary(im))}
	p.Lines = importedLines(im.Bundle)
	for _, problem := range im.Problems {
		p.Problems = append(p.Problems, capitalize(problem.String()))
	}
	p.Year = newEntry()
	p.Year.SetText(strconv.Itoa(im.GuessYear(f.defaultYear())))
	extra := []fyne.CanvasObject{widget.NewForm(widget.NewFormItem(lang.L("Nhập vào kế hoạch năm"), p.Year))}
	for _, note := range im.Notes {
		label := widget.NewLabel(localf("Lưu ý: %s", note))
		label.Wrapping = fyne.TextWrapWord
		extra = append(extra, label)
	}
	p.confirm = func() { p.confirmPlan(im) }
	p.build(localf("Xem trước: %s", im.File), lang.L("Nhập"), lang.L("Lĩnh vực và nhiệm vụ đọc được"), extra...)
	return p
}

// planSummary says what a file holds.
func planSummary(im *importer.Imported) string {
	line := localf("%s (%s, %s, dòng tiêu đề %d): %d lĩnh vực, %d nhiệm vụ", im.File, im.Format, im.Source, im.HeaderRow, len(im.Bundle.Areas), im.Bundle.TaskCount())
	if len(im.Problems) > 0 {
		line += localf("; %d dòng không đọc được (xem thẻ cuối)", len(im.Problems))
	}
	if p := im.Bundle.Plan; p.Number != "" {
		line += localf(". Kế hoạch số %s ngày %s", p.Ref(), p.IssueDate)
	}
	return line + "."
}

// importedLines lists areas and tasks as the preview shows them.
func importedLines(b store.Bundle) []string {
	var lines []string
	for _, a := range b.Areas {
		lines = append(lines, a.Label())
		for _, t := range a.Tasks {
			lines = append(lines, fmt.Sprintf("    %s. %s · %s · %s", t.Ordinal, oneLine(t.Content), t.Lead, t.Timeline.Text))
		}
	}
	return lines
}

func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }

// capitalize starts a message with a capital letter.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// defaultYear is the year of the current plan, or this year.
func (h actionHost) defaultYear() int {
	if plan, ok := h.current.Plan(); ok {
		return plan.Year
	}
	return h.today().Year
}

// confirmPlan imports into the year typed: a new plan, or, after asking,
// the existing plan's tasks replaced. The plan is chosen by the same rule
// as cchc-cli's, preferring the current plan.
func (p *importPreview) confirmPlan(im *importer.Imported) {
	f := p.flow
	preferred := uint64(0)
	if plan, ok := f.current.Plan(); ok {
		preferred = plan.ID
	}
	year := strings.TrimSpace(p.Year.Text)
	if y, err := strconv.Atoi(year); err != nil || !store.ValidYear(y) {
		p.flow.fail(errors.New(localf("năm “%s” không hợp lệ: ghi năm của kế hoạch, ví dụ 2025", p.Year.Text)))
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
	message := capitalize(export.ReplaceWarning(target, im)) + lang.L(".\nThay toàn bộ?")
	p.Replace = dialog.NewConfirm(lang.L("Thay thế nhiệm vụ?"), message, func(ok bool) {
		if !ok {
			p.flow.end(context.Canceled)
			return
		}
		p.storePlan(im, target)
	}, f.window)
	p.Replace.SetConfirmText(lang.L("Thay thế"))
	p.Replace.SetDismissText(lang.L("Huỷ"))
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
	if err := p.flow.current.Select(stored.ID); err != nil {
		p.flow.showError(err)
	}
	p.Done = dialog.NewInformation(lang.L("Đã nhập"), localf("Đã nhập %d nhiệm vụ vào kế hoạch %s năm %d.", im.Bundle.TaskCount(), stored.Ref(), stored.Year), p.flow.window)
	p.Done.Show()
	p.flow.end(nil)
}

// newProgressPreview previews a division's tracking sheet: the tasks it
// would update, the rows left alone and why, the rows not read.
func newProgressPreview(f *importFlow, plan store.Plan, sheet *importer.ProgressSheet, o store.ProgressOutcome, tasks []store.Task) *importPreview {
	byID := make(map[uint64]store.Task, len(tasks))
	for _, t := range tasks {
		byID[t.ID] = t
	}
	summary := localf("%s: %d dòng nhiệm vụ cho kế hoạch %s năm %d. Sẽ cập nhật %d nhiệm vụ; %d nhiệm vụ không đổi; bỏ qua %d dòng.",
		sheet.File, len(sheet.Rows), plan.Ref(), plan.Year, len(o.Updated), len(o.Unchanged), len(o.Unmatched)+len(o.Changed))
	p := &importPreview{flow: f, Summary: widget.NewLabel(summary)}
	for _, row := range o.Updated {
		task, recorded := byID[row.TaskID], row.Recorded()
		p.Lines = append(p.Lines, localf("Dòng %d · %s. %s → %s, %d%%", row.Row, task.Ordinal, shortText(task.Content, 80), recorded.Status, recorded.Percent))
	}
	for _, row := range o.Unmatched {
		p.Skipped = append(p.Skipped, localf("Dòng %d: mã %d không khớp nhiệm vụ nào của kế hoạch %s", row.Row, row.TaskID, plan.Ref()))
	}
	for _, row := range o.Changed {
		task := byID[row.TaskID]
		p.Skipped = append(p.Skipped, localf("Dòng %d: nhiệm vụ %s. %s đã sửa trong chương trình sau khi xuất tệp; hãy xuất lại cho đơn vị", row.Row, task.Ordinal, shortText(task.Content, 60)))
	}
	for _, problem := range sheet.Problems {
		p.Problems = append(p.Problems, capitalize(problem.String()))
	}
	p.confirm = func() { p.confirmProgress(plan, sheet) }
	p.build(localf("Xem trước tiến độ: %s", sheet.File), lang.L("Cập nhật"), lang.L("Sẽ cập nhật"))
	return p
}

func shortText(text string, n int) string {
	r := []rune(oneLine(text))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// confirmProgress applies the sheet in one transaction and has every screen
// read the plan again.
func (p *importPreview) confirmProgress(plan store.Plan, sheet *importer.ProgressSheet) {
	f := p.flow
	outcome, err := f.store.ApplyProgress(plan.ID, sheet.Rows, f.today(), false)
	if err != nil {
		f.fail(err)
		return
	}
	if err := f.current.Select(plan.ID); err != nil {
		f.showError(err)
	}
	message := localf("Đã cập nhật tiến độ %d nhiệm vụ của kế hoạch %s.", len(outcome.Updated), plan.Ref())
	if skipped := len(outcome.Unmatched) + len(outcome.Changed); skipped > 0 {
		message += localf("\n%d dòng bị bỏ qua (không khớp hoặc nhiệm vụ đã sửa sau khi xuất).", skipped)
	}
	p.Done = dialog.NewInformation(lang.L("Đã nhập tiến độ"), message, f.window)
	p.Done.Show()
	p.flow.end(nil)
}
