//go:build !windows

package process

import (
	"errors"
	"syscall"
)

// Running reports whether a process with the id runs.
func Running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
