package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kehoach/cchc/export/importer/limits"
	"github.com/kehoach/cchc/export/importer/prescan"

	"github.com/kehoach/cchc/store"
)

// Errors of the import, for errors.Is; the wrapping text names the file and
// says what to do.
var (
	// ErrNotSupported: the file is neither an Excel workbook (.xlsx) nor a
	// Word document (.docx).
	ErrNotSupported = errors.New("không phải tệp Excel (.xlsx) hay Word (.docx)")
	// ErrEmptyFile: the file holds nothing.
	ErrEmptyFile = errors.New("tệp rỗng")
	// ErrOldFormat: an old binary .doc or .xls file, or a workbook with a
	// password, which looks the same from outside.
	ErrOldFormat = errors.New("tệp Word/Excel đời cũ (.doc, .xls) hoặc tệp có đặt mật khẩu")
	// ErrNoTable: no table in the file has a recognisable header row.
	ErrNoTable = errors.New("không tìm thấy bảng nhiệm vụ")
	// ErrLegacyEncoding: the text is typed in TCVN3 or VNI, not Unicode.
	ErrLegacyEncoding = errors.New("văn bản không dùng bảng mã Unicode")
	// ErrTooLarge: the file, or a part of it, exceeds the import's bounds.
	ErrTooLarge = limits.ErrTooLarge
	// ErrDamaged: the file is a zip archive that cannot be read.
	ErrDamaged = limits.ErrDamaged
)

// Bounds on the files an import reads.
const (
	// maxImportBytes bounds the size of the file itself.
	maxImportBytes = 64 << 20
	// maxUnzippedBytes bounds the unzipped size of all parts together.
	maxUnzippedBytes = 256 << 20
)

// oleSignature starts an OLE compound file: .doc, .xls, and encrypted
// (password-protected) .xlsx and .docx.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// fileKind is what a file turned out to be.
type fileKind int

const (
	kindXLSX fileKind = iota + 1
	kindDOCX
)

// Imported is a plan read from a file, with everything it could not read,
// before anything is stored.
type Imported struct {
	// File is the file's name without its folder.
	File string
	// Format is "Excel" or "Word".
	Format string
	// Source names the table read: a sheet, or the table's place in the
	// document.
	Source string
	// HeaderRow is the number of the header row's last row.
	HeaderRow int
	// Bundle is the plan with its areas and tasks, ready for the store. Its
	// plan holds what the file says of itself (number, date, title, body).
	Bundle store.Bundle
	// Problems lists every row that could not be read, with the reason.
	Problems []RowProblem
	// Notes are things the officer should know before storing.
	Notes []string
	// taskRows are the row numbers of the bundle's tasks, area by area.
	taskRows [][]int
}

// SetYear sets the plan's year and reads every timeline again against it.
// A task whose timeline names a date that cannot be ("31/02/2023", "Quý
// V", "Tháng 13") leaves the bundle for Problems, with the reason, rather
// than be stored without a deadline.
func (im *Imported) SetYear(year int) {
	im.Bundle.Plan.Year = year
	im.Bundle.ReadTimelines()
	im.dropBadDates()
}

// dropBadDates moves the tasks whose timeline is a bad date
// (store.Timeline.BadDate) to Problems.
func (im *Imported) dropBadDates() {
	dropped := false
	for i := range im.Bundle.Areas {
		if i >= len(im.taskRows) {
			break
		}
		area, rows := &im.Bundle.Areas[i], im.taskRows[i]
		kept, keptRows := area.Tasks[:0], rows[:0]
		for j, t := range area.Tasks {
			if t.Timeline.BadDate() {
				reason := fmt.Sprintf("nhiệm vụ %s: thời gian thực hiện %s", t.Ordinal, t.Timeline.Problem)
				im.Problems = append(im.Problems, RowProblem{Row: rows[j], Reason: reason})
				dropped = true
				continue
			}
			t.Order = len(kept) + 1
			kept, keptRows = append(kept, t), append(keptRows, rows[j])
		}
		area.Tasks, im.taskRows[i] = kept, keptRows
	}
	if dropped {
		slices.SortStableFunc(im.Problems, func(x, y RowProblem) int { return x.Row - y.Row })
	}
}

// Summary says in one line what the file holds.
func (im *Imported) Summary() string {
	return fmt.Sprintf("%s (%s, %s): %d lĩnh vực, %d nhiệm vụ; %d dòng không đọc được",
		im.File, im.Format, im.Source, len(im.Bundle.Areas), im.Bundle.TaskCount(), len(im.Problems))
}

// ReadPlanFile reads a plan's task table from an .xlsx or .docx file; see
// ReadPlan.
func ReadPlanFile(path string, year int) (*Imported, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("không mở được %s: %w", path, err)
	}
	defer f.Close()
	return ReadPlan(f, filepath.Base(path), year)
}

// ReadPlan reads a plan's task table from an Excel workbook or a Word
// document, whichever the content is (the name is only for messages), and
// reads timelines against year. It reads the whole file before it returns:
// the result holds every area and task it could read and every row it
// could not.
func ReadPlan(r io.Reader, name string, year int) (*Imported, error) {
	file, err := sniff(r, name)
	if err != nil {
		return nil, err
	}
	var im *Imported
	switch file.kind {
	case kindXLSX:
		im, err = readPlanXLSX(file, name)
	default:
		im, err = readPlanDOCX(file.data, name)
	}
	if err != nil {
		return nil, err
	}
	im.File = name
	im.SetYear(year)
	im.noteMissingNumber()
	if im.Bundle.TaskCount() == 0 {
		return nil, fmt.Errorf("%s: %w: bảng %s có dòng tiêu đề nhưng không có nhiệm vụ nào đọc được", name, ErrNoTable, im.Source)
	}
	return im, nil
}

// sniff reads the file, at most maxImportBytes, tells what it is by its
// content, and pre-scans it against the bounds of its kind before any
// library parses it.
func sniff(r io.Reader, name string) (*sniffed, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s: %w", name, err)
	}
	switch {
	case len(data) > maxImportBytes:
		return nil, fmt.Errorf("%s: %w: tệp lớn hơn %d MB", name, ErrTooLarge, maxImportBytes>>20)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, fmt.Errorf("%s: %w", name, ErrEmptyFile)
	case bytes.HasPrefix(data, oleSignature):
		return nil, fmt.Errorf("%s: %w: hãy mở tệp trong Word hoặc Excel, gỡ mật khẩu nếu có, rồi chọn Lưu thành (Save As) dạng .docx hoặc .xlsx và nhập lại tệp mới", name, ErrOldFormat)
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return nil, fmt.Errorf("%s: %w (đây là tệp RTF): hãy mở trong Word và lưu thành .docx", name, ErrNotSupported)
	case !bytes.HasPrefix(data, []byte("PK")):
		return nil, fmt.Errorf("%s: %w", name, ErrNotSupported)
	}
	kind, err := zipKind(data, name)
	if err != nil {
		return nil, err
	}
	book, err := prescanFile(data, name, kind)
	if err != nil {
		return nil, err
	}
	return &sniffed{data: data, kind: kind, book: book}, nil
}

// prescanFile checks a file against the bounds of its kind; for a workbook
// it returns where its sheets are and what they merge.
func prescanFile(data []byte, name string, kind fileKind) (*prescan.WorkbookMap, error) {
	if kind == kindXLSX {
		return prescan.Workbook(data, name)
	}
	return nil, prescan.Document(data, name)
}

// sniffed is a file read whole, what it is, and what the pre-scan learnt
// of a workbook's sheets.
type sniffed struct {
	data []byte
	kind fileKind
	// book maps a workbook's sheets to their merged ranges; nil for a
	// Word document.
	book *prescan.WorkbookMap
}

// zipKind tells a workbook from a Word document by the parts in the zip.
func zipKind(data []byte, name string) (fileKind, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, fmt.Errorf("%s: %w: không giải nén được (%v)", name, ErrDamaged, err)
	}
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "xl/workbook.xml":
			return kindXLSX, nil
		case "word/document.xml":
			return kindDOCX, nil
		}
	}
	return 0, fmt.Errorf("%s: %w (tệp nén không chứa bảng tính hay văn bản Word)", name, ErrNotSupported)
}

// noTableError says what a task table's header must hold.
func noTableError(name string) error {
	return fmt.Errorf("%s: %w: cần một dòng tiêu đề có cột nội dung (“Nội dung”, “Nhiệm vụ”, “Tên nhiệm vụ” …) và ít nhất hai cột trong số TT, sản phẩm, đơn vị chủ trì, đơn vị phối hợp, thời gian thực hiện", name, ErrNoTable)
}

// bestTable picks, among tables, the one whose header names the most
// columns; the first wins a tie.
func bestTable(tables []table, cs columnSet) (table, header, bool) {
	var (
		best      table
		bestHead  header
		bestFound bool
	)
	for _, t := range tables {
		h, ok := findHeader(t, cs)
		if ok && (!bestFound || h.found > bestHead.found) {
			best, bestHead, bestFound = t, h, true
		}
	}
	return best, bestHead, bestFound
}

// importTable reads the task table t under header h into im, after
// checking its text is Unicode.
func importTable(im *Imported, t table, h header, name string) error {
	if enc := detectLegacyEncoding(tableText(t, h.first)); enc != "" {
		return legacyEncodingError(name, enc)
	}
	rows := readPlanRows(t, h)
	built := buildAreas(rows)
	im.Source = t.source
	im.HeaderRow = t.rows[h.last].number
	im.Bundle.Areas = built.bundleAreas(0)
	im.taskRows = built.taskRows()
	im.Problems = built.problems
	if built.implicit {
		im.Notes = append(im.Notes, fmt.Sprintf("Bảng không chia lĩnh vực: các nhiệm vụ được xếp vào lĩnh vực “%s”.", implicitAreaName))
	}
	im.Bundle.Plan.Appendix.Columns = appendixColumnsFrom(h)
	return nil
}

// appendixColumnsFrom keeps the file's own column headings for the
// appendix, with the seed's where the file has no such column.
func appendixColumnsFrom(h header) [6]string {
	columns := store.DefaultColumns
	for f := range planFieldCount {
		if h.columns[f] >= 0 && h.titles[f] != "" {
			columns[f] = h.titles[f]
		}
	}
	return columns
}

// tableText gathers the text of a table from row first on, bounded, for
// the encoding check.
func tableText(t table, first int) string {
	var b strings.Builder
	for _, r := range t.rows[first:] {
		for _, c := range r.cells {
			if !c.fromAbove && !c.fromLeft && c.text != "" {
				b.WriteString(c.text)
				b.WriteByte(' ')
			}
		}
		if b.Len() > 1<<20 {
			break
		}
	}
	return b.String()
}
