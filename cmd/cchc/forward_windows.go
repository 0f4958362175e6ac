//go:build windows

package main

import (
	"os"
	"syscall"
	"unsafe"
)

var (
	procEnumWindows              = user32.NewProc("EnumWindows")
	procGetClassName             = user32.NewProc("GetClassNameW")
	procGetWindowText            = user32.NewProc("GetWindowTextW")
	procGetWindowThreadProcessID = user32.NewProc("GetWindowThreadProcessId")
	procIsWindowVisible          = user32.NewProc("IsWindowVisible")
	procIsIconic                 = user32.NewProc("IsIconic")
	procShowWindow               = user32.NewProc("ShowWindow")
	procSetForegroundWindow      = user32.NewProc("SetForegroundWindow")
)

// swRestore shows a minimised window at its size again.
const swRestore = 9

// bringFirstWindowForward finds the window of the cchc already running and
// brings it to the front, restored if it was minimised. It reports whether
// it did: the officer started the second one, so Windows lets it hand the
// foreground over.
func bringFirstWindowForward() bool {
	var found uintptr
	self := uint32(os.Getpid())
	callback := syscall.NewCallback(func(hwnd, _ uintptr) uintptr {
		if visible, _, _ := procIsWindowVisible.Call(hwnd); visible == 0 {
			return 1
		}
		var pid uint32
		procGetWindowThreadProcessID.Call(hwnd, uintptr(unsafe.Pointer(&pid)))
		if isFirstWindow(windowString(procGetClassName, hwnd), windowString(procGetWindowText, hwnd), pid, self) {
			found = hwnd
			return 0 // stop
		}
		return 1
	})
	procEnumWindows.Call(callback, 0)
	if found == 0 {
		return false
	}
	if iconic, _, _ := procIsIconic.Call(found); iconic != 0 {
		procShowWindow.Call(found, swRestore)
	}
	ok, _, _ := procSetForegroundWindow.Call(found)
	return ok != 0
}

// windowString reads a window's class name or title with proc.
func windowString(proc *syscall.LazyProc, hwnd uintptr) string {
	buf := make([]uint16, 256)
	n, _, _ := proc.Call(hwnd, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	return syscall.UTF16ToString(buf[:n])
}
