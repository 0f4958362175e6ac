package datafile

import (
	"errors"
	"fmt"
	"strings"
)

// ErrDamaged: a data file is damaged, or is not a data file of the program.
// A *DamagedError wraps it with the file and what is wrong.
var ErrDamaged = errors.New("tệp dữ liệu bị hỏng hoặc không phải tệp dữ liệu của chương trình")

// maxProblemsShown bounds the problems an error message lists; a report
// keeps them all.
const maxProblemsShown = 5

// DamagedError says which data file cannot be used and why, in Vietnamese.
// Nothing was written to the file.
type DamagedError struct {
	// Path is the file.
	Path string
	// Problems says what is wrong, one finding each.
	Problems []string
}

// Error names the file and the first problems.
func (e *DamagedError) Error() string {
	shown := e.Problems[:min(len(e.Problems), maxProblemsShown)]
	text := strings.Join(shown, "; ")
	if more := len(e.Problems) - len(shown); more > 0 {
		text += fmt.Sprintf("; và %d lỗi khác", more)
	}
	return fmt.Sprintf("tệp dữ liệu %s bị hỏng hoặc không dùng được: %s", e.Path, text)
}

// Unwrap gives ErrDamaged, for errors.Is.
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// Damaged makes the error of a file with the given problems.
func Damaged(path string, problems ...string) *DamagedError {
	return &DamagedError{Path: path, Problems: problems}
}

// AsDamaged returns the DamagedError inside err, if any.
func AsDamaged(err error) (*DamagedError, bool) {
	var d *DamagedError
	ok := errors.As(err, &d)
	return d, ok
}
