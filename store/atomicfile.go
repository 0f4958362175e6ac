package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write into a temporary file beside
// path and renames it over path only when everything was written and synced:
// a failure leaves any earlier file at path as it was. Its errors say in
// Vietnamese what is wrong with the target.
func WriteFileAtomic(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		return fmt.Errorf("không ghi được %s: thư mục %s không tồn tại", path, dir)
	}
	if info, statErr := os.Stat(path); statErr == nil && info.IsDir() {
		return fmt.Errorf("không ghi được %s: đó là một thư mục", path)
	} else if statErr == nil && info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("không ghi được %s: tệp chỉ đọc; hãy bỏ thuộc tính chỉ đọc hoặc chọn tên tệp khác", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, explainWriteError(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buffered := bufio.NewWriterSize(tmp, 1<<16)
	if err = write(buffered); err != nil {
		return err
	}
	if err = buffered.Flush(); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, explainWriteError(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, explainWriteError(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, explainWriteError(err))
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, explainWriteError(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("không thay được %s: %w", path, explainWriteError(err))
	}
	return nil
}

// explainWriteError gives the file-system errors of writing a file the
// words an officer knows, keeping the error beneath for errors.Is; any other
// error is returned as it is, for Message to say.
func explainWriteError(err error) error {
	text, ok := describePlatformError(err)
	switch {
	case ok:
	case errors.Is(err, fs.ErrPermission):
		text = "không có quyền ghi (tệp chỉ đọc, đang mở trong chương trình khác hoặc thư mục được bảo vệ)"
	case errors.Is(err, fs.ErrNotExist):
		text = "thư mục không tồn tại"
	default:
		return err
	}
	return &explained{text: text, err: err}
}
