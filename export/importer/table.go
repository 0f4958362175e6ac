package importer

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/kehoach/cchc/export/importer/limits"

	"github.com/kehoach/cchc/store"
	"golang.org/x/text/unicode/norm"
)

// Tables arrive from Excel and from Word laid out in many ways. Both readers
// turn what they find into a table of cleaned cells with merged ranges
// spread out, and everything after that (finding the header row, mapping
// the columns, reading areas, tasks and continuation rows) is shared.

// tableCell is one cell of a table read from a file.
type tableCell struct {
	text string
	// fromAbove marks a cell covered by a merged range that starts in a row
	// above; its text repeats that range's.
	fromAbove bool
	// fromLeft marks a cell covered by a merged range that starts in a column
	// to its left in the same row; its text repeats that range's.
	fromLeft bool
	// tooLong marks a cell whose text was cut at limits.MaxCellRunes.
	tooLong bool
	// autoNumber marks a cell Word numbers by itself: its number is not in
	// the text.
	autoNumber bool
}

// tableRow is one row of a table with its number as the file counts it.
type tableRow struct {
	number int
	cells  []tableCell
}

// cell returns the cell in column col, or an empty one past the row's end.
func (r tableRow) cell(col int) tableCell {
	if col < 0 || col >= len(r.cells) {
		return tableCell{}
	}
	return r.cells[col]
}

// empty reports whether no cell of the row holds text.
func (r tableRow) empty() bool {
	for _, c := range r.cells {
		if c.text != "" || c.autoNumber {
			return false
		}
	}
	return true
}

// table is a table read from a file: a worksheet or a Word table.
type table struct {
	// source names the table in messages: `trang tính “Biểu kế hoạch”`, `bảng 2`.
	source string
	rows   []tableRow
}

// Bounds on what a file may make the readers hold.
const (
	// maxHeaderScan is how far down a table its header row is looked for.
	maxHeaderScan = 60
)

// cleanCell prepares a cell's text: CleanText, spaces collapsed and trimmed
// on each line, empty lines dropped; it reports whether the text was cut at
// limits.MaxCellRunes.
func cleanCell(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	tooLong := false
	if len(s) > limits.MaxCellRunes && len([]rune(s)) > limits.MaxCellRunes {
		s, tooLong = string([]rune(s)[:limits.MaxCellRunes]), true
	}
	s = store.CleanText(s)
	if !strings.ContainsAny(s, "\n  ") && strings.TrimSpace(s) == s {
		return s, tooLong
	}
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, line := range lines {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n"), tooLong
}

// headingKey folds a heading for matching: lower case, no diacritics, "đ"
// as "d", anything but letters and digits as single spaces.
func headingKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// columnRule maps headings to a field: a heading whose key is one of exact,
// or contains one of contains.
type columnRule struct {
	field    int
	exact    []string
	contains []string
}

func (r columnRule) matches(key string) bool {
	for _, e := range r.exact {
		if key == e {
			return true
		}
	}
	for _, c := range r.contains {
		if strings.Contains(key, c) {
			return true
		}
	}
	return false
}

// columnSet is a kind of table: the fields it has, the rules that recognise
// their headings in order of priority, and what a header row needs.
type columnSet struct {
	fields   int
	rules    []columnRule
	required []int
	// minFields is how many fields a header row must name.
	minFields int
}

// classify returns the field a heading names, or -1.
func (cs columnSet) classify(key string) int {
	if key == "" {
		return -1
	}
	for _, r := range cs.rules {
		if r.matches(key) {
			return r.field
		}
	}
	return -1
}

// The fields of a plan's task table, in the order of store.Appendix.Columns.
const (
	fieldOrdinal = iota
	fieldContent
	fieldProduct
	fieldLead
	fieldCoordinating
	fieldTimeline
	planFieldCount
)

// ordinalHeadings are the keys of a TT column's heading.
var ordinalHeadings = []string{"tt", "stt", "so tt", "so thu tu", "thu tu", "tt stt", "so"}

// planColumns recognises the headings of task tables, with the variants
// plans from other agencies use ("Nhiệm vụ, giải pháp", "Cơ quan/Đơn vị
// chủ trì", "Thời gian thực hiện/hoàn thành", "Kết quả dự kiến" ...).
// Timeline and coordinating come before lead, since "Thời gian thực hiện"
// and "Đơn vị phối hợp thực hiện" also hold words of lead headings.
var planColumns = columnSet{
	fields: planFieldCount,
	rules: []columnRule{
		{field: fieldOrdinal, exact: ordinalHeadings},
		{field: fieldTimeline, contains: []string{"thoi gian", "thoi han", "tien do", "moc thoi", "thoi diem"}},
		{field: fieldCoordinating, contains: []string{"phoi hop"}},
		{field: fieldLead, contains: []string{"chu tri"}},
		{field: fieldContent, contains: []string{"noi dung", "nhiem vu", "giai phap", "cong viec", "hoat dong", "de an"}},
		{field: fieldProduct, contains: []string{"san pham", "ket qua", "dau ra", "hinh thuc"}},
		{field: fieldLead, contains: []string{"don vi", "co quan", "thuc hien", "trach nhiem"}},
	},
	required:  []int{fieldContent},
	minFields: 3,
}

// header is a table's header row, one or two rows high, and where each
// field's column is.
type header struct {
	first, last int // indexes into table.rows
	columns     []int
	titles      []string
	found       int
}

// column returns the column of a field, or -1.
func (h header) column(field int) int { return h.columns[field] }

// findHeader looks for the header row among the first rows of t: the row,
// or pair of rows (a heading split over two rows by merged cells), that
// names the most fields. A numbering row "(1) (2) (3)" is never half of it.
func findHeader(t table, cs columnSet) (header, bool) {
	var best header
	limit := min(len(t.rows), maxHeaderScan)
	for i := range limit {
		candidate := matchHeader(t.rows[i:i+1], i, cs)
		if i+1 < len(t.rows) && !isNumberingRow(t.rows[i+1]) {
			if double := matchHeader(t.rows[i:i+2], i, cs); double.found > candidate.found {
				candidate = double
			}
		}
		if candidate.found > best.found && headerComplete(candidate, cs) {
			best = candidate
		}
	}
	return best, best.found > 0
}

func headerComplete(h header, cs columnSet) bool {
	for _, f := range cs.required {
		if h.columns[f] < 0 {
			return false
		}
	}
	return h.found >= cs.minFields
}

// matchHeader reads rows as a header: each column's headings, stacked, name
// at most one field, and each field takes the first column that names it.
func matchHeader(rows []tableRow, first int, cs columnSet) header {
	h := header{first: first, last: first + len(rows) - 1, columns: make([]int, cs.fields), titles: make([]string, cs.fields)}
	for f := range h.columns {
		h.columns[f] = -1
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	for col := range min(width, limits.MaxTableCols) {
		combined, title := stackedHeading(rows, col)
		f := cs.classify(headingKey(combined))
		if f >= 0 && h.columns[f] < 0 {
			h.columns[f], h.titles[f] = col, title
			h.found++
		}
	}
	return h
}

// stackedHeading joins a column's headings over the header's rows. The
// title kept for the plan is the lower heading alone when the upper one
// spans several columns ("Đơn vị thực hiện" over "Chủ trì" and "Phối hợp").
func stackedHeading(rows []tableRow, col int) (combined, title string) {
	var parts []string
	for _, r := range rows {
		text := joinHeadingLines(r.cell(col).text)
		if text != "" && (len(parts) == 0 || parts[len(parts)-1] != text) {
			parts = append(parts, text)
		}
	}
	combined = strings.Join(parts, " ")
	title = combined
	if len(rows) == 2 && len(parts) == 2 && spansColumns(rows[0], col) {
		title = parts[1]
	}
	return combined, title
}

// joinHeadingLines puts a heading broken over lines on one line; a break
// after a slash or a dash joins without a space ("thực hiện/\nhoàn thành").
func joinHeadingLines(text string) string {
	lines := strings.Split(text, "\n")
	joined := lines[0]
	for _, line := range lines[1:] {
		if strings.HasSuffix(joined, "/") || strings.HasSuffix(joined, "-") {
			joined += line
		} else {
			joined += " " + line
		}
	}
	return joined
}

// spansColumns reports whether the cell at col is part of a merged range
// wider than one column.
func spansColumns(r tableRow, col int) bool {
	return r.cell(col).fromLeft || r.cell(col+1).fromLeft
}

var numberingCell = regexp.MustCompile(`^\(?\s*[0-9]{1,2}\s*\)?$|^\(\s*[a-zA-Z0-9]{1,3}\s*\)$`)

// isNumberingRow reports whether a row only numbers the columns above it:
// "(1) (2) (3) …" or "1 2 3 …".
func isNumberingRow(r tableRow) bool {
	count := 0
	for _, c := range r.cells {
		if c.text == "" || c.fromLeft {
			continue
		}
		if !numberingCell.MatchString(c.text) {
			return false
		}
		count++
	}
	return count >= 3
}

// repeatsHeader reports whether a row below the header is the header again,
// as Word repeats it after every page break of a converted document. Every
// column set keeps the TT column as field 0.
func repeatsHeader(r tableRow, h header, cs columnSet) bool {
	if col := h.column(fieldOrdinal); col >= 0 {
		if !isOrdinalHeading(r.cell(col).text) {
			return false
		}
	}
	matches := 0
	for f, col := range h.columns {
		if col >= 0 && cs.classify(headingKey(r.cell(col).text)) == f {
			matches++
		}
	}
	return matches >= min(3, h.found)
}

func isOrdinalHeading(text string) bool {
	key := headingKey(text)
	for _, e := range ordinalHeadings {
		if key == e {
			return true
		}
	}
	return false
}
