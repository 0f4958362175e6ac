// Package docx reads the body of a Word document (.docx) for an import: it
// walks word/document.xml itself, with bounds on everything it holds, and
// gives the paragraphs and tables in order, each paragraph with what tells
// a heading apart and each table cell with its spans and merges.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/export/importer/limits"
)

// A Word document is a zip of XML parts; its text is in word/document.xml:
// paragraphs w:p of runs w:r of text w:t, and tables w:tbl of rows w:tr of
// cells w:tc, where w:gridSpan widens a cell over several grid columns and
// w:vMerge continues the cell above. The reader walks that XML itself, with
// bounds on everything it holds.

const (
	wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	mcNS   = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	// relsPart lists the package's parts; it names the main document.
	relsPart = "_rels/.rels"
	// maxDocxBlocks bounds the paragraphs and tables of a document.
	maxDocxBlocks = 500_000
	// maxTableDepth bounds tables nested in cells; deeper ones are skipped.
	maxTableDepth = 8
)

// Para is one paragraph: its text and what tells a heading apart.
type Para struct {
	Text     string
	Centered bool
	// Bold is set when every run with text is Bold.
	Bold bool
	// Numbered is set when Word numbers the paragraph itself (w:numPr).
	Numbered bool
	TooLong  bool
}

// Cell is one table cell.
type Cell struct {
	Paras  []Para
	Span   int
	VMerge string // "", "restart" or "continue"
}

// Row is one table row; GridBefore grid columns are skipped before it.
type Row struct {
	GridBefore int
	Cells      []Cell
}

// Block is a paragraph or a table of the body, in order.
type Block struct {
	Para  *Para
	Table []Row
}

// Document is the body of a Word document and the fonts its runs name.
type Document struct {
	Blocks []Block
	Fonts  map[string]bool
}

// Read reads the body of a .docx. It counts the bytes it inflates,
// since the sizes a zip declares can lie.
func Read(data []byte, name string) (doc *Document, err error) {
	defer limits.RecoverDamaged(name, &err)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, limits.ErrDamaged, err)
	}
	part, err := openPart(zr, mainDocumentPart(zr))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: không có phần văn bản chính (%v)", name, limits.ErrDamaged, err)
	}
	defer part.Close()
	counter := &limits.CountingReader{Source: io.LimitReader(part, limits.MaxPartBytes+1)}
	doc, err = Parse(counter)
	if counter.Count > limits.MaxPartBytes {
		return nil, fmt.Errorf("%s: %w: phần văn bản giải nén vượt %d MB", name, limits.ErrTooLarge, limits.MaxPartBytes>>20)
	}
	if errors.Is(err, limits.ErrTooLarge) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, limits.ErrDamaged, err)
	}
	return doc, nil
}

// openPart opens a part of the package by name.
func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("no part %s", name)
}

// mainDocumentPart finds the main document's part through the package
// relationships, word/document.xml when they do not say.
func mainDocumentPart(zr *zip.Reader) string {
	const fallback = "word/document.xml"
	rc, err := openPart(zr, relsPart)
	if err != nil {
		return fallback
	}
	defer rc.Close()
	var rels struct {
		Relationships []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&rels) != nil {
		return fallback
	}
	for _, r := range rels.Relationships {
		if strings.HasSuffix(r.Type, "/officeDocument") && r.Target != "" {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return fallback
}

// docxParser walks document.xml.
type docxParser struct {
	dec    *xml.Decoder
	doc    *Document
	cells  int
	blocks int
}

// Parse reads the body's paragraphs and tables in order.
func Parse(r io.Reader) (*Document, error) {
	p := &docxParser{dec: xml.NewDecoder(r), doc: &Document{Fonts: map[string]bool{}}}
	p.dec.Strict = true
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, err
		}
		if start, ok := tok.(xml.StartElement); ok && isWord(start, "body") {
			return p.doc, p.body()
		}
	}
}

func isWord(start xml.StartElement, local string) bool {
	return start.Name.Space == wordNS && start.Name.Local == local
}

func isWordEnd(end xml.EndElement, local string) bool {
	return end.Name.Space == wordNS && end.Name.Local == local
}

// skippable reports whether an element holds text that is not the
// document's own: deleted revisions, field codes, text boxes, and the
// fallback copy of alternate content.
func skippable(start xml.StartElement) bool {
	if start.Name.Space == mcNS {
		return start.Name.Local == "Fallback"
	}
	switch start.Name.Local {
	case "del", "delText", "instrText", "txbxContent", "moveFrom":
		return start.Name.Space == wordNS
	}
	return false
}

// body reads blocks until </w:body>.
func (p *docxParser) body() error {
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.bodyElement(t); err != nil {
				return err
			}
		case xml.EndElement:
			if isWordEnd(t, "body") {
				return nil
			}
		}
	}
}

// bodyElement reads a paragraph or table of the body, or skips what holds
// no text of the document.
func (p *docxParser) bodyElement(start xml.StartElement) error {
	switch {
	case skippable(start):
		return p.dec.Skip()
	case isWord(start, "p"):
		para, err := p.paragraph()
		if err != nil {
			return err
		}
		return p.addBlock(Block{Para: &para})
	case isWord(start, "tbl"):
		rows, err := p.table(1)
		if err != nil {
			return err
		}
		return p.addBlock(Block{Table: rows})
	}
	return nil
}

func (p *docxParser) addBlock(b Block) error {
	p.blocks++
	if p.blocks > maxDocxBlocks {
		return fmt.Errorf("%w: hơn %d đoạn văn và bảng", limits.ErrTooLarge, maxDocxBlocks)
	}
	p.doc.Blocks = append(p.doc.Blocks, b)
	return nil
}

// attr returns the value of a w: attribute.
func attr(start xml.StartElement, local string) string {
	for _, a := range start.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// paraState gathers a paragraph as its XML is read.
type paraState struct {
	text    strings.Builder
	para    Para
	inPPr   bool
	runBold bool
	anyText bool
	allBold bool
}

// paragraph reads a w:p after its start tag.
func (p *docxParser) paragraph() (Para, error) {
	st := &paraState{allBold: true}
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return Para{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.paragraphElement(st, t); err != nil {
				return Para{}, err
			}
		case xml.EndElement:
			if isWordEnd(t, "pPr") {
				st.inPPr = false
			}
			if isWordEnd(t, "p") {
				st.para.Text = st.text.String()
				st.para.Bold = st.anyText && st.allBold
				return st.para, nil
			}
		}
	}
}

// paragraphElement reads one element inside a paragraph.
func (p *docxParser) paragraphElement(st *paraState, start xml.StartElement) error {
	if skippable(start) || isWord(start, "p") || isWord(start, "tbl") {
		return p.dec.Skip()
	}
	if start.Name.Space != wordNS {
		return nil
	}
	switch start.Name.Local {
	case "t":
		return p.runText(st)
	case "rFonts":
		p.noteFonts(start)
	default:
		st.apply(start)
	}
	return nil
}

// noteFonts keeps the fonts a run names, for the check of legacy encodings.
func (p *docxParser) noteFonts(start xml.StartElement) {
	for _, a := range []string{"ascii", "hAnsi"} {
		if font := attr(start, a); font != "" && len(p.doc.Fonts) < 64 {
			p.doc.Fonts[font] = true
		}
	}
}

// apply takes in what a formatting or break element of a paragraph says.
func (st *paraState) apply(start xml.StartElement) {
	switch start.Name.Local {
	case "pPr":
		st.inPPr = true
	case "r":
		st.runBold = false
	case "b":
		if !st.inPPr {
			v := attr(start, "val")
			st.runBold = v != "0" && v != "false"
		}
	case "jc":
		st.para.Centered = st.inPPr && attr(start, "val") == "center"
	case "numPr":
		st.para.Numbered = st.para.Numbered || st.inPPr
	case "tab":
		st.write(" ")
	case "br", "cr":
		if kind := attr(start, "type"); kind != "page" && kind != "column" {
			st.write("\n")
		}
	}
}

// runText reads the text of a w:t.
func (p *docxParser) runText(st *paraState) error {
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text := string(t)
			st.write(text)
			if strings.TrimSpace(text) != "" {
				st.anyText = true
				st.allBold = st.allBold && st.runBold
			}
		case xml.EndElement:
			return nil
		}
	}
}

// write appends text, up to the bound on a cell's text.
func (st *paraState) write(s string) {
	if st.text.Len()+len(s) > 4*limits.MaxCellRunes {
		st.para.TooLong = true
		return
	}
	st.text.WriteString(s)
}

// table reads a w:tbl after its start tag; depth counts nested tables.
func (p *docxParser) table(depth int) ([]Row, error) {
	var rows []Row
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !isWord(t, "tr") {
				if skippable(t) {
					if err := p.dec.Skip(); err != nil {
						return nil, err
					}
				}
				continue
			}
			row, err := p.row(depth)
			if err != nil {
				return nil, err
			}
			if len(rows) < limits.MaxTableRows {
				rows = append(rows, row)
			}
		case xml.EndElement:
			if isWordEnd(t, "tbl") {
				return rows, nil
			}
		}
	}
}

// row reads a w:tr after its start tag.
func (p *docxParser) row(depth int) (Row, error) {
	var row Row
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return row, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case skippable(t):
				if err := p.dec.Skip(); err != nil {
					return row, err
				}
			case isWord(t, "gridBefore"):
				row.GridBefore = boundedInt(attr(t, "val"), limits.MaxTableCols)
			case isWord(t, "tc"):
				cell, err := p.cell(depth)
				if err != nil {
					return row, err
				}
				row.Cells = append(row.Cells, cell)
			}
		case xml.EndElement:
			if isWordEnd(t, "tr") {
				return row, nil
			}
		}
	}
}

// boundedInt reads a small non-negative number, 0 when it is not one.
func boundedInt(s string, limit int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return min(n, limit)
}

// cell reads a w:tc after its start tag. A nested table's text joins the
// cell's paragraphs, row by row.
func (p *docxParser) cell(depth int) (Cell, error) {
	p.cells++
	if p.cells > limits.MaxDocxCells {
		return Cell{}, fmt.Errorf("%w: hơn %d ô bảng", limits.ErrTooLarge, limits.MaxDocxCells)
	}
	c := Cell{Span: 1}
	for {
		tok, err := p.dec.Token()
		if err != nil {
			return c, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.cellElement(&c, t, depth); err != nil {
				return c, err
			}
		case xml.EndElement:
			if isWordEnd(t, "tc") {
				return c, nil
			}
		}
	}
}

func (p *docxParser) cellElement(c *Cell, start xml.StartElement, depth int) error {
	switch {
	case skippable(start):
		return p.dec.Skip()
	case isWord(start, "gridSpan"):
		c.Span = max(1, boundedInt(attr(start, "val"), limits.MaxTableCols))
	case isWord(start, "vMerge"):
		c.VMerge = attr(start, "val")
		if c.VMerge == "" {
			c.VMerge = "continue"
		}
	case isWord(start, "p"):
		para, err := p.paragraph()
		c.Paras = append(c.Paras, para)
		return err
	case isWord(start, "tbl"):
		if depth >= maxTableDepth {
			return p.dec.Skip()
		}
		rows, err := p.table(depth + 1)
		for _, r := range rows {
			for _, nested := range r.Cells {
				c.Paras = append(c.Paras, nested.Paras...)
			}
		}
		return err
	}
	return nil
}
