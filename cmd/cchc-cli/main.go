// Command cchc-cli does the work of Kế hoạch CCHC without a window: it lists
// the plans and their tasks, and seeds, exports, imports and backs up the
// data. It does not import Fyne, so it builds without cgo.
package main

import (
	"os"
	"runtime/pprof"

	"github.com/kehoach/cchc/store"
)

func main() {
	stop := profileTo(os.Getenv("CCHC_CPUPROFILE"))
	code := run(os.Args[1:], os.Stdout, os.Stderr, store.Today)
	stop()
	os.Exit(code)
}

// profileTo writes a CPU profile of the run to path when it is set: how
// make bench explains a missed target.
func profileTo(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
