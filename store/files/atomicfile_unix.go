//go:build !windows

package files

import (
	"errors"
	"os"
	"syscall"
)

// DescribePlatformError names the errors of this system that the portable
// checks of explainWriteError and Message do not know.
func DescribePlatformError(err error) (string, bool) {
	if errors.Is(err, syscall.ENOSPC) {
		return "ổ đĩa đã đầy", true
	}
	if errors.Is(err, syscall.EFBIG) {
		return "tệp đã lớn đến mức hệ thống không cho ghi thêm (hoặc ổ đĩa đã đầy)", true
	}
	if errors.Is(err, syscall.EROFS) {
		return "ổ đĩa chỉ cho phép đọc", true
	}
	return "", false
}

// SyncFolder makes a rename in dir durable. Failures are ignored: the
// rename itself succeeded.
func SyncFolder(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
