// Command cchc is the window of Kế hoạch CCHC: the annual administrative-reform
// plan, its tasks and their progress, on the per-user database it shares with
// cchc-cli.
package main

import (
	"errors"
	"flag"

	"fyne.io/fyne/v2/app"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	dbFlag := flag.String("db", "", "tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng, hoặc $"+store.EnvDB+")")
	flag.Parse()
	guard := startGuard(*dbFlag)
	defer guard.recoverPanic()
	if err := checkOpenGL(); err != nil {
		guard.windowFailed(err)
	}
	a := app.NewWithID(store.AppID)
	ui.Setup(a)
	st, err := openStore(*dbFlag)
	switch {
	case errors.Is(err, store.ErrLocked) && bringFirstWindowForward():
		return // the officer now sees the window already open
	case errors.Is(err, store.ErrLocked):
		ui.ShowAlreadyOpen(a)
	case err != nil:
		ui.ShowStartupError(a, err)
	default:
		defer st.Close()
		ui.NewMainWindow(a, st, store.Today).Window.Show()
	}
	if err := checkWindowsOpened(a.Driver().AllWindows()); err != nil {
		guard.windowFailed(err)
	}
	a.Run()
}

func openStore(dbFlag string) (*store.Store, error) {
	path, err := store.DBPath(dbFlag)
	if err != nil {
		return nil, err
	}
	return seeds.Open(path)
}
