package store

// LeadUnits lists the units that lead the bundle's tasks in Vietnamese
// order, each once under the rule of UnitKey ("Văn phòng  sở" is "Văn phòng
// Sở") and spelled as it first appears: the choices of a workbook for one
// unit, which LedBy then filters by.
func (b Bundle) LeadUnits() []string {
	leads := map[string]string{}
	for _, area := range b.Areas {
		for _, task := range area.Tasks {
			for _, lead := range SplitUnits(task.Lead) {
				if key := UnitKey(lead); leads[key] == "" {
					leads[key] = lead
				}
			}
		}
	}
	return sortedValues(leads)
}

// Recorded returns the status and percent as the store records them: a
// finished task is 100% done, and work reported on a task not yet started
// puts it in progress. What the window previews before an import is what
// RecordProgress and ApplyProgress then write.
func (p Progress) Recorded() Progress {
	switch {
	case p.Status == StatusDone:
		p.Percent = 100
	case p.Status == StatusNotStarted && p.Percent > 0:
		p.Status = StatusInProgress
	}
	return p
}

// Recorded returns the row with its status and percent as ApplyProgress
// records them (see Progress.Recorded).
func (r ProgressRow) Recorded() ProgressRow {
	p := Progress{Status: r.Status, Percent: r.Percent}.Recorded()
	r.Status, r.Percent = p.Status, p.Percent
	return r
}
