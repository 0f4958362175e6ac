package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store"
)

// stressPlan is the seed plan issued by an agency with long names in a
// city with a long name, signed under a long title, numbered 5 and sent
// to 25 recipients: what the frame must lay out as a văn thư would.
func stressPlan(t *testing.T) store.Bundle {
	t.Helper()
	b := seedPlanDocument(t)
	p := &b.Plan
	p.Number, p.Symbol = "5", "KH-SLĐTBXH"
	p.Agency = store.Agency{
		Parent: "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
		Name:   "Sở Lao động - Thương binh và Xã hội",
		Abbrev: "SLĐTBXH",
		Place:  "Thành phố Hồ Chí Minh",
	}
	p.Signer = store.Signer{Authority: store.AuthorityKT, HeadTitle: "GIÁM ĐỐC", OwnTitle: "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", Name: "Nguyễn Thị Minh Khai"}
	p.Distribution = nil
	for i := range 24 {
		p.Distribution = append(p.Distribution, fmt.Sprintf("Phòng Lao động - Thương binh và Xã hội quận %d;", i+1))
	}
	p.Distribution = append(p.Distribution, "Lưu: VT, VP.")
	return b
}

// textLines groups words into the lines they stand on, top to bottom.
func textLines(words []bboxWord) [][]bboxWord {
	var lines [][]bboxWord
	for _, w := range words {
		placed := false
		for i, line := range lines {
			if closeTo(line[0].baseline(), w.baseline(), 1) {
				lines[i], placed = append(line, w), true
				break
			}
		}
		if !placed {
			lines = append(lines, []bboxWord{w})
		}
	}
	return lines
}

// blockLines returns the lines, as text, that hold the words of text in
// order, taken from the given lines starting at the first that begins with
// text's first word.
func blockLines(t *testing.T, lines [][]bboxWord, text string) []string {
	t.Helper()
	want := strings.Fields(text)
	for i, line := range lines {
		if line[0].Text != want[0] {
			continue
		}
		var block []string
		got := 0
		for _, l := range lines[i:] {
			if got >= len(want) {
				break
			}
			words := make([]string, len(l))
			for j, w := range l {
				words[j] = w.Text
			}
			block = append(block, strings.Join(words, " "))
			got += len(l)
		}
		if strings.Join(block, " ") == strings.Join(want, " ") {
			return block
		}
	}
	t.Fatalf("%q is not set as lines of its own", text)
	return nil
}

// checkBreaks fails the test when a block of lines breaks inside a word
// group or leaves one word alone on its last line.
func checkBreaks(t *testing.T, name string, lines []string) {
	t.Helper()
	var words []string
	var ends []int
	for _, line := range lines {
		words = append(words, strings.Fields(line)...)
		ends = append(ends, len(words)-1)
	}
	costs := breakCosts(words)
	for _, end := range ends[:len(ends)-1] {
		if costs[end] >= costInsideGroup {
			t.Errorf("%s breaks inside a word group: %q", name, lines)
		}
	}
	if len(lines) > 1 && len(strings.Fields(lines[len(lines)-1])) == 1 {
		t.Errorf("%s leaves a word alone on its last line: %q", name, lines)
	}
}

// leftColumn returns the words on the left half of a page.
func leftColumn(p bboxPage) []bboxWord {
	var words []bboxWord
	for _, w := range p.Words {
		if w.XMax < p.Width/2 {
			words = append(words, w)
		}
	}
	return words
}

func TestStressPlanBreaksLikeAVanThu(t *testing.T) {
	b := stressPlan(t)
	path, result := writePDF(t, b, testOptions(WithAppendix))
	pages := pageWords(t, path)
	first := pages[0]

	left := textLines(leftColumn(first))
	parent := blockLines(t, left, "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH")
	agency := blockLines(t, left, "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
	checkBreaks(t, "the parent agency", parent)
	checkBreaks(t, "the agency", agency)
	if len(agency) != 2 {
		t.Errorf("the agency takes %d lines %q, want 2", len(agency), agency)
	}

	checkStressDateLine(t, first)
	checkRightColumnCentred(t, first)

	// The signer's block closes the plan, before the appendix's pages.
	right := rightColumn(signerPage(pages))
	title := blockLines(t, textLines(right), "PHÓ TRƯỞNG BAN THƯỜNG TRỰC")
	checkBreaks(t, "the signer's title", title)
	blockLines(t, textLines(right), "KT. GIÁM ĐỐC")

	checkStressNumberAndDistribution(t, path, b.Plan.Distribution)
	for i := range result.Pages {
		checkNoWordsOverlap(t, fmt.Sprintf("page %d", i+1), pages[i])
	}
}

// checkStressDateLine checks that the stress plan's long date line stays on
// one line, at 13 to 14 pt.
func checkStressDateLine(t *testing.T, first bboxPage) {
	t.Helper()
	date := first.lineOf(t, "ngày")
	var dateText []string
	for _, w := range date {
		dateText = append(dateText, w.Text)
	}
	if got := strings.Join(dateText, " "); got != "Thành phố Hồ Chí Minh, ngày 28 tháng 01 năm 2023" {
		t.Errorf("the date line reads %q: not one line", got)
	}
	if size := date[0].size(); size < 12.9 || size > 14.1 {
		t.Errorf("the date line is set at %.1f pt, want 13–14", size)
	}
}

// signerPage is the last page that carries “KT.”, the signer's block; an
// empty page when none does.
func signerPage(pages []bboxPage) bboxPage {
	var found bboxPage
	for _, p := range pages {
		for _, w := range p.Words {
			if w.Text == "KT." {
				found = p
			}
		}
	}
	return found
}

// rightColumn returns the words on the right half of a page.
func rightColumn(p bboxPage) []bboxWord {
	var words []bboxWord
	for _, w := range p.Words {
		if w.XMin > p.Width/2 {
			words = append(words, w)
		}
	}
	return words
}

// checkStressNumberAndDistribution checks, in the PDF's text and metadata,
// that the stress plan's number is written 05/ and never 5/, and that every
// item of Nơi nhận is listed.
func checkStressNumberAndDistribution(t *testing.T, path string, distribution []string) {
	t.Helper()
	text := poppler(t, "pdftotext", path, "-") + poppler(t, "pdfinfo", path)
	if !strings.Contains(text, "Số: 05/KH-SLĐTBXH") || !strings.Contains(normalizeSpace(text), "Kế hoạch số 05/KH-SLĐTBXH") {
		t.Error("the number is not written 05/ in the header and the appendix note")
	}
	if m := regexp.MustCompile(`(^|[^0-9])5/KH`).FindString(text); m != "" {
		t.Errorf("the number is written %q somewhere (text or metadata)", m)
	}
	text = normalizeSpace(text)
	for _, item := range distribution {
		if !strings.Contains(text, "- "+item) {
			t.Errorf("Nơi nhận lacks %q", item)
		}
	}
}

// checkRightColumnCentred checks that the Quốc hiệu, the Tiêu ngữ and the
// date line share one centre.
func checkRightColumnCentred(t *testing.T, p bboxPage) {
	t.Helper()
	centre := func(text string) float64 {
		l, r := wordSpan(p.lineOf(t, text))
		return (l + r) / 2
	}
	nation, motto, date := centre("CỘNG"), centre("Độc"), centre("ngày")
	if !closeTo(nation, motto, 1) || !closeTo(nation, date, 1) {
		t.Errorf("the right column is not centred on one axis: %.1f, %.1f, %.1f", nation, motto, date)
	}
}

func TestDateLineBreaksBeforeNgayOnlyWhenItMust(t *testing.T) {
	b := stressPlan(t)
	b.Plan.Agency.Parent = "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
	b.Plan.Agency.Place = "Thành phố Hồ Chí Minh thuộc Trung ương"
	opts := testOptions(WithoutAppendix)
	opts.Margins = store.Margins{Top: 25, Bottom: 25, Left: 35, Right: 20}
	path, _ := writePDF(t, b, opts)
	first := pageWords(t, path)[0]
	line := first.lineOf(t, "ngày")
	if line[0].Text != "ngày" {
		t.Errorf("a date line too long for the page does not break before “ngày”: starts with %q", line[0].Text)
	}
	checkNoWordsOverlap(t, "page 1", first)
}

func TestPhraseLines(t *testing.T) {
	l := newLayout(testOptions(WithAppendix).fontFamily(), store.DefaultMargins)
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 70, []string{"SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"}},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", 60, []string{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"}},
		{"SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", 70, []string{"SỞ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"}},
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 58, []string{"SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"}},
		{"PHÓ TRƯỞNG BAN THƯỜNG TRỰC", 60, []string{"PHÓ TRƯỞNG BAN", "THƯỜNG TRỰC"}},
		{"PHÓ GIÁM ĐỐC PHỤ TRÁCH ĐIỀU HÀNH SỞ", 60, []string{"PHÓ GIÁM ĐỐC", "PHỤ TRÁCH ĐIỀU HÀNH SỞ"}},
		{"SỞ KẾ HOẠCH VÀ ĐẦU TƯ", 80, []string{"SỞ KẾ HOẠCH VÀ ĐẦU TƯ"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			style := agencyStyle
			got := l.phraseLines(tt.text, style, tt.width)
			if strings.Join(got, " / ") != strings.Join(tt.want, " / ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDraftLeavesBlanksForNumberAndDate(t *testing.T) {
	b := seedPlanDocument(t)
	b.Plan.Number, b.Plan.IssueDate = "", store.Date{}
	path, _ := writePDF(t, b, testOptions(WithAppendix))
	text := poppler(t, "pdftotext", "-layout", path, "-")
	for _, want := range []string{`Số:\s{3,}/KH-SKH`, `ngày\s{3,}tháng\s{3,}năm 2023`, `số\s{2,}/KH-SKH ngày\s{2,}/\s+/2023`} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("no blank to fill by hand: %s", want)
		}
	}
}
