//go:build !windows

package main

import (
	"fmt"
	"os"
)

// cliName is the command-line program's name, as typed in a terminal.
const cliName = "cchc-cli"

// noWindowMessage tells, on stderr, why the window cannot open and that
// cchc-cli still works.
func noWindowMessage(reason error, logPath string) string {
	return fmt.Sprintf(`không mở được cửa sổ: cần màn hình (DISPLAY) có OpenGL 2.1.
Lỗi: %v
Chương trình %s vẫn xem và xuất được kế hoạch ra PDF, Excel ("%s help" để xem cách dùng).
Nhật ký: %s`, reason, cliName, cliName, logPath)
}

// showMessage prints the message on stderr: on Linux the window is started
// from a terminal or a desktop file, and there is no dependable way to show a
// box without the graphics that just failed.
func showMessage(title, text string) {
	fmt.Fprintf(os.Stderr, "%s: %s\n", title, text)
}

// redirectCrashOutput does nothing off Windows: stderr is there already.
func redirectCrashOutput(*os.File) {}
