package overview

import (
	"slices"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// Store is what the overview needs of the data: the plan's areas, where
// each task stands on a day, the targets' results in a period, and the
// settings that say how due dates and periods count.
type Store interface {
	Areas(planID uint64) ([]store.Area, error)
	Settings() (store.Settings, error)
	Standings(planID uint64, asOf store.Date) ([]db.TaskStanding, error)
	TargetResults(planID uint64, p store.Period) ([]reporting.TargetResult, error)
}

// overviewLine is one line of a list of the overview, and what opens it.
type overviewLine struct {
	text string
	open func()
}

// Screen is "Tổng quan", the screen the window opens on: where the
// plan stands on a reporting date the officer chooses (today, or a
// period's cut-off), counted by computed status over the whole plan and
// drawn by area; the overdue tasks, those due within the due-soon days and
// the targets not met in the period holding the date. Each line opens its
// task or target.
type Screen struct {
	store   Store
	today   func() store.Date
	onError func(error)

	// OnOpenTask shows a task on the task screen; OnOpenTarget shows a
	// target on the targets screen in a period. The window sets them.
	OnOpenTask   func(taskID uint64)
	OnOpenTarget func(targetID uint64, p store.Period)

	plan   store.Plan
	rules  store.Rules
	asOf   store.Date
	period store.Period
	// quiet is set while the date field is filled from the code.
	quiet bool

	AsOf        *widgets.Entry
	DateProblem *widget.Label
	Cutoffs     *widget.Select
	cutoffs     []cutoffChoice
	Heading     *widget.Label
	Chart       *widgets.StatusChart
	Lists       *container.AppTabs
	// Overdue, DueSoon and NotMet are the lists of the tabs: the overdue
	// tasks, the tasks due soon and the targets not met.
	Overdue *LineList
	DueSoon *LineList
	NotMet  *LineList
	content fyne.CanvasObject
}

// NewScreen builds the screen and has it follow the current plan.
func NewScreen(st Store, current *widgets.CurrentPlan, today func() store.Date, onError func(error)) *Screen {
	s := &Screen{store: st, today: today, onError: onError}
	s.AsOf = widgets.NewEntry()
	s.AsOf.SetPlaceHolder("14/03/2023")
	s.AsOf.OnChanged = s.onDateTyped
	s.DateProblem = widget.NewLabel("")
	s.DateProblem.Importance = widget.DangerImportance
	s.DateProblem.Hide()
	s.Cutoffs = widget.NewSelect(nil, s.onCutoffChosen)
	s.Cutoffs.PlaceHolder = lang.L("Chọn mốc…")
	s.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Heading.Wrapping = fyne.TextWrapWord
	s.Chart = widgets.NewStatusChart()
	s.Overdue, s.DueSoon, s.NotMet = newLineList(), newLineList(), newLineList()
	s.Lists = container.NewAppTabs(
		container.NewTabItem("", s.Overdue.content),
		container.NewTabItem("", s.DueSoon.content),
		container.NewTabItem("", s.NotMet.content),
	)
	s.content = s.layout()
	current.OnChanged(s.ShowPlan)
	return s
}

// layout puts the date and its quick choices on top, the chart above the
// lists, the split between them movable.
func (s *Screen) layout() fyne.CanvasObject {
	dateWidth := widgets.TextWidth(false, "00/00/00000") + 16
	date := container.NewHBox(widget.NewLabel(lang.L("Tính đến ngày")),
		container.NewGridWrap(fyne.NewSize(dateWidth, s.AsOf.MinSize().Height), s.AsOf), s.Cutoffs)
	top := container.NewVBox(date, s.DateProblem, s.Heading)
	chart := container.NewVScroll(container.NewPadded(s.Chart))
	chart.OnScrolled = func(at fyne.Position) { s.Chart.ShowPart(at.Y, chart.Size().Height) }
	split := container.NewVSplit(chart, s.Lists)
	split.Offset = 0.5
	return container.NewBorder(top, nil, nil, nil, container.New(&turningSplit{split: split}, split))
}

// overviewSideBySideFrom is the width from which the overview puts its lists
// beside the chart rather than under it.
const overviewSideBySideFrom = 1100

// turningSplit lays out a split across a wide space and down a narrow one,
// so that the chart and the lists each keep room to read.
type turningSplit struct{ split *container.Split }

func (l *turningSplit) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if wide := size.Width >= overviewSideBySideFrom; wide != l.split.Horizontal {
		l.split.Horizontal = wide
		l.split.Refresh()
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *turningSplit) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

// Content returns the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// ShowPlan shows where a plan stands today; a plan with ID 0 empties the
// screen.
func (s *Screen) ShowPlan(plan store.Plan) {
	s.plan = plan
	settings, err := s.store.Settings()
	if err != nil {
		s.onError(err)
		return
	}
	s.rules = settings.Rules()
	s.fillCutoffs()
	s.SetAsOf(s.today())
}

// SetAsOf shows where the plan stands on day d, as typing it does.
func (s *Screen) SetAsOf(d store.Date) {
	s.quiet = true
	s.AsOf.SetText(d.String())
	s.quiet = false
	s.asOf = d
	s.DateProblem.Hide()
	s.Reload()
}

// onDateTyped takes a day as soon as the field holds a whole one.
func (s *Screen) onDateTyped(text string) {
	if s.quiet {
		return
	}
	d, err := widgets.ParseDay(text)
	if err != nil {
		s.DateProblem.SetText(err.Error())
		s.DateProblem.Show()
		return
	}
	s.DateProblem.Hide()
	s.asOf = d
	s.Reload()
}

// cutoffChoice is a quick choice of a reporting date: today, or the last
// day of a period of the plan's year.
type cutoffChoice struct {
	label string
	day   store.Date
}

// fillCutoffs lists today and the cut-offs of the quarters of the plan's
// year (the second is that of 6 months, the third of 9, the fourth of the
// year).
func (s *Screen) fillCutoffs() {
	today := s.today()
	s.cutoffs = []cutoffChoice{{widgets.Localf("Hôm nay, %s", today), today}}
	if s.plan.ID != 0 {
		names := map[store.PeriodKind]string{
			store.PeriodQ1: lang.L("Hết quý I"), store.PeriodQ2: lang.L("Hết quý II, 6 tháng"),
			store.PeriodQ3: lang.L("Hết quý III, 9 tháng"), store.PeriodYear: lang.L("Hết năm"),
		}
		for _, kind := range []store.PeriodKind{store.PeriodQ1, store.PeriodQ2, store.PeriodQ3, store.PeriodYear} {
			_, end := store.Period{Kind: kind, Year: s.plan.Year}.Bounds(s.rules.Periods)
			s.cutoffs = append(s.cutoffs, cutoffChoice{widgets.Localf("%s, %s", names[kind], end), end})
		}
	}
	labels := make([]string, len(s.cutoffs))
	for i, c := range s.cutoffs {
		labels[i] = c.label
	}
	s.Cutoffs.SetOptions(labels)
	s.Cutoffs.ClearSelected()
}

// onCutoffChosen shows the plan on the day chosen; the choice then shows
// its hint again, the day being in the field beside it.
func (s *Screen) onCutoffChosen(string) {
	if i := s.Cutoffs.SelectedIndex(); i >= 0 && i < len(s.cutoffs) {
		s.SetAsOf(s.cutoffs[i].day)
		s.Cutoffs.ClearSelected()
	}
}

// Reload reads the plan again and shows it on the day chosen: after the
// officer recorded progress or results elsewhere.
func (s *Screen) Reload() {
	if s.plan.ID == 0 {
		s.showEmpty()
		return
	}
	areas, err := s.store.Areas(s.plan.ID)
	if err != nil {
		s.onError(err)
		return
	}
	standings, err := s.store.Standings(s.plan.ID, s.asOf)
	if err != nil {
		s.onError(err)
		return
	}
	s.period = targetPeriod(s.plan, s.asOf, s.rules.Periods)
	results, err := s.store.TargetResults(s.plan.ID, s.period)
	if err != nil {
		s.onError(err)
		return
	}
	s.showStandings(areas, standings)
	s.showTargets(results)
}

// targetPeriod is the quarter that holds day d, kept within the plan's
// year: a day after it gives the whole year, a day before it quý I.
func targetPeriod(plan store.Plan, d store.Date, ps store.PeriodSettings) store.Period {
	p := store.PeriodOf(store.PeriodQ1, d, ps)
	switch {
	case p.Year > plan.Year:
		return store.Period{Kind: store.PeriodYear, Year: plan.Year}
	case p.Year < plan.Year:
		return store.Period{Kind: store.PeriodQ1, Year: plan.Year}
	}
	return p
}

func (s *Screen) showEmpty() {
	s.Heading.SetText(lang.L("Chưa có kế hoạch nào."))
	s.Chart.SetBars(nil)
	for _, l := range []*LineList{s.Overdue, s.DueSoon, s.NotMet} {
		l.show("", nil)
	}
	s.titleLists()
}

// showStandings shows the counts, the chart and the two lists of tasks.
func (s *Screen) showStandings(planAreas []store.Area, standings []db.TaskStanding) {
	s.Heading.SetText(widgets.Localf("Kế hoạch %s: %d nhiệm vụ, tình hình tính đến ngày %s", s.plan.Ref(), len(standings), s.asOf))
	areas := map[uint64]store.Area{}
	counts := map[uint64]map[store.State]int{}
	for _, a := range planAreas {
		areas[a.ID], counts[a.ID] = a, map[store.State]int{}
	}
	var overdue, dueSoon []db.TaskStanding
	for _, ts := range standings {
		if counts[ts.Task.AreaID] == nil {
			counts[ts.Task.AreaID] = map[store.State]int{}
		}
		counts[ts.Task.AreaID][ts.Standing.State]++
		switch {
		case ts.Standing.State == store.StateOverdue:
			overdue = append(overdue, ts)
		case ts.Standing.DueSoon:
			dueSoon = append(dueSoon, ts)
		}
	}
	bars := make([]reporting.AreaProgress, 0, len(planAreas))
	for _, a := range planAreas {
		bars = append(bars, reporting.AreaProgress{Numeral: a.Numeral, Name: a.Name, Counts: counts[a.ID]})
	}
	s.Chart.SetBars(bars)
	s.Overdue.show(s.overdueInfo(len(overdue)), s.taskLines(overdue, areas, overdueText))
	s.DueSoon.show(s.dueSoonInfo(len(dueSoon)), s.taskLines(dueSoon, areas, s.dueSoonText))
	s.titleLists()
}

func (s *Screen) overdueInfo(n int) string {
	if n == 0 {
		return widgets.Localf("Không có nhiệm vụ quá hạn tính đến ngày %s.", s.asOf)
	}
	return widgets.Localf("%d nhiệm vụ quá hạn tính đến ngày %s, hạn sớm nhất trước. Bấm vào một dòng để mở nhiệm vụ.", n, s.asOf)
}

func (s *Screen) dueSoonInfo(n int) string {
	if n == 0 {
		return widgets.Localf("Không có nhiệm vụ nào đến hạn trong %d ngày sau ngày %s.", s.rules.DueSoonDays, s.asOf)
	}
	return widgets.Localf("%d nhiệm vụ đến hạn trong %d ngày sau ngày %s. Bấm vào một dòng để mở nhiệm vụ.", n, s.rules.DueSoonDays, s.asOf)
}

// taskLines are the lines of a list of tasks, soonest due first, each
// opening its task.
func (s *Screen) taskLines(list []db.TaskStanding, areas map[uint64]store.Area, text func(db.TaskStanding) string) []overviewLine {
	slices.SortStableFunc(list, func(a, b db.TaskStanding) int { return a.Standing.Due.Time().Compare(b.Standing.Due.Time()) })
	lines := make([]overviewLine, len(list))
	for i, ts := range list {
		id := ts.Task.ID
		number := store.TaskNumber(areas[ts.Task.AreaID], ts.Task)
		lines[i] = overviewLine{text: number + " · " + text(ts) + " · " + widgets.OneLine(ts.Task.Content), open: func() { s.openTask(id) }}
	}
	return lines
}

// overdueText says when an overdue task was due and how far it got.
func overdueText(ts db.TaskStanding) string {
	return widgets.Localf("hạn %s, tiến độ %d%%", ts.Standing.Due, ts.Standing.Progress)
}

// dueSoonText says when a task falls due, in how many days.
func (s *Screen) dueSoonText(ts db.TaskStanding) string {
	days := int(ts.Standing.Due.Time().Sub(s.asOf.Time()).Hours() / 24)
	return widgets.Localf("hạn %s (còn %d ngày), tiến độ %d%%", ts.Standing.Due, days, ts.Standing.Progress)
}

// showTargets lists the targets not met in the period of the date.
func (s *Screen) showTargets(results []reporting.TargetResult) {
	var lines []overviewLine
	for _, r := range results {
		if r.Verdict != reporting.VerdictNotMet {
			continue
		}
		id, period := r.Target.ID, s.period
		text := widgets.Localf("%s · kế hoạch %s, thực hiện %s · %s", r.Target.Code, r.Target.Goal(), r.ValueText(), widgets.OneLine(r.Target.Indicator))
		lines = append(lines, overviewLine{text: text, open: func() { s.openTarget(id, period) }})
	}
	counts := reporting.CountVerdicts(results)
	info := widgets.Localf("%s: %d chỉ tiêu không đạt, %d đạt, %d chưa có số liệu. Bấm vào một dòng để mở chỉ tiêu.",
		widgets.Capitalize(s.period.Name()), counts[reporting.VerdictNotMet], counts[reporting.VerdictMet], counts[reporting.VerdictNoData])
	s.NotMet.show(info, lines)
	s.titleLists()
}

// titleLists names each list with its length.
func (s *Screen) titleLists() {
	items := s.Lists.Items
	items[0].Text = widgets.Localf("Quá hạn (%d)", len(s.Overdue.lines))
	items[1].Text = widgets.Localf("Sắp đến hạn (%d)", len(s.DueSoon.lines))
	items[2].Text = widgets.Localf("Chỉ tiêu không đạt (%d)", len(s.NotMet.lines))
	s.Lists.Refresh()
}

func (s *Screen) openTask(id uint64) {
	if s.OnOpenTask != nil {
		s.OnOpenTask(id)
	}
}

func (s *Screen) openTarget(id uint64, p store.Period) {
	if s.OnOpenTarget != nil {
		s.OnOpenTarget(id, p)
	}
}

// Counts returns the number of tasks in each computed state on the day shown.
func (s *Screen) Counts() map[store.State]int { return s.Chart.Totals() }

// OverdueLines returns the lines of the list of overdue tasks.
func (s *Screen) OverdueLines() []string { return s.Overdue.texts() }

// DueSoonLines returns the lines of the list of tasks due soon.
func (s *Screen) DueSoonLines() []string { return s.DueSoon.texts() }

// NotMetLines returns the lines of the list of targets not met.
func (s *Screen) NotMetLines() []string { return s.NotMet.texts() }

// LineList is a list of lines under a sentence that says what it lists;
// tapping a line opens it.
type LineList struct {
	info    *widget.Label
	List    *widget.List
	lines   []overviewLine
	content fyne.CanvasObject
}

func newLineList() *LineList {
	l := &LineList{info: widget.NewLabel("")}
	l.info.Wrapping = fyne.TextWrapWord
	l.List = widget.NewList(func() int { return len(l.lines) }, widgets.NewCellLabel,
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.lines[i].text) })
	l.List.OnSelected = l.onSelected
	l.content = container.NewBorder(l.info, nil, nil, nil, l.List)
	return l
}

// show lists lines under info.
func (l *LineList) show(info string, lines []overviewLine) {
	l.info.SetText(info)
	l.lines = lines
	l.List.UnselectAll()
	l.List.Refresh()
}

// onSelected opens the line tapped and lets go of it, so that it opens
// again when tapped again.
func (l *LineList) onSelected(i widget.ListItemID) {
	l.List.Unselect(i)
	if i >= 0 && i < len(l.lines) {
		l.lines[i].open()
	}
}

func (l *LineList) texts() []string {
	out := make([]string, len(l.lines))
	for i, line := range l.lines {
		out[i] = line.text
	}
	return out
}
