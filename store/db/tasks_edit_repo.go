package db

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// keyLastDeleted holds the last deleted task, for UndoDelete.
var keyLastDeleted = []byte("deleted:last")

// CreateTask adds a task to an area of a plan and gives it an id. Its
// timeline is read against the plan's year, into t. A task without an order
// goes last in its area; without a number, it takes the next one when the
// area numbers its tasks 1, 2, 3 …. A new task has no updates: its status,
// progress and track start empty whatever t holds.
func (s *Store) CreateTask(t *store.Task) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		if err := prepareTask(tx, t); err != nil {
			return err
		}
		t.Status, t.Progress, t.Track = "", 0, store.TaskTrack{}
		siblings, err := areaTasks(tx, t.PlanID, t.AreaID)
		if err != nil {
			return err
		}
		if t.Order == 0 {
			t.Order = nextOrder(siblings)
		}
		if t.Ordinal == "" && numbered(siblings) {
			t.Ordinal = strconv.Itoa(len(siblings) + 1)
		}
		return datafile.InsertChild(tx, datafile.BucketTasks, t)
	})
}

// UpdateTask saves changes to what a task asks (every field but its
// tracking, which only its updates change), its timeline read again against
// the plan's year. A task moved to another area goes last there.
func (s *Store) UpdateTask(t store.Task) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		stored, err := readTask(tx, t.PlanID, t.ID)
		if err != nil {
			return err
		}
		if err := prepareTask(tx, &t); err != nil {
			return err
		}
		t.Status, t.Progress, t.Track = stored.Status, stored.Progress, stored.Track
		if t.AreaID == stored.AreaID {
			return datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(t.PlanID, t.ID), &t)
		}
		return moveToArea(tx, t, stored.AreaID)
	})
}

// moveToArea stores a task as the last of its new area and closes the gap
// it leaves in the old one.
func moveToArea(tx *bolt.Tx, t store.Task, oldArea uint64) error {
	siblings, err := areaTasks(tx, t.PlanID, t.AreaID)
	if err != nil {
		return err
	}
	t.Order = nextOrder(siblings)
	if numbered(siblings) && isNumber(t.Ordinal) {
		t.Ordinal = strconv.Itoa(len(siblings) + 1)
	}
	if err := datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(t.PlanID, t.ID), &t); err != nil {
		return err
	}
	left, err := areaTasks(tx, t.PlanID, oldArea)
	if err != nil {
		return err
	}
	return renumber(tx, left)
}

// DeletedTask is a deleted task with its updates and evidence, as
// UndoDelete puts it back.
type DeletedTask struct {
	Task     store.Task       `json:"task"`
	Updates  []store.Update   `json:"updates,omitempty"`
	Evidence []store.Evidence `json:"evidence,omitempty"`
	// At is when it was deleted.
	At time.Time `json:"at"`
}

// DeleteTask removes a task with its updates and evidence records, closes
// the gap in its area's order, and keeps what it removed so that
// UndoDelete can put it back: only the last delete can be undone. Evidence
// files stay in the evidence folder.
func (s *Store) DeleteTask(planID, taskID uint64) (DeletedTask, error) {
	var deleted DeletedTask
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		task, err := readTask(tx, planID, taskID)
		if err != nil {
			return err
		}
		deleted = DeletedTask{Task: task, At: s.clock()}
		if deleted.Updates, err = datafile.ListOfTask[store.Update](tx, datafile.BucketUpdates, planID, taskID); err != nil {
			return err
		}
		if deleted.Evidence, err = datafile.ListOfTask[store.Evidence](tx, datafile.BucketEvidence, planID, taskID); err != nil {
			return err
		}
		if err := removeTask(tx, task); err != nil {
			return err
		}
		return datafile.PutJSON(tx.Bucket(datafile.BucketMeta), keyLastDeleted, &deleted)
	})
	return deleted, err
}

// removeTask deletes a task's record, updates and evidence records and
// numbers the rest of its area again.
func removeTask(tx *bolt.Tx, task store.Task) error {
	if err := tx.Bucket(datafile.BucketTasks).Delete(datafile.ChildKey(task.PlanID, task.ID)); err != nil {
		return err
	}
	for _, bucket := range [][]byte{datafile.BucketUpdates, datafile.BucketEvidence} {
		if err := datafile.DeletePrefix(tx, bucket, datafile.ChildKey(task.PlanID, task.ID)); err != nil {
			return err
		}
	}
	left, err := areaTasks(tx, task.PlanID, task.AreaID)
	if err != nil {
		return err
	}
	return renumber(tx, left)
}

// LastDeleted returns the task the last DeleteTask removed, while it can
// be undone; false when there is none.
func (s *Store) LastDeleted() (DeletedTask, bool, error) {
	var deleted DeletedTask
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		return datafile.GetJSON(tx.Bucket(datafile.BucketMeta), keyLastDeleted, &deleted)
	})
	if errors.Is(err, store.ErrNotFound) {
		return DeletedTask{}, false, nil
	}
	return deleted, err == nil, err
}

// UndoDelete puts the last deleted task back where it was in its area,
// with its updates and evidence, and returns it.
func (s *Store) UndoDelete() (store.Task, error) {
	var deleted DeletedTask
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(datafile.BucketMeta)
		if err := datafile.GetJSON(meta, keyLastDeleted, &deleted); errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("%w nhiệm vụ nào vừa xoá để hoàn tác", store.ErrNotFound)
		} else if err != nil {
			return err
		}
		if err := restoreTask(tx, deleted); err != nil {
			return err
		}
		return meta.Delete(keyLastDeleted)
	})
	return deleted.Task, err
}

func restoreTask(tx *bolt.Tx, d DeletedTask) error {
	t := d.Task
	if err := checkArea(tx, t.PlanID, t.AreaID); err != nil {
		return fmt.Errorf("không hoàn tác được việc xoá nhiệm vụ %s: %w", t.Ordinal, err)
	}
	siblings, err := areaTasks(tx, t.PlanID, t.AreaID)
	if err != nil {
		return err
	}
	at := len(siblings)
	for i, sib := range siblings {
		if sib.Order >= t.Order {
			at = i
			break
		}
	}
	if err := datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(t.PlanID, t.ID), &t); err != nil {
		return err
	}
	for i := range d.Updates {
		if err := datafile.PutOfTask(tx, datafile.BucketUpdates, &d.Updates[i]); err != nil {
			return err
		}
	}
	for i := range d.Evidence {
		if err := datafile.PutOfTask(tx, datafile.BucketEvidence, &d.Evidence[i]); err != nil {
			return err
		}
	}
	return renumber(tx, slices.Insert(siblings, at, t))
}

// DuplicateTask copies what a task asks (not its tracking or result) into
// a new task right after it, and returns the copy.
func (s *Store) DuplicateTask(planID, taskID uint64) (store.Task, error) {
	var dup store.Task
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		task, siblings, err := taskInArea(tx, planID, taskID)
		if err != nil {
			return err
		}
		dup = store.Task{PlanID: planID, AreaID: task.AreaID, Ordinal: task.Ordinal, Order: nextOrder(siblings),
			Content: task.Content, Product: task.Product, Lead: task.Lead,
			Coordinating: slices.Clone(task.Coordinating), Timeline: task.Timeline}
		if err := datafile.InsertChild(tx, datafile.BucketTasks, &dup); err != nil {
			return err
		}
		at := slices.IndexFunc(siblings, func(t store.Task) bool { return t.ID == taskID }) + 1
		siblings = slices.Insert(siblings, at, dup)
		if err := renumber(tx, siblings); err != nil {
			return err
		}
		dup = siblings[at]
		return nil
	})
	return dup, err
}

// MoveTask moves a task to a position (from 1) within its area; the
// others close up. Tasks numbered 1, 2, 3 … are numbered again.
func (s *Store) MoveTask(planID, taskID uint64, position int) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		_, siblings, err := taskInArea(tx, planID, taskID)
		if err != nil {
			return err
		}
		return renumber(tx, moveTo(siblings, func(t store.Task) bool { return t.ID == taskID }, position))
	})
}

// MoveArea moves an area to a position (from 1) within its plan; areas
// numbered I, II, III … are numbered again.
func (s *Store) MoveArea(planID, areaID uint64, position int) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		areas, err := readAreas(tx, planID)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(areas, func(a store.Area) bool { return a.ID == areaID }) {
			return fmt.Errorf("lĩnh vực #%d của kế hoạch #%d: %w", areaID, planID, store.ErrNotFound)
		}
		roman := romanNumbered(areas)
		for i, a := range moveTo(areas, func(a store.Area) bool { return a.ID == areaID }, position) {
			a.Order = i + 1
			if roman {
				a.Numeral = store.RomanNumeral(i + 1)
			}
			if err := datafile.PutJSON(tx.Bucket(datafile.BucketAreas), datafile.ChildKey(planID, a.ID), &a); err != nil {
				return err
			}
		}
		return nil
	})
}

// moveTo moves the item found by is to position (from 1, within bounds).
func moveTo[T any](items []T, is func(T) bool, position int) []T {
	from := slices.IndexFunc(items, is)
	if from < 0 {
		return items
	}
	item := items[from]
	items = slices.Delete(items, from, from+1)
	to := min(max(position-1, 0), len(items))
	return slices.Insert(items, to, item)
}

// taskInArea reads a task and the tasks of its area, in order.
func taskInArea(tx *bolt.Tx, planID, taskID uint64) (store.Task, []store.Task, error) {
	task, err := readTask(tx, planID, taskID)
	if err != nil {
		return store.Task{}, nil, err
	}
	siblings, err := areaTasks(tx, planID, task.AreaID)
	return task, siblings, err
}

// areaTasks returns the tasks of one area of a plan, in order.
func areaTasks(tx *bolt.Tx, planID, areaID uint64) ([]store.Task, error) {
	tasks, err := datafile.ListChildren[store.Task](tx, datafile.BucketTasks, planID)
	if err != nil {
		return nil, err
	}
	tasks = slices.DeleteFunc(tasks, func(t store.Task) bool { return t.AreaID != areaID })
	slices.SortStableFunc(tasks, func(a, b store.Task) int { return a.Order - b.Order })
	return tasks, nil
}

// renumber stores tasks, in the order given, with orders 1, 2, 3 …, and
// numbers them so when they were numbered 1, 2, 3 … (in any order) before.
func renumber(tx *bolt.Tx, tasks []store.Task) error {
	numbers := numbered(tasks)
	for i := range tasks {
		t := &tasks[i]
		ordinal := t.Ordinal
		if numbers {
			ordinal = strconv.Itoa(i + 1)
		}
		if t.Order == i+1 && t.Ordinal == ordinal {
			continue
		}
		t.Order, t.Ordinal = i+1, ordinal
		if err := datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(t.PlanID, t.ID), t); err != nil {
			return err
		}
	}
	return nil
}

// numbered reports whether tasks are numbered with whole numbers only, as
// an area without tasks is.
func numbered(tasks []store.Task) bool {
	for _, t := range tasks {
		if !isNumber(t.Ordinal) {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n > 0
}

// romanNumbered reports whether areas are numbered I, II, III … in order.
func romanNumbered(areas []store.Area) bool {
	for i, a := range areas {
		if a.Numeral != store.RomanNumeral(i+1) {
			return false
		}
	}
	return true
}

func nextOrder(tasks []store.Task) int {
	next := 1
	for _, t := range tasks {
		next = max(next, t.Order+1)
	}
	return next
}

// FindTask finds a task of a plan by its id ("12") or by its number as the
// plan prints it ("II.3", in any case).
func (s *Store) FindTask(planID uint64, ref string) (store.Task, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseUint(ref, 10, 64); err == nil {
		return s.Task(planID, id)
	}
	areas, err := s.Areas(planID)
	if err != nil {
		return store.Task{}, err
	}
	tasks, err := s.Tasks(planID)
	if err != nil {
		return store.Task{}, err
	}
	for _, a := range areas {
		for _, t := range tasks {
			if t.AreaID == a.ID && strings.EqualFold(store.TaskNumber(a, t), ref) {
				return t, nil
			}
		}
	}
	return store.Task{}, fmt.Errorf("nhiệm vụ %q: %w; ghi mã nhiệm vụ (12) hoặc số in trong kế hoạch (II.3)", ref, store.ErrNotFound)
}
