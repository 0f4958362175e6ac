package db

import (
	"testing"

	"github.com/kehoach/cchc/store"
)

// TestRecordedIsWhatTheStoreWrites keeps the preview's rule and the
// store's in step.
func TestRecordedIsWhatTheStoreWrites(t *testing.T) {
	st := openTemp(t)
	plan, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	for _, p := range []struct {
		status  store.Status
		percent int
	}{{store.StatusDone, 20}, {store.StatusNotStarted, 35}} {
		saved, err := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: store.NewDate(2023, 5, 1), Status: p.status, Progress: p.percent})
		if err != nil {
			t.Fatal(err)
		}
		want := store.ProgressRow{Status: p.status, Percent: p.percent}.Recorded()
		if saved.Status != want.Status || saved.Progress != want.Percent {
			t.Errorf("stored %s %d%%, Recorded says %s %d%%", saved.Status, saved.Progress, want.Status, want.Percent)
		}
	}
}
