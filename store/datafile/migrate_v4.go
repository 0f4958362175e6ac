package datafile

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kehoach/cchc/store"

	bolt "go.etcd.io/bbolt"
)

// TrackingV3 are the tracking fields a task record held until schema 3:
// its status and progress, and its updates and evidence inside it.
type TrackingV3 struct {
	Status   store.Status `json:"status"`
	Progress int          `json:"progress"`
	Updates  []struct {
		Date     store.Date   `json:"date"`
		Note     string       `json:"note"`
		Progress int          `json:"progress"`
		Status   store.Status `json:"status"`
	} `json:"updates"`
	Evidence []struct {
		Title string     `json:"title"`
		Ref   string     `json:"ref"`
		Added store.Date `json:"added"`
	} `json:"evidence"`
}

// movedTracking is what one task's migration writes beside it.
type movedTracking struct {
	updates  []store.Update
	evidence []store.Evidence
}

// migrateTrackingV3toV4 moves each task's updates and evidence into their
// own buckets, marked as converted, and gives the task its summary. The
// task keeps the status and progress it had: when its updates do not end
// there (a file from before updates were kept, or a status set without
// one), a converted update records it, dated with the task's last update or
// else its plan's issue date.
func migrateTrackingV3toV4(tx *bolt.Tx) error {
	fallback, err := planDays(tx)
	if err != nil {
		return err
	}
	var moved []movedTracking
	err = rewriteRecords(tx.Bucket(BucketTasks), func(key []byte, fields map[string]json.RawMessage) error {
		if len(key) < 16 {
			return fmt.Errorf("key %x too short", key)
		}
		planID, taskID := binary.BigEndian.Uint64(key), binary.BigEndian.Uint64(key[8:])
		m, err := moveTrackingV3(fields, planID, taskID, fallback[planID])
		moved = append(moved, m)
		return err
	})
	if err != nil {
		return err
	}
	for _, m := range moved {
		if err := storeMoved(tx, m); err != nil {
			return err
		}
	}
	return nil
}

// planDays returns, by plan id, the day a converted update without a date
// takes: the plan's issue date, or the first day of its year.
func planDays(tx *bolt.Tx) (map[uint64]store.Date, error) {
	days := map[uint64]store.Date{}
	err := tx.Bucket(BucketPlans).ForEach(func(k, v []byte) error {
		var plan struct {
			ID        uint64     `json:"id"`
			Year      int        `json:"year"`
			IssueDate store.Date `json:"issueDate"`
		}
		if err := json.Unmarshal(v, &plan); err != nil {
			return fmt.Errorf("plan %x: %w", k, err)
		}
		days[plan.ID] = plan.IssueDate
		if plan.IssueDate.IsZero() && store.ValidYear(plan.Year) {
			days[plan.ID] = store.NewDate(plan.Year, 1, 1)
		}
		return nil
	})
	return days, err
}

// moveTrackingV3 takes a task's updates and evidence out of its fields,
// ids still to give, and puts its summary in.
func moveTrackingV3(fields map[string]json.RawMessage, planID, taskID uint64, fallback store.Date) (movedTracking, error) {
	raw, err := json.Marshal(fields)
	if err != nil {
		return movedTracking{}, err
	}
	var old TrackingV3
	if err := json.Unmarshal(raw, &old); err != nil {
		return movedTracking{}, fmt.Errorf("tracking fields: %w", err)
	}
	m := movedTracking{updates: convertUpdatesV3(old, planID, taskID, fallback)}
	for _, e := range old.Evidence {
		m.evidence = append(m.evidence, store.Evidence{PlanID: planID, TaskID: taskID, Title: e.Title, Ref: e.Ref, Added: e.Added.Time()})
	}
	track := store.Summarize(store.StandingUpdates(m.updates)).Track
	track.Evidence = len(m.evidence)
	if fields["track"], err = json.Marshal(track); err != nil {
		return movedTracking{}, err
	}
	delete(fields, "updates")
	delete(fields, "evidence")
	return m, nil
}

// convertUpdatesV3 turns a task's old updates into dated updates in their
// order, each without a date taking the one before it (or fallback), and
// adds one for the task's status, dated with the latest of them, when they
// do not end there.
func convertUpdatesV3(old TrackingV3, planID, taskID uint64, fallback store.Date) []store.Update {
	var updates []store.Update
	day, latest := fallback, fallback
	for i, u := range old.Updates {
		if !u.Date.IsZero() {
			day = u.Date
		}
		if day.After(latest) {
			latest = day
		}
		updates = append(updates, convertedUpdate(planID, taskID, day, u.Status, u.Progress, u.Note, i))
	}
	status := old.Status
	if status == "" {
		status = store.StatusNotStarted
	}
	sum := store.Summarize(store.StandingUpdates(updates))
	if sum.Status != status || sum.Progress != old.Progress {
		updates = append(updates, convertedUpdate(planID, taskID, latest, status, old.Progress, "", len(updates)))
	}
	return updates
}

// convertedUpdate is the n-th converted update of a task, entered (as far
// as the record says) at midnight of its day, n seconds on to keep the order.
func convertedUpdate(planID, taskID uint64, day store.Date, status store.Status, progress int, note string, n int) store.Update {
	if status == "" {
		status = store.StatusNotStarted
	}
	return store.Update{
		PlanID: planID, TaskID: taskID, Date: day, Status: status, Progress: min(max(progress, 0), 100),
		Note: note, Source: store.SourceMigration, Recorded: day.Time().Add(time.Duration(n) * time.Second),
	}
}

// storeMoved gives a task's converted updates and evidence their ids and
// stores them.
func storeMoved(tx *bolt.Tx, m movedTracking) error {
	for i := range m.updates {
		if err := InsertOfTask(tx, BucketUpdates, &m.updates[i]); err != nil {
			return err
		}
	}
	for i := range m.evidence {
		if err := InsertOfTask(tx, BucketEvidence, &m.evidence[i]); err != nil {
			return err
		}
	}
	return nil
}
