// Package uitest holds what the tests of the window's packages share: the
// lock that stands in for the UI goroutine and how long a test waits for a
// job, and the seeded store and the day they open the window on. Each
// package's tests install the lock as widgets.OnUI in an init.
package uitest

import (
	"sync"
	"testing"
	"time"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/db"
)

// uiLock stands in for the UI goroutine in tests: Fyne's test driver runs
// fyne.Do's function at once on the caller's goroutine, so a job's progress
// and the test's own taps would otherwise touch the same widgets at once.
var uiLock sync.Mutex

// UnderUILock runs f while holding the lock, as the UI goroutine would run
// it between two events. Tests install it as widgets.OnUI, and tap under it
// while a job runs.
func UnderUILock(f func()) {
	uiLock.Lock()
	defer uiLock.Unlock()
	f()
}

// JobDeadline is how long a test waits for a job run behind a progress
// dialog before it calls the job stuck: generous, since CI runs the race
// detector on two busy cores. It bounds a wait, it times nothing.
const JobDeadline = 2 * time.Minute

// FixedToday is the day the tests judge due dates against: 15/07/2023, in
// the seed plan's year.
func FixedToday() store.Date { return store.NewDate(2023, 7, 15) }

// OpenSeeded opens a seeded store at path, in a temporary folder, as the
// app does.
func OpenSeeded(t testing.TB, path string) *db.Store {
	t.Helper()
	st, err := seeds.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// FakeOpener records what it was asked to open, in place of the system's
// opener.
type FakeOpener struct {
	// Files and Folders are the paths asked for, in order.
	Files, Folders []string
}

// OpenFile records path as a file opened.
func (o *FakeOpener) OpenFile(path string) error { o.Files = append(o.Files, path); return nil }

// ShowInFolder records path as a folder shown.
func (o *FakeOpener) ShowInFolder(path string) error { o.Folders = append(o.Folders, path); return nil }
