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
