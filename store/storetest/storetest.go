// Package storetest makes data files for the tests of the store's packages
// and of the programs: filled ones, ones changed behind the store's back,
// damaged ones. The help the programs give for a damaged file is tested on
// real damage.
package storetest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store/db"
)

// pageSize is bbolt's page size on the machines the tests run on.
const pageSize = 4096

// FilledFile makes a data file in a new folder holding n plans of three
// tasks each, one a year from 2000.
func FilledFile(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cchc.db")
	st, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range n {
		b := demo.Bundle(demo.Options{Tasks: 3, PerArea: 3, Year: 2000 + i})
		if _, err := st.CreateBundle(b); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// EditRaw makes a filled file and changes it behind the store's back.
func EditRaw(t testing.TB, edit func(tx *bolt.Tx) error) string {
	t.Helper()
	path := FilledFile(t, 1)
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := raw.Update(edit); err != nil {
		t.Fatal(err)
	}
	return path
}

// WriteTemp writes data as a data file in a new folder.
func WriteTemp(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cchc.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// DamagedFile makes a filled file with one page damaged: the first page,
// past the meta pages, whose damage opening it sees.
func DamagedFile(t testing.TB) string {
	t.Helper()
	path := FilledFile(t, 30)
	Damage(t, path)
	return path
}

// Damage scrambles the element headers of one page of the data file at
// path, the first page past the meta pages whose damage opening it sees.
func Damage(t testing.TB, path string) {
	t.Helper()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for page := 2; (page+1)*pageSize <= len(good); page++ {
		DamagePage(t, path, good, page)
		st, err := db.OpenReadOnly(path)
		if err != nil {
			return
		}
		st.Close()
	}
	t.Fatal("no damaged page is seen")
}

// DamagePage writes good to path with the element headers of one page
// scrambled.
func DamagePage(t testing.TB, path string, good []byte, page int) {
	t.Helper()
	data := bytes.Clone(good)
	for i := range 64 {
		data[page*pageSize+16+i] ^= 0x5a
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// State is what must not change when a file is only read: its bytes and
// its modification time.
type State struct {
	data     []byte
	modified time.Time
}

// StateOf reads the state of the file at path.
func StateOf(t testing.TB, path string) State {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	return State{data: data, modified: info.ModTime()}
}

// AssertSame fails the test when the file at path is no longer in state s;
// what says what ran in between.
func (s State) AssertSame(t testing.TB, path, what string) {
	t.Helper()
	now := StateOf(t, path)
	if !bytes.Equal(s.data, now.data) || !s.modified.Equal(now.modified) {
		t.Errorf("%s changed the file", what)
	}
}

// CopyFile copies the file at from (a checked-in fixture) into a new folder
// as cchc.db and returns the copy's path.
func CopyFile(t testing.TB, from string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	return WriteTemp(t, data)
}
