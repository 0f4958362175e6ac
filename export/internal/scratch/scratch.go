// Package scratch gives a library that writes temporary files (excelize) a
// folder of ours for one piece of work: it is removed with all it holds
// when the work ends, and a folder that a killed run left is removed at the
// next run's first use.
package scratch

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/kehoach/cchc/store/process"
)

// prefix starts the name of our folders: "cchc-tam-PID-RANDOM".
const prefix = "cchc-tam-"

// staleRemoved is done once a process: the folders of dead processes go
// at the first use.
var staleRemoved sync.Once

// Dir makes a new empty folder in the system's temporary folder and returns
// it with the function that removes it and everything in it.
func Dir() (string, func(), error) {
	base := os.TempDir()
	staleRemoved.Do(func() { removeStale(base) })
	dir, err := os.MkdirTemp(base, fmt.Sprintf("%s%d-", prefix, os.Getpid()))
	if err != nil {
		return "", nil, fmt.Errorf("không tạo được thư mục tạm trong %s: %w", base, err)
	}
	return dir, func() { os.RemoveAll(dir) }, nil
}

// removeStale removes our folders whose process no longer runs.
func removeStale(base string) {
	entries, err := os.ReadDir(base)
	if err != nil {
		return
	}
	for _, e := range entries {
		if pid, ok := ownerOf(e.Name()); ok && e.IsDir() && pid != os.Getpid() && !process.Running(pid) {
			os.RemoveAll(filepath.Join(base, e.Name()))
		}
	}
}

// ownerOf reads the process id in the name of one of our folders.
func ownerOf(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, false
	}
	digits, _, _ := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(digits)
	return pid, err == nil
}
