package db

import (
	"errors"
	"slices"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// areaOrdinals lists "ordinal:content" of an area's tasks, in order.
func areaOrdinals(t *testing.T, st *Store, planID, areaID uint64) []string {
	t.Helper()
	tasks, err := st.Tasks(planID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, task := range tasks {
		if task.AreaID == areaID {
			out = append(out, task.Ordinal+":"+task.Content)
		}
	}
	return out
}

func TestCreateTaskTakesTheNextNumber(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	task := store.Task{PlanID: plan.ID, AreaID: tasks[0].AreaID, Content: "Mới", Status: store.StatusDone, Progress: 100}
	if err := st.CreateTask(&task); err != nil {
		t.Fatal(err)
	}
	if task.Ordinal != "3" || task.Order != 3 || task.Status != "" || task.Progress != 0 {
		t.Errorf("created %+v", task)
	}
	area := store.Area{PlanID: plan.ID, Numeral: "III", Name: "Cải cách tổ chức bộ máy"}
	if err := st.CreateArea(&area); err != nil {
		t.Fatal(err)
	}
	first := store.Task{PlanID: plan.ID, AreaID: area.ID, Content: "Đầu tiên"}
	if err := st.CreateTask(&first); err != nil || first.Ordinal != "1" || first.Order != 1 {
		t.Errorf("first task of a new area: %+v, %v", first, err)
	}
}

func TestUpdateTaskKeepsTracking(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	tracked, _ := st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: day(5, 1), Status: store.StatusInProgress, Progress: 40})
	edit := tracked
	edit.Content, edit.Product, edit.Lead, edit.Result = "Nội dung mới", "Sản phẩm mới", "Văn phòng Sở", "Kết quả"
	edit.Coordinating, edit.Timeline = []string{"Thanh tra Sở"}, store.Timeline{Text: "Quý III/2023"}
	edit.Status, edit.Progress, edit.Track = store.StatusDone, 100, store.TaskTrack{}
	if err := st.UpdateTask(edit); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Task(plan.ID, tasks[0].ID)
	if got.Content != "Nội dung mới" || got.Result != "Kết quả" || got.Timeline.Due != day(9, 30) || got.Coordinating[0] != "Thanh tra Sở" {
		t.Errorf("edited fields lost: %+v", got)
	}
	if got.Status != store.StatusInProgress || got.Progress != 40 || got.Track != tracked.Track {
		t.Errorf("editing a task changed its tracking: %q %d%% %+v", got.Status, got.Progress, got.Track)
	}
	areas, _ := st.Areas(plan.ID)
	got.AreaID = areas[1].ID
	if err := st.UpdateTask(got); err != nil {
		t.Fatal(err)
	}
	if first := areaOrdinals(t, st, plan.ID, areas[0].ID); !slices.Equal(first, []string{"1:Ban hành kế hoạch"}) {
		t.Errorf("area left behind: %q", first)
	}
	if second := areaOrdinals(t, st, plan.ID, areas[1].ID); !slices.Equal(second, []string{"1:Rà soát thủ tục", "2:Nội dung mới"}) {
		t.Errorf("area moved to: %q", second)
	}
}

func TestDeleteTaskCanBeUndone(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	first := tasks[0]
	st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: first.ID, Date: day(5, 1), Status: store.StatusInProgress, Progress: 40})
	st.AddEvidence(store.Evidence{PlanID: plan.ID, TaskID: first.ID, Title: "Dự thảo"}, "")
	deleted, err := st.DeleteTask(plan.ID, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(deleted.Updates) != 1 || len(deleted.Evidence) != 1 || deleted.Task.ID != first.ID {
		t.Errorf("deleted %+v", deleted)
	}
	if got := areaOrdinals(t, st, plan.ID, first.AreaID); !slices.Equal(got, []string{"1:Ban hành kế hoạch"}) {
		t.Errorf("after delete: %q", got)
	}
	if _, err := st.History(plan.ID, first.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("history of a deleted task: %v", err)
	}
	checkUndoDelete(t, st, first)
}

// checkUndoDelete undoes the delete of first, which had one update at 40%
// and one evidence record, once.
func checkUndoDelete(t *testing.T, st *Store, first store.Task) {
	t.Helper()
	last, ok, err := st.LastDeleted()
	if !ok || err != nil || last.Task.ID != first.ID {
		t.Errorf("LastDeleted = %+v %v %v", last, ok, err)
	}
	restored, err := st.UndoDelete()
	if err != nil || restored.ID != first.ID {
		t.Fatalf("UndoDelete = %+v, %v", restored, err)
	}
	if got := areaOrdinals(t, st, first.PlanID, first.AreaID); !slices.Equal(got, []string{"1:Tham mưu ban hành văn bản", "2:Ban hành kế hoạch"}) {
		t.Errorf("after undo: %q", got)
	}
	history, _ := st.History(first.PlanID, first.ID)
	evidence, _ := st.TaskEvidence(first.PlanID, first.ID)
	back, _ := st.Task(first.PlanID, first.ID)
	if len(history) != 1 || len(evidence) != 1 || back.Progress != 40 || back.Track.Evidence != 1 {
		t.Errorf("restored without its tracking: %+v %+v %+v", back, history, evidence)
	}
	if _, err := st.UndoDelete(); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("undo twice: %v", err)
	}
	if _, ok, _ := st.LastDeleted(); ok {
		t.Error("a delete undone can still be undone")
	}
}

func TestDuplicateAndMoveTasks(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: day(5, 1), Status: store.StatusInProgress, Progress: 40})
	dup, err := st.DuplicateTask(plan.ID, tasks[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if dup.Ordinal != "2" || dup.Content != tasks[0].Content || dup.Status != "" || dup.Track != (store.TaskTrack{}) || dup.Timeline.Due != tasks[0].Timeline.Due {
		t.Errorf("duplicate %+v", dup)
	}
	area := tasks[0].AreaID
	want := []string{"1:Tham mưu ban hành văn bản", "2:Tham mưu ban hành văn bản", "3:Ban hành kế hoạch"}
	if got := areaOrdinals(t, st, plan.ID, area); !slices.Equal(got, want) {
		t.Errorf("after duplicate: %q", got)
	}
	if err := st.MoveTask(plan.ID, tasks[1].ID, 1); err != nil {
		t.Fatal(err)
	}
	want = []string{"1:Ban hành kế hoạch", "2:Tham mưu ban hành văn bản", "3:Tham mưu ban hành văn bản"}
	if got := areaOrdinals(t, st, plan.ID, area); !slices.Equal(got, want) {
		t.Errorf("after moving the last first: %q", got)
	}
	if err := st.MoveTask(plan.ID, tasks[1].ID, 99); err != nil {
		t.Fatal(err)
	}
	if got := areaOrdinals(t, st, plan.ID, area); got[2] != "3:Ban hành kế hoạch" {
		t.Errorf("after moving past the end: %q", got)
	}
}

func TestMoveAreaNumbersAgain(t *testing.T) {
	st, plan, _ := trackedPlan(t)
	areas, _ := st.Areas(plan.ID)
	if err := st.MoveArea(plan.ID, areas[1].ID, 1); err != nil {
		t.Fatal(err)
	}
	moved, _ := st.Areas(plan.ID)
	if moved[0].Name != "Cải cách thủ tục hành chính" || moved[0].Numeral != "I" || moved[1].Numeral != "II" || moved[1].Order != 2 {
		t.Errorf("areas after the move: %+v", moved)
	}
	if err := st.MoveArea(plan.ID, 999, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("moving an unknown area: %v", err)
	}
}

func TestFindTaskByIDOrPrintedNumber(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	for ref, want := range map[string]uint64{"II.1": tasks[2].ID, "i.2": tasks[1].ID, " I.1 ": tasks[0].ID, "2": tasks[1].ID} {
		if got, err := st.FindTask(plan.ID, ref); err != nil || got.ID != want {
			t.Errorf("FindTask(%q) = #%d, %v; want #%d", ref, got.ID, err, want)
		}
	}
	for _, ref := range []string{"III.1", "I.9", "99", "x"} {
		if _, err := st.FindTask(plan.ID, ref); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("FindTask(%q): %v", ref, err)
		}
	}
}

func TestDeletePlanTakesItsUpdatesAndEvidence(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	st.AddUpdate(store.Update{PlanID: plan.ID, TaskID: tasks[0].ID, Date: day(5, 1), Status: store.StatusInProgress, Progress: 40})
	st.AddEvidence(store.Evidence{PlanID: plan.ID, TaskID: tasks[0].ID, Title: "Dự thảo"}, "")
	if err := st.DeletePlan(plan.ID); err != nil {
		t.Fatal(err)
	}
	for _, bucket := range [][]byte{datafile.BucketUpdates, datafile.BucketEvidence} {
		st.Bolt().View(func(tx *bolt.Tx) error {
			if n := tx.Bucket(bucket).Stats().KeyN; n != 0 {
				t.Errorf("%s holds %d records of a deleted plan", bucket, n)
			}
			return nil
		})
	}
}
