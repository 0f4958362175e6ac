package db

import (
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/reporting"
	bolt "go.etcd.io/bbolt"
)

// ReportData is what a periodic report is drafted from, read in one
// transaction: the plan with its tasks and evidence, where every task
// stands on the report's day and when it was finished, the targets with
// their actuals in the period, and the period's figures.
type ReportData struct {
	Bundle   store.Bundle
	Settings store.Settings
	// Standings are where the tasks stand on the report's day, in the
	// plan's order.
	Standings []TaskStanding
	// FinishedOn is, by task id, the day a task done on the report's day
	// was finished: the first of the run of updates that say done.
	FinishedOn map[uint64]store.Date
	Targets    []reporting.TargetResult
	Figures    reporting.Figures
}

// ReportData reads what a plan's report of period p counted to day asOf
// is drafted from. A task's history is read only when it has updates
// after asOf; the others are judged from their summaries.
func (s *Store) ReportData(planID uint64, p store.Period, asOf store.Date) (ReportData, error) {
	return viewing(s, func(tx *bolt.Tx) (ReportData, error) {
		var d ReportData
		var err error
		if d.Bundle, err = readBundle(tx, planID); err != nil {
			return d, err
		}
		if d.Settings, err = readSettings(tx); err != nil {
			return d, err
		}
		if err := d.judge(tx, asOf); err != nil {
			return d, err
		}
		actuals, err := readActuals(tx, planID, p)
		if err != nil {
			return d, err
		}
		if d.Figures, err = readFigures(tx, planID, p); err != nil {
			return d, err
		}
		d.Targets = reporting.EvaluateTargets(d.Bundle.Targets, actuals, d.Figures)
		return d, nil
	})
}

// judge computes every task's standing on asOf and, for those done, the
// day they were finished.
func (d *ReportData) judge(tx *bolt.Tx, asOf store.Date) error {
	rules := d.Settings.Rules()
	d.Standings = make([]TaskStanding, 0, d.Bundle.TaskCount())
	d.FinishedOn = map[uint64]store.Date{}
	for _, t := range d.Bundle.Tasks() {
		st, ok := store.AssessCached(t, asOf, rules)
		doneOn := t.Track.DoneOn
		if !ok {
			history, err := datafile.ListOfTask[store.Update](tx, datafile.BucketUpdates, t.PlanID, t.ID)
			if err != nil {
				return err
			}
			known := store.Summarize(store.UpTo(store.StandingUpdates(history), asOf))
			st, doneOn = store.Judge(t.Timeline, known, asOf, rules), known.Track.DoneOn
		}
		if st.State.Done() {
			d.FinishedOn[t.ID] = doneOn
		}
		d.Standings = append(d.Standings, TaskStanding{Task: t, Standing: st})
	}
	return nil
}
