// Command cchc is the window of Kế hoạch CCHC: the annual administrative-reform
// plan, its tasks and their progress, on the per-user database it shares with
// cchc-cli.
package main

import (
	"flag"

	"fyne.io/fyne/v2/app"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui"
)

func main() {
	dbFlag := flag.String("db", "", "tệp dữ liệu (mặc định: thư mục dữ liệu của người dùng, hoặc $"+store.EnvDB+")")
	flag.Parse()
	a := app.NewWithID(store.AppID)
	st, err := openStore(*dbFlag)
	if err != nil {
		ui.ShowStartupError(a, err)
		a.Run()
		return
	}
	defer st.Close()
	ui.NewMainWindow(a, st, store.Today).Window.ShowAndRun()
}

func openStore(dbFlag string) (*store.Store, error) {
	path, err := store.DBPath(dbFlag)
	if err != nil {
		return nil, err
	}
	return seeds.Open(path)
}
