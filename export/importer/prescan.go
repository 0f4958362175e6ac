package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
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
	maxExcelColumn  = 16_384 // XFD, Excel's last column
	maxSheetCells   = 600_000
	maxWordRowCells = 1_000
	maxWordCells    = maxDocxCells
)

var xlsxLimits = scanLimits{
	maxEntries: maxZipEntries, maxTotal: maxTotalUnzip, partLimit: xlsxPartLimit,
	maxDepth: 128, maxTagBytes: maxTag,
	rowElem: "row", cellElem: "c", textElems: []string{"c", "si"},
	maxCellsPerRow: maxExcelColumn, maxColumn: maxExcelColumn, maxCellsPerPart: maxSheetCells,
	maxCellText: 256 << 10,
}

var docxLimits = scanLimits{
	maxEntries: maxZipEntries, maxTotal: maxTotalUnzip, partLimit: docxPartLimit,
	maxDepth: 256, maxTagBytes: maxTag,
	rowElem: "tr", cellElem: "tc", textElems: []string{"tc"},
	maxCellsPerRow: maxWordRowCells, maxCellsPerPart: maxWordCells,
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
		return maxPartBytes
	}
	return maxOtherPart
}

// prescan checks a file's parts against the limits of its kind. For a
// workbook it returns where its sheets are and what they merge.
func prescan(data []byte, name string, kind fileKind) (*workbookMap, error) {
	limits, book := &docxLimits, (*workbookMap)(nil)
	if kind == kindXLSX {
		limits, book = &xlsxLimits, newWorkbookMap()
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: không giải nén được (%v)", name, ErrDamaged, err)
	}
	if err := limits.checkDeclared(zr); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var total int64
	for _, f := range zr.File {
		n, err := limits.scanPart(f, book)
		total += n
		if err == nil && total > limits.maxTotal {
			err = fmt.Errorf("%w: nội dung giải nén thực tế vượt %d MB", ErrTooLarge, limits.maxTotal>>20)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return book, nil
}

// checkDeclared checks the number of parts and the sizes the zip declares.
func (l *scanLimits) checkDeclared(zr *zip.Reader) error {
	if len(zr.File) > l.maxEntries {
		return fmt.Errorf("%w: tệp nén có hơn %d phần", ErrTooLarge, l.maxEntries)
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(l.partLimit(f.Name)) {
			return fmt.Errorf("%w: phần %s khai báo giải nén ra hơn %d MB", ErrTooLarge, f.Name, l.partLimit(f.Name)>>20)
		}
		total += f.UncompressedSize64
	}
	if total > uint64(l.maxTotal) {
		return fmt.Errorf("%w: nội dung giải nén khai báo vượt %d MB", ErrTooLarge, l.maxTotal>>20)
	}
	return nil
}

// scanPart inflates one part, counting its actual size, and walks it when
// it is XML. It returns the bytes inflated.
func (l *scanLimits) scanPart(f *zip.File, book *workbookMap) (int64, error) {
	if f.FileInfo().IsDir() {
		return 0, nil
	}
	rc, err := f.Open()
	if err != nil {
		return 0, fmt.Errorf("%w: phần %s không giải nén được (%v)", ErrDamaged, f.Name, err)
	}
	defer rc.Close()
	limit := l.partLimit(f.Name)
	counter := &countingReader{r: io.LimitReader(rc, limit+1)}
	if isXMLPart(f.Name) {
		scan := newXMLScan(l, f.Name)
		scan.book = book
		err = scan.run(bufio.NewReaderSize(counter, 64<<10))
	} else {
		_, err = io.Copy(io.Discard, counter)
	}
	if counter.n > limit {
		return counter.n, fmt.Errorf("%w: phần %s giải nén ra hơn %d MB", ErrTooLarge, f.Name, limit>>20)
	}
	var limitErr *limitError
	if errors.As(err, &limitErr) {
		return counter.n, limitErr
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return counter.n, fmt.Errorf("%w: phần %s không giải nén được (%v)", ErrDamaged, f.Name, err)
	}
	return counter.n, nil
}

// isXMLPart reports whether a part is parsed as XML.
func isXMLPart(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".xml" || ext == ".rels" || ext == ".vml"
}
