// Package limits holds the bounds every reader of an imported file keeps to
// (the size of a part, the rows, columns and cells of a table, the text of a
// cell), the errors for a file past them or damaged, and the two helpers
// that keep a reader to them: a reader that counts what it inflates, and the
// recovery that turns a reader's panic into an error.
package limits

import (
	"errors"
	"fmt"
	"io"
)

// Errors of a file the readers refuse, for errors.Is; package importer
// gives them out under its own names.
var (
	// ErrTooLarge: the file, or a part of it, exceeds the import's bounds.
	ErrTooLarge = errors.New("tệp quá lớn")
	// ErrDamaged: the file is a zip archive that cannot be read.
	ErrDamaged = errors.New("tệp bị hỏng")
)

// Bounds on what a file may make the readers hold.
const (
	// MaxPartBytes bounds the unzipped size of one part read into memory.
	MaxPartBytes = 64 << 20
	// MaxCellRunes is Excel's own limit on a cell's text.
	MaxCellRunes = 32767
	// MaxTableRows bounds the rows read from one table.
	MaxTableRows = 100_000
	// MaxTableCols bounds the columns read from one table.
	MaxTableCols = 64
	// MaxDocxCells bounds the table cells of a document.
	MaxDocxCells = 2_000_000
)

// CountingReader counts the bytes read through it.
type CountingReader struct {
	// Source is the reader counted.
	Source io.Reader
	// Count is the bytes read so far.
	Count int64
}

func (c *CountingReader) Read(p []byte) (int, error) {
	n, err := c.Source.Read(p)
	c.Count += int64(n)
	return n, err
}

// RecoverDamaged turns a panic inside a reader of outside files into an
// error: a damaged file must not bring the program down.
func RecoverDamaged(name string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w (%v)", name, ErrDamaged, r)
	}
}
