package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Bucket names. Child records (areas, tasks, targets) are keyed by their
// plan's id followed by their own, both big-endian, so a plan's records sit
// together in key order and a prefix scan lists them.
var (
	BucketMeta    = []byte("meta")
	BucketPlans   = []byte("plans")
	BucketAreas   = []byte("areas")
	BucketTasks   = []byte("tasks")
	BucketTargets = []byte("targets")
	// Updates and evidence are keyed by plan, task and their own id.
	BucketUpdates  = []byte("updates")
	BucketEvidence = []byte("evidence")
	// Actuals are keyed by plan, target and period key; figures by plan and
	// period key; reports and their frozen tables by plan and report id.
	BucketActuals      = []byte("actuals")
	BucketFigures      = []byte("figures")
	BucketReports      = []byte("reports")
	BucketReportTables = []byte("reportTables")
	allBuckets         = [][]byte{BucketMeta, BucketPlans, BucketAreas, BucketTasks, BucketTargets, BucketUpdates, BucketEvidence,
		BucketActuals, BucketFigures, BucketReports, BucketReportTables}
)

var (
	KeySchema   = []byte("schema")
	KeySettings = []byte("settings")
)

// openTimeout is how long Open waits for another process to let go of the file.
const openTimeout = time.Second

// Store is an open database. It is safe for use by several goroutines.
type Store struct {
	db   *bolt.DB
	path string
	// now is the clock updates are stamped with; nil means time.Now.
	now func() time.Time
	// readOnly is set when the file was opened for reading only.
	readOnly bool
	// created is set when this open created the file.
	created bool
	// scratch is the temporary folder of a migrated copy read in place of
	// an older file opened for reading; "" when there is none.
	scratch string
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the file was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Created reports whether opening the store created its file.
func (s *Store) Created() bool { return s.created }

// Close closes the database file.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.scratch != "" {
		os.RemoveAll(s.scratch)
	}
	return err
}

// Key8 encodes an id as 8 big-endian bytes.
func Key8(id uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, id)
}

// ChildKey is the key of a record that belongs to a plan.
func ChildKey(planID, id uint64) []byte {
	return binary.BigEndian.AppendUint64(Key8(planID), id)
}

// PutJSON stores v as JSON under key, with every string in it cleaned
// (CleanText): a pointer's record is cleaned in place.
func PutJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(Cleaned(v))
	if err != nil {
		return fmt.Errorf("encode record %T: %w", v, err)
	}
	return b.Put(key, data)
}

// GetJSON decodes the record under key into v, or returns ErrNotFound.
// json.Unmarshal copies what it keeps, so v stays valid after the transaction.
func GetJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return ErrNotFound
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode record: %w", err)
	}
	return nil
}
