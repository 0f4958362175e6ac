package main

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// checkWindowsOpened makes sure each of windows, shown but before the app
// runs, has a window of the operating system behind it. When GLFW cannot
// create one, Fyne 2.7.1 logs the error (or nothing) and carries on: Run would
// then loop for ever with nothing on screen, holding the data file.
func checkWindowsOpened(windows []fyne.Window) error {
	for _, w := range windows {
		if handle, native := nativeHandle(w); native && handle == 0 {
			return fmt.Errorf("fyne has no system window behind %q (its own errors, if any, are above)", w.Title())
		}
	}
	return nil
}

// nativeHandle is the system's handle of w, 0 when there is none; native is
// false when the driver has no system windows at all (Fyne's test driver).
func nativeHandle(w fyne.Window) (handle uintptr, native bool) {
	nw, native := w.(driver.NativeWindow)
	if !native {
		return 0, false
	}
	nw.RunNative(func(context any) {
		switch c := context.(type) {
		case driver.WindowsWindowContext:
			handle = c.HWND
		case driver.X11WindowContext:
			handle = c.WindowHandle
		case driver.WaylandWindowContext:
			handle = c.WaylandSurface
		case driver.MacWindowContext:
			handle = c.NSWindow
		}
	})
	return handle, true
}
