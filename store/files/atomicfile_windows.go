//go:build windows

package files

import (
	"errors"
	"syscall"
)

// Windows error codes that an officer meets when saving a file.
const (
	errorSharingViolation syscall.Errno = 32  // the file is open in Word, Excel or a PDF viewer
	errorLockViolation    syscall.Errno = 33  // part of the file is locked
	errorHandleDiskFull   syscall.Errno = 39  // the disk is full
	errorDiskFull         syscall.Errno = 112 // the disk is full
	errorWriteProtect     syscall.Errno = 19  // a write-protected USB stick
)

// DescribePlatformError names the errors of this system that the portable
// checks of explainWriteError and Message do not know.
func DescribePlatformError(err error) (string, bool) {
	switch {
	case errors.Is(err, errorSharingViolation), errors.Is(err, errorLockViolation):
		return "tệp đang được mở trong một chương trình khác; hãy đóng nó rồi thử lại", true
	case errors.Is(err, errorDiskFull), errors.Is(err, errorHandleDiskFull):
		return "ổ đĩa đã đầy", true
	case errors.Is(err, errorWriteProtect):
		return "ổ đĩa đang được chống ghi", true
	}
	return "", false
}

// SyncFolder does nothing on Windows, where a rename is durable once the
// call returns.
func SyncFolder(string) {}
