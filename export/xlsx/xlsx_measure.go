package xlsx

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/kehoach/cchc/assets"
)

// Excel does not fit row heights to wrapped text, and neither does
// LibreOffice when it opens a workbook whose heights are given, so the writer
// measures every cell with the metrics of Times New Roman (Liberation Serif,
// the same widths) and sets each row's height itself.

const (
	// measuredRunes is how many runes from U+0000 the width tables cover:
	// Latin, Vietnamese (U+1EA0–U+1EF9) and general punctuation.
	measuredRunes = 0x2070
	// fallbackAdvance is the width, in ems, of a rune outside the tables.
	fallbackAdvance = 0.5
	// excelLineHeight is the height of one line of 12 pt text in Excel, in
	// points; other sizes scale from it.
	excelLineHeight = 15.75
	// rowPadding is added to every measured row, in points.
	rowPadding = 2
	// maxRowHeight is the tallest row Excel accepts, in points.
	maxRowHeight = 409
	// wrapSafety shrinks the measured width a little: Excel and LibreOffice
	// lay out slightly wider than the font's advances add up to.
	wrapSafety = 0.95
)

// advances are the widths of runes in ems, for one face.
type advances [measuredRunes]float32

var (
	faceTablesOnce sync.Once
	faceTables     [2]*advances // regular, bold
	faceTablesErr  error
)

// faceAdvances returns the width table of the regular or bold face.
func faceAdvances(bold bool) (*advances, error) {
	faceTablesOnce.Do(func() {
		for i, data := range [][]byte{assets.SerifRegular, assets.SerifBold} {
			faceTables[i], faceTablesErr = loadAdvances(data)
			if faceTablesErr != nil {
				return
			}
		}
	})
	if faceTablesErr != nil {
		return nil, faceTablesErr
	}
	if bold {
		return faceTables[1], nil
	}
	return faceTables[0], nil
}

func loadAdvances(data []byte) (*advances, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse document font: %w", err)
	}
	var buf sfnt.Buffer
	unitsPerEm := f.UnitsPerEm()
	table := new(advances)
	for r := range rune(measuredRunes) {
		table[r] = fallbackAdvance
		index, err := f.GlyphIndex(&buf, r)
		if err != nil || index == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, index, fixed.Int26_6(unitsPerEm), font.HintingNone)
		if err == nil {
			table[r] = float32(adv) / float32(unitsPerEm)
		}
	}
	return table, nil
}

// width returns the width of s in ems.
func (a *advances) width(s string) float32 {
	var w float32
	for _, r := range s {
		if r >= 0 && r < measuredRunes {
			w += a[r]
		} else {
			w += fallbackAdvance
		}
	}
	return w
}

// lineCount returns how many lines text takes when wrapped at spaces into a
// column maxWidth ems wide, as a spreadsheet wraps it: each "\n" starts a
// line, and a word wider than the column is broken.
func (a *advances) lineCount(text string, maxWidth float32) int {
	if maxWidth <= 0 {
		return 1
	}
	space := a[' ']
	lines := 0
	for paragraph := range strings.SplitSeq(text, "\n") {
		lines++
		var used float32
		for word := range strings.FieldsSeq(paragraph) {
			w := a.width(word)
			switch {
			case used == 0 && w <= maxWidth:
				used = w
			case used+space+w <= maxWidth:
				used += space + w
			case w <= maxWidth:
				lines++
				used = w
			default:
				// A word wider than the column is broken over as many
				// lines as it fills, starting on a line of its own.
				if used > 0 {
					lines++
				}
				extra := int(math.Ceil(float64(w/maxWidth)-1e-4)) - 1
				lines += extra
				used = w - float32(extra)*maxWidth
			}
		}
	}
	return max(lines, 1)
}

// columnTextWidth converts a column width in Excel's character units (with
// the default 7-pixel digit) into the points of text that fit inside it,
// less the cell's padding.
func columnTextWidth(chars float64) float64 {
	pixels := chars*7 + 5
	const padding = 7 // left and right margin and the grid line, in pixels
	return (pixels - padding) * 0.75
}

// rowHeight returns the height, in points, of a row whose cells hold texts
// in columns of the given widths (character units), at size points.
func rowHeight(face *advances, size float64, texts []string, widths []float64) float64 {
	lines := 1
	for i, text := range texts {
		if text == "" || i >= len(widths) {
			continue
		}
		fit := float32(columnTextWidth(widths[i]) * wrapSafety / size)
		lines = max(lines, face.lineCount(text, fit))
	}
	height := float64(lines)*excelLineHeight*size/12 + rowPadding
	return min(height, maxRowHeight)
}
