// Command cchc-cli does the work of Kế hoạch CCHC without a window: it lists
// the plans and their tasks, and seeds, exports, imports and backs up the
// data. It does not import Fyne, so it builds without cgo.
//
// This package only wires: the command line frame is internal/cmdline, and
// the commands' work is in internal/tasks, internal/reports and
// internal/data.
package main

import (
	"io"
	"os"
	"runtime/pprof"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"
	"github.com/kehoach/cchc/cmd/cchc-cli/internal/data"
	"github.com/kehoach/cchc/cmd/cchc-cli/internal/reports"
	"github.com/kehoach/cchc/cmd/cchc-cli/internal/tasks"
	"github.com/kehoach/cchc/store"
)

// commands are every command of cchc-cli by name.
var commands = cmdline.Join(tasks.Commands(), reports.Commands(), data.Commands())

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

// run runs one command line and returns the exit code (cmdline.Table.Run).
func run(args []string, stdout, stderr io.Writer, today func() store.Date) int {
	return commands.Run(args, stdout, stderr, today)
}
