package demo

import (
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

// TestYearObeysTheStore stores a synthetic plan with its year of updates:
// the store takes every update (reasons included), and by the end of the
// year the tasks stand in every state.
func TestYearObeysTheStore(t *testing.T) {
	st, err := db.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored, err := Store(st, Options{Tasks: 400, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if stored.Tasks != 400 || stored.Updates < 800 || stored.Evidence == 0 {
		t.Errorf("stored %+v", stored)
	}
	standings, err := st.Standings(stored.Plan.ID, store.NewDate(2023, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	counts := db.CountStates(standings)
	for _, state := range store.States {
		if counts[state] == 0 {
			t.Errorf("no task %s at the end of the year: %v", state, counts)
		}
	}
	again, _ := Year(mustBundle(t, st, stored.Plan.ID), 7)
	if len(again) != stored.Updates {
		t.Errorf("the same seed gives %d updates, then %d", stored.Updates, len(again))
	}
}

func mustBundle(t *testing.T, st *db.Store, planID uint64) store.Bundle {
	b, err := st.Bundle(planID)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
