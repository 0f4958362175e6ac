package reports

import (
	"context"
	"errors"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

// ReportsStore is what the reports screen needs of the data: the reports
// saved, and what drafting, saving, sending and printing one read and
// write.
type ReportsStore interface {
	export.ReportStore
	export.Source
	Reports(planID uint64) ([]reporting.Report, error)
}

// ReportsScreen is "Báo cáo": the periodic reports of the plan saved so
// far, every version with its period, status, number and date; drafting a
// period's report from the data (asking before a redraft touches what the
// officer edited); editing the one selected, heading by heading and
// paragraph by paragraph; marking it sent with its number and date, after
// which it is frozen and an edit makes a new version; printing it as a PDF
// or a workbook.
type ReportsScreen struct {
	widgets.ActionHost
	store ReportsStore

	// OnRollover starts next year's plan from this one; the window sets it.
	OnRollover func()
	// finished, when set, is told when drafting ends; tests wait on it.
	finished func(error)

	plan     store.Plan
	reports  []reporting.Report
	selected int // index in reports, -1 for none

	Period         *widgets.PeriodChoice
	AsOf           *widgets.Entry
	DraftButton    *widget.Button
	RolloverButton *widget.Button
	List           *widget.List
	Header         *widget.Label
	Editor         *reportEditor
	SaveButton     *widget.Button
	SendButton     *widget.Button
	PDFButton      *widget.Button
	ExcelButton    *widget.Button
	// Asked is the last question shown: the conflicts of a redraft, or the
	// number and date of a report sent.
	Asked   dialog.Dialog
	redraft *redraftChoice
	send    *sendForm
	print   *reportPrint
	content fyne.CanvasObject
}

// NewReportsScreen builds the screen and has it follow the current plan.
func NewReportsScreen(host widgets.ActionHost, st ReportsStore) *ReportsScreen {
	s := &ReportsScreen{ActionHost: host, store: st, selected: -1}
	s.Period = widgets.NewPeriodChoice(s.onPeriodChosen)
	s.AsOf = widgets.NewEntry()
	s.AsOf.SetPlaceHolder(lang.L("cuối kỳ"))
	s.DraftButton = widget.NewButton(lang.L("Soạn báo cáo"), s.onDraft)
	s.DraftButton.Importance = widget.HighImportance
	s.RolloverButton = widget.NewButton(lang.L("Tạo kế hoạch năm sau…"), s.onRollover)
	s.List = widget.NewList(func() int { return len(s.reports) }, widgets.NewCellLabel,
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(reportLine(s.reports[i])) })
	s.List.OnSelected = func(i widget.ListItemID) { s.showReport(i) }
	s.Header = widget.NewLabel("")
	s.Header.Wrapping = fyne.TextWrapWord
	s.Editor = newReportEditor(s.RefreshButtons)
	s.SaveButton = widget.NewButton(lang.L("Lưu báo cáo"), func() { s.Save() })
	s.SaveButton.Importance = widget.HighImportance
	s.SendButton = widget.NewButton(lang.L("Đánh dấu đã gửi…"), s.onSend)
	s.PDFButton = widget.NewButton(lang.L("In PDF…"), func() { s.onPrint(export.PDF) })
	s.ExcelButton = widget.NewButton(lang.L("Xuất Excel…"), func() { s.onPrint(export.XLSX) })
	s.print = newReportPrint(host, st)
	s.content = s.layout()
	host.Current.OnChanged(s.ShowPlan)
	return s
}

// layout puts the drafting controls and the list of reports above the
// report selected, its actions over its text.
func (s *ReportsScreen) layout() fyne.CanvasObject {
	asOfWidth := widgets.TextWidth(false, "00/00/00000") + 16
	top := widgets.NewBarAbove(s.List, widget.NewLabel(lang.L("Kỳ")), s.Period.Select,
		widget.NewLabel(lang.L("số liệu đến")), container.NewGridWrap(fyne.NewSize(asOfWidth, s.AsOf.MinSize().Height), s.AsOf),
		s.DraftButton, s.RolloverButton)
	report := container.NewBorder(widget.NewSeparator(), nil, nil, nil, s.Editor.content())
	bottom := container.NewBorder(s.Header, nil, nil, nil,
		widgets.NewBarAbove(report, s.SaveButton, s.SendButton, s.PDFButton, s.ExcelButton))
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.25
	return split
}

// Content returns the screen's root object.
func (s *ReportsScreen) Content() fyne.CanvasObject { return s.content }

// reportLine is a report as the list shows it: "Quý I năm 2023 · bản 2 ·
// đã gửi · số 15/BC-SKH ngày 20/03/2023 · số liệu đến 14/03/2023".
func reportLine(r reporting.Report) string {
	line := widgets.Localf("%s · bản %d · %s", widgets.Capitalize(r.Period.Name()), r.Version, r.Status)
	if r.Sent() {
		line += " · " + widgets.Localf("số %s ngày %s", r.Ref(), r.Date)
	}
	return line + " · " + widgets.Localf("số liệu đến %s", r.AsOf)
}

// ShowPlan lists a plan's reports and chooses the period that holds today.
func (s *ReportsScreen) ShowPlan(plan store.Plan) {
	s.plan = plan
	settings, err := s.store.Settings()
	if err != nil {
		s.ShowError(err)
		return
	}
	s.Period.Set(widgets.CurrentPeriod(plan, s.Today(), settings.Periods))
	s.AsOf.SetText("")
	s.selected = -1
	s.Editor.clear()
	s.Reload()
}

// Reload lists the reports again, keeping the report shown and what is
// typed in it.
func (s *ReportsScreen) Reload() {
	s.reports = nil
	if s.plan.ID != 0 {
		reports, err := s.store.Reports(s.plan.ID)
		if err != nil {
			s.ShowError(err)
			return
		}
		s.reports = reports
	}
	s.List.Refresh()
	s.RefreshButtons()
}

// Reports returns the reports listed.
func (s *ReportsScreen) Reports() []reporting.Report { return s.reports }

// SelectReport shows the report with the given id as stored, as a click in
// the list does, even when it was shown already.
func (s *ReportsScreen) SelectReport(id uint64) {
	for i, r := range s.reports {
		if r.ID == id {
			s.List.UnselectAll()
			s.List.Select(i)
			s.List.ScrollTo(i)
			return
		}
	}
}

// showReport shows report i in the editor: editable when it is the latest
// version of its period.
func (s *ReportsScreen) showReport(i int) {
	if i < 0 || i >= len(s.reports) {
		return
	}
	s.selected = i
	r := s.reports[i]
	s.Period.Set(r.Period)
	s.Editor.show(r, !s.latest(i))
	s.RefreshButtons()
}

// latest reports whether report i is the latest version of its period.
func (s *ReportsScreen) latest(i int) bool {
	return i == len(s.reports)-1 || s.reports[i+1].Period != s.reports[i].Period
}

// current returns the report shown, and false when none is.
func (s *ReportsScreen) current() (reporting.Report, bool) {
	if s.selected < 0 || s.selected >= len(s.reports) {
		return reporting.Report{}, false
	}
	return s.reports[s.selected], true
}

// RefreshButtons says what the report shown is and offers what can be done
// with it.
func (s *ReportsScreen) RefreshButtons() {
	widgets.Enable(s.DraftButton, s.plan.ID != 0)
	widgets.Enable(s.RolloverButton, s.plan.ID != 0 && s.OnRollover != nil)
	r, ok := s.current()
	editable := ok && s.latest(s.selected)
	widgets.Enable(s.SaveButton, editable && s.Editor.Dirty)
	widgets.Enable(s.SendButton, editable && !r.Sent())
	widgets.Enable(s.PDFButton, editable)
	widgets.Enable(s.ExcelButton, editable)
	s.Header.SetText(s.headerText(r, ok))
}

// headerText says which report is shown and what editing it does.
func (s *ReportsScreen) headerText(r reporting.Report, ok bool) string {
	switch {
	case !ok && len(s.reports) == 0:
		return lang.L("Chưa có báo cáo nào. Chọn kỳ rồi bấm \"Soạn báo cáo\": chương trình soạn báo cáo từ tiến độ các nhiệm vụ, kết quả các chỉ tiêu và số liệu thống kê của kỳ.")
	case !ok:
		return lang.L("Chọn một báo cáo trong danh sách để xem và sửa.")
	case !s.latest(s.selected):
		return widgets.Localf("%s: bản cũ, đã có bản mới hơn; chỉ để xem.", r.Label())
	case r.Sent():
		return widgets.Localf("%s, số %s ngày %s. Báo cáo đã gửi được giữ nguyên: sửa rồi lưu sẽ thành bản mới.", r.Label(), r.Ref(), r.Date)
	case s.Editor.Dirty:
		return widgets.Localf("%s · số liệu đến %s · có sửa đổi chưa lưu", r.Label(), r.AsOf)
	}
	return widgets.Localf("%s · số liệu đến %s · %d chỗ đã sửa tay", r.Label(), r.AsOf, r.EditedCount())
}

// onPeriodChosen shows the latest report of the period chosen, if any.
func (s *ReportsScreen) onPeriodChosen(p store.Period) {
	for i := len(s.reports) - 1; i >= 0; i-- {
		if s.reports[i].Period == p {
			s.List.Select(i)
			return
		}
	}
	s.List.UnselectAll()
	s.selected = -1
	s.Editor.clear()
	s.RefreshButtons()
}

// Save saves what the officer typed in the report shown, as "Lưu báo cáo"
// does: a sent report stays as sent, and the edit becomes a new version.
// It reports whether there is nothing left unsaved.
func (s *ReportsScreen) Save() bool {
	if _, ok := s.current(); !ok || !s.Editor.Dirty {
		return true
	}
	edited, err := s.Editor.Edited()
	if err != nil {
		s.ShowError(err)
		return false
	}
	saved, err := s.store.SaveReport(edited)
	if err != nil {
		s.ShowError(err)
		return false
	}
	s.Reload()
	s.SelectReport(saved.ID)
	return true
}

func (s *ReportsScreen) onRollover() {
	if s.OnRollover != nil {
		s.OnRollover()
	}
}

// onDraft drafts the report of the period chosen from the data, as of the
// day typed (the period's end, or the report's own day, when blank),
// after saving what was typed in the report shown.
func (s *ReportsScreen) onDraft() {
	p := s.Period.Period()
	if s.plan.ID == 0 || p.IsZero() {
		return
	}
	var asOf store.Date
	if text := s.AsOf.Text; text != "" {
		var err error
		if asOf, err = widgets.ParseDay(text); err != nil {
			s.ShowError(err)
			return
		}
	}
	if !s.Save() {
		return
	}
	s.draft(export.DraftRequest{PlanID: s.plan.ID, Period: p, AsOf: asOf, Mode: reporting.RedraftAsk})
}

// draft drafts a report behind a progress dialog.
func (s *ReportsScreen) draft(req export.DraftRequest) {
	var result export.DraftResult
	widgets.RunWithProgress(s.Window, widgets.Localf("Đang soạn báo cáo %s", req.Period.Name()), func(context.Context, func(float64)) error {
		var err error
		result, err = export.DraftReport(s.store, req)
		return err
	}, func(err error) { s.onDrafted(req, result, err) })
}

// onDrafted shows the report drafted, or asks what to do with the edits a
// redraft would change.
func (s *ReportsScreen) onDrafted(req export.DraftRequest, result export.DraftResult, err error) {
	if s.finished != nil {
		defer s.finished(err)
	}
	switch {
	case errors.Is(err, reporting.ErrEdited):
		s.askConflicts(req, result.Conflicts)
	case err != nil:
		s.ShowError(err)
	default:
		s.AsOf.SetText("") // the report says its day; the next draft counts to its own
		s.Reload()
		s.SelectReport(result.Report.ID)
	}
}
