// Command cchc-cli does the work of Kế hoạch CCHC without a window: it lists
// the plans and their tasks, and seeds, exports, imports and backs up the
// data. It does not import Fyne, so it builds without cgo.
package main

import (
	"os"

	"github.com/kehoach/cchc/store"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, store.Today))
}
