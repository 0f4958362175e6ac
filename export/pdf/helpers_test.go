package pdf

import (
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// The tests read the PDF back with poppler's tools (poppler-utils), as the
// officer's viewer and the checks of the issue do.

// fixedCreated is the creation time the tests print, so output is stable.
var fixedCreated = time.Date(2023, 1, 28, 8, 0, 0, 0, time.UTC)

// testOptions are the options of the tests: the bundled font, so the pages
// are the same on every machine.
func testOptions(mode AppendixMode) PlanOptions {
	font := fonts.BundledFont()
	return PlanOptions{Appendix: mode, Options: Options{Font: &font, Created: fixedCreated}}
}

// seedPlanDocument returns the seed plan 122/KH-SKH as the store would
// give it, with ids.
func seedPlanDocument(testing.TB) store.Bundle { return demo.Seed() }

// taskAt returns the i-th task of a bundle, counting area after area.
func taskAt(b *store.Bundle, i int) *store.Task {
	for a := range b.Areas {
		if tasks := b.Areas[a].Tasks; i < len(tasks) {
			return &tasks[i]
		} else {
			i -= len(tasks)
		}
	}
	panic("no such task")
}

// writePDF writes doc to a file in a temporary folder and returns its path.
func writePDF(t testing.TB, doc store.Bundle, opts PlanOptions) (string, Result) {
	t.Helper()
	var buf bytes.Buffer
	result, err := WritePlanPDF(context.Background(), &buf, doc, opts)
	if err != nil {
		t.Fatalf("WritePlanPDF: %v", err)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, result
}

// poppler runs one of poppler's tools and returns its output.
func poppler(t testing.TB, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v (install poppler-utils)", tool, strings.Join(args, " "), err)
	}
	return string(out)
}

// pageText returns the text of one page, in the order it was drawn.
func pageText(t testing.TB, path string, page int) string {
	n := strconv.Itoa(page)
	return poppler(t, "pdftotext", "-raw", "-f", n, "-l", n, path, "-")
}

// normalizeSpace folds every run of white space into one space.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// pageSize is a page's size in points.
type pageSize struct{ width, height float64 }

var pageSizeLine = regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)

// pageSizes returns the size of every page, from pdfinfo.
func pageSizes(t testing.TB, path string) []pageSize {
	info := poppler(t, "pdfinfo", "-f", "1", "-l", "100000", path)
	var sizes []pageSize
	for _, m := range pageSizeLine.FindAllStringSubmatch(info, -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		sizes = append(sizes, pageSize{w, h})
	}
	return sizes
}

// landscapeA4 reports whether a page is A4 on its side.
func (s pageSize) landscapeA4() bool {
	return closeTo(s.width, 841.89, 0.1) && closeTo(s.height, 595.28, 0.1)
}

// portraitA4 reports whether a page is A4 upright.
func (s pageSize) portraitA4() bool {
	return closeTo(s.width, 595.28, 0.1) && closeTo(s.height, 841.89, 0.1)
}

func closeTo(a, b, tolerance float64) bool { return a-b <= tolerance && b-a <= tolerance }

// word is a word as pdftotext -bbox places it, in points from the top left.
type bboxWord struct {
	Text                   string  `xml:",chardata"`
	XMin, YMin, XMax, YMax float64 `xml:"-"`
}

// bboxPage is one page of pdftotext -bbox output.
type bboxPage struct {
	Width, Height float64
	Words         []bboxWord
}

// pageWords returns the words of every page with their boxes.
func pageWords(t testing.TB, path string) []bboxPage {
	out := poppler(t, "pdftotext", "-bbox", path, "-")
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	var pages []bboxPage
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(name string) float64 {
			for _, a := range start.Attr {
				if a.Name.Local == name {
					v, _ := strconv.ParseFloat(a.Value, 64)
					return v
				}
			}
			return 0
		}
		switch start.Name.Local {
		case "page":
			pages = append(pages, bboxPage{Width: attr("width"), Height: attr("height")})
		case "word":
			w := bboxWord{XMin: attr("xMin"), YMin: attr("yMin"), XMax: attr("xMax"), YMax: attr("yMax")}
			if err := dec.DecodeElement(&w, &start); err != nil {
				t.Fatal(err)
			}
			pages[len(pages)-1].Words = append(pages[len(pages)-1].Words, w)
		}
	}
	return pages
}

// fontEm is the height pdftotext gives a word, in ems of its font size:
// Liberation Serif's ascent plus descent.
const fontEm = 0.891 + 0.216

// size returns the font size of a word, from the height of its box.
func (w bboxWord) size() float64 { return (w.YMax - w.YMin) / fontEm }

// baseline returns the word's baseline, from the top of the page.
func (w bboxWord) baseline() float64 { return w.YMax - 0.216*w.size() }

// centre returns the horizontal middle of the word.
func (w bboxWord) centre() float64 { return (w.XMin + w.XMax) / 2 }

// find returns the first word on the page with the text.
func (p bboxPage) find(t testing.TB, text string) bboxWord {
	t.Helper()
	for _, w := range p.Words {
		if w.Text == text {
			return w
		}
	}
	t.Fatalf("no word %q on the page", text)
	return bboxWord{}
}

// lineOf returns the words of the line that holds the first word with the
// given text, left to right: the words on its baseline that follow each
// other without a wide gap, so the two columns of the header are two lines.
func (p bboxPage) lineOf(t testing.TB, text string) []bboxWord {
	t.Helper()
	return p.lineAt(p.find(t, text))
}

// lineAt returns the line that holds the word w.
func (p bboxPage) lineAt(w bboxWord) []bboxWord {
	var same []bboxWord
	for _, o := range p.Words {
		if closeTo(o.baseline(), w.baseline(), 0.5) {
			same = append(same, o)
		}
	}
	slices.SortFunc(same, func(a, b bboxWord) int { return cmp.Compare(a.XMin, b.XMin) })
	at := slices.IndexFunc(same, func(o bboxWord) bool { return o == w })
	from, to := at, at+1
	for from > 0 && same[from].XMin-same[from-1].XMax < wordGap {
		from--
	}
	for to < len(same) && same[to].XMin-same[to-1].XMax < wordGap {
		to++
	}
	return same[from:to]
}

// wordGap is wider than any space between two words of a line.
const wordGap = 12.0

// findBelow returns the first word with the text below the given height.
func (p bboxPage) findBelow(t testing.TB, text string, y float64) bboxWord {
	t.Helper()
	for _, w := range p.Words {
		if w.Text == text && w.YMin > y {
			return w
		}
	}
	t.Fatalf("no word %q below %.1f", text, y)
	return bboxWord{}
}

// span returns the left and right ends of a run of words.
func wordSpan(words []bboxWord) (left, right float64) {
	left, right = words[0].XMin, words[0].XMax
	for _, w := range words {
		left, right = min(left, w.XMin), max(right, w.XMax)
	}
	return left, right
}

// pt converts millimetres to points.
func mmPt(mm float64) float64 { return mm / ptMM }

func (w bboxWord) String() string {
	return fmt.Sprintf("%q [%.1f %.1f %.1f %.1f]", w.Text, w.XMin, w.YMin, w.XMax, w.YMax)
}

// renderPlan lays a plan out in memory, for the checks of where things stand.
func renderPlan(b store.Bundle, opts PlanOptions) (*layout, Result, error) {
	return render(context.Background(), PlanDocument(b, opts.Appendix), opts.Options)
}

// fontFamily returns the options' font.
func (o PlanOptions) fontFamily() fonts.FontFamily { return fontOf(o.Options) }
