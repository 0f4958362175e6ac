// Package seeds holds the plans the app starts with: the administrative-reform
// plan 122/KH-SKH of 28/01/2023 of Sở Kế hoạch và Đầu tư tỉnh Tuyên Quang,
// transcribed by hand into plan2023.json and embedded in the binary, together
// with the agency settings it was issued under.
//
// The transcription keeps the plan's wording as issued, typos included; only
// the artefacts of its conversion from Word are gone (emphasis marks, angle
// brackets around the link, HTML fragments in table cells, header rows
// repeated at page breaks). seeds_test.go checks every task cell, paragraph
// and target against the converted text in testdata/seed.
package seeds

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

// Plan2023Key identifies the seed plan to the store, so that it is created
// only once however often the app starts.
const Plan2023Key = "122/KH-SKH/2023"

//go:embed plan2023.json
var plan2023JSON []byte

// seedFile is the layout of plan2023.json.
type seedFile struct {
	Settings store.Settings `json:"settings"`
	Bundle   store.Bundle   `json:"bundle"`
}

// Plan2023 decodes the embedded plan 122/KH-SKH: the agency settings it was
// issued under and the plan with its 7 areas, 21 tasks and targets, without
// ids. Every task's timeline has its derived fields filled by
// store.Bundle.ReadTimelines against the plan's year. Each call returns fresh
// values the caller may change.
func Plan2023() (store.Settings, store.Bundle, error) {
	var f seedFile
	dec := json.NewDecoder(bytes.NewReader(plan2023JSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return store.Settings{}, store.Bundle{}, fmt.Errorf("seeds: decode plan2023.json: %w", err)
	}
	if dec.More() {
		return store.Settings{}, store.Bundle{}, errors.New("seeds: decode plan2023.json: data after the top-level object")
	}
	f.Bundle.ReadTimelines()
	if err := f.Settings.Validate(); err != nil {
		return store.Settings{}, store.Bundle{}, fmt.Errorf("seeds: plan2023.json settings: %w", err)
	}
	if err := f.Bundle.Validate(); err != nil {
		return store.Settings{}, store.Bundle{}, fmt.Errorf("seeds: plan2023.json bundle: %w", err)
	}
	return f.Settings, f.Bundle, nil
}

// Seeder is what Ensure needs of the store. Seed creates the bundle under key
// in one transaction unless a bundle with that key was seeded before, and
// saves the settings only when the store has none yet; created tells whether
// the bundle was created by this call.
type Seeder interface {
	Seed(key string, settings store.Settings, b store.Bundle) (created bool, err error)
}

// Ensure gives the store the seed plan 122/KH-SKH and its settings, once:
// it reports whether the plan was created now, false when it was already
// there. An error from Seed is returned as it is, since the store's errors
// (a locked file, say) are written for the officer to read.
func Ensure(st Seeder) (bool, error) {
	settings, bundle, err := Plan2023()
	if err != nil {
		return false, err
	}
	return st.Seed(Plan2023Key, settings, bundle)
}

// Open opens the database at path for writing, creating it when its folder
// exists; see OpenWith.
func Open(path string) (*db.Store, error) {
	return OpenWith(path, datafile.OpenOptions{Create: datafile.CreateFile})
}

// OpenWith opens the database at path as both programs do: a file that
// this open creates is given the seed plan before it appears at its path,
// so it is never seen half made. An existing file is opened as it is:
// nothing is seeded into it, and a file that fails its check or is empty
// is refused, never refilled.
func OpenWith(path string, opts datafile.OpenOptions) (*db.Store, error) {
	opts.Fill = func(f *datafile.File) error {
		_, err := Ensure(&db.Store{File: f})
		return err
	}
	return db.OpenWith(path, opts)
}
