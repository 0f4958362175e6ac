package draft

import (
	"strings"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/store"
)

// tables builds the data of the report's appendices: every task where it
// stands with its result and evidence, by area; the figures; the targets.
func (d *drafter) tables() reporting.ReportTables {
	t := reporting.ReportTables{AsOf: d.in.AsOf, Figures: reporting.FigureRows(d.in.Figures), Targets: reporting.TargetRows(d.in.Targets)}
	for i, a := range d.in.Bundle.Areas {
		tasks := d.areaTasks[i]
		area := reporting.AreaProgress{Numeral: a.Numeral, Name: a.Name, Counts: db.CountStates(tasks), Tasks: make([]reporting.TaskProgress, len(tasks))}
		for j, ts := range tasks {
			area.Tasks[j] = d.taskRow(ts)
		}
		t.Areas = append(t.Areas, area)
	}
	return t
}

func (d *drafter) taskRow(ts db.TaskStanding) reporting.TaskProgress {
	row := reporting.TaskProgress{
		Ordinal: ts.Task.Ordinal, Content: ts.Task.Content, Lead: ts.Task.Lead, Timeline: ts.Task.Timeline.Text,
		Result: store.ResultText(ts.Task, ts.Standing), State: ts.Standing.State, Progress: ts.Standing.Progress,
	}
	if ts.Standing.State.Late() {
		row.Reason = ts.Standing.Reason
	}
	row.Evidence = strings.Join(d.evidenceRefs(ts.Task.ID), "\n")
	return row
}
