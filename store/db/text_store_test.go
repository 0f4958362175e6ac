package db

import (
	"testing"

	"github.com/kehoach/cchc/store"

	"golang.org/x/text/unicode/norm"
)

// TestTextIsCleanedOnWrite saves a task typed in decomposed Unicode (as
// Unikey's "Unicode tổ hợp" writes it) whose lead unit carries the selector
// an emoji leaves behind, in each way a task is written, and reads back
// composed text without the selector, found by its unit.
func TestTextIsCleanedOnWrite(t *testing.T) {
	content := norm.NFD.String("Rà soát thủ tục hành chính")
	timeline := norm.NFD.String("Quý II/2023")
	dirty := func() store.Task {
		return store.Task{Ordinal: "1", Content: content, Lead: "Văn phòng Sở\uFE0F",
			Coordinating: []string{norm.NFD.String("Thanh tra Sở") + "\u200d"}, Timeline: store.Timeline{Text: timeline}}
	}
	if content == "Rà soát thủ tục hành chính" {
		t.Fatal("the test text is not decomposed")
	}
	for name, save := range dirtyWrites(t, dirty) {
		t.Run(name, func(t *testing.T) {
			st := openTemp(t)
			b, err := st.Bundle(save(st))
			if err != nil {
				t.Fatal(err)
			}
			checkCleanedTask(t, b)
		})
	}
}

// dirtyWrites are the ways a task is written, each writing the task dirty
// makes into a new plan of a store and returning the plan's id.
func dirtyWrites(t *testing.T, dirty func() store.Task) map[string]func(st *Store) (planID uint64) {
	return map[string]func(st *Store) (planID uint64){
		"CreateBundle": func(st *Store) uint64 {
			b := testBundle(2023, "5")
			b.Areas = []store.AreaTasks{{Area: store.Area{Numeral: "I", Name: norm.NFD.String("Cải cách thể chế")}, Tasks: []store.Task{dirty()}}}
			plan, err := st.CreateBundle(b)
			if err != nil {
				t.Fatal(err)
			}
			return plan.ID
		},
		"CreateTask": func(st *Store) uint64 {
			b := testBundle(2023, "5")
			b.Areas = b.Areas[:1]
			b.Areas[0].Tasks = nil
			plan, _ := st.CreateBundle(b)
			areas, _ := st.Areas(plan.ID)
			task := dirty()
			task.PlanID, task.AreaID = plan.ID, areas[0].ID
			if err := st.CreateTask(&task); err != nil {
				t.Fatal(err)
			}
			return plan.ID
		},
		"UpdateTask": func(st *Store) uint64 {
			plan, _ := st.CreateBundle(testBundle(2023, "5"))
			tasks, _ := st.Tasks(plan.ID)
			for _, old := range tasks[1:] {
				st.DeleteTask(plan.ID, old.ID)
			}
			task := dirty()
			task.ID, task.PlanID, task.AreaID = tasks[0].ID, plan.ID, tasks[0].AreaID
			if err := st.UpdateTask(task); err != nil {
				t.Fatal(err)
			}
			return plan.ID
		},
	}
}

// checkCleanedTask checks the first task of b: composed text without the
// selector and joiner, found by its unit.
func checkCleanedTask(t *testing.T, b store.Bundle) {
	t.Helper()
	got := b.Areas[0].Tasks[0]
	if got.Content != "Rà soát thủ tục hành chính" || got.Lead != "Văn phòng Sở" ||
		len(got.Coordinating) != 1 || got.Coordinating[0] != "Thanh tra Sở" {
		t.Errorf("stored %q led by %q with %q", got.Content, got.Lead, got.Coordinating)
	}
	if got.Timeline.Text != "Quý II/2023" || got.Timeline.Due != store.NewDate(2023, 6, 30) {
		t.Errorf("timeline %+v", got.Timeline)
	}
	led, err := b.LedBy("Văn phòng Sở")
	if err != nil || led.TaskCount() != 1 {
		t.Errorf("LedBy(Văn phòng Sở) = %d tasks, %v", led.TaskCount(), err)
	}
}
