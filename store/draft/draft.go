// Package draft writes a periodic report (Báo cáo kết quả thực hiện công
// tác cải cách hành chính) from a plan's data: where every task stands at
// the period's end, what was finished in the period and with what result,
// what is late and why, the targets reached and missed, the statistical
// figures, and what is due next. It is pure: the caller reads the data
// from the store, and saves what Compose returns in a store.Report, whose
// Redraft keeps the officer's edits.
package draft

import (
	"strings"

	"github.com/kehoach/cchc/store"
)

// Input is the data a report is drafted from.
type Input struct {
	// Bundle is the plan with its areas, tasks, targets and evidence.
	Bundle store.Bundle
	Period store.Period
	// Periods are the bounds of the reporting periods (settings).
	Periods store.PeriodSettings
	// AsOf is the day the data are counted to.
	AsOf store.Date
	// Standings are where the tasks stand on AsOf, and on the eve of the
	// period's first day, in the plan's order.
	Standings []store.TaskStanding
	Before    []store.TaskStanding
	// Targets are the targets with their actuals in the period.
	Targets []store.TargetResult
	// Figures are the period's statistical figures.
	Figures store.Figures
}

// ListLimit is how many tasks a list of the report's body names before it
// sends the reader to the appendix: the appendix lists them all.
const ListLimit = 15

// Compose drafts the report's sections, in the outline of domain.md (I
// chỉ đạo, điều hành; II kết quả, one subsection per reform area and one
// for the targets; III đánh giá chung; IV phương hướng kỳ tới; V đề xuất,
// kiến nghị), and the tables of its appendices.
func Compose(in Input) ([]store.ReportSection, store.ReportTables) {
	d := newDrafter(in)
	sections := []store.ReportSection{d.lead(), d.directionSection()}
	sections = append(sections, d.resultSections()...)
	sections = append(sections, d.assessmentSections()...)
	sections = append(sections, d.nextSection(), d.proposalSection(), d.closing())
	return sections, d.tables()
}

// drafter holds the data a draft is written from, indexed.
type drafter struct {
	in         Input
	start      store.Date
	byTask     map[uint64]store.Standing
	before     map[uint64]store.Standing
	agency     string
	direction  int // index in Bundle.Areas of the area of direction, -1 if none
	areaTasks  [][]store.TaskStanding
	allCounts  map[store.State]int
	finishedIn map[uint64]bool
}

func newDrafter(in Input) *drafter {
	d := &drafter{in: in, byTask: index(in.Standings), before: index(in.Before), agency: in.Bundle.Plan.Agency.Name,
		direction: -1, finishedIn: map[uint64]bool{}}
	d.start, _ = in.Period.Bounds(in.Periods)
	for i, a := range in.Bundle.Areas {
		var list []store.TaskStanding
		for _, t := range a.Tasks {
			list = append(list, store.TaskStanding{Task: t, Standing: d.byTask[t.ID]})
		}
		d.areaTasks = append(d.areaTasks, list)
		if d.direction < 0 && isDirectionArea(a.Name) {
			d.direction = i
		}
	}
	d.allCounts = store.CountStates(in.Standings)
	for _, ts := range in.Standings {
		if d.finishedInPeriod(ts) {
			d.finishedIn[ts.Task.ID] = true
		}
	}
	if d.agency == "" {
		d.agency = "cơ quan"
	}
	return d
}

func index(list []store.TaskStanding) map[uint64]store.Standing {
	m := make(map[uint64]store.Standing, len(list))
	for _, ts := range list {
		m[ts.Task.ID] = ts.Standing
	}
	return m
}

// isDirectionArea reports whether an area is the plan's own "Công tác chỉ
// đạo, điều hành", which the report puts under its section I.
func isDirectionArea(name string) bool {
	folded := store.Fold(name)
	return strings.Contains(folded, "chi dao") && strings.Contains(folded, "dieu hanh")
}

// finishedInPeriod reports whether a task was finished in the period: done
// on AsOf and not on the eve of the period; a recurring task, reported done
// within the period.
func (d *drafter) finishedInPeriod(ts store.TaskStanding) bool {
	if !ts.Standing.State.Done() {
		return false
	}
	if ts.Task.Timeline.Recurring() {
		return !ts.Standing.LastUpdate.Before(d.start)
	}
	return !d.before[ts.Task.ID].State.Done()
}

// planRef names the plan in running text: "Kế hoạch số 122/KH-SKH ngày
// 28/01/2023".
func (d *drafter) planRef() string {
	p := d.in.Bundle.Plan
	text := p.DocType.Name() + " số " + p.Ref()
	if p.Number == "" {
		text = p.DocType.Name() + " " + strings.ToLower(p.Summary)
	}
	if !p.IssueDate.IsZero() {
		text += " ngày " + p.IssueDate.String()
	}
	return text
}

func paragraph(key, text string) store.ReportParagraph {
	return store.ReportParagraph{Key: key, Text: text}
}

func (d *drafter) lead() store.ReportSection {
	p := d.in.Bundle.Plan
	about := ""
	if p.Number != "" && p.Summary != "" {
		about = " về " + lowerFirst(p.Summary)
	}
	text := "Thực hiện " + d.planRef() + about + ", " + d.agency + " báo cáo kết quả thực hiện công tác cải cách hành chính " +
		d.in.Period.Name() + " (số liệu tính đến ngày " + d.in.AsOf.String() + ") như sau:"
	return store.ReportSection{Key: store.LeadKey, Paragraphs: []store.ReportParagraph{paragraph("lead", text)}}
}

func (d *drafter) closing() store.ReportSection {
	text := "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính " + d.in.Period.Name() + " của " + d.agency + "./."
	return store.ReportSection{Key: store.ClosingKey, Paragraphs: []store.ReportParagraph{paragraph("closing", text)}}
}

func (d *drafter) proposalSection() store.ReportSection {
	return store.ReportSection{Key: "proposals", Level: 1, Number: "V", Title: "Đề xuất, kiến nghị",
		Paragraphs: []store.ReportParagraph{paragraph("proposals", "Không có đề xuất, kiến nghị.")}}
}

// lowerFirst puts the first letter in lower case, unless the first word is
// an abbreviation ("UBND").
func lowerFirst(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if len(first) > 1 && strings.ToUpper(first) == first {
		return s
	}
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Source is what drafting reads of the store.
type Source interface {
	Bundle(planID uint64) (store.Bundle, error)
	Settings() (store.Settings, error)
	Standings(planID uint64, asOf store.Date) ([]store.TaskStanding, error)
	TargetResults(planID uint64, p store.Period) ([]store.TargetResult, error)
	Figures(planID uint64, p store.Period) (store.Figures, error)
}

// Read reads what a plan's report of period p is drafted from, counted to
// day asOf: the tasks where they stand on asOf and on the eve of the
// period, the targets with their actuals, the figures.
func Read(src Source, planID uint64, p store.Period, asOf store.Date) (Input, error) {
	settings, err := src.Settings()
	if err != nil {
		return Input{}, err
	}
	in := Input{Period: p, Periods: settings.Periods, AsOf: asOf}
	if in.Bundle, err = src.Bundle(planID); err != nil {
		return Input{}, err
	}
	if in.Standings, err = src.Standings(planID, asOf); err != nil {
		return Input{}, err
	}
	start, _ := p.Bounds(settings.Periods)
	if in.Before, err = src.Standings(planID, start.AddDays(-1)); err != nil {
		return Input{}, err
	}
	if in.Targets, err = src.TargetResults(planID, p); err != nil {
		return Input{}, err
	}
	in.Figures, err = src.Figures(planID, p)
	return in, err
}
