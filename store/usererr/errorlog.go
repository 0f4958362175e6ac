package usererr

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// AppendErrorLog adds an entry to the log file at path, creating it and its
// folder when needed: the time, what was being done, the error's full text
// (English causes included) and, for a recovered panic, its stack. The log is
// for whoever supports the officer; Message is what the officer reads.
func AppendErrorLog(path, doing string, err error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err2 := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err2 != nil {
		return err2
	}
	entry := fmt.Sprintf("%s %s\n%v\n", time.Now().Format(time.RFC3339), doing, err)
	var panicked *UnexpectedError
	if errors.As(err, &panicked) {
		entry += string(panicked.Stack)
	}
	if _, err2 := f.WriteString(entry + "\n"); err2 != nil {
		f.Close()
		return err2
	}
	return f.Close()
}
