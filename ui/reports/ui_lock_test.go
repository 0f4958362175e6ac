package reports

import (
	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"
)

// The jobs of these tests come back to the widgets under the test's lock.
func init() {
	widgets.OnUI = uitest.UnderUILock
}
