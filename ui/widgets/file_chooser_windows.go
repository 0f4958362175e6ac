//go:build windows

package widgets

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/lang"
	"github.com/ncruces/zenity"
)

// nativeChooser asks with the Open and Save As dialogs of Windows, in the
// language of Windows, owned by the window so that it waits for them. The
// dialogs block their thread, so they run in a goroutine of their own and
// the answer comes back with fyne.Do.
type nativeChooser struct {
	onError func(error)
}

// NewFileChooser is the file chooser of this system.
func NewFileChooser(onError func(error)) FileChooser { return nativeChooser{onError: onError} }

func (c nativeChooser) OpenFile(parent fyne.Window, title string, filter FileFilter, done func(string)) {
	options := append(c.options(parent, title, filter), zenity.Filename(startFolder()+string(filepath.Separator)))
	go c.answer(done, func() (string, error) { return zenity.SelectFile(options...) })
}

func (c nativeChooser) SaveFile(parent fyne.Window, title, suggested string, filter FileFilter, done func(string)) {
	options := append(c.options(parent, title, filter),
		zenity.Filename(filepath.Join(startFolder(), suggested)), zenity.ConfirmOverwrite())
	go c.answer(func(path string) {
		path = filter.withExtension(path)
		rememberFolder(path)
		done(path)
	}, func() (string, error) { return zenity.SelectFileSave(options...) })
}

// options are what both dialogs take: the title, the kinds of file and the
// window that owns them.
func (c nativeChooser) options(parent fyne.Window, title string, filter FileFilter) []zenity.Option {
	patterns := make([]string, len(filter.Extensions))
	for i, ext := range filter.Extensions {
		patterns[i] = "*" + ext
	}
	options := []zenity.Option{zenity.Title(title), zenity.FileFilters{
		{Name: filter.Name, Patterns: patterns, CaseFold: true},
		{Name: lang.L("Mọi tệp (*.*)"), Patterns: []string{"*.*"}},
	}}
	if hwnd := windowHandle(parent); hwnd != 0 {
		options = append(options, zenity.Attach(hwnd))
	}
	return options
}

// answer runs a dialog and hands its answer to done on the UI goroutine;
// a cancel ends the matter, a failure goes to onError.
func (c nativeChooser) answer(done func(string), ask func() (string, error)) {
	path, err := inSingleThreadedApartment(ask)
	OnUI(func() {
		switch {
		case errors.Is(err, zenity.ErrCanceled):
		case err != nil:
			c.onError(fmt.Errorf(lang.L("không mở được hộp chọn tệp của Windows")+": %w", err))
		case strings.TrimSpace(path) != "":
			done(path)
		}
	})
}

// windowHandle is the HWND behind a Fyne window, 0 when there is none.
func windowHandle(w fyne.Window) uintptr {
	var hwnd uintptr
	if native, ok := w.(driver.NativeWindow); ok {
		native.RunNative(func(context any) {
			if c, ok := context.(driver.WindowsWindowContext); ok {
				hwnd = c.HWND
			}
		})
	}
	return hwnd
}

var (
	ole32              = syscall.NewLazyDLL("ole32.dll")
	procCoInitializeEx = ole32.NewProc("CoInitializeEx")
	procCoUninitialize = ole32.NewProc("CoUninitialize")
)

// coinitApartmentThreaded asks CoInitializeEx for a single-threaded apartment.
const coinitApartmentThreaded = 0x2

// inSingleThreadedApartment runs ask on a thread of its own that has joined
// a single-threaded COM apartment, as a window's thread does: the common
// dialogs then live on this thread, which runs their messages while they
// are open, instead of on a hidden thread COM starts for them (zenity would
// join the multithreaded apartment otherwise).
func inSingleThreadedApartment(ask func() (string, error)) (string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if r, _, _ := procCoInitializeEx.Call(0, coinitApartmentThreaded); r == 0 || r == 1 { // S_OK, S_FALSE
		defer procCoUninitialize.Call()
	}
	return ask()
}
