//go:build !linux

package backup

// runChild runs the child of a test when the environment names one; only
// Linux tests have children.
func runChild() bool { return false }
