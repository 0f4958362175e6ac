package main

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/test"
)

// nativeWindow is a fyne.Window whose RunNative hands out context.
type nativeWindow struct {
	fyne.Window
	context any
}

func (w nativeWindow) RunNative(f func(any)) { f(w.context) }

func (w nativeWindow) Title() string { return "Kế hoạch CCHC" }

func TestCheckWindowsOpened(t *testing.T) {
	a := test.NewTempApp(t)
	testDriverWindow := a.NewWindow("test driver")
	tests := []struct {
		name    string
		windows []fyne.Window
		wantErr bool
	}{
		{"win32 window", []fyne.Window{nativeWindow{context: driver.WindowsWindowContext{HWND: 0x10}}}, false},
		{"X11 window", []fyne.Window{nativeWindow{context: driver.X11WindowContext{WindowHandle: 7}}}, false},
		{"no win32 window behind", []fyne.Window{nativeWindow{context: driver.WindowsWindowContext{}}}, true},
		{"no X11 window behind", []fyne.Window{nativeWindow{context: driver.X11WindowContext{}}}, true},
		{"one of two missing", []fyne.Window{
			nativeWindow{context: driver.X11WindowContext{WindowHandle: 7}},
			nativeWindow{context: driver.X11WindowContext{}},
		}, true},
		{"unknown context", []fyne.Window{nativeWindow{context: driver.UnknownContext{}}}, true},
		{"test driver has no system windows", []fyne.Window{testDriverWindow}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkWindowsOpened(tt.windows)
			if (err != nil) != tt.wantErr {
				t.Errorf("checkWindowsOpened = %v, want error %v", err, tt.wantErr)
			}
		})
	}
}
