package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// child is what areas, tasks and targets share: each belongs to one plan and
// is keyed by the plan's id and its own.
type child interface {
	ids() (planID, id uint64)
	setID(id uint64)
}

func (a *Area) ids() (uint64, uint64)   { return a.PlanID, a.ID }
func (a *Area) setID(id uint64)         { a.ID = id }
func (t *Task) ids() (uint64, uint64)   { return t.PlanID, t.ID }
func (t *Task) setID(id uint64)         { t.ID = id }
func (t *Target) ids() (uint64, uint64) { return t.PlanID, t.ID }
func (t *Target) setID(id uint64)       { t.ID = id }

// insertChild gives rec the next id of its bucket and stores it under a plan
// that must exist.
func insertChild(tx *bolt.Tx, bucket []byte, rec child) error {
	planID, _ := rec.ids()
	if tx.Bucket(bucketPlans).Get(key8(planID)) == nil {
		return fmt.Errorf("kế hoạch #%d: %w", planID, ErrNotFound)
	}
	b := tx.Bucket(bucket)
	id, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("next id in %s: %w", bucket, err)
	}
	rec.setID(id)
	return putJSON(b, childKey(planID, id), rec)
}

// replaceChild overwrites a record that must already exist.
func replaceChild(tx *bolt.Tx, bucket []byte, rec child) error {
	b := tx.Bucket(bucket)
	key := childKey(rec.ids())
	if b.Get(key) == nil {
		return ErrNotFound
	}
	return putJSON(b, key, rec)
}

// deleteChild removes a record that must exist.
func deleteChild(tx *bolt.Tx, bucket []byte, planID, id uint64) error {
	b := tx.Bucket(bucket)
	key := childKey(planID, id)
	if b.Get(key) == nil {
		return ErrNotFound
	}
	return b.Delete(key)
}

// listChildren decodes every record of a plan in a bucket, in id order.
func listChildren[T any](tx *bolt.Tx, bucket []byte, planID uint64) ([]T, error) {
	return listPrefix[T](tx, bucket, key8(planID))
}

// listPrefix decodes every record of a bucket whose key starts with
// prefix, in key order.
func listPrefix[T any](tx *bolt.Tx, bucket, prefix []byte) ([]T, error) {
	var out []T
	c := tx.Bucket(bucket).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var rec T
		if err := json.Unmarshal(v, &rec); err != nil {
			return nil, fmt.Errorf("decode %s %x: %w", bucket, k, err)
		}
		out = append(out, rec)
	}
	return out, nil
}

// taskRecord is what updates and evidence share: each belongs to one task
// of one plan and is keyed by the plan's id, the task's and its own.
type taskRecord interface {
	taskIDs() (planID, taskID, id uint64)
	setID(id uint64)
}

func (u *Update) taskIDs() (uint64, uint64, uint64)   { return u.PlanID, u.TaskID, u.ID }
func (u *Update) setID(id uint64)                     { u.ID = id }
func (e *Evidence) taskIDs() (uint64, uint64, uint64) { return e.PlanID, e.TaskID, e.ID }
func (e *Evidence) setID(id uint64)                   { e.ID = id }

// grandchildKey is the key of an update or evidence record: its plan's id,
// its task's and its own, big-endian.
func grandchildKey(planID, taskID, id uint64) []byte {
	return binary.BigEndian.AppendUint64(childKey(planID, taskID), id)
}

// insertOfTask gives rec the next id of its bucket and stores it.
func insertOfTask(tx *bolt.Tx, bucket []byte, rec taskRecord) error {
	id, err := tx.Bucket(bucket).NextSequence()
	if err != nil {
		return fmt.Errorf("next id in %s: %w", bucket, err)
	}
	rec.setID(id)
	return putOfTask(tx, bucket, rec)
}

// putOfTask stores rec under its key.
func putOfTask(tx *bolt.Tx, bucket []byte, rec taskRecord) error {
	return putJSON(tx.Bucket(bucket), grandchildKey(rec.taskIDs()), rec)
}

// listOfTask decodes the records of one task in a bucket, in id order.
func listOfTask[T any](tx *bolt.Tx, bucket []byte, planID, taskID uint64) ([]T, error) {
	return listPrefix[T](tx, bucket, childKey(planID, taskID))
}

// deleteChildren removes every record of a plan from a bucket.
func deleteChildren(tx *bolt.Tx, bucket []byte, planID uint64) error {
	return deletePrefix(tx, bucket, key8(planID))
}
