// Package scratchtest gives a test a system temporary folder of its own,
// to see what a piece of work leaves there.
package scratchtest

import (
	"os"
	"testing"
)

// TempDir points the system's temporary folder (TMPDIR, TMP) at a new
// folder for the rest of the test and returns it.
func TempDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Setenv("TMP", dir)
	return dir
}

// AssertEmpty fails the test when dir holds anything.
func AssertEmpty(t testing.TB, dir string) {
	t.Helper()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the temporary folder holds %d entries, first %s", len(entries), entries[0].Name())
	}
}
