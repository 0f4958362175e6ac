// Package db keeps the plans, their tasks, tracking, targets and reports
// in the data file, one method per use case, each one transaction: what
// both programs call to read and change the data. The file itself (opening,
// schema, migrations, the consistency check, the record layout) is package
// datafile's; the domain types and rules are package store's and
// reporting's. bbolt stays behind this API.
package db

import (
	"time"

	"github.com/kehoach/cchc/store/datafile"
)

// Store is the open data file with the methods of every use case. It is
// safe for use by several goroutines.
type Store struct {
	*datafile.File
	// now is the clock updates are stamped with; nil means time.Now.
	now func() time.Time
	// standings is the last list of standings read (see Standings).
	standings *standingsCache
}

// Open opens or creates the data file at path for reading and writing,
// bringing its schema up to date (see datafile.OpenFile).
func Open(path string) (*Store, error) { return wrap(datafile.OpenFile(path)) }

// OpenReadOnly opens the data file at path for reading only, with a shared
// lock, never writing to it (see datafile.OpenFileReadOnly).
func OpenReadOnly(path string) (*Store, error) { return wrap(datafile.OpenFileReadOnly(path)) }

// OpenWith opens the data file at path as opts say (see datafile.OpenFileWith).
func OpenWith(path string, opts datafile.OpenOptions) (*Store, error) {
	return wrap(datafile.OpenFileWith(path, opts))
}

func wrap(f *datafile.File, err error) (*Store, error) {
	if err != nil {
		return nil, err
	}
	return &Store{File: f, standings: &standingsCache{}}, nil
}
