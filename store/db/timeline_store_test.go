package db

import (
	"encoding/json"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// storedTimeline reads a task's timeline straight from the file, as written.
func storedTimeline(t *testing.T, st *Store, planID, taskID uint64) store.Timeline {
	t.Helper()
	var rec struct {
		Timeline store.Timeline `json:"timeline"`
	}
	err := st.Bolt().View(func(tx *bolt.Tx) error {
		return json.Unmarshal(tx.Bucket(datafile.BucketTasks).Get(datafile.ChildKey(planID, taskID)), &rec)
	})
	if err != nil {
		t.Fatal(err)
	}
	return rec.Timeline
}

func TestTimelineIsReadWhenTaskIsWritten(t *testing.T) {
	st := openTemp(t)
	plan, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	// Bundle: "Tháng 12" takes the plan's year.
	if tl := storedTimeline(t, st, plan.ID, tasks[1].ID); tl.Kind != store.TimelineDeadline || tl.Due != store.NewDate(2023, 12, 31) {
		t.Errorf("bundle task stored with %+v", tl)
	}
	// CreateTask and UpdateTask read the timeline against the plan's year.
	task := store.Task{PlanID: plan.ID, AreaID: tasks[0].AreaID, Content: "Mới", Timeline: store.Timeline{Text: "Quý V/2023"}}
	if err := st.CreateTask(&task); err != nil {
		t.Fatal(err)
	}
	if tl := storedTimeline(t, st, plan.ID, task.ID); tl.Kind != store.TimelineUnparsed || tl.Problem != "không đọc được “Quý V/2023”: quý chỉ từ I đến IV" {
		t.Errorf("created task stored with %+v", tl)
	}
	task.Timeline = store.Timeline{Text: "Tháng 6", Kind: store.TimelineRecurring}
	if err := st.UpdateTask(task); err != nil {
		t.Fatal(err)
	}
	if tl := storedTimeline(t, st, plan.ID, task.ID); tl.Kind != store.TimelineDeadline || tl.Due != store.NewDate(2023, 6, 30) || tl.Problem != "" {
		t.Errorf("updated task stored with %+v", tl)
	}
}

func TestReadingDoesNotParse(t *testing.T) {
	st := openTemp(t)
	plan, _ := st.CreateBundle(testBundle(2023, "122"))
	tasks, _ := st.Tasks(plan.ID)
	// A record whose stored fields disagree with its text keeps them: the
	// store reads what it wrote and never parses on the way out.
	err := st.Bolt().Update(func(tx *bolt.Tx) error {
		task := tasks[0]
		task.Timeline = store.Timeline{Text: "Năm 2023", Kind: store.TimelineRecurring, Recurrence: store.RecurMonthly}
		return datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(plan.ID, task.ID), task)
	})
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]func() (store.Task, error){
		"Task": func() (store.Task, error) { return st.Task(plan.ID, tasks[0].ID) },
		"Tasks": func() (store.Task, error) {
			all, err := st.Tasks(plan.ID)
			return all[0], err
		},
		"Bundle": func() (store.Task, error) {
			b, err := st.Bundle(plan.ID)
			return b.Areas[0].Tasks[0], err
		},
	}
	for name, get := range read {
		t.Run(name, func(t *testing.T) {
			got, err := get()
			if err != nil || got.Timeline.Recurrence != store.RecurMonthly {
				t.Errorf("timeline = %+v, %v; want the stored fields", got.Timeline, err)
			}
		})
	}
}

func TestNewPlanYearReadsTimelinesAgain(t *testing.T) {
	st := openTemp(t)
	plan, _ := st.CreateBundle(testBundle(2023, "122"))
	plan.Year = 2024
	if err := st.UpdatePlan(plan); err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	tests := []struct {
		text string
		due  store.Date
	}{
		{"Năm 2023", store.NewDate(2023, 12, 31)}, // names its year
		{"Tháng 12", store.NewDate(2024, 12, 31)}, // takes the plan's new year
		{"Thường xuyên", store.Date{}},
	}
	for i, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if tasks[i].Timeline.Text != tt.text || tasks[i].Timeline.Due != tt.due {
				t.Errorf("task %d timeline = %+v, want %q due %s", i, tasks[i].Timeline, tt.text, tt.due)
			}
		})
	}
}

func TestMigratedV2TimelinesAreStored(t *testing.T) {
	st, err := Open(copyFixture(t, v2Fixture))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if tl := storedTimeline(t, st, 2, 5); tl.Kind != store.TimelineDeadline || tl.Due != store.NewDate(2024, 6, 30) {
		t.Errorf("plan 2024's “Tháng 6” stored as %+v", tl)
	}
	if tl := storedTimeline(t, st, 1, 4); tl.Problem != "không đọc được “Quý V/2023”: quý chỉ từ I đến IV" {
		t.Errorf("“Quý V/2023” stored as %+v", tl)
	}
}
