package files

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kehoach/cchc/store/process"
)

// Temporary files are named ".NAME.PID-RANDOM.cchc-tmp", beside the file
// they become: the process id tells a file still being written from one
// that a killed run left behind.
const tempSuffix = ".cchc-tmp"

// tempFile is the temporary file a whole file is written to.
type tempFile interface {
	Write(p []byte) (int, error)
	Sync() error
	Close() error
	Chmod(mode fs.FileMode) error
	Name() string
}

// fileOps are the file-system calls of writing a file whole. Tests replace
// them to make each step fail in turn.
type fileOps struct {
	createTemp func(dir, base string) (tempFile, error)
	rename     func(from, to string) error
	remove     func(path string) error
}

var fileSystem = fileOps{
	createTemp: createTempFile,
	rename:     os.Rename,
	remove:     os.Remove,
}

// createTempFile creates an empty temporary file beside dir/base.
func createTempFile(dir, base string) (tempFile, error) {
	for range 100 {
		name := filepath.Join(dir, TempName(base))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return f, nil
	}
	return nil, fmt.Errorf("create temporary file in %s: %w", dir, fs.ErrExist)
}

// TempName is a new temporary name for a file called base.
func TempName(base string) string {
	return fmt.Sprintf(".%s.%d-%08x%s", base, os.Getpid(), rand.Uint32(), tempSuffix)
}

var (
	ourTemp = regexp.MustCompile(`^\..+\.(\d+)-[0-9a-f]{8}\.cchc-tmp$`)
	// earlierTemp is the name earlier versions gave their temporary files
	// (os.CreateTemp's random digits), removed once they are an hour old.
	earlierTemp = regexp.MustCompile(`^\..+\.\d{3,}\.tmp$`)
)

// staleAge is how old a temporary file of an earlier version must be to be
// taken as left behind.
const staleAge = time.Hour

// RemoveStaleTemps removes the temporary files in dir whose writer is no
// longer running. Failures are ignored: they cost only space.
func RemoveStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || !isStaleTemp(e) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

func isStaleTemp(e fs.DirEntry) bool {
	if m := ourTemp.FindStringSubmatch(e.Name()); m != nil {
		pid, err := strconv.Atoi(m[1])
		return err == nil && pid != os.Getpid() && !process.Running(pid)
	}
	if earlierTemp.MatchString(e.Name()) {
		info, err := e.Info()
		return err == nil && time.Since(info.ModTime()) > staleAge
	}
	return false
}

// Temporaries lists the temporary files of ours in dir: those of writes
// under way, and those a killed run left behind.
func Temporaries(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tempSuffix) {
			names = append(names, e.Name())
		}
	}
	return names
}
