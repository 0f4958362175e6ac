package datafile

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/kehoach/cchc/store"

	bolt "go.etcd.io/bbolt"
)

// child is what areas, tasks and targets share: each belongs to one plan and
// is keyed by the plan's id and its own.
type child interface {
	RecordIDs() (planID, id uint64)
	SetRecordID(id uint64)
}

// InsertChild gives rec the next id of its bucket and stores it under a plan
// that must exist.
func InsertChild(tx *bolt.Tx, bucket []byte, rec child) error {
	planID, _ := rec.RecordIDs()
	if tx.Bucket(BucketPlans).Get(Key8(planID)) == nil {
		return fmt.Errorf("kế hoạch #%d: %w", planID, store.ErrNotFound)
	}
	b := tx.Bucket(bucket)
	id, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("next id in %s: %w", bucket, err)
	}
	rec.SetRecordID(id)
	return PutJSON(b, ChildKey(planID, id), rec)
}

// ReplaceChild overwrites a record that must already exist.
func ReplaceChild(tx *bolt.Tx, bucket []byte, rec child) error {
	b := tx.Bucket(bucket)
	key := ChildKey(rec.RecordIDs())
	if b.Get(key) == nil {
		return store.ErrNotFound
	}
	return PutJSON(b, key, rec)
}

// DeleteChild removes a record that must exist.
func DeleteChild(tx *bolt.Tx, bucket []byte, planID, id uint64) error {
	b := tx.Bucket(bucket)
	key := ChildKey(planID, id)
	if b.Get(key) == nil {
		return store.ErrNotFound
	}
	return b.Delete(key)
}

// ListChildren decodes every record of a plan in a bucket, in id order.
func ListChildren[T any](tx *bolt.Tx, bucket []byte, planID uint64) ([]T, error) {
	return listPrefix[T](tx, bucket, Key8(planID))
}

// listPrefix decodes every record of a bucket whose key starts with
// prefix, in key order: it counts them first, so the list is made once at
// its size and each record decoded in its place (nil when there is none).
func listPrefix[T any](tx *bolt.Tx, bucket, prefix []byte) ([]T, error) {
	n := countPrefix(tx, bucket, prefix)
	if n == 0 {
		return nil, nil
	}
	out := make([]T, n)
	i := 0
	c := tx.Bucket(bucket).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := decodeRecord(v, &out[i]); err != nil {
			return nil, fmt.Errorf("decode %s %x: %w", bucket, k, err)
		}
		i++
	}
	return out, nil
}

// CountChildren counts the records of a plan in a bucket without decoding
// any.
func CountChildren(tx *bolt.Tx, bucket []byte, planID uint64) int {
	return countPrefix(tx, bucket, Key8(planID))
}

// countPrefix counts the records of a bucket whose key starts with prefix.
func countPrefix(tx *bolt.Tx, bucket, prefix []byte) int {
	c := tx.Bucket(bucket).Cursor()
	n := 0
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	return n
}

// taskRecord is what updates and evidence share: each belongs to one task
// of one plan and is keyed by the plan's id, the task's and its own.
type taskRecord interface {
	RecordTaskIDs() (planID, taskID, id uint64)
	SetRecordID(id uint64)
}

// GrandchildKey is the key of an update or evidence record: its plan's id,
// its task's and its own, big-endian.
func GrandchildKey(planID, taskID, id uint64) []byte {
	return binary.BigEndian.AppendUint64(ChildKey(planID, taskID), id)
}

// InsertOfTask gives rec the next id of its bucket and stores it.
func InsertOfTask(tx *bolt.Tx, bucket []byte, rec taskRecord) error {
	id, err := tx.Bucket(bucket).NextSequence()
	if err != nil {
		return fmt.Errorf("next id in %s: %w", bucket, err)
	}
	rec.SetRecordID(id)
	return PutOfTask(tx, bucket, rec)
}

// PutOfTask stores rec under its key.
func PutOfTask(tx *bolt.Tx, bucket []byte, rec taskRecord) error {
	return PutJSON(tx.Bucket(bucket), GrandchildKey(rec.RecordTaskIDs()), rec)
}

// ListOfTask decodes the records of one task in a bucket, in id order.
func ListOfTask[T any](tx *bolt.Tx, bucket []byte, planID, taskID uint64) ([]T, error) {
	return listPrefix[T](tx, bucket, ChildKey(planID, taskID))
}

// DeleteChildren removes every record of a plan from a bucket.
func DeleteChildren(tx *bolt.Tx, bucket []byte, planID uint64) error {
	return DeletePrefix(tx, bucket, Key8(planID))
}

// DeletePrefix removes every record of a bucket whose key starts with prefix.
func DeletePrefix(tx *bolt.Tx, bucket, prefix []byte) error {
	c := tx.Bucket(bucket).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}
