package ui

import "sync"

// uiLock stands in for the UI goroutine in tests: Fyne's test driver runs
// fyne.Do's function at once on the caller's goroutine, so a job's progress
// and the test's own taps would otherwise touch the same widgets at once.
var uiLock sync.Mutex

func init() {
	onUI = underUILock
}

// underUILock runs f while holding uiLock, as the UI goroutine would run it
// between two events.
func underUILock(f func()) {
	uiLock.Lock()
	defer uiLock.Unlock()
	f()
}
