package store

import (
	"slices"
	"testing"
)

func TestLeadUnitsOnceEachInVietnameseOrder(t *testing.T) {
	b := Bundle{Areas: []AreaTasks{
		{Tasks: []Task{{Lead: "Văn phòng Sở; Thanh tra Sở"}, {Lead: "Đoàn thanh niên"}}},
		{Tasks: []Task{{Lead: "văn phòng  sở"}, {Lead: "- Phòng Công chức, viên chức."}, {Lead: ""}}},
	}}
	got := b.LeadUnits()
	want := []string{"Đoàn thanh niên", "Phòng Công chức, viên chức", "Thanh tra Sở", "Văn phòng Sở"}
	if !slices.Equal(got, want) {
		t.Errorf("LeadUnits() = %q, want %q", got, want)
	}
	for _, unit := range got {
		if _, err := b.LedBy(unit); err != nil {
			t.Errorf("LedBy(%q) finds nothing: %v", unit, err)
		}
	}
}

func TestProgressRecorded(t *testing.T) {
	tests := []struct {
		name string
		in   Progress
		want Progress
	}{
		{"done is 100%", Progress{Status: StatusDone, Percent: 40}, Progress{Status: StatusDone, Percent: 100}},
		{"work on a new task puts it in progress", Progress{Status: StatusNotStarted, Percent: 10}, Progress{Status: StatusInProgress, Percent: 10}},
		{"a new task with no work stays new", Progress{Status: StatusNotStarted}, Progress{Status: StatusNotStarted}},
		{"in progress keeps its percent", Progress{Status: StatusInProgress, Percent: 60}, Progress{Status: StatusInProgress, Percent: 60}},
		{"dropped keeps its percent", Progress{Status: StatusDropped, Percent: 30}, Progress{Status: StatusDropped, Percent: 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Recorded(); got != tt.want {
				t.Errorf("Recorded() = %+v, want %+v", got, tt.want)
			}
			row := ProgressRow{Row: 7, TaskID: 3, Status: tt.in.Status, Percent: tt.in.Percent}.Recorded()
			if row.Status != tt.want.Status || row.Percent != tt.want.Percent || row.Row != 7 || row.TaskID != 3 {
				t.Errorf("ProgressRow.Recorded() = %+v, want %s %d%%", row, tt.want.Status, tt.want.Percent)
			}
		})
	}
}

// TestRecordedIsWhatTheStoreWrites keeps the preview's rule and the
// store's in step.
func TestRecordedIsWhatTheStoreWrites(t *testing.T) {
	st := openTemp(t)
	plan, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	for _, p := range []Progress{{Status: StatusDone, Percent: 20}, {Status: StatusNotStarted, Percent: 35}} {
		saved, err := st.RecordProgress(plan.ID, tasks[0].ID, p)
		if err != nil {
			t.Fatal(err)
		}
		want := p.Recorded()
		if saved.Status != want.Status || saved.Progress != want.Percent {
			t.Errorf("stored %s %d%%, Recorded says %s %d%%", saved.Status, saved.Progress, want.Status, want.Percent)
		}
	}
}
