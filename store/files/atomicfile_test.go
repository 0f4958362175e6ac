package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func writeText(text string) func(w io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestWriteThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "that.pdf")
	os.WriteFile(real, []byte("cũ"), 0o640)
	link := filepath.Join(t.TempDir(), "link.pdf")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFileAtomic(link, writeText("mới")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got := readText(t, real); got != "mới" {
		t.Errorf("linked file holds %q", got)
	}
	if info, _ := os.Stat(real); info.Mode().Perm() != 0o640 {
		t.Errorf("linked file's mode became %v", info.Mode().Perm())
	}
	assertNoTemporaryFiles(t, dir)

	dangling := filepath.Join(t.TempDir(), "dangling.pdf")
	os.Symlink(filepath.Join(dir, "gone", "x.pdf"), dangling)
	if err := WriteFileAtomic(dangling, writeText("x")); err == nil || !strings.Contains(err.Error(), "liên kết") {
		t.Errorf("a link to nothing: %v", err)
	}
}

// errNoSpace is the fault injected: a full disk.
var errNoSpace error = syscall.ENOSPC

// failingOps makes one step of writing a file fail.
func failingOps(step string) fileOps {
	injected := fmt.Errorf("injected %s: %w", step, errNoSpace)
	ops := fileOps{createTemp: createTempFile, rename: os.Rename, remove: os.Remove}
	switch step {
	case "create":
		ops.createTemp = func(string, string) (tempFile, error) { return nil, injected }
	case "rename":
		ops.rename = func(string, string) error { return injected }
	default:
		ops.createTemp = func(dir, base string) (tempFile, error) {
			f, err := createTempFile(dir, base)
			return &failingFile{tempFile: f, step: step, err: injected}, err
		}
	}
	return ops
}

// failingFile fails at one step: write (after the first 100 bytes), chmod,
// sync or close.
type failingFile struct {
	tempFile
	step    string
	err     error
	written int
}

func (f *failingFile) Write(p []byte) (int, error) {
	if f.step == "write" && f.written+len(p) > 100 {
		return 0, f.err
	}
	f.written += len(p)
	return f.tempFile.Write(p)
}

func (f *failingFile) Sync() error { return f.failAt("sync", f.tempFile.Sync) }
func (f *failingFile) Chmod(m fs.FileMode) error {
	return f.failAt("chmod", func() error { return f.tempFile.Chmod(m) })
}
func (f *failingFile) Close() error { return f.failAt("close", f.tempFile.Close) }

func (f *failingFile) failAt(step string, do func() error) error {
	if f.step == step {
		f.tempFile.Close()
		return f.err
	}
	return do()
}

// faultSteps are the steps of writing a file whole that
// TestEveryFailingStepKeepsTheOldFile makes fail, one at a time.
var faultSteps = []string{"create", "write", "chmod", "sync", "close", "rename"}

func TestEveryFailingStepKeepsTheOldFile(t *testing.T) {
	for _, step := range faultSteps {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "ke-hoach.pdf")
			os.WriteFile(path, []byte("bản cũ"), 0o644)
			saved := fileSystem
			fileSystem = failingOps(step)
			defer func() { fileSystem = saved }()
			err := WriteFileAtomic(path, writeText(strings.Repeat("bản mới ", 1<<15)))
			if err == nil || !strings.Contains(err.Error(), "ổ đĩa đã đầy") || !strings.Contains(err.Error(), path) {
				t.Errorf("err = %v (%q)", err, err.Error())
			}
			if got := readText(t, path); got != "bản cũ" {
				t.Errorf("the old file holds %q", got)
			}
			assertNoTemporaryFiles(t, dir)
		})
	}
}

func TestCancelAndPanicRemoveTheTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bieu.xlsx")
	cancelled := errors.New("đã huỷ")
	if err := WriteFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte("nửa chừng"))
		return cancelled
	}); err != cancelled {
		t.Errorf("err = %v, want the write's own error", err)
	}
	func() {
		defer func() { recover() }()
		WriteFileAtomic(path, func(w io.Writer) error { panic("hỏng") })
	}()
	assertNoTemporaryFiles(t, dir)
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file appeared")
	}
}

func TestStaleTemporaryFilesAreCleanedAtTheNextWrite(t *testing.T) {
	dir := t.TempDir()
	dead := deadPID(t)
	stale := filepath.Join(dir, fmt.Sprintf(".ke-hoach.pdf.%d-0000abcd%s", dead, tempSuffix))
	live := filepath.Join(dir, fmt.Sprintf(".khac.pdf.%d-0000abcd%s", os.Getpid(), tempSuffix))
	user := filepath.Join(dir, ".ghi-chu.tmp")
	for _, p := range []string{stale, live, user} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "moi.pdf"), writeText("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the temporary file of a dead process stayed")
	}
	for _, p := range []string{live, user} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestNoReplace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.zip")
	os.WriteFile(path, []byte("cũ"), 0o600)
	err := WriteFileAtomicWith(path, WriteOptions{NoReplace: true}, writeText("mới"))
	if !errors.Is(err, fs.ErrExist) || readText(t, path) != "cũ" {
		t.Errorf("err = %v", err)
	}
}

// assertNoTemporaryFiles fails when a temporary file of ours is in dir.
func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	for _, name := range Temporaries(dir) {
		t.Errorf("temporary file %s stayed", name)
	}
}
