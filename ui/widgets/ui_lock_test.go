package widgets

import "github.com/kehoach/cchc/ui/internal/uitest"

// The jobs of these tests come back to the widgets under the test's lock.
func init() {
	OnUI = uitest.UnderUILock
}
