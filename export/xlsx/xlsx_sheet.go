package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// streamSheet writes one worksheet row by row through excelize's
// StreamWriter, measuring each row to set its height.
type streamSheet struct {
	name   string
	sw     *excelize.StreamWriter
	widths []float64
	// lastCol is the last visible column, 1-based: merged rows end there.
	lastCol int
	row     int
	regular *advances
	bold    *advances
}

// newStreamSheet starts a sheet whose columns have the given widths; the
// columns listed in hidden are hidden, and the panes are frozen under row
// frozenRows. It follows StreamWriter's order: sheet properties before the
// writer, columns and panes before the first row.
func newStreamSheet(f *excelize.File, name string, widths []float64, hidden []int, frozenRows int) (*streamSheet, error) {
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, fmt.Errorf("sheet %s properties: %w", name, err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("sheet %s: %w", name, err)
	}
	s := &streamSheet{name: name, sw: sw, widths: widths, lastCol: len(widths) - len(hidden)}
	if s.regular, err = faceAdvances(false); err != nil {
		return nil, err
	}
	if s.bold, err = faceAdvances(true); err != nil {
		return nil, err
	}
	for _, col := range hidden {
		if err := sw.SetColVisible(col, col, false); err != nil {
			return nil, fmt.Errorf("sheet %s hidden column: %w", name, err)
		}
	}
	for col := len(widths); col >= 1; col-- {
		if err := sw.SetColWidth(col, col, widths[col-1]); err != nil {
			return nil, fmt.Errorf("sheet %s column width: %w", name, err)
		}
	}
	if err := sw.SetPanes(frozenPanes(frozenRows)); err != nil {
		return nil, fmt.Errorf("sheet %s panes: %w", name, err)
	}
	return s, nil
}

// frozenPanes keeps the rows up to and including the header in view.
func frozenPanes(rows int) *excelize.Panes {
	topLeft := cellName(1, rows+1)
	return &excelize.Panes{
		Freeze: true, YSplit: rows, TopLeftCell: topLeft, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomLeft"}},
	}
}

// cellName returns the A1 name of a cell; col and row count from 1.
func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(fmt.Sprintf("cell (%d, %d): %v", col, row, err)) // the writer only asks for small positive coordinates
	}
	return name
}

// span returns the width, in character units, of columns from..to (1-based).
func (s *streamSheet) span(from, to int) float64 {
	total := 0.0
	for col := from; col <= to; col++ {
		total += s.widths[col-1]
	}
	return total
}

// measured is a text and the width of the cell or merged range it sits in.
type measured struct {
	text  string
	width float64
}

// height returns the height a row needs for its measured texts.
func (s *streamSheet) height(bold bool, size float64, texts ...measured) float64 {
	face := s.regular
	if bold {
		face = s.bold
	}
	strs := make([]string, len(texts))
	widths := make([]float64, len(texts))
	for i, t := range texts {
		strs[i], widths[i] = t.text, t.width
	}
	return rowHeight(face, size, strs, widths)
}

// addRow writes the next row with the given height.
func (s *streamSheet) addRow(cells []any, height float64) error {
	s.row++
	if err := s.sw.SetRow(cellName(1, s.row), cells, excelize.RowOpts{Height: height}); err != nil {
		return fmt.Errorf("sheet %s row %d: %w", s.name, s.row, err)
	}
	return nil
}

// mergeRow merges columns from..to of the row last written.
func (s *streamSheet) mergeRow(from, to int) error {
	if err := s.sw.MergeCell(cellName(from, s.row), cellName(to, s.row)); err != nil {
		return fmt.Errorf("sheet %s merge row %d: %w", s.name, s.row, err)
	}
	return nil
}

// titleRow writes a line of text merged across the visible columns, and
// the values of hidden, when given, in the hidden columns after them.
func (s *streamSheet) titleRow(text string, style int, bold bool, size float64, hidden ...any) error {
	cells := make([]any, s.lastCol, s.lastCol+len(hidden))
	cells[0] = excelize.Cell{StyleID: style, Value: text}
	for i := 1; i < s.lastCol; i++ {
		cells[i] = excelize.Cell{StyleID: style}
	}
	cells = append(cells, hidden...)
	height := s.height(bold, size, measured{text, s.span(1, s.lastCol)})
	if err := s.addRow(cells, height); err != nil {
		return err
	}
	return s.mergeRow(1, s.lastCol)
}

// headerRow writes the table's column headings.
func (s *streamSheet) headerRow(titles []string, style int) error {
	cells := make([]any, len(titles))
	texts := make([]measured, len(titles))
	for i, title := range titles {
		cells[i] = excelize.Cell{StyleID: style, Value: title}
		texts[i] = measured{title, s.widths[i]}
	}
	return s.addRow(cells, s.height(true, tableSize, texts...))
}

// groupRow writes an area row: its numeral in the first column and its name
// merged across the others.
func (s *streamSheet) groupRow(numeral, name string, styles *xlsxStyles) error {
	cells := make([]any, s.lastCol)
	cells[0] = excelize.Cell{StyleID: styles.areaNumeral, Value: numeral}
	cells[1] = excelize.Cell{StyleID: styles.areaName, Value: name}
	for i := 2; i < s.lastCol; i++ {
		cells[i] = excelize.Cell{StyleID: styles.areaName}
	}
	height := s.height(true, tableSize, measured{numeral, s.widths[0]}, measured{name, s.span(2, s.lastCol)})
	if err := s.addRow(cells, height); err != nil {
		return err
	}
	return s.mergeRow(2, s.lastCol)
}

// cellsRow writes a row of plain cells, each with its own style, measured
// in the regular face.
func (s *streamSheet) cellsRow(values []any, styles []int) error {
	cells := make([]any, len(values))
	texts := make([]measured, 0, len(values))
	for i, v := range values {
		cells[i] = excelize.Cell{StyleID: styles[i], Value: v}
		if text, ok := v.(string); ok && i < s.lastCol {
			texts = append(texts, measured{text, s.widths[i]})
		}
	}
	return s.addRow(cells, s.height(false, tableSize, texts...))
}
