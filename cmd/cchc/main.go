// Command cchc is the window of Kế hoạch CCHC: the annual administrative-reform
// plan, its tasks and their progress, on the per-user database it shares with
// cchc-cli.
package main

import (
	"flag"
	"os"

	"github.com/kehoach/cchc/store/datafile"

	"fyne.io/fyne/v2/app"

	"github.com/kehoach/cchc/ui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	dbFlag := flag.String("db", "", "tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng, hoặc $"+datafile.EnvDB+")")
	flag.Parse()
	limitHeap()
	guard := startGuard(*dbFlag)
	defer guard.recoverPanic()
	if err := checkOpenGL(); err != nil {
		guard.windowFailed(err)
	}
	a := app.NewWithID(datafile.AppID)
	ui.Setup(a)
	loc, err := datafile.Locate(*dbFlag)
	if err != nil {
		ui.ShowStartupError(a, err)
	}
	s := &session{app: a, loc: loc}
	if err == nil && !s.start() {
		return // the first window, already open, was brought forward
	}
	defer s.close()
	if os.Getenv(EnvFirstFrame) == "1" && s.main != nil {
		exitAfterFirstFrame(s.main.Window)
	}
	if err := checkWindowsOpened(a.Driver().AllWindows()); err != nil {
		guard.windowFailed(err)
	}
	a.Run()
}
