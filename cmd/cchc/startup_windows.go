package main

import (
	"fmt"
	"os"
	"syscall"
	"unsafe"
)

// The programs' file names, as the officer sees them in the folder.
const (
	cliName    = "cchc-cli.exe"
	windowName = "cchc.exe"
)

// MessageBoxW flags: an OK button, the error icon, and in front of other
// windows, since there is no window of ours to sit on.
const (
	mbOK            = 0x00000000
	mbIconError     = 0x00000010
	mbSetForeground = 0x00010000
	mbTopmost       = 0x00040000
)

var (
	user32         = syscall.NewLazyDLL("user32.dll")
	kernel32       = syscall.NewLazyDLL("kernel32.dll")
	procMessageBox = user32.NewProc("MessageBoxW")
	procSetStdHdl  = kernel32.NewProc("SetStdHandle")
)

// noWindowMessage tells the officer, in a message box, why the window cannot
// open, what to do, that cchc-cli still works, and where the details are.
func noWindowMessage(_ error, logPath string) string {
	return fmt.Sprintf(`Không mở được cửa sổ Kế hoạch CCHC vì máy tính này chưa có OpenGL 2.1, phần đồ hoạ mà chương trình cần. Thường gặp khi driver card màn hình đã cũ, khi dùng máy qua Remote Desktop hoặc trên máy ảo.

Cách khắc phục: cập nhật driver card màn hình, hoặc dùng chương trình ngay trên máy đó (không qua Remote Desktop).

Dữ liệu không bị ảnh hưởng. Chương trình %s (cùng thư mục với %s) vẫn xem và xuất được kế hoạch ra PDF, Excel: mở Command Prompt, gõ "%s help" để xem cách dùng.

Chi tiết lỗi đã ghi vào tệp:
%s`, cliName, windowName, cliName, logPath)
}

// showMessage shows text in a Windows message box and waits for OK. It needs
// nothing but user32, so it works where the window cannot.
func showMessage(title, text string) {
	titlePtr, err1 := syscall.UTF16PtrFromString(title)
	textPtr, err2 := syscall.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil {
		return
	}
	procMessageBox.Call(0, uintptr(unsafe.Pointer(textPtr)), uintptr(unsafe.Pointer(titlePtr)),
		mbOK|mbIconError|mbSetForeground|mbTopmost)
}

// redirectCrashOutput makes logFile the standard error when the program has
// none (the GUI subsystem started from Explorer), so that the Go runtime's
// report of a crash on any goroutine lands in cchc.log instead of nowhere.
func redirectCrashOutput(logFile *os.File) {
	if logFile == nil || hasStderr() {
		return
	}
	const stdErrorHandle = ^uintptr(11) // STD_ERROR_HANDLE, (DWORD)-12
	if r, _, _ := procSetStdHdl.Call(stdErrorHandle, logFile.Fd()); r != 0 {
		os.Stderr = logFile
	}
}

// hasStderr tells whether the process was given a standard error, as when
// run from a console with 2> or under Wine.
func hasStderr() bool {
	h, err := syscall.GetStdHandle(syscall.STD_ERROR_HANDLE)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}
