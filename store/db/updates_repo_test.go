package db

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/usererr"

	bolt "go.etcd.io/bbolt"
)

// trackedPlan stores testBundle on a store whose clock stands still at
// 9:00 on 1 August 2023, and returns its tasks: "Năm 2023", "Tháng 12"
// (both due 31/12/2023) and "Thường xuyên".
func trackedPlan(t *testing.T) (*Store, store.Plan, []store.Task) {
	t.Helper()
	st := openTemp(t)
	st.SetClock(func() time.Time { return time.Date(2023, 8, 1, 9, 0, 0, 0, time.UTC) })
	plan, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.Tasks(plan.ID)
	return st, plan, tasks
}

func TestAddUpdateKeepsEveryUpdateAndTheSummary(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	task := tasks[0]
	add := func(u store.Update) store.Task {
		t.Helper()
		u.PlanID, u.TaskID = plan.ID, task.ID
		saved, err := st.AddUpdate(u)
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	add(store.Update{Date: day(3, 1), Status: store.StatusInProgress, Progress: 30, Note: "Dự thảo", Unit: "Thanh tra Sở"})
	add(store.Update{Date: day(5, 2), Status: store.StatusInProgress, Progress: 60})
	saved := add(store.Update{Date: day(4, 2), Status: store.StatusInProgress, Progress: 50, Note: "Lấy ý kiến"})
	want := store.TaskTrack{LastUpdate: day(5, 2), LatestNote: "Lấy ý kiến", NoteOn: day(4, 2), Updates: 3}
	if saved.Status != store.StatusInProgress || saved.Progress != 60 || saved.Track != want {
		t.Errorf("after three updates: %q %d%% %+v", saved.Status, saved.Progress, saved.Track)
	}
	if stored, _ := st.Task(plan.ID, task.ID); !reflect.DeepEqual(stored, saved) {
		t.Errorf("AddUpdate returned %+v, the store holds %+v", saved, stored)
	}
	history, _ := st.History(plan.ID, task.ID)
	if len(history) != 3 || history[0].Date != day(5, 2) || history[2].Unit != "Thanh tra Sở" || history[2].Source != "" ||
		!history[0].Recorded.Equal(time.Date(2023, 8, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("history, newest first: %+v", history)
	}
	again := add(store.Update{Date: day(5, 2), Status: store.StatusInProgress, Progress: 60})
	if again.Track.Updates != 3 {
		t.Errorf("the same report saved twice is stored twice: %d updates", again.Track.Updates)
	}
	today := add(store.Update{Status: store.StatusDone})
	if today.Track.LastUpdate != day(8, 1) || today.Progress != 100 {
		t.Errorf("an update without a date is not today's: %+v", today.Track)
	}
}

func TestUpdateRules(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	due := tasks[0] // due 31/12/2023
	tests := []struct {
		name string
		u    store.Update
		want error
		text string
	}{
		{"100% not started is a question", store.Update{TaskID: due.ID, Date: day(5, 1), Status: store.StatusNotStarted, Progress: 100}, store.ErrConflict, "đã hoàn thành hay chưa bắt đầu?"},
		{"progress over 100", store.Update{TaskID: due.ID, Date: day(5, 1), Status: store.StatusInProgress, Progress: 101}, store.ErrInvalid, "tiến độ 101%"},
		{"unknown status", store.Update{TaskID: due.ID, Date: day(5, 1), Status: "Xong"}, store.ErrInvalid, "trạng thái"},
		{"late without a reason", store.Update{TaskID: due.ID, Date: store.NewDate(2024, 1, 5), Status: store.StatusInProgress, Progress: 80}, store.ErrNeedReason, "hạn 31/12/2023"},
		{"done late without a reason", store.Update{TaskID: due.ID, Date: store.NewDate(2024, 1, 5), Status: store.StatusDone}, store.ErrNeedReason, "lý do chậm"},
		{"unknown task", store.Update{TaskID: 999, Date: day(5, 1), Status: store.StatusDone}, store.ErrNotFound, "nhiệm vụ #999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.u.PlanID = plan.ID
			_, err := st.AddUpdate(tt.u)
			if !errors.Is(err, tt.want) || !strings.Contains(usererr.Message(err), tt.text) {
				t.Errorf("AddUpdate = %v (%q), want %v saying %q", err, usererr.Message(err), tt.want, tt.text)
			}
		})
	}
	if after, _ := st.Task(plan.ID, due.ID); after.Track.Updates != 0 {
		t.Errorf("refused updates were stored: %+v", after.Track)
	}
}

func TestLateReasonIsAskedOnce(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	late := store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: store.NewDate(2024, 1, 5), Status: store.StatusInProgress, Progress: 80, Reason: "Chờ số liệu"}
	if _, err := st.AddUpdate(late); err != nil {
		t.Fatal(err)
	}
	later := store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: store.NewDate(2024, 1, 20), Status: store.StatusDone}
	saved, err := st.AddUpdate(later)
	if err != nil {
		t.Fatalf("a reason given since the task fell due is asked again: %v", err)
	}
	standing, _ := st.Standing(plan.ID, saved.ID, store.NewDate(2024, 2, 1))
	if standing.Standing.State != store.StateDoneLate || standing.Standing.Reason != "Chờ số liệu" {
		t.Errorf("standing %+v", standing.Standing)
	}
	sheet := store.Update{PlanID: plan.ID, TaskID: tasks[1].ID, Date: store.NewDate(2024, 1, 5), Status: store.StatusInProgress, Progress: 10, Source: store.SheetSource("vp.xlsx")}
	if _, err := st.AddUpdate(sheet); err != nil {
		t.Errorf("a sheet, which cannot be asked, needs a reason: %v", err)
	}
	recurring := store.Update{PlanID: plan.ID, TaskID: tasks[2].ID, Date: store.NewDate(2024, 6, 5), Status: store.StatusInProgress, Progress: 10}
	if _, err := st.AddUpdate(recurring); err != nil {
		t.Errorf("a recurring task, never late, needs a reason: %v", err)
	}
}

func TestCorrectAndRemoveShowInHistory(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	first, _ := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: day(3, 1), Status: store.StatusInProgress, Progress: 30})
	st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: day(4, 1), Status: store.StatusInProgress, Progress: 50, Note: "Nhầm"})
	history, _ := st.History(plan.ID, first.ID)
	wrong, early := history[0], history[1]

	corrected, err := st.CorrectUpdate(store.Update{PlanID: plan.ID, TaskID: first.ID, ID: early.ID, Date: day(3, 2), Status: store.StatusInProgress, Progress: 35, Note: "Sửa"})
	if err != nil {
		t.Fatal(err)
	}
	if corrected.Progress != 50 {
		t.Errorf("correcting an earlier update changed the latest state: %d%%", corrected.Progress)
	}
	removed, err := st.RemoveUpdate(plan.ID, first.ID, wrong.ID)
	if err != nil {
		t.Fatal(err)
	}
	if removed.Progress != 35 || removed.Track.Updates != 1 || removed.Track.LatestNote != "Sửa" {
		t.Errorf("after removing the latest: %d%% %+v", removed.Progress, removed.Track)
	}
	history, _ = st.History(plan.ID, first.ID)
	if len(history) != 2 || !history[0].Removed() || history[1].Removed() || !history[1].Corrected() ||
		history[1].Corrections[0].Date != day(3, 1) || history[1].Corrections[0].Progress != 30 || history[1].Date != day(3, 2) {
		t.Errorf("history after a correction and a removal: %+v", history)
	}
	checkRefusedChanges(t, st, history[0], history[1])
}

// checkRefusedChanges refuses correcting a removed update, a correction
// against the rules and removing an unknown update.
func checkRefusedChanges(t *testing.T, st *Store, removed, standing store.Update) {
	t.Helper()
	again := removed
	again.Status = store.StatusDone
	if _, err := st.CorrectUpdate(again); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("correcting a removed update: %v", err)
	}
	conflict := standing
	conflict.Status, conflict.Progress = store.StatusNotStarted, 100
	if _, err := st.CorrectUpdate(conflict); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a correction escapes the rules: %v", err)
	}
	if _, err := st.RemoveUpdate(standing.PlanID, standing.TaskID, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removing an unknown update: %v", err)
	}
}

// TestStandingsReadOnlyTheHistoriesTheyNeed damages the stored history of
// every task: Standings on a date after every update still answers from
// the tasks' summaries; on an earlier date it has to read them.
func TestStandingsReadOnlyTheHistoriesTheyNeed(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	for _, task := range tasks {
		if _, err := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: task.ID, Date: day(6, 1), Status: store.StatusInProgress, Progress: 20}); err != nil {
			t.Fatal(err)
		}
	}
	before, err := st.Standings(plan.ID, day(7, 1))
	if err != nil {
		t.Fatal(err)
	}
	saved := map[string][]byte{}
	st.Bolt().Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(datafile.BucketUpdates).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			saved[string(k)] = append([]byte(nil), v...)
			tx.Bucket(datafile.BucketUpdates).Put(k, []byte("{damaged"))
		}
		return nil
	})
	defer st.Bolt().Update(func(tx *bolt.Tx) error { // whole again for the check at the end
		for k, v := range saved {
			tx.Bucket(datafile.BucketUpdates).Put([]byte(k), v)
		}
		return nil
	})
	after, err := st.Standings(plan.ID, day(7, 1))
	if err != nil || !reflect.DeepEqual(after, before) {
		t.Errorf("standings after every update read a history: %v", err)
	}
	if _, err := st.Standings(plan.ID, day(5, 1)); err == nil {
		t.Error("standings before the updates did not read the histories")
	}
	counts := CountStates(after)
	if counts[store.StateInProgress] != 3 || len(counts) != len(store.States) {
		t.Errorf("counts %v", counts)
	}
}

func TestStandingsFromSummaryAndFromHistoryAgree(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	days := []store.Date{day(2, 1), day(3, 20), day(6, 10), day(9, 1), store.NewDate(2024, 1, 10)}
	statuses := []store.Status{store.StatusInProgress, store.StatusDone, store.StatusInProgress, store.StatusDone, store.StatusDone}
	for i, d := range days {
		for _, task := range tasks {
			u := store.Update{PlanID: plan.ID, TaskID: task.ID, Date: d, Status: statuses[i], Progress: 20 * (i + 1), Reason: "Chậm"}
			if _, err := st.AddUpdate(u); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, asOf := range append(days, day(12, 31), store.NewDate(2024, 6, 1)) {
		standings, err := st.Standings(plan.ID, asOf)
		if err != nil {
			t.Fatal(err)
		}
		for _, ts := range standings {
			history, _ := st.History(plan.ID, ts.Task.ID)
			if want := store.Assess(ts.Task, history, asOf, defaultRules); !reflect.DeepEqual(ts.Standing, want) {
				t.Errorf("%s on %s: %+v, from history %+v", ts.Task.Content, asOf, ts.Standing, want)
			}
		}
	}
}
