package main

import (
	"os"
	"path/filepath"

	"github.com/kehoach/cchc/store/datafile"
)

// logFileName is the log's name in the data folder.
const logFileName = "cchc.log"

// maxLogSize is the size above which the log starts again empty.
const maxLogSize = 1 << 20

// fileLog is cchc.log: it holds the errors of the window, which has no
// console to print them on under Windows.
type fileLog struct {
	path string
	file *os.File // nil when the file cannot be opened; writes are then dropped
}

// logPath is cchc.log beside the data file that dbFlag, $CCHC_DB or the
// default chooses, so the officer finds it in the data folder.
func logPath(dbFlag string) string {
	dbPath, err := datafile.DBPath(dbFlag)
	if err != nil {
		return filepath.Join(os.TempDir(), logFileName)
	}
	return filepath.Join(filepath.Dir(dbPath), logFileName)
}

// openFileLog opens path for appending, emptying it first when it has grown
// past maxLogSize. A log that cannot be opened is not an error: the program
// runs without it.
func openFileLog(path string) *fileLog {
	l := &fileLog{path: path}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return l
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_APPEND
	if info, err := os.Stat(path); err == nil && info.Size() > maxLogSize {
		flags |= os.O_TRUNC
	}
	if f, err := os.OpenFile(path, flags, 0o644); err == nil {
		l.file = f
	}
	return l
}

// Write appends p to the file, when it is open.
func (l *fileLog) Write(p []byte) (int, error) {
	if l.file == nil {
		return len(p), nil
	}
	return l.file.Write(p)
}
