//go:build windows

package widgets

import (
	"errors"
	"log"
	"os/exec"
	"path/filepath"
	"syscall"
	"unsafe"
)

var (
	shell32          = syscall.NewLazyDLL("shell32.dll")
	procShellExecute = shell32.NewProc("ShellExecuteW")
)

// ShellExecuteW answers.
const (
	swShowNormal    = 1
	seErrFNF        = 2  // the file was not found
	seErrNoAssoc    = 31 // no program is associated with the file's kind
	shellExecuteMax = 32 // answers above mean success
)

// shellOpener opens files with ShellExecute, as a double click in Explorer
// does, and folders with Explorer, the file picked out.
type shellOpener struct{}

// SystemOpener is the opener of this system; Windows answers at once, so
// there is no later failure to hear of.
func SystemOpener(func(error)) Opener { return shellOpener{} }

func (shellOpener) OpenFile(path string) error {
	verb, _ := syscall.UTF16PtrFromString("open")
	file, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return errNoOpener(path)
	}
	r, _, _ := procShellExecute.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0, 0, swShowNormal)
	switch {
	case r > shellExecuteMax:
		return nil
	case r == seErrNoAssoc:
		return errors.New(Localf("Windows chưa có chương trình nào mở được tệp %s: hãy cài một chương trình cho loại tệp %s.", path, filepath.Ext(path)))
	case r == seErrFNF:
		return errors.New(Localf("Không tìm thấy tệp %s.", path))
	}
	log.Printf("ShellExecute %s: %d", path, r)
	return errors.New(Localf("Windows không mở được tệp %s (mã %d).", path, r))
}

// ShowInFolder opens Explorer on the file's folder with the file selected.
// Explorer wants its argument as /select,"PATH", which Go's quoting of
// arguments would spoil, so the command line is written whole.
func (shellOpener) ShowInFolder(path string) error {
	cmd := exec.Command("explorer.exe")
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `explorer.exe /select,"` + filepath.Clean(path) + `"`}
	if err := cmd.Start(); err != nil {
		log.Printf("explorer %s: %v", path, err)
		return errNoOpener(path)
	}
	go cmd.Wait() // Explorer exits 1 even when it opened the folder
	return nil
}
