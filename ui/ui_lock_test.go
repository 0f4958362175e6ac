package ui

import (
	"sync"
	"time"
)

// uiLock stands in for the UI goroutine in tests: Fyne's test driver runs
// fyne.Do's function at once on the caller's goroutine, so a job's progress
// and the test's own taps would otherwise touch the same widgets at once.
var uiLock sync.Mutex

func init() {
	OnUI = underUILock
}

// underUILock runs f while holding uiLock, as the UI goroutine would run it
// between two events.
func underUILock(f func()) {
	uiLock.Lock()
	defer uiLock.Unlock()
	f()
}

// jobDeadline is how long a test waits for a job run behind a progress
// dialog before it calls the job stuck: generous, since CI runs the race
// detector on two busy cores. It bounds a wait, it times nothing.
const jobDeadline = 2 * time.Minute
