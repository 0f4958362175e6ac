package db

import (
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

func TestMatchReplacementNeverGuesses(t *testing.T) {
	old := []store.Task{
		{ID: 1, Ordinal: "1", Content: "Rà soát văn bản", Lead: "Văn phòng Sở"},
		{ID: 2, Ordinal: "2", Content: "Rà soát văn bản", Lead: "Thanh tra Sở"},
		{ID: 3, Ordinal: "3", Content: "Cải cách  thủ tục hành chính"},
		{ID: 4, Ordinal: "4", Content: "Kiểm tra", Track: store.TaskTrack{Updates: 2}},
		{ID: 5, Ordinal: "5", Content: "Tuyên truyền"},
	}
	imported := func(tasks ...store.Task) store.Bundle {
		return store.Bundle{Areas: []store.AreaTasks{{Area: store.Area{Name: "I"}, Tasks: tasks}}}
	}
	tests := []struct {
		name     string
		bundle   store.Bundle
		kept     map[taskPlace]uint64
		report   ReplaceReport
		lostSome []uint64
	}{
		{"same fingerprint tells two tasks of the same content apart",
			imported(old[1], old[0]), map[taskPlace]uint64{{0, 0}: 2, {0, 1}: 1},
			ReplaceReport{Kept: 2, Lost: 3, LostTracked: 1}, []uint64{3, 4, 5}},
		{"content without diacritics, case or spacing",
			imported(store.Task{Ordinal: "9", Content: "cai cach thu tuc HANH CHINH "}), map[taskPlace]uint64{{0, 0}: 3},
			ReplaceReport{Kept: 1, Lost: 4, LostTracked: 1}, nil},
		{"two stored tasks of that content: no guess",
			imported(store.Task{Ordinal: "7", Content: "Rà soát văn bản"}), map[taskPlace]uint64{},
			ReplaceReport{Lost: 5, LostTracked: 1, New: 1}, nil},
		{"two imported tasks of one stored content: no guess",
			imported(store.Task{Ordinal: "7", Content: "Kiểm tra"}, store.Task{Ordinal: "8", Content: "Kiểm tra"}), map[taskPlace]uint64{},
			ReplaceReport{Lost: 5, LostTracked: 1, New: 2}, nil},
		{"an edited content is another task",
			imported(store.Task{Ordinal: "5", Content: "Tuyên truyền cải cách hành chính"}), map[taskPlace]uint64{},
			ReplaceReport{Lost: 5, LostTracked: 1, New: 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := matchReplacement(old, cleanedTasks(tt.bundle))
			if m.report != tt.report {
				t.Errorf("report %+v, want %+v", m.report, tt.report)
			}
			if len(m.kept) != len(tt.kept) {
				t.Errorf("kept %v, want %v", m.kept, tt.kept)
			}
			for place, id := range tt.kept {
				if m.kept[place].ID != id {
					t.Errorf("%v continues task %d, want %d", place, m.kept[place].ID, id)
				}
			}
		})
	}
}

func TestReplaceKeepsTheHistoryOfMatchedTasks(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	first, second, third := tasks[0], tasks[1], tasks[2]
	done := doneTask(t, st, first)
	if _, err := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: second.ID, Date: day(5, 1), Status: store.StatusInProgress, Progress: 40}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddEvidence(store.Evidence{PlanID: plan.ID, TaskID: third.ID, Title: "Báo cáo rà soát"}, ""); err != nil {
		t.Fatal(err)
	}
	imported := store.Bundle{Plan: store.Plan{Year: 2023}, Areas: []store.AreaTasks{
		{Area: store.Area{Numeral: "I", Name: "Cải cách thể chế"}, Tasks: []store.Task{
			{Ordinal: "1", Content: first.Content, Lead: first.Lead, Coordinating: first.Coordinating, Timeline: store.Timeline{Text: "Năm 2023"}},
			{Ordinal: "2", Content: "ban hanh  ke hoach", Lead: "Văn phòng Sở", Timeline: store.Timeline{Text: "Quý III/2023"}},
		}},
		{Area: store.Area{Numeral: "II", Name: "Cải cách thủ tục hành chính"}, Tasks: []store.Task{
			{Ordinal: "1", Content: "Rà soát, đơn giản hoá thủ tục", Timeline: store.Timeline{Text: "Thường xuyên"}},
		}},
	}}
	report, err := st.ReplaceMatch(plan.ID, imported)
	want := ReplaceReport{Kept: 2, Lost: 1, LostTracked: 1, New: 1}
	if err != nil || report != want {
		t.Fatalf("report %+v, %v; want %+v", report, err, want)
	}
	if _, err := st.ReplacePlanContents(plan.ID, imported); err != nil {
		t.Fatal(err)
	}
	checkCarriedOn(t, st, done, second)
	checkHistoryDropped(t, st, third)
}

// checkCarriedOn checks that the two tasks matched kept their ids, status,
// result and history, and took the imported timeline.
func checkCarriedOn(t *testing.T, st *Store, done, second store.Task) {
	t.Helper()
	after, _ := st.Tasks(done.PlanID)
	if len(after) != 3 || after[0].ID != done.ID || after[1].ID != second.ID {
		t.Fatalf("tasks after replace: %+v", after)
	}
	if got := after[0]; got.Status != store.StatusDone || got.Result != done.Result || got.Track != done.Track {
		t.Errorf("I.1 lost its tracking: %+v", got)
	}
	if got := after[1]; got.Progress != 40 || got.Lead != "Văn phòng Sở" || got.Timeline.Due != store.NewDate(2023, 9, 30) {
		t.Errorf("I.2 after replace: %+v", got)
	}
	if history, _ := st.History(done.PlanID, second.ID); len(history) != 1 {
		t.Errorf("I.2's history: %+v", history)
	}
	if fresh := after[2]; fresh.ID <= second.ID || fresh.Status != store.StatusNotStarted || fresh.Track != (store.TaskTrack{}) {
		t.Errorf("the new task: %+v", fresh)
	}
}

// checkHistoryDropped checks that no update or evidence record of a task
// that went is left behind.
func checkHistoryDropped(t *testing.T, st *Store, gone store.Task) {
	t.Helper()
	st.Bolt().View(func(tx *bolt.Tx) error {
		for _, bucket := range [][]byte{datafile.BucketUpdates, datafile.BucketEvidence} {
			if left, _ := datafile.ListOfTask[map[string]any](tx, bucket, gone.PlanID, gone.ID); len(left) > 0 {
				t.Errorf("%s of the task that went: %v", bucket, left)
			}
		}
		return nil
	})
}
