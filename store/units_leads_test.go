package store

import (
	"errors"
	"slices"
	"strings"
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

// recorded is a status and percent as the store records them.
type recorded struct {
	status  Status
	percent int
}

func TestProgressRecorded(t *testing.T) {
	tests := []struct {
		name string
		in   recorded
		want recorded
	}{
		{"done is 100%", recorded{StatusDone, 40}, recorded{StatusDone, 100}},
		{"work on a new task puts it in progress", recorded{StatusNotStarted, 10}, recorded{StatusInProgress, 10}},
		{"a new task with no work stays new", recorded{StatusNotStarted, 0}, recorded{StatusNotStarted, 0}},
		{"in progress keeps its percent", recorded{StatusInProgress, 60}, recorded{StatusInProgress, 60}},
		{"dropped keeps its percent", recorded{StatusDropped, 30}, recorded{StatusDropped, 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, percent, err := RecordedState(tt.in.status, tt.in.percent)
			if err != nil || (recorded{status, percent}) != tt.want {
				t.Errorf("RecordedState = %s %d%% %v, want %+v", status, percent, err, tt.want)
			}
			row := ProgressRow{Row: 7, TaskID: 3, Status: tt.in.status, Percent: tt.in.percent}.Recorded()
			if row.Status != tt.want.status || row.Percent != tt.want.percent || row.Row != 7 || row.TaskID != 3 {
				t.Errorf("ProgressRow.Recorded() = %+v, want %s %d%%", row, tt.want.status, tt.want.percent)
			}
		})
	}
	t.Run("100% not started asks which is true", func(t *testing.T) {
		_, _, err := RecordedState(StatusNotStarted, 100)
		if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "đã hoàn thành hay chưa bắt đầu?") {
			t.Errorf("RecordedState(not started, 100) = %v", err)
		}
		row := ProgressRow{Status: StatusNotStarted, Percent: 100}
		if got := row.Recorded(); got.Status != StatusNotStarted || got.Percent != 100 {
			t.Errorf("a conflicting row became %+v", got)
		}
	})
}
