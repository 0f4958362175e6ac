//go:build !linux

package store

// runChild runs the child of a test when the environment names one; only
// Linux tests have children.
func runChild() bool { return false }
