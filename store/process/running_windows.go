//go:build windows

package process

import (
	"errors"
	"syscall"
)

// stillActive is the exit code Windows gives a process that runs.
const stillActive = 259

// Running reports whether a process with the id runs.
func Running(pid int) bool {
	h, err := syscall.OpenProcess(syscall.PROCESS_QUERY_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, syscall.ERROR_ACCESS_DENIED)
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == stillActive
}
