package db

import (
	"testing"

	"github.com/kehoach/cchc/store"
)

// TestStandingsAreReadAgainAfterAnyWrite: the window's screens share the
// last standings read, but never one a write has left behind, and each
// caller's copy is its own.
func TestStandingsAreReadAgainAfterAnyWrite(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	first, err := st.Standings(plan.ID, day(7, 1))
	if err != nil {
		t.Fatal(err)
	}
	first[0].Standing.State = store.StateDropped // a caller's own copy
	again, err := st.Standings(plan.ID, day(7, 1))
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Standing.State == store.StateDropped {
		t.Fatal("a caller's change reached the next caller")
	}
	if _, err := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: day(6, 1), Status: store.StatusDone, Progress: 100}); err != nil {
		t.Fatal(err)
	}
	after, err := st.Standings(plan.ID, day(7, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, ts := range after {
		if ts.Task.ID == tasks[0].ID && !ts.Standing.State.Closed() {
			t.Errorf("after the update the task stands %q: the standings were not read again", ts.Standing.State)
		}
	}
	other, err := st.Standings(plan.ID, day(5, 1))
	if err != nil || len(other) != len(after) {
		t.Fatalf("another day: %d standings, %v", len(other), err)
	}
	for _, ts := range other {
		if ts.Task.ID == tasks[0].ID && ts.Standing.State.Closed() {
			t.Error("a day before the update gave the later day's standing")
		}
	}
}
