package pdf

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store"
)

// The measurements of Decree 30/2020 taken back from the PDF with
// pdftotext -bbox: positions in points from the top left of the page.

func TestHeaderBlockAsDecree30(t *testing.T) {
	path, _ := writePDF(t, seedPlanDocument(t), testOptions(WithAppendix))
	checkHeaderBlock(t, pageWords(t, path)[0], "KẾ", "Cải")
}

// checkHeaderBlock checks the header of a document's first page against
// Decree 30: the sizes of its lines, its two columns centred, the number
// level with the date, the type (first word typeWord) centred under them,
// the trích yếu starting with summaryWord.
func checkHeaderBlock(t *testing.T, page bboxPage, typeWord, summaryWord string) {
	t.Helper()
	left, right := mmPt(store.DefaultMargins.Left), page.Width-mmPt(store.DefaultMargins.Right)

	parent, agency := page.lineOf(t, "UBND"), page.lineOf(t, "SỞ")
	nation, motto := page.lineOf(t, "CỘNG"), page.lineOf(t, "Độc")
	number, date := page.lineOf(t, "Số:"), page.lineOf(t, "Tuyên")
	typeLine := page.lineAt(page.findBelow(t, typeWord, date[0].YMax))
	for _, c := range []struct {
		name  string
		words []bboxWord
		size  float64
	}{
		{"parent agency", parent, 12}, {"agency", agency, 12}, {"Quốc hiệu", nation, 12},
		{"Tiêu ngữ", motto, 13}, {"number", number, 13}, {"place and date", date, 14},
		{"document type", typeLine, 14}, {"trích yếu", page.lineOf(t, summaryWord), 14},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, w := range c.words {
				if !closeTo(w.size(), c.size, 0.1) {
					t.Errorf("%s: %v set at %.2f pt, want %.0f", c.name, w, w.size(), c.size)
				}
			}
		})
	}
	centre := func(words []bboxWord) float64 { l, r := wordSpan(words); return (l + r) / 2 }
	if l, _ := wordSpan(parent); l < left-0.5 {
		t.Errorf("parent agency starts at %.1f, left of the margin %.1f", l, left)
	}
	if _, r := wordSpan(nation); r > right+0.5 {
		t.Errorf("Quốc hiệu ends at %.1f, right of the margin %.1f", r, right)
	}
	if !closeTo(centre(parent), centre(agency), 1) || !closeTo(centre(agency), centre(number), 1) {
		t.Errorf("left column not centred: parent %.1f, agency %.1f, number %.1f", centre(parent), centre(agency), centre(number))
	}
	if !closeTo(centre(nation), centre(motto), 1) || !closeTo(centre(motto), centre(date), 1) {
		t.Errorf("right column not centred: nation %.1f, motto %.1f, date %.1f", centre(nation), centre(motto), centre(date))
	}
	if _, r := wordSpan(agency); r >= nation[0].XMin {
		t.Error("the agency runs into the Quốc hiệu")
	}
	if !closeTo(parent[0].baseline(), nation[0].baseline(), 0.2) {
		t.Error("the parent agency and the Quốc hiệu are not on one line")
	}
	if !closeTo(number[0].baseline(), date[0].baseline(), 0.2) {
		t.Errorf("number (baseline %.1f) and date (%.1f) are not on one line", number[0].baseline(), date[0].baseline())
	}
	if top := mmPt(store.DefaultMargins.Top); !closeTo(parent[0].YMin, top, 1) {
		t.Errorf("the header starts at %.1f, want the top margin %.1f", parent[0].YMin, top)
	}
	if !closeTo(centre(typeLine), (left+right)/2, 1) {
		t.Errorf("the document type centred at %.1f, want %.1f", centre(typeLine), (left+right)/2)
	}
}

func TestRulesAsDecree30(t *testing.T) {
	l, _, err := renderPlan(seedPlanDocument(t), testOptions(WithoutAppendix))
	if err != nil {
		t.Fatal(err)
	}
	boxes := map[string][]box{}
	for _, b := range l.boxes {
		boxes[b.name] = append(boxes[b.name], b)
	}
	if len(boxes["rule"]) != 3 {
		t.Fatalf("%d rules on the plan, want 3 (agency, Tiêu ngữ, trích yếu)", len(boxes["rule"]))
	}
	checkRules(t, boxes)
}

// checkRules checks the first three rules of a document, under the agency,
// the Tiêu ngữ and the trích yếu: their lengths, centres and gaps.
func checkRules(t *testing.T, boxes map[string][]box) {
	t.Helper()
	rules := boxes["rule"]
	for i, c := range []struct {
		name     string
		text     box
		min, max float64
	}{
		{"agency", boxes["agency"][0], 1.0 / 3, 1.0 / 2},
		{"Tiêu ngữ", boxes["motto"][0], 0.99, 1.01},
		{"trích yếu", boxes["summary"][0], 1.0 / 3, 1.0 / 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			rule := rules[i]
			ratio := rule.w / c.text.w
			if ratio < c.min || ratio > c.max {
				t.Errorf("rule under the %s is %.2f of its text, want %.2f to %.2f", c.name, ratio, c.min, c.max)
			}
			if textCentre, ruleCentre := c.text.x+c.text.w/2, rule.x+rule.w/2; !closeTo(textCentre, ruleCentre, 0.1) {
				t.Errorf("rule under the %s centred at %.1f, its text at %.1f", c.name, ruleCentre, textCentre)
			}
			if gap := rule.y - (c.text.y + c.text.h); gap < 0 || gap > 2 {
				t.Errorf("rule under the %s is %.1f mm below it", c.name, gap)
			}
		})
	}
}

func TestBodyMarginsIndentAndSpacing(t *testing.T) {
	path, result := writePDF(t, seedPlanDocument(t), testOptions(WithoutAppendix))
	pages := pageWords(t, path)
	checkBodyPages(t, pages[1:result.Pages-1])
	// The first line of a paragraph is indented 1.27 cm.
	left := mmPt(store.DefaultMargins.Left)
	first := pages[0].lineOf(t, "Thực")
	if !closeTo(first[0].XMin, left+mmPt(firstLineIndent), 0.3) {
		t.Errorf("first line starts at %.2f, want %.2f (1.27 cm indent)", first[0].XMin, left+mmPt(firstLineIndent))
	}
}

// checkBodyPages checks pages of running text, the second page of their
// document first: words from margin to margin, 14 pt, lines single spaced
// with at least 6 pt more between paragraphs.
func checkBodyPages(t *testing.T, pages []bboxPage) {
	t.Helper()
	left, right := mmPt(store.DefaultMargins.Left), pages[0].Width-mmPt(store.DefaultMargins.Right)
	top, bottom := mmPt(store.DefaultMargins.Top), pages[0].Height-mmPt(store.DefaultMargins.Bottom)
	bodyLine := 14 * bodyLeading
	for i, page := range pages {
		words := slices.DeleteFunc(slices.Clone(page.Words), func(w bboxWord) bool { return w.YMax <= top })
		l, r := wordSpan(words)
		if !closeTo(l, left, 0.3) || !closeTo(r, right, 0.3) {
			t.Errorf("page %d: text from %.2f to %.2f pt, want %.2f to %.2f", i+2, l, r, left, right)
		}
		baselines := map[float64]bool{}
		for _, w := range words {
			if w.YMin < top-0.1 || w.YMax > bottom+0.1 {
				t.Errorf("page %d: %v outside the top and bottom margins", i+2, w)
			}
			if !closeTo(w.size(), 14, 0.1) {
				t.Errorf("page %d: body word %v at %.1f pt, want 14", i+2, w, w.size())
			}
			baselines[float64(int(w.baseline()*10))/10] = true
		}
		lines := slices.Sorted(func(yield func(float64) bool) {
			for b := range baselines {
				if !yield(b) {
					return
				}
			}
		})
		for j := 1; j < len(lines); j++ {
			gap := lines[j] - lines[j-1]
			if gap < bodyLine-0.2 || (gap > bodyLine+0.2 && gap < bodyLine+6-0.2) {
				t.Errorf("page %d: %.2f pt between lines at %.1f and %.1f; want %.1f in a paragraph, at least 6 pt more between", i+2, gap, lines[j-1], lines[j], bodyLine)
			}
		}
	}
}

func TestSignatureBlockLevelWithDistribution(t *testing.T) {
	doc := seedPlanDocument(t)
	doc.Plan.Signer = store.Signer{Authority: store.AuthorityKT, HeadTitle: "GIÁM ĐỐC", OwnTitle: "PHÓ GIÁM ĐỐC", Name: "Nguyễn Văn Bình"}
	path, result := writePDF(t, doc, testOptions(WithoutAppendix))
	checkSignatureBlock(t, pageWords(t, path)[result.Pages-1])
	text := normalizeSpace(pageText(t, path, result.Pages))
	for _, item := range doc.Plan.Distribution {
		if !strings.Contains(text, "- "+item) {
			t.Errorf("Nơi nhận lacks %q", "- "+item)
		}
	}
}

// checkSignatureBlock checks the foot of a document signed KT. GIÁM ĐỐC,
// PHÓ GIÁM ĐỐC, by Nguyễn ...: Nơi nhận level with the title, at the left
// margin, in its sizes; the title lines and the name centred on one axis.
func checkSignatureBlock(t *testing.T, page bboxPage) {
	t.Helper()
	label, title := page.find(t, "Nơi"), page.find(t, "KT.")
	if !closeTo(label.baseline(), title.baseline(), 0.2) {
		t.Errorf("Nơi nhận (baseline %.1f) is not level with the signer's title (%.1f)", label.baseline(), title.baseline())
	}
	if !closeTo(label.size(), 12, 0.1) || !closeTo(page.find(t, "Lưu:").size(), 11, 0.1) || !closeTo(title.size(), 14, 0.1) {
		t.Errorf("sizes: label %.1f, list %.1f, title %.1f; want 12, 11, 14", label.size(), page.find(t, "Lưu:").size(), title.size())
	}
	if left := mmPt(store.DefaultMargins.Left); !closeTo(label.XMin, left, 0.3) {
		t.Errorf("Nơi nhận starts at %.1f, want the left margin %.1f", label.XMin, left)
	}
	own, name := page.lineOf(t, "PHÓ"), page.lineOf(t, "Nguyễn")
	if own[0].YMin <= title.YMax-0.5 {
		t.Error("the two title lines overlap")
	}
	l1, r1 := wordSpan(page.lineOf(t, "KT."))
	l2, r2 := wordSpan(own)
	l3, r3 := wordSpan(name)
	if !closeTo((l1+r1)/2, (l2+r2)/2, 1) || !closeTo((l2+r2)/2, (l3+r3)/2, 1) {
		t.Error("the signer block is not centred on one axis")
	}
}

// longNamesDocument is the seed plan issued by an agency whose name takes
// two lines, signed under a title that takes two lines as well.
func longNamesDocument(t *testing.T) store.Bundle {
	doc := seedPlanDocument(t)
	doc.Plan.Agency = store.Agency{Parent: "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", Name: "Sở Nông nghiệp và Phát triển nông thôn", Abbrev: "SNN", Place: "Tuyên Quang"}
	doc.Plan.Signer = store.Signer{Authority: store.AuthorityKT, HeadTitle: "GIÁM ĐỐC",
		OwnTitle: "PHÓ GIÁM ĐỐC PHỤ TRÁCH ĐIỀU HÀNH SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", Name: "Trần Thị Hoa"}
	return doc
}

func TestLongNamesWrapWithoutOverlap(t *testing.T) {
	doc := longNamesDocument(t)
	l, _, err := renderPlan(doc, testOptions(WithoutAppendix))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for i, a := range l.boxes {
		count[a.name]++
		for _, b := range l.boxes[i+1:] {
			if a.overlaps(b) {
				t.Errorf("%s %+v overlaps %s %+v", a.name, a, b.name, b)
			}
		}
	}
	if count["agency"] != 2 {
		t.Errorf("the agency name takes %d lines, want 2", count["agency"])
	}
	if count["signer"] < 3 {
		t.Errorf("the signer's title takes %d lines, want the own title wrapped", count["signer"])
	}
	path, result := writePDF(t, doc, testOptions(WithoutAppendix))
	pages := pageWords(t, path)
	for _, i := range []int{0, result.Pages - 1} {
		checkNoWordsOverlap(t, fmt.Sprintf("page %d", i+1), pages[i])
	}
	first := pages[0]
	right := first.Width - mmPt(store.DefaultMargins.Right)
	for _, w := range first.Words {
		if w.XMax > right+0.5 || w.XMin < mmPt(store.DefaultMargins.Left)-0.5 {
			t.Errorf("%v stands in a side margin", w)
		}
	}
}

// checkNoWordsOverlap fails the test for any two words on the page whose
// boxes overlap.
func checkNoWordsOverlap(t *testing.T, where string, page bboxPage) {
	t.Helper()
	for i, a := range page.Words {
		for _, b := range page.Words[i+1:] {
			if a.XMin < b.XMax-0.5 && b.XMin < a.XMax-0.5 && a.YMin < b.YMax-0.5 && b.YMin < a.YMax-0.5 {
				t.Errorf("%s: %v overlaps %v", where, a, b)
			}
		}
	}
}

func TestSeedPagesHaveNoOverlaps(t *testing.T) {
	path, _ := writePDF(t, seedPlanDocument(t), testOptions(WithAppendix))
	for i, page := range pageWords(t, path) {
		checkNoWordsOverlap(t, fmt.Sprintf("page %d", i+1), page)
	}
}

func TestAppendixRowsStayWholeUnderRepeatedHeader(t *testing.T) {
	doc := syntheticDocument(120)
	// One task taller than a page must run over to the next.
	taskAt(&doc, 60).Content = strings.Repeat("Nội dung rất dài của một nhiệm vụ cần nhiều trang. ", 120) + "HẾT-NHIỆM-VỤ"
	path, result := writePDF(t, doc, testOptions(AppendixOnly))
	header := normalizeSpace(strings.Join(store.DefaultColumns[:], " "))
	pages := make([]string, result.Pages)
	for i := range pages {
		pages[i] = normalizeSpace(withoutPageNumber(pageText(t, path, i+1)))
		if !strings.Contains(pages[i], header) {
			t.Errorf("appendix page %d has no header row", i+1)
		}
	}
	for i, task := range doc.Tasks() {
		if i == 60 {
			continue
		}
		content := normalizeSpace(task.Content)
		if !slices.ContainsFunc(pages, func(p string) bool { return strings.Contains(p, content) }) {
			t.Errorf("task %d is split across pages or missing", task.ID)
		}
	}
	start := slices.IndexFunc(pages, func(p string) bool { return strings.Contains(p, "Nội dung rất dài") })
	end := slices.IndexFunc(pages, func(p string) bool { return strings.Contains(p, "HẾT-NHIỆM-VỤ") })
	if start < 0 || end <= start {
		t.Errorf("the task taller than a page runs from page %d to %d, want over several pages", start+1, end+1)
	}
	sizes := pageSizes(t, path)
	words := pageWords(t, path)
	for i, page := range words {
		bottom := sizes[i].height - mmPt(store.DefaultMargins.Bottom)
		for _, w := range page.Words {
			if w.YMax > bottom+0.1 {
				t.Errorf("page %d: %v below the bottom margin", i+1, w)
			}
		}
	}
}

func TestMarginsFromSettings(t *testing.T) {
	opts := testOptions(WithAppendix)
	opts.Margins = store.Margins{Top: 25, Bottom: 25, Left: 35, Right: 20}
	path, _ := writePDF(t, seedPlanDocument(t), opts)
	pages := pageWords(t, path)
	for _, tt := range []struct {
		name string
		i    int
	}{{"page 2 of the plan", 1}, {"last page of the appendix", len(pages) - 1}} {
		t.Run(tt.name, func(t *testing.T) {
			i := tt.i
			page := pages[i]
			words := slices.DeleteFunc(slices.Clone(page.Words), func(w bboxWord) bool { return w.YMax <= mmPt(25) })
			l, r := wordSpan(words)
			if l < mmPt(35)-0.3 || r > page.Width-mmPt(20)+0.3 || (i == 1 && !closeTo(l, mmPt(35), 0.3)) {
				t.Errorf("page %d: text from %.1f to %.1f, want from %.1f to at most %.1f", i+1, l, r, mmPt(35), page.Width-mmPt(20))
			}
			number := topMarginWords(page)
			if len(number) != 1 || number[0].YMax > mmPt(25) {
				t.Errorf("page %d: page number %v not in the 25 mm top margin", i+1, number)
			}
		})
	}
}
