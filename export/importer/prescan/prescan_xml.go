package prescan

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/kehoach/cchc/export/importer/limits"
)

// maxSheetPositions bounds the cells a reader of rows lays out in one part:
// for each row, up to its last column. A row of one cell at column XFD
// lays out 16,384.
const maxSheetPositions = 10_000_000

// limitError is a bound the pre-scan found broken; it wraps ErrTooLarge or
// ErrDamaged and says which bound.
type limitError struct{ err error }

func (e *limitError) Error() string { return e.err.Error() }
func (e *limitError) Unwrap() error { return e.err }

func tooLarge(format string, a ...any) error {
	return &limitError{fmt.Errorf("%w: "+format, append([]any{limits.ErrTooLarge}, a...)...)}
}

// xmlScan walks one XML part byte by byte with a few counters, never
// holding more than one tag.
type xmlScan struct {
	l    *scanLimits
	part string
	tag  []byte
	// depth is the nesting of the element being read.
	depth int
	// cellDepth is the depth of the cell whose text is counted, 0 outside.
	cellDepth int
	cellText  int
	// rowCells and rowLastColumn describe the row being read.
	rowCells      int
	rowLastColumn int
	partCells     int
	positions     int
	// book, for a workbook, gathers its sheets and merged ranges.
	book *WorkbookMap
}

func newXMLScan(l *scanLimits, part string) *xmlScan {
	return &xmlScan{l: l, part: part, tag: make([]byte, 0, 256)}
}

// run walks the part to its end: text, then markup, in turn.
func (s *xmlScan) run(r *bufio.Reader) error {
	for {
		if err := s.text(r); err != nil {
			if errors.Is(err, io.EOF) {
				return s.endRow()
			}
			return err
		}
		if err := s.markup(r); err != nil {
			return err
		}
	}
}

// text reads up to and past the next '<', counting the text of a cell.
func (s *xmlScan) text(r *bufio.Reader) error {
	for {
		chunk, err := r.ReadSlice('<')
		n := len(chunk)
		if err == nil {
			n--
		}
		if countErr := s.addText(n); countErr != nil {
			return countErr
		}
		if err != bufio.ErrBufferFull {
			return err
		}
	}
}

func (s *xmlScan) addText(n int) error {
	if s.cellDepth == 0 {
		return nil
	}
	s.cellText += n
	if s.cellText > s.l.maxCellText {
		return tooLarge("một ô trong phần %s chứa hơn %d KB chữ", s.part, s.l.maxCellText>>10)
	}
	return nil
}

// markup reads what follows a '<': an end tag, a start tag, or a
// declaration, comment or CDATA section.
func (s *xmlScan) markup(r *bufio.Reader) error {
	first, err := r.Peek(1)
	if err != nil {
		return err
	}
	switch first[0] {
	case '/':
		if err := s.readTag(r); err != nil {
			return err
		}
		return s.end()
	case '?':
		return skipPast(r, []byte("?>"), nil)
	case '!':
		return s.declaration(r)
	}
	if err := s.readTag(r); err != nil {
		return err
	}
	return s.start()
}

// declaration skips a comment, counts a CDATA section as text, and refuses
// a DOCTYPE: Office files have none, and it is how entities multiply.
func (s *xmlScan) declaration(r *bufio.Reader) error {
	head, _ := r.Peek(8)
	switch {
	case bytes.HasPrefix(head, []byte("!--")):
		return skipPast(r, []byte("-->"), nil)
	case bytes.HasPrefix(head, []byte("![CDATA[")):
		return skipPast(r, []byte("]]>"), s.addText)
	}
	return &limitError{fmt.Errorf("%w: phần %s có khai báo DOCTYPE, tệp Office không có", limits.ErrDamaged, s.part)}
}

// skipPast reads past the first end, telling count how many bytes it read.
func skipPast(r *bufio.Reader, end []byte, count func(int) error) error {
	matched := 0
	for {
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		if count != nil {
			if err := count(1); err != nil {
				return err
			}
		}
		switch {
		case b == end[matched]:
			matched++
		case b == end[0]:
			matched = 1
		default:
			matched = 0
		}
		if matched == len(end) {
			return nil
		}
	}
}

// readTag reads a tag up to its '>', quotes respected, into s.tag.
func (s *xmlScan) readTag(r *bufio.Reader) error {
	s.tag = s.tag[:0]
	var quote byte
	for {
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		switch {
		case quote != 0 && b == quote:
			quote = 0
		case quote == 0 && (b == '"' || b == '\''):
			quote = b
		case quote == 0 && b == '>':
			return nil
		}
		if s.tag = append(s.tag, b); len(s.tag) > s.l.maxTagBytes {
			return tooLarge("phần %s có một thẻ dài hơn %d KB", s.part, s.l.maxTagBytes>>10)
		}
	}
}

// end closes the element of an end tag.
func (s *xmlScan) end() error {
	s.depth--
	if s.cellDepth > 0 && s.depth < s.cellDepth {
		s.cellDepth = 0
	}
	if localName(s.tag[1:]) == s.l.rowElem {
		return s.endRow()
	}
	return nil
}

// start opens the element of a start tag and counts rows and cells.
func (s *xmlScan) start() error {
	selfClosing := bytes.HasSuffix(s.tag, []byte("/"))
	name := localName(s.tag)
	if !selfClosing {
		s.depth++
		if s.depth > s.l.maxDepth {
			return tooLarge("phần %s lồng nhau hơn %d cấp", s.part, s.l.maxDepth)
		}
	}
	switch {
	case name == s.l.rowElem:
		if err := s.endRow(); err != nil {
			return err
		}
	case name == s.l.cellElem:
		if err := s.cell(); err != nil {
			return err
		}
	case slices.Contains(s.l.textElems, name):
		if err := s.countCell(); err != nil {
			return err
		}
	}
	if !selfClosing && s.cellDepth == 0 && slices.Contains(s.l.textElems, name) {
		s.cellDepth, s.cellText = s.depth, 0
	}
	if s.book != nil {
		return s.book.note(s.part, name, s.tag)
	}
	return nil
}

// cell counts a cell of a row and checks the column it names.
func (s *xmlScan) cell() error {
	s.rowCells++
	if s.rowCells > s.l.maxCellsPerRow {
		return tooLarge("một dòng trong phần %s có hơn %d ô", s.part, s.l.maxCellsPerRow)
	}
	column := s.rowCells
	if s.l.maxColumn > 0 {
		if named := columnOf(attrValue(s.tag, "r")); named > 0 {
			column = named
		}
		if column > s.l.maxColumn {
			return tooLarge("một ô trong phần %s nằm ở cột thứ %d, quá cột cuối %d của Excel", s.part, column, s.l.maxColumn)
		}
	}
	s.rowLastColumn = max(s.rowLastColumn, column)
	return s.countCell()
}

func (s *xmlScan) countCell() error {
	s.partCells++
	if s.partCells > s.l.maxCellsPerPart {
		return tooLarge("phần %s có hơn %d ô", s.part, s.l.maxCellsPerPart)
	}
	return nil
}

// endRow adds the cells a reader lays out for the row just read.
func (s *xmlScan) endRow() error {
	s.positions += s.rowLastColumn
	s.rowCells, s.rowLastColumn = 0, 0
	if s.positions > maxSheetPositions {
		return tooLarge("các dòng trong phần %s trải ra hơn %d ô", s.part, maxSheetPositions)
	}
	return nil
}

// localName is an element's name without its prefix, from a tag.
func localName(tag []byte) string {
	end := bytes.IndexAny(tag, " \t\r\n/")
	if end < 0 {
		end = len(tag)
	}
	name := tag[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return string(name)
}

// attrValue returns the value of an attribute of a tag, "" when absent.
func attrValue(tag []byte, name string) string {
	key := []byte(name + "=")
	for from := 0; from < len(tag); {
		i := bytes.Index(tag[from:], key)
		if i < 0 {
			return ""
		}
		i += from
		if i > 0 && bytes.IndexByte([]byte(" \t\r\n"), tag[i-1]) >= 0 {
			return quoted(tag[i+len(key):])
		}
		from = i + 1
	}
	return ""
}

// quoted returns the text between the quotes that open value.
func quoted(value []byte) string {
	if len(value) == 0 || (value[0] != '"' && value[0] != '\'') {
		return ""
	}
	end := bytes.IndexByte(value[1:], value[0])
	if end < 0 {
		return ""
	}
	return string(value[1 : 1+end])
}

// columnOf reads the column of a cell reference ("XFD12" is 16384), 0 when
// there is none.
func columnOf(ref string) int {
	column := 0
	for _, c := range ref {
		if c < 'A' || c > 'Z' {
			break
		}
		column = column*26 + int(c-'A'+1)
		if column > 1<<24 {
			break
		}
	}
	return column
}
