package reports

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/kehoach/cchc/store/reporting"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store"
)

// TargetsStore is what the targets screen needs of the data: the targets
// with their results in a period, the actuals and the statistical figures
// to enter, and the baseline and feed of a target to change.
type TargetsStore interface {
	Settings() (store.Settings, error)
	TargetResults(planID uint64, p store.Period) ([]reporting.TargetResult, error)
	SetActual(a reporting.Actual) (reporting.Actual, error)
	ClearActual(planID, targetID uint64, p store.Period) error
	UpdateTarget(t store.Target) error
	Figures(planID uint64, p store.Period) (reporting.Figures, error)
	SaveFigures(f reporting.Figures) (reporting.Figures, error)
}

// Columns of the targets table.
const (
	targetColCode = iota
	targetColIndicator
	targetColGoal
	targetColActual
	targetColVerdict
	targetColumnCount
)

func targetColumnTitles() [targetColumnCount]string {
	return [targetColumnCount]string{lang.L("Mã"), lang.L("Chỉ tiêu"), lang.L("Kế hoạch"), lang.L("Thực hiện"), lang.L("Đánh giá")}
}

// targetColumnWidths keep a whole code, goal, actual and verdict; the
// indicator takes the rest.
func targetColumnWidths() []widgets.ColumnWidth {
	titles := targetColumnTitles()
	return []widgets.ColumnWidth{
		targetColCode:      widgets.FixedWidth(72, widgets.TextWidth(true, titles[targetColCode]), widgets.TextWidth(false, "III.2.10")),
		targetColIndicator: {Preferred: 360, Least: 160, Grow: 4},
		targetColGoal:      widgets.FixedWidth(190, widgets.TextWidth(true, titles[targetColGoal]), widgets.TextWidth(false, "≥ 100%")).Growing(1),
		targetColActual:    widgets.FixedWidth(200, widgets.TextWidth(true, titles[targetColActual]), widgets.TextWidth(false, "98,75% (158/160)")).Growing(1),
		targetColVerdict:   widgets.FixedWidth(120, widgets.TextWidth(true, titles[targetColVerdict]), widgets.TextWidth(false, string(reporting.VerdictNoData))),
	}
}

// TargetsScreen is "Chỉ tiêu": the plan's targets in the plan's own words,
// each with its code, its goal, what it reached in the period chosen and
// the verdict (with what is missing when there is none); the selected
// target's actual, source, evidence, baseline and feed are edited below
// the table. A second tab holds the period's statistical figures, which
// the targets they feed are computed from.
type TargetsScreen struct {
	store   TargetsStore
	today   func() store.Date
	onError func(error)

	plan     store.Plan
	periods  store.PeriodSettings
	results  []reporting.TargetResult
	selected uint64 // the id of the target selected, 0 for none

	Period  *widgets.PeriodChoice
	Summary *widget.Label
	Table   *widget.Table
	Editor  *targetEditor
	Figures *figuresForm
	Tabs    *container.AppTabs
	content fyne.CanvasObject
}

// NewTargetsScreen builds the screen and has it follow the current plan.
func NewTargetsScreen(st TargetsStore, current *widgets.CurrentPlan, today func() store.Date, onError func(error)) *TargetsScreen {
	s := &TargetsScreen{store: st, today: today, onError: onError, Summary: widget.NewLabel("")}
	s.Summary.Truncation = fyne.TextTruncateEllipsis
	s.Period = widgets.NewPeriodChoice(s.ShowPeriod)
	s.Table = &widget.Table{
		Length:        func() (int, int) { return len(s.results), targetColumnCount },
		CreateCell:    widgets.NewCellLabel,
		UpdateCell:    s.updateCell,
		OnSelected:    s.onRowSelected,
		ShowHeaderRow: true,
		CreateHeader:  widgets.NewCellLabel,
		UpdateHeader:  updateTargetHeader,
	}
	s.Table.ExtendBaseWidget(s.Table)
	widths := targetColumnWidths()
	s.Editor = newTargetEditor(s.saveTarget)
	s.Figures = newFiguresForm(s.saveFigures)
	split := container.NewVSplit(container.New(&widgets.FillColumnLayout{Table: s.Table, Widths: widths, Fill: targetColIndicator}, s.Table), s.Editor.content)
	split.Offset = 0.55
	s.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Chỉ tiêu"), split),
		container.NewTabItem(lang.L("Số liệu thống kê"), s.Figures.content),
	)
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Kỳ báo cáo")), s.Period.Select), nil, s.Summary)
	s.content = container.NewBorder(top, nil, nil, nil, s.Tabs)
	current.OnChanged(s.ShowPlan)
	return s
}

// Content returns the screen's root object.
func (s *TargetsScreen) Content() fyne.CanvasObject { return s.content }

// ShowPlan shows a plan's targets in the period that holds today (the
// whole year for a plan of another year); a plan with ID 0 empties the
// screen.
func (s *TargetsScreen) ShowPlan(plan store.Plan) {
	s.plan, s.selected = plan, 0
	settings, err := s.store.Settings()
	if err != nil {
		s.onError(err)
		return
	}
	s.periods = settings.Periods
	s.ShowPeriod(widgets.CurrentPeriod(plan, s.today(), s.periods))
}

// ShowPeriod shows the targets' results and the figures of period p.
func (s *TargetsScreen) ShowPeriod(p store.Period) {
	s.Period.Set(p)
	s.Reload()
}

// ShowTarget shows a target in period p, selected, as a line of the
// overview opens it.
func (s *TargetsScreen) ShowTarget(targetID uint64, p store.Period) {
	s.Tabs.SelectIndex(0)
	s.ShowPeriod(p)
	for i, r := range s.results {
		if r.Target.ID == targetID {
			s.Table.Select(widget.TableCellID{Row: i, Col: targetColIndicator})
			s.Table.ScrollTo(widget.TableCellID{Row: i, Col: targetColCode})
		}
	}
}

// Reload reads the period's results and figures again, keeping the target
// selected.
func (s *TargetsScreen) Reload() {
	p := s.Period.Period()
	if s.plan.ID == 0 || p.IsZero() {
		s.results = nil
		s.Summary.SetText(lang.L("Chưa có kế hoạch nào."))
		s.Editor.clear()
		s.Table.Refresh()
		return
	}
	results, err := s.store.TargetResults(s.plan.ID, p)
	if err != nil {
		s.onError(err)
		return
	}
	figures, err := s.store.Figures(s.plan.ID, p)
	if err != nil {
		s.onError(err)
		return
	}
	s.results = results
	counts := reporting.CountVerdicts(results)
	s.Summary.SetText(widgets.Localf("%s: %d chỉ tiêu · đạt %d · không đạt %d · chưa có số liệu %d", widgets.Capitalize(p.Name()),
		len(results), counts[reporting.VerdictMet], counts[reporting.VerdictNotMet], counts[reporting.VerdictNoData]))
	s.Figures.show(figures, results)
	s.Table.Refresh()
	s.showSelected()
}

// showSelected shows the target selected in the editor, or the hint.
func (s *TargetsScreen) showSelected() {
	for _, r := range s.results {
		if r.Target.ID == s.selected {
			s.Editor.show(r, s.Period.Period())
			return
		}
	}
	s.selected = 0
	s.Table.UnselectAll()
	s.Editor.clear()
}

// Results returns the targets' results shown.
func (s *TargetsScreen) Results() []reporting.TargetResult { return s.results }

// Save saves what is being edited on the tab shown: the selected target,
// or the figures. Ctrl+S runs it.
func (s *TargetsScreen) Save() {
	if s.Tabs.SelectedIndex() == 1 {
		s.Figures.Save()
		return
	}
	s.Editor.Save()
}

func updateTargetHeader(id widget.TableCellID, obj fyne.CanvasObject) {
	label := obj.(*widget.Label)
	label.TextStyle = fyne.TextStyle{Bold: true}
	if id.Col >= 0 && id.Col < targetColumnCount {
		label.SetText(targetColumnTitles()[id.Col])
	}
}

func (s *TargetsScreen) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	label := obj.(*widget.Label)
	if id.Row < 0 || id.Row >= len(s.results) {
		label.SetText("")
		return
	}
	r := s.results[id.Row]
	label.Importance = widget.MediumImportance
	if id.Col == targetColVerdict {
		label.Importance = verdictImportance(r.Verdict)
	}
	label.SetText(targetCellText(r, id.Col))
}

// targetCellText is what a cell of the targets table shows.
func targetCellText(r reporting.TargetResult, col int) string {
	switch col {
	case targetColCode:
		return r.Target.Code
	case targetColIndicator:
		return widgets.OneLine(r.Target.Indicator)
	case targetColGoal:
		return r.Target.Goal()
	case targetColActual:
		return r.ValueText()
	case targetColVerdict:
		return string(r.Verdict)
	}
	return ""
}

// verdictImportance colours a verdict: met green, not met red.
func verdictImportance(v reporting.Verdict) widget.Importance {
	switch v {
	case reporting.VerdictMet:
		return widget.SuccessImportance
	case reporting.VerdictNotMet:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// CellText returns the text of a cell, for tests.
func (s *TargetsScreen) CellText(row, col int) string { return targetCellText(s.results[row], col) }

func (s *TargetsScreen) onRowSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.results) {
		return
	}
	s.selected = s.results[id.Row].Target.ID
	s.Editor.show(s.results[id.Row], s.Period.Period())
}

// SelectTarget selects the target with the given code in the table, as a
// click does.
func (s *TargetsScreen) SelectTarget(code string) bool {
	for i, r := range s.results {
		if r.Target.Code == code {
			s.Table.Select(widget.TableCellID{Row: i, Col: targetColIndicator})
			return true
		}
	}
	return false
}

// saveTarget stores what the editor holds for a target in the period: its
// changed baseline and feed, and its actual (none when the value is
// blank); then shows the new result.
func (s *TargetsScreen) saveTarget(edit targetEdit) error {
	p := s.Period.Period()
	if edit.targetChanged {
		if err := s.store.UpdateTarget(edit.target); err != nil {
			return err
		}
	}
	switch {
	case edit.actual != nil:
		a := *edit.actual
		a.PlanID, a.TargetID, a.Period = s.plan.ID, edit.target.ID, p
		if _, err := s.store.SetActual(a); err != nil {
			return err
		}
	case edit.clearActual:
		if err := s.store.ClearActual(s.plan.ID, edit.target.ID, p); err != nil {
			return err
		}
	}
	s.Reload()
	return nil
}

// saveFigures stores the period's figures and shows the targets they feed.
func (s *TargetsScreen) saveFigures(f reporting.Figures) error {
	f.PlanID, f.Period = s.plan.ID, s.Period.Period()
	if _, err := s.store.SaveFigures(f); err != nil {
		return err
	}
	s.Reload()
	return nil
}
