package files

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteOptions tune WriteFileAtomicWith.
type WriteOptions struct {
	// Perm is the new file's permission. Zero keeps the permission of the
	// file replaced, or gives a new file 0o644.
	Perm fs.FileMode
	// NoReplace refuses to write over a file that exists.
	NoReplace bool
}

// WriteFileAtomic writes a file through write into a temporary file beside
// path and renames it over path only when everything was written and synced:
// a failure, a cancel or a panic leaves any earlier file at path as it was
// and removes the temporary file. Its errors say in Vietnamese what is wrong
// with the target.
func WriteFileAtomic(path string, write func(w io.Writer) error) error {
	return WriteFileAtomicWith(path, WriteOptions{}, write)
}

// WriteFileAtomicWith is WriteFileAtomic with options. A symbolic link at
// path is written through: the file it links to is replaced whole and the
// link stays. Temporary files that a killed run left in the folder are
// removed first.
func WriteFileAtomicWith(path string, opts WriteOptions, write func(w io.Writer) error) (err error) {
	target, err := writeTarget(path, opts)
	if err != nil {
		return err
	}
	perm := newFilePerm(target, opts.Perm)
	RemoveStaleTemps(filepath.Dir(target))
	tmp, err := fileSystem.createTemp(filepath.Dir(target), filepath.Base(target))
	if err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, ExplainWriteError(err))
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			fileSystem.remove(tmp.Name())
		}
	}()
	if err := writeWhole(tmp, write, perm); err != nil {
		return wrapWriteError(path, err)
	}
	if opts.NoReplace && Exists(target) {
		return fmt.Errorf("không ghi được %s: %w", path, fs.ErrExist)
	}
	if err := fileSystem.rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("không thay được %s: %w", path, ExplainWriteError(err))
	}
	committed = true
	SyncFolder(filepath.Dir(target))
	return nil
}

// writeWhole writes the content through a buffer, flushes, sets the
// permission, syncs and closes the temporary file.
func writeWhole(tmp tempFile, write func(w io.Writer) error, perm fs.FileMode) error {
	file := &fileWriter{file: tmp}
	buffered := bufio.NewWriterSize(file, 1<<16)
	if err := write(buffered); err != nil {
		if file.err != nil {
			return file.err // the disk failed, not the content
		}
		return ownError{err}
	}
	if err := buffered.Flush(); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	return tmp.Close()
}

// fileWriter writes to the temporary file and keeps its first error.
type fileWriter struct {
	file tempFile
	err  error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	n, err := w.file.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// ownError marks an error of the caller's write function, returned as it is.
type ownError struct{ err error }

func (e ownError) Error() string { return e.err.Error() }

func wrapWriteError(path string, err error) error {
	var own ownError
	if errors.As(err, &own) {
		return own.err
	}
	return fmt.Errorf("không ghi được %s: %w", path, ExplainWriteError(err))
}

// writeTarget checks where a file can be written and returns the file to
// replace: path itself, or the file a symbolic link at path links to.
func writeTarget(path string, opts WriteOptions) (string, error) {
	target, err := FollowLink(path)
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(target)
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		return "", fmt.Errorf("không ghi được %s: thư mục %s không tồn tại", path, dir)
	}
	info, statErr := os.Stat(target)
	switch {
	case statErr != nil:
		return target, nil
	case info.IsDir():
		return "", fmt.Errorf("không ghi được %s: đó là một thư mục", path)
	case opts.NoReplace:
		return "", fmt.Errorf("không ghi được %s: %w", path, fs.ErrExist)
	case info.Mode().Perm()&0o200 == 0:
		return "", fmt.Errorf("không ghi được %s: tệp chỉ đọc; hãy bỏ thuộc tính chỉ đọc hoặc chọn tên tệp khác", path)
	}
	return target, nil
}

// FollowLink returns the file a symbolic link at path links to, path when
// it is no link, or an error naming a link to nothing.
func FollowLink(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		dest, _ := os.Readlink(path)
		return "", fmt.Errorf("không ghi được %s: đó là lối tắt (liên kết) tới %s, nơi không còn tồn tại; hãy chọn tên tệp khác", path, dest)
	}
	return target, nil
}

// newFilePerm is the permission the written file gets.
func newFilePerm(target string, perm fs.FileMode) fs.FileMode {
	if perm != 0 {
		return perm
	}
	if info, err := os.Stat(target); err == nil {
		return info.Mode().Perm()
	}
	return 0o644
}

func Exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// ExplainWriteError gives the file-system errors of writing a file the
// words an officer knows, keeping the error beneath for errors.Is; any other
// error is returned as it is, for Message to say.
func ExplainWriteError(err error) error {
	text, ok := DescribePlatformError(err)
	switch {
	case ok:
	case errors.Is(err, fs.ErrPermission):
		text = "không có quyền ghi (tệp chỉ đọc, đang mở trong chương trình khác hoặc thư mục được bảo vệ)"
	case errors.Is(err, fs.ErrNotExist):
		text = "thư mục không tồn tại"
	default:
		return err
	}
	return &Explained{Text: text, Err: err}
}

// Explained is a foreign error with the Vietnamese words that say it:
// errors.Is still finds the cause, Message shows the words.
type Explained struct {
	Text string
	Err  error
}

func (e *Explained) Error() string { return e.Text }
func (e *Explained) Unwrap() error { return e.Err }
