package datafile

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/kehoach/cchc/store"

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

// File is an open data file: the bbolt database, how it was opened, and
// the copy read in its place when an older file is opened for reading. It
// is safe for use by several goroutines. Package db builds the Store that
// the programs use on it.
type File struct {
	db   *bolt.DB
	path string
	// readOnly is set when the file was opened for reading only.
	readOnly bool
	// created is set when this open created the file.
	created bool
	// scratch is the temporary folder of a migrated copy read in place of
	// an older file opened for reading; "" when there is none.
	scratch string
}

// Wrap makes a File of a bbolt database already open, without the checks
// and migrations of OpenFileWith: for tests that look at a damaged file,
// and for salvage.
func Wrap(db *bolt.DB, path string, readOnly bool) *File {
	return &File{db: db, path: path, readOnly: readOnly}
}

// Bolt returns the bbolt database, for the repositories of package db:
// nothing outside package store sees it.
func (s *File) Bolt() *bolt.DB { return s.db }

// ScratchDir is the folder of the migrated copy read in place of an older
// file opened for reading; "" when there is none.
func (s *File) ScratchDir() string { return s.scratch }

// Path returns the database file's path.
func (s *File) Path() string { return s.path }

// ReadOnly reports whether the file was opened for reading only.
func (s *File) ReadOnly() bool { return s.readOnly }

// Created reports whether opening the store created its file.
func (s *File) Created() bool { return s.created }

// Close closes the database file.
func (s *File) Close() error {
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
	data, err := json.Marshal(store.Cleaned(v))
	if err != nil {
		return fmt.Errorf("encode record %T: %w", v, err)
	}
	return b.Put(key, data)
}

// GetJSON decodes the record under key into v, or returns ErrNotFound.
// It copies what it keeps, so v stays valid after the transaction; a task
// is read by the fast scanner of decodeRecord, with encoding/json's result.
func GetJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return store.ErrNotFound
	}
	if err := decodeRecord(data, v); err != nil {
		return fmt.Errorf("decode record: %w", err)
	}
	return nil
}
