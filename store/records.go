package store

import (
	"bytes"
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
	prefix := key8(planID)
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

// deleteChildren removes every record of a plan from a bucket.
func deleteChildren(tx *bolt.Tx, bucket []byte, planID uint64) error {
	prefix := key8(planID)
	c := tx.Bucket(bucket).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}
