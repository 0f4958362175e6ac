package db

import (
	"errors"
	"testing"

	"github.com/kehoach/cchc/store"
)

// TestCountTasksCountsWithoutDecoding: the count is the number of tasks
// Tasks lists, a plan's own, and a plan that is not there is not found.
func TestCountTasksCountsWithoutDecoding(t *testing.T) {
	st := openTemp(t)
	if _, err := st.Seed("k", testSettings(), testBundle(2023, "122")); err != nil {
		t.Fatal(err)
	}
	plans, err := st.Plans()
	if err != nil || len(plans) != 1 {
		t.Fatalf("Plans = %v, %v", plans, err)
	}
	tasks, err := st.Tasks(plans[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a plan's tasks", func(t *testing.T) {
		if n, err := st.CountTasks(plans[0].ID); err != nil || n != len(tasks) || n != 3 {
			t.Fatalf("CountTasks = %d, %v; want %d", n, err, len(tasks))
		}
	})
	t.Run("no such plan", func(t *testing.T) {
		if _, err := st.CountTasks(plans[0].ID + 99); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("CountTasks of a missing plan: %v, want ErrNotFound", err)
		}
	})
}
