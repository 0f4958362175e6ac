package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// documentFont is the font every cell names; Liberation Serif stands in for
// it where Windows' Times New Roman is absent.
const documentFont = "Times New Roman"

// Font sizes of the workbook, in points: 13 for titles, 12 for the table.
const (
	titleSize = 13
	tableSize = 12
)

// inputFill marks the cells of the tracking sheet that divisions fill in.
const inputFill = "FFF2CC"

// xlsxStyles are the cell styles of the workbook, by use.
type xlsxStyles struct {
	agency, title, note    int
	header                 int
	areaNumeral, areaName  int
	textCell, centeredCell int
	inputText, inputCenter int
	hiddenCell             int
	summaryLabel, count    int
	totalLabel, totalCount int
}

// styleSpec is one style: font, alignment, border and fill.
type styleSpec struct {
	bold, italic bool
	size         float64
	horizontal   string
	vertical     string
	bordered     bool
	fill         string
}

func (s styleSpec) style() *excelize.Style {
	style := &excelize.Style{
		Font: &excelize.Font{Family: documentFont, Size: s.size, Bold: s.bold, Italic: s.italic},
		Alignment: &excelize.Alignment{
			Horizontal: s.horizontal, Vertical: s.vertical, WrapText: true,
		},
	}
	if s.bordered {
		style.Border = []excelize.Border{
			{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
		}
	}
	if s.fill != "" {
		style.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.fill}}
	}
	return style
}

// newXLSXStyles registers the workbook's styles with f.
func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	st := &xlsxStyles{}
	specs := []struct {
		id   *int
		spec styleSpec
	}{
		{&st.agency, styleSpec{bold: true, size: tableSize, horizontal: "left", vertical: "top"}},
		{&st.title, styleSpec{bold: true, size: titleSize, horizontal: "center", vertical: "top"}},
		{&st.note, styleSpec{italic: true, size: titleSize, horizontal: "center", vertical: "top"}},
		{&st.header, styleSpec{bold: true, size: tableSize, horizontal: "center", vertical: "center", bordered: true, fill: "D9D9D9"}},
		{&st.areaNumeral, styleSpec{bold: true, size: tableSize, horizontal: "center", vertical: "top", bordered: true}},
		{&st.areaName, styleSpec{bold: true, size: tableSize, horizontal: "left", vertical: "top", bordered: true}},
		{&st.textCell, styleSpec{size: tableSize, horizontal: "left", vertical: "top", bordered: true}},
		{&st.centeredCell, styleSpec{size: tableSize, horizontal: "center", vertical: "top", bordered: true}},
		{&st.inputText, styleSpec{size: tableSize, horizontal: "left", vertical: "top", bordered: true, fill: inputFill}},
		{&st.inputCenter, styleSpec{size: tableSize, horizontal: "center", vertical: "top", bordered: true, fill: inputFill}},
		{&st.hiddenCell, styleSpec{size: tableSize, horizontal: "left", vertical: "top"}},
		{&st.summaryLabel, styleSpec{size: tableSize, horizontal: "left", vertical: "top", bordered: true}},
		{&st.count, styleSpec{size: tableSize, horizontal: "center", vertical: "top", bordered: true}},
		{&st.totalLabel, styleSpec{bold: true, size: tableSize, horizontal: "left", vertical: "top", bordered: true}},
		{&st.totalCount, styleSpec{bold: true, size: tableSize, horizontal: "center", vertical: "top", bordered: true}},
	}
	for _, s := range specs {
		id, err := f.NewStyle(s.spec.style())
		if err != nil {
			return nil, fmt.Errorf("workbook style: %w", err)
		}
		*s.id = id
	}
	return st, nil
}
