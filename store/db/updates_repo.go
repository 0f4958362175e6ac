package db

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// SetClock sets the clock that stamps updates and evidence and gives "today"
// to an update without a date; tests fix it. nil means the system clock.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func (s *Store) clock() time.Time {
	if s.now == nil {
		return time.Now()
	}
	return s.now()
}

// History returns every update of a task, the latest first, removed ones
// included (Update.Removed) and corrected ones with their earlier versions.
func (s *Store) History(planID, taskID uint64) ([]store.Update, error) {
	history, err := recordsOfTask[store.Update](s, datafile.BucketUpdates, planID, taskID)
	store.NewestFirst(history)
	return history, err
}

// recordsOfTask reads the records of a task, which must exist, in a bucket.
func recordsOfTask[T any](s *Store, bucket []byte, planID, taskID uint64) ([]T, error) {
	var list []T
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		if _, err := readTask(tx, planID, taskID); err != nil {
			return err
		}
		var err error
		list, err = datafile.ListOfTask[T](tx, bucket, planID, taskID)
		return err
	})
	return list, err
}

func readTask(tx *bolt.Tx, planID, taskID uint64) (store.Task, error) {
	var task store.Task
	err := datafile.GetJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(planID, taskID), &task)
	return task, wrapRecord("nhiệm vụ", taskID, err)
}

// trackedTask is a task being updated in a transaction, with its history.
type trackedTask struct {
	task    store.Task
	history []store.Update
}

func readTracked(tx *bolt.Tx, planID, taskID uint64) (*trackedTask, error) {
	task, err := readTask(tx, planID, taskID)
	if err != nil {
		return nil, err
	}
	history, err := datafile.ListOfTask[store.Update](tx, datafile.BucketUpdates, planID, taskID)
	if err != nil {
		return nil, err
	}
	return &trackedTask{task: task, history: history}, nil
}

// save sums up the history onto the task and stores the task.
func (tt *trackedTask) save(tx *bolt.Tx) error {
	store.Summarize(store.StandingUpdates(tt.history)).Apply(&tt.task)
	return datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(tt.task.PlanID, tt.task.ID), &tt.task)
}

// add checks an update against the rules and stores it: its status and
// progress as RecordedState makes them, a zero date as today, and a reason
// when it leaves the task late. The same report as the latest update (the
// officer saving twice) is not stored again.
func (tt *trackedTask) add(tx *bolt.Tx, u store.Update, rules store.Rules, now time.Time) (store.Update, error) {
	u.ID = 0
	if err := tt.check(&u, rules, now); err != nil {
		return store.Update{}, err
	}
	if current := store.StandingUpdates(tt.history); len(current) > 0 && store.SameReport(current[len(current)-1], u) {
		return current[len(current)-1], nil
	}
	u.PlanID, u.TaskID, u.Recorded, u.RemovedAt, u.Corrections = tt.task.PlanID, tt.task.ID, now, time.Time{}, nil
	if err := datafile.InsertOfTask(tx, datafile.BucketUpdates, &u); err != nil {
		return store.Update{}, err
	}
	tt.history = append(tt.history, u)
	return u, nil
}

// check normalizes u and applies the rules of a task's updates to it,
// against the history without the update u replaces (same id).
func (tt *trackedTask) check(u *store.Update, rules store.Rules, now time.Time) error {
	where := "nhiệm vụ " + tt.task.Ordinal
	if err := u.Normalize(store.DateOf(now)); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	others := make([]store.Update, 0, len(tt.history))
	for _, h := range tt.history {
		if h.ID != u.ID || u.ID == 0 {
			others = append(others, h)
		}
	}
	if store.LateWithoutReason(tt.task, others, *u, rules) {
		return fmt.Errorf("hạn %s, cập nhật ngày %s: %w: nhiệm vụ quá hạn", tt.task.Timeline.Due, u.Date, store.ErrNeedReason)
	}
	return nil
}

func readRules(tx *bolt.Tx) (store.Rules, error) {
	settings, err := readSettings(tx)
	return settings.Rules(), err
}

// AddUpdate records a dated update of a task and returns the task with its
// new status, progress and track, all written in one transaction. The
// update's date defaults to today; Done is 100%; 100% "not started" is
// refused with ErrConflict; an update that leaves the task late needs a
// reason (ErrNeedReason) unless one was given since it fell due or it comes
// from a tracking sheet.
func (s *Store) AddUpdate(u store.Update) (store.Task, error) {
	return s.onTracked(u.PlanID, u.TaskID, func(tx *bolt.Tx, tt *trackedTask, rules store.Rules, now time.Time) error {
		_, err := tt.add(tx, u, rules, now)
		return err
	})
}

// onTracked runs change on a task and its history in one transaction, then
// sums the history up onto the task, and returns the task.
func (s *Store) onTracked(planID, taskID uint64, change func(*bolt.Tx, *trackedTask, store.Rules, time.Time) error) (store.Task, error) {
	var task store.Task
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		rules, err := readRules(tx)
		if err != nil {
			return err
		}
		tt, err := readTracked(tx, planID, taskID)
		if err != nil {
			return err
		}
		if err := change(tx, tt, rules, s.clock()); err != nil {
			return err
		}
		err = tt.save(tx)
		task = tt.task
		return err
	})
	if err != nil {
		return store.Task{}, err
	}
	return task, nil
}

// AddUpdates records many updates under the same rules as AddUpdate, in
// one transaction: all of them or none. It is for bulk work (demo data,
// conversions), where one transaction each would cost a disk sync each.
func (s *Store) AddUpdates(updates []store.Update) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		rules, err := readRules(tx)
		if err != nil {
			return err
		}
		tasks := map[[2]uint64]*trackedTask{}
		var order []*trackedTask
		for _, u := range updates {
			key := [2]uint64{u.PlanID, u.TaskID}
			tt := tasks[key]
			if tt == nil {
				if tt, err = readTracked(tx, u.PlanID, u.TaskID); err != nil {
					return err
				}
				tasks[key] = tt
				order = append(order, tt)
			}
			if _, err := tt.add(tx, u, rules, s.clock()); err != nil {
				return err
			}
		}
		for _, tt := range order {
			if err := tt.save(tx); err != nil {
				return err
			}
		}
		return nil
	})
}

// CorrectUpdate replaces the date, status, progress, note, unit and reason
// of an update (found by its plan, task and id) under the rules of
// AddUpdate. The update keeps its earlier version in Corrections, so the
// history shows it was corrected. It returns the task as it now stands.
func (s *Store) CorrectUpdate(u store.Update) (store.Task, error) {
	return s.changeUpdate(u.PlanID, u.TaskID, u.ID, func(tt *trackedTask, stored *store.Update, rules store.Rules, now time.Time) error {
		if stored.Removed() {
			return fmt.Errorf("%w: cập nhật ngày %s đã bị xoá, không sửa được", store.ErrInvalid, stored.Date)
		}
		corrected := *stored
		corrected.Date, corrected.Status, corrected.Progress = u.Date, u.Status, u.Progress
		corrected.Note, corrected.Unit, corrected.Reason = u.Note, u.Unit, u.Reason
		if err := tt.check(&corrected, rules, now); err != nil {
			return err
		}
		corrected.Corrections = append(corrected.Corrections, stored.Version(now))
		*stored = corrected
		return nil
	})
}

// RemoveUpdate removes an update from the task's standing: it stays in the
// history, flagged as removed. It returns the task as it now stands.
func (s *Store) RemoveUpdate(planID, taskID, updateID uint64) (store.Task, error) {
	return s.changeUpdate(planID, taskID, updateID, func(_ *trackedTask, stored *store.Update, _ store.Rules, now time.Time) error {
		if !stored.Removed() {
			stored.RemovedAt = now
		}
		return nil
	})
}

// changeUpdate changes a stored update with edit and sums up the task
// again, in one transaction.
func (s *Store) changeUpdate(planID, taskID, updateID uint64, edit func(*trackedTask, *store.Update, store.Rules, time.Time) error) (store.Task, error) {
	return s.onTracked(planID, taskID, func(tx *bolt.Tx, tt *trackedTask, rules store.Rules, now time.Time) error {
		i := indexOfUpdate(tt.history, updateID)
		if i < 0 {
			return wrapRecord("cập nhật", updateID, store.ErrNotFound)
		}
		if err := edit(tt, &tt.history[i], rules, now); err != nil {
			return err
		}
		return datafile.PutOfTask(tx, datafile.BucketUpdates, &tt.history[i])
	})
}

func indexOfUpdate(history []store.Update, id uint64) int {
	for i, u := range history {
		if u.ID == id {
			return i
		}
	}
	return -1
}

// TaskStanding is a task with where it stands on a reporting date.
type TaskStanding struct {
	Task     store.Task     `json:"task"`
	Standing store.Standing `json:"standing"`
}

// Standings returns where every task of a plan stands on day asOf, in the
// plan's order, under the rules of the settings. A task whose updates all
// date from asOf or before is judged from its own summary (Task.Track);
// only the history of a task with a later update is read.
func (s *Store) Standings(planID uint64, asOf store.Date) ([]TaskStanding, error) {
	var out []TaskStanding
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		if cached, ok := s.standings.get(planID, asOf, tx.ID()); ok {
			out = cached
			return nil
		}
		if _, err := readPlan(tx, planID); err != nil {
			return err
		}
		rules, err := readRules(tx)
		if err != nil {
			return err
		}
		tasks, err := readTasks(tx, planID)
		if err != nil {
			return err
		}
		out = make([]TaskStanding, len(tasks))
		for i, t := range tasks {
			if out[i], err = standingOf(tx, t, asOf, rules); err != nil {
				return err
			}
		}
		s.standings.put(planID, asOf, tx.ID(), out)
		return nil
	})
	return out, err
}

// standingsCache keeps the last list of standings read: the window's
// overview and task screen ask for the same plan on the same day as it
// opens, and reading 10,000 tasks takes about 150 ms. It is keyed by the
// file's last committed transaction, so that any write, by this program or
// another, leaves it behind. Each caller gets a copy of its own.
type standingsCache struct {
	mu        sync.Mutex
	planID    uint64
	asOf      store.Date
	txID      int
	standings []TaskStanding
}

// get returns a copy of the standings of plan planID on day asOf, when the
// cache holds them as of transaction txID.
func (c *standingsCache) get(planID uint64, asOf store.Date, txID int) ([]TaskStanding, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.standings == nil || c.planID != planID || c.asOf != asOf || c.txID != txID {
		return nil, false
	}
	return slices.Clone(c.standings), true
}

// put keeps a copy of standings as read in transaction txID.
func (c *standingsCache) put(planID uint64, asOf store.Date, txID int, standings []TaskStanding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.planID, c.asOf, c.txID, c.standings = planID, asOf, txID, slices.Clone(standings)
}

// Standing returns where one task stands on day asOf.
func (s *Store) Standing(planID, taskID uint64, asOf store.Date) (TaskStanding, error) {
	var out TaskStanding
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		rules, err := readRules(tx)
		if err != nil {
			return err
		}
		task, err := readTask(tx, planID, taskID)
		if err != nil {
			return err
		}
		out, err = standingOf(tx, task, asOf, rules)
		return err
	})
	return out, err
}

func standingOf(tx *bolt.Tx, t store.Task, asOf store.Date, rules store.Rules) (TaskStanding, error) {
	if st, ok := store.AssessCached(t, asOf, rules); ok {
		return TaskStanding{Task: t, Standing: st}, nil
	}
	history, err := datafile.ListOfTask[store.Update](tx, datafile.BucketUpdates, t.PlanID, t.ID)
	if err != nil {
		return TaskStanding{}, err
	}
	return TaskStanding{Task: t, Standing: store.Assess(t, history, asOf, rules)}, nil
}

// CountStates counts standings by state; every state of States is a key,
// and the counts add up to the number of standings.
func CountStates(standings []TaskStanding) map[store.State]int {
	counts := make(map[store.State]int, len(store.States))
	for _, s := range store.States {
		counts[s] = 0
	}
	for _, ts := range standings {
		counts[ts.Standing.State]++
	}
	return counts
}
