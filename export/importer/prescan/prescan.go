// Package prescan checks an imported workbook or Word document before any
// parser reads it: a streaming scan walks every part of the zip with a few
// counters and refuses a file past the stated bounds (parts, sizes, nesting,
// cells, text), naming the bound. On its way it maps a workbook's sheets and
// merged ranges, so that reading a sheet never parses it whole.
package prescan

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/kehoach/cchc/export/importer/limits"
)

// Before excelize or the Word reader parses a file, a streaming pre-scan
// walks every part of the zip with a few counters and refuses a file that
// breaks one of these stated bounds, naming the bound. Libraries parse
// whatever nesting, width and size a file declares: a 118 KB workbook of
// nested XML reached gigabytes. The bounds are far above what a plan's
// workbook or document holds (a 10,000-task export is well inside them).
type scanLimits struct {
	// maxEntries bounds the parts of the zip.
	maxEntries int
	// maxTotal bounds the unzipped size of all parts, declared and actual.
	maxTotal int64
	// partLimit bounds the unzipped size of one part, by its name.
	partLimit func(name string) int64
	// maxDepth bounds the nesting of XML elements.
	maxDepth int
	// maxTagBytes bounds one tag with its attributes.
	maxTagBytes int
	// rowElem and cellElems name a row and the elements counted as its
	// cells; textElems the elements whose text is one cell's.
	rowElem   string
	cellElem  string
	textElems []string
	// maxCellsPerRow bounds the cells of a row; maxColumn the column a
	// workbook cell's reference names (0: no references).
	maxCellsPerRow int
	maxColumn      int
	// maxCellsPerPart bounds the cells (and shared strings) of one part.
	maxCellsPerPart int
	// maxCellText bounds the text of one cell, in bytes of XML.
	maxCellText int
}

// Limits of the pre-scan.
const (
	maxZipEntries   = 5_000
	maxTotalUnzip   = 128 << 20
	maxSheetPart    = 64 << 20
	maxSharedPart   = 32 << 20
	maxOtherPart    = 16 << 20
	maxTag          = 64 << 10
	MaxExcelColumn  = 16_384 // XFD, Excel's last column
	MaxSheetCells   = 600_000
	MaxWordRowCells = 1_000
	maxWordCells    = limits.MaxDocxCells
)

var xlsxLimits = scanLimits{
	maxEntries: maxZipEntries, maxTotal: maxTotalUnzip, partLimit: xlsxPartLimit,
	maxDepth: 128, maxTagBytes: maxTag,
	rowElem: "row", cellElem: "c", textElems: []string{"c", "si"},
	maxCellsPerRow: MaxExcelColumn, maxColumn: MaxExcelColumn, maxCellsPerPart: MaxSheetCells,
	maxCellText: 256 << 10,
}

var docxLimits = scanLimits{
	maxEntries: maxZipEntries, maxTotal: maxTotalUnzip, partLimit: docxPartLimit,
	maxDepth: 256, maxTagBytes: maxTag,
	rowElem: "tr", cellElem: "tc", textElems: []string{"tc"},
	maxCellsPerRow: MaxWordRowCells, maxCellsPerPart: maxWordCells,
	maxCellText: 1 << 20,
}

// xlsxPartLimit bounds a workbook's parts: worksheets are read from a
// temporary file when large, shared strings are held whole.
func xlsxPartLimit(name string) int64 {
	switch lower := strings.ToLower(name); {
	case strings.HasPrefix(lower, "xl/worksheets/"):
		return maxSheetPart
	case lower == "xl/sharedstrings.xml":
		return maxSharedPart
	}
	return maxOtherPart
}

// docxPartLimit bounds a document's parts: the main text as the Word
// reader's own bound, the rest smaller.
func docxPartLimit(name string) int64 {
	if strings.HasPrefix(strings.ToLower(name), "word/document") {
		return limits.MaxPartBytes
	}
	return maxOtherPart
}

// Workbook checks a workbook's parts against the bounds and returns where
// its sheets are and what they merge.
func Workbook(data []byte, name string) (*WorkbookMap, error) {
	book := newWorkbookMap()
	if err := check(data, name, &xlsxLimits, book); err != nil {
		return nil, err
	}
	return book, nil
}

// Document checks a Word document's parts against the bounds.
func Document(data []byte, name string) error {
	return check(data, name, &docxLimits, nil)
}

// DocumentXML checks a Word document's main part, word/document.xml, read
// from r, as Document does inside the zip.
func DocumentXML(r io.Reader) error {
	return newXMLScan(&docxLimits, "word/document.xml").run(bufio.NewReader(r))
}

// check checks a file's parts against bounds; book, for a workbook,
// gathers its sheets and merged ranges.
func check(data []byte, name string, bounds *scanLimits, book *WorkbookMap) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%s: %w: không giải nén được (%v)", name, limits.ErrDamaged, err)
	}
	if err := bounds.checkDeclared(zr); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var total int64
	for _, f := range zr.File {
		n, err := bounds.scanPart(f, book)
		total += n
		if err == nil && total > bounds.maxTotal {
			err = fmt.Errorf("%w: nội dung giải nén thực tế vượt %d MB", limits.ErrTooLarge, bounds.maxTotal>>20)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// checkDeclared checks the number of parts and the sizes the zip declares.
func (l *scanLimits) checkDeclared(zr *zip.Reader) error {
	if len(zr.File) > l.maxEntries {
		return fmt.Errorf("%w: tệp nén có hơn %d phần", limits.ErrTooLarge, l.maxEntries)
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(l.partLimit(f.Name)) {
			return fmt.Errorf("%w: phần %s khai báo giải nén ra hơn %d MB", limits.ErrTooLarge, f.Name, l.partLimit(f.Name)>>20)
		}
		total += f.UncompressedSize64
	}
	if total > uint64(l.maxTotal) {
		return fmt.Errorf("%w: nội dung giải nén khai báo vượt %d MB", limits.ErrTooLarge, l.maxTotal>>20)
	}
	return nil
}

// scanPart inflates one part, counting its actual size, and walks it when
// it is XML. It returns the bytes inflated.
func (l *scanLimits) scanPart(f *zip.File, book *WorkbookMap) (int64, error) {
	if f.FileInfo().IsDir() {
		return 0, nil
	}
	rc, err := f.Open()
	if err != nil {
		return 0, fmt.Errorf("%w: phần %s không giải nén được (%v)", limits.ErrDamaged, f.Name, err)
	}
	defer rc.Close()
	limit := l.partLimit(f.Name)
	counter := &limits.CountingReader{Source: io.LimitReader(rc, limit+1)}
	if isXMLPart(f.Name) {
		scan := newXMLScan(l, f.Name)
		scan.book = book
		err = scan.run(bufio.NewReaderSize(counter, 64<<10))
	} else {
		_, err = io.Copy(io.Discard, counter)
	}
	if counter.Count > limit {
		return counter.Count, fmt.Errorf("%w: phần %s giải nén ra hơn %d MB", limits.ErrTooLarge, f.Name, limit>>20)
	}
	var limitErr *limitError
	if errors.As(err, &limitErr) {
		return counter.Count, limitErr
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return counter.Count, fmt.Errorf("%w: phần %s không giải nén được (%v)", limits.ErrDamaged, f.Name, err)
	}
	return counter.Count, nil
}

// isXMLPart reports whether a part is parsed as XML.
func isXMLPart(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".xml" || ext == ".rels" || ext == ".vml"
}
