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

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

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
	// Standings are where the tasks stand on AsOf, in the plan's order;
	// FinishedOn the day each task done on AsOf was finished.
	Standings  []db.TaskStanding
	FinishedOn map[uint64]store.Date
	// Targets are the targets with their actuals in the period.
	Targets []reporting.TargetResult
	// Figures are the period's statistical figures.
	Figures reporting.Figures
}

// ListLimit is how many tasks a list of the report's body names before it
// sends the reader to the appendix, which lists them all. ListBudget bounds
// the tasks the areas' lists name together: a plan of many areas gets
// shorter lists, or, past the budget, the number of tasks alone.
const (
	ListLimit  = 15
	ListBudget = 240
)

// Compose drafts the report's sections, in the outline of domain.md (I
// chỉ đạo, điều hành; II kết quả, one subsection per reform area and one
// for the targets; III đánh giá chung; IV phương hướng kỳ tới; V đề xuất,
// kiến nghị), and the tables of its appendices.
func Compose(in Input) ([]reporting.ReportSection, reporting.ReportTables) {
	d := newDrafter(in)
	sections := []reporting.ReportSection{d.lead(), d.directionSection()}
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
	agency     string
	direction  int // index in Bundle.Areas of the area of direction, -1 if none
	areaTasks  [][]db.TaskStanding
	allCounts  map[store.State]int
	finishedIn map[uint64]bool
	// finished and late are each area's tasks finished in the period and
	// late; areaLimit is how many of them each list names.
	finished, late [][]db.TaskStanding
	areaLimit      int
}

func newDrafter(in Input) *drafter {
	d := &drafter{in: in, byTask: index(in.Standings), agency: in.Bundle.Plan.Agency.Name,
		direction: -1, finishedIn: map[uint64]bool{}}
	d.start, _ = in.Period.Bounds(in.Periods)
	for i, a := range in.Bundle.Areas {
		var list []db.TaskStanding
		for _, t := range a.Tasks {
			list = append(list, db.TaskStanding{Task: t, Standing: d.byTask[t.ID]})
		}
		d.areaTasks = append(d.areaTasks, list)
		if d.direction < 0 && isDirectionArea(a.Name) {
			d.direction = i
		}
	}
	d.allCounts = db.CountStates(in.Standings)
	for _, ts := range in.Standings {
		if d.finishedInPeriod(ts) {
			d.finishedIn[ts.Task.ID] = true
		}
	}
	if d.agency == "" {
		d.agency = "cơ quan"
	}
	d.sortAreaLists()
	return d
}

// sortAreaLists finds each area's finished and late tasks, and how many
// each list may name within the budget.
func (d *drafter) sortAreaLists() {
	lists := 0
	for _, tasks := range d.areaTasks {
		var finished, late []db.TaskStanding
		for _, ts := range tasks {
			if d.finishedIn[ts.Task.ID] {
				finished = append(finished, ts)
			}
			if d.lateInPeriod(ts) {
				late = append(late, ts)
			}
		}
		for _, list := range [][]db.TaskStanding{finished, late} {
			if len(list) > 0 {
				lists++
			}
		}
		d.finished, d.late = append(d.finished, finished), append(d.late, late)
	}
	d.areaLimit = min(ListLimit, ListBudget/max(lists, 1))
}

func index(list []db.TaskStanding) map[uint64]store.Standing {
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
// on AsOf, finished on a day of the period; a recurring task, reported
// done within the period.
func (d *drafter) finishedInPeriod(ts db.TaskStanding) bool {
	if !ts.Standing.State.Done() {
		return false
	}
	if ts.Task.Timeline.Recurring() {
		return !ts.Standing.LastUpdate.Before(d.start)
	}
	return !d.in.FinishedOn[ts.Task.ID].Before(d.start)
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

func paragraph(key, text string) reporting.ReportParagraph {
	return reporting.ReportParagraph{Key: key, Text: text}
}

func (d *drafter) lead() reporting.ReportSection {
	p := d.in.Bundle.Plan
	about := ""
	if p.Number != "" && p.Summary != "" {
		about = " về " + lowerFirst(p.Summary)
	}
	text := "Thực hiện " + d.planRef() + about + ", " + d.agency + " báo cáo kết quả thực hiện công tác cải cách hành chính " +
		d.in.Period.Name() + " (số liệu tính đến ngày " + d.in.AsOf.String() + ") như sau:"
	return reporting.ReportSection{Key: reporting.LeadKey, Paragraphs: []reporting.ReportParagraph{paragraph("lead", text)}}
}

func (d *drafter) closing() reporting.ReportSection {
	text := "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính " + d.in.Period.Name() + " của " + d.agency + "./."
	return reporting.ReportSection{Key: reporting.ClosingKey, Paragraphs: []reporting.ReportParagraph{paragraph("closing", text)}}
}

func (d *drafter) proposalSection() reporting.ReportSection {
	return reporting.ReportSection{Key: "proposals", Level: 1, Number: "V", Title: "Đề xuất, kiến nghị",
		Paragraphs: []reporting.ReportParagraph{paragraph("proposals", "Không có đề xuất, kiến nghị.")}}
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
	ReportData(planID uint64, p store.Period, asOf store.Date) (db.ReportData, error)
}

// Read reads what a plan's report of period p is drafted from, counted to
// day asOf.
func Read(src Source, planID uint64, p store.Period, asOf store.Date) (Input, error) {
	data, err := src.ReportData(planID, p, asOf)
	if err != nil {
		return Input{}, err
	}
	return Input{Bundle: data.Bundle, Period: p, Periods: data.Settings.Periods, AsOf: asOf, Standings: data.Standings,
		FinishedOn: data.FinishedOn, Targets: data.Targets, Figures: data.Figures}, nil
}
