package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

func TestPlanPDFHoldsEveryTaskAndLine(t *testing.T) {
	doc := seedPlanDocument(t)
	path, result := writePDF(t, doc, testOptions(WithAppendix))
	var all strings.Builder
	for page := 1; page <= result.Pages; page++ {
		all.WriteString(withoutPageNumber(pageText(t, path, page)))
	}
	text := normalizeSpace(all.String())
	// pdftotext's default reading order must keep each cell whole too: the
	// text of neighbouring cells stays far enough apart to read as columns.
	read := normalizeSpace(poppler(t, "pdftotext", path, "-"))

	for _, task := range doc.Tasks() {
		for _, cell := range append([]string{task.Content, task.Product, task.Lead, task.Timeline.Text}, task.Coordinating...) {
			if !strings.Contains(text, normalizeSpace(cell)) || !strings.Contains(read, normalizeSpace(cell)) {
				t.Errorf("task %s: %q is not in the PDF", task.Ordinal, cell)
			}
		}
	}
	p := doc.Plan
	lines := []string{"UBND TỈNH TUYÊN QUANG", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", nationLine, mottoLine,
		"Số: 122/KH-SKH", "Tuyên Quang, ngày 28 tháng 01 năm 2023", "KẾ HOẠCH", p.Summary,
		"I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "BIỂU KẾ HOẠCH CHI TIẾT",
		"Công tác cải cách hành chính năm 2023 của Sở Kế hoạch và Đầu tư",
		"(Kèm theo Kế hoạch số 122/KH-SKH ngày 28/01/2023 của Sở Kế hoạch và Đầu tư)",
		"Nơi nhận:", "- UBND tỉnh; (báo cáo)", "- Lưu: VT, VP.", "GIÁM ĐỐC",
		"TT NỘI DUNG Sản phẩm Đơn vị chủ trì dự thảo Đơn vị phối hợp Thời gian thực hiện"}
	lines = append(lines, p.LegalBasis...)
	lines = append(lines, p.Closing...)
	for _, s := range p.Sections {
		lines = append(lines, s.Paragraphs...)
	}
	for _, a := range doc.Areas {
		lines = append(lines, a.Numeral+" "+a.Name)
	}
	for _, want := range lines {
		if !strings.Contains(text, normalizeSpace(want)) {
			t.Errorf("%q is not in the PDF", want)
		}
	}
}

func TestPageNumbersAndOrientation(t *testing.T) {
	path, result := writePDF(t, seedPlanDocument(t), testOptions(WithAppendix))
	sizes := pageSizes(t, path)
	pages := pageWords(t, path)
	if len(sizes) != result.Pages || len(pages) != result.Pages {
		t.Fatalf("pdfinfo sees %d pages, pdftotext %d, the writer says %d", len(sizes), len(pages), result.Pages)
	}
	planPages := leadingPortraitPages(sizes)
	if planPages < 2 || planPages == len(sizes) {
		t.Fatalf("%d portrait pages of %d; want the plan on portrait pages and the appendix after", planPages, len(sizes))
	}
	for i, size := range sizes[planPages:] {
		if !size.landscapeA4() {
			t.Errorf("appendix page %d is %.2f x %.2f pt, want landscape A4", i+1, size.width, size.height)
		}
	}
	// Each part is numbered on its own: no number on its first page, then 2, 3, ...
	for i, page := range pages {
		number := i + 1
		if i >= planPages {
			number = i - planPages + 1
		}
		checkPageNumber(t, i+1, page, number)
	}
}

// leadingPortraitPages counts the portrait A4 pages before the first page
// of another size.
func leadingPortraitPages(sizes []pageSize) int {
	n := 0
	for n < len(sizes) && sizes[n].portraitA4() {
		n++
	}
	return n
}

// checkPageNumber checks the top margin of the page numbered pageNo in the
// file: empty on the first page of its part (number 1), else the number
// alone, centred between the side margins, at 13 pt.
func checkPageNumber(t *testing.T, pageNo int, page bboxPage, number int) {
	t.Helper()
	left := mmPt(store.DefaultMargins.Left)
	got := topMarginWords(page)
	if number == 1 {
		if len(got) != 0 {
			t.Errorf("page %d: first page of its part carries %v in the top margin", pageNo, got)
		}
		return
	}
	if len(got) != 1 || got[0].Text != strconv.Itoa(number) {
		t.Errorf("page %d: top margin holds %v, want the number %d", pageNo, got, number)
		return
	}
	centre := (left + page.Width - mmPt(store.DefaultMargins.Right)) / 2
	if w := got[0]; !closeTo(w.centre(), centre, 1) || !closeTo(w.size(), 13, 0.1) {
		t.Errorf("page %d: number %v at centre %.1f, size %.1f; want centred at %.1f, 13 pt", pageNo, w, w.centre(), w.size(), centre)
	}
}

// withoutPageNumber drops the page number, drawn first, from a page's text,
// so a paragraph that runs on to the next page reads as one.
func withoutPageNumber(text string) string {
	first, rest, _ := strings.Cut(text, "\n")
	if _, err := strconv.Atoi(strings.TrimSpace(first)); err == nil {
		return rest
	}
	return text
}

// topMarginWords returns the words above the top margin.
func topMarginWords(page bboxPage) []bboxWord {
	var words []bboxWord
	for _, w := range page.Words {
		if w.YMax <= mmPt(store.DefaultMargins.Top) {
			words = append(words, w)
		}
	}
	return words
}

func TestFontsEmbeddedAsSubsets(t *testing.T) {
	path, _ := writePDF(t, seedPlanDocument(t), testOptions(WithAppendix))
	out := poppler(t, "pdffonts", path)
	rows := strings.Split(strings.TrimSpace(out), "\n")[2:]
	want := map[string]bool{"LiberationSerif": false, "LiberationSerif-Bold": false, "LiberationSerif-Italic": false, "LiberationSerif-BoldItalic": false}
	for _, row := range rows {
		fields := strings.Fields(row)
		name := fields[0]
		tag, base, ok := strings.Cut(name, "+")
		if !ok || len(tag) != 6 || strings.ToUpper(tag) != tag {
			t.Errorf("font %s carries no subset tag", name)
		}
		if _, known := want[base]; !known {
			t.Errorf("unexpected font %s", name)
		}
		want[base] = true
		// name, type (2 words), encoding, emb, sub, uni, object id
		if fields[4] != "yes" || fields[5] != "yes" || fields[6] != "yes" {
			t.Errorf("font %s: emb %s sub %s uni %s, want all yes", name, fields[4], fields[5], fields[6])
		}
	}
	for name, seen := range want {
		if !seen {
			t.Errorf("font %s is not in the PDF", name)
		}
	}
}

func TestMetadataAndNoScripts(t *testing.T) {
	path, _ := writePDF(t, seedPlanDocument(t), testOptions(WithAppendix))
	info := poppler(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           Kế hoạch 122/KH-SKH",
		"Subject:         Cải cách hành chính Sở Kế hoạch và Đầu tư năm 2023",
		"Author:          Sở Kế hoạch và Đầu tư",
		"Creator:         Kế hoạch CCHC",
		"JavaScript:      no",
		"Encrypted:       no",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("/Lang (vi-VN)")) {
		t.Error("the catalog does not give the language vi-VN")
	}
	for _, forbidden := range []string{"/JavaScript", "/JS ", "/OpenAction", "/AA ", "/Launch"} {
		if bytes.Contains(data, []byte(forbidden)) {
			t.Errorf("the PDF contains %s", forbidden)
		}
	}
}

func TestSameInputSameBytes(t *testing.T) {
	write := func() []byte {
		var buf bytes.Buffer
		if _, err := WritePlanPDF(context.Background(), &buf, seedPlanDocument(t), testOptions(WithAppendix)); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(write(), write()) {
		t.Error("two exports of the same plan differ")
	}
}

func TestSignerWithoutNameWarnsAndPrintsNoName(t *testing.T) {
	doc := seedPlanDocument(t)
	path, result := writePDF(t, doc, testOptions(WithoutAppendix))
	if len(result.Warnings) != 1 || result.Warnings[0] != WarningNoSignerName {
		t.Errorf("warnings = %q, want the missing signer name", result.Warnings)
	}
	last := pageWords(t, path)[result.Pages-1]
	title := last.find(t, "GIÁM")
	for _, w := range last.Words {
		if w.YMin > title.YMax && w.XMin > title.XMin-mmPt(30) {
			t.Errorf("%v stands under the signer's title, where no name was given", w)
		}
	}

	doc.Plan.Signer.Name = "Nguyễn Văn Bình"
	path, result = writePDF(t, doc, testOptions(WithoutAppendix))
	if len(result.Warnings) != 0 {
		t.Errorf("warnings with a name: %q", result.Warnings)
	}
	last = pageWords(t, path)[result.Pages-1]
	title, name := last.find(t, "GIÁM"), last.find(t, "Nguyễn")
	if gap := name.YMin - title.YMax; gap < mmPt(signatureSpace) {
		t.Errorf("%.1f pt between title and name, want at least %.1f for signature and seal", gap, mmPt(signatureSpace))
	}
	if !closeTo(name.size(), 14, 0.1) {
		t.Errorf("name set at %.1f pt, want 14", name.size())
	}
}

func TestSeparateAppendixKeepsDigitalSignatureSpace(t *testing.T) {
	path, result := writePDF(t, seedPlanDocument(t), testOptions(AppendixOnly))
	for i, size := range pageSizes(t, path) {
		if !size.landscapeA4() {
			t.Errorf("page %d is not landscape A4", i+1)
		}
	}
	if len(result.Warnings) != 0 {
		t.Errorf("appendix alone warns %q", result.Warnings)
	}
	pages := pageWords(t, path)
	first := pages[0]
	right := first.Width - mmPt(store.DefaultMargins.Right)
	top := mmPt(store.DefaultMargins.Top)
	for _, w := range first.Words {
		if w.XMax > right-mmPt(digitalSignatureWidth) && w.YMin < top+mmPt(digitalSignatureHeight) {
			t.Errorf("%v stands in the space kept for the digital signature", w)
		}
	}
	if heading := first.find(t, "BIỂU"); heading.YMin < top+mmPt(digitalSignatureHeight) {
		t.Errorf("heading %v starts inside the signature space", heading)
	}
	if len(pages) > 1 && len(topMarginWords(pages[1])) != 1 {
		t.Errorf("page 2 of the appendix has no number")
	}
	text := pageText(t, path, 1)
	if strings.Contains(text, "Nơi nhận") || strings.Contains(text, "KẾ HOẠCH\n") {
		t.Error("the separate appendix carries parts of the plan")
	}
}

func TestWithoutAppendixIsPortraitOnly(t *testing.T) {
	path, _ := writePDF(t, seedPlanDocument(t), testOptions(WithoutAppendix))
	for i, size := range pageSizes(t, path) {
		if !size.portraitA4() {
			t.Errorf("page %d is not portrait A4", i+1)
		}
	}
	if strings.Contains(poppler(t, "pdftotext", path, "-"), "BIỂU KẾ HOẠCH CHI TIẾT") {
		t.Error("the plan without appendix carries the appendix")
	}
}

func TestInvalidMarginsRefused(t *testing.T) {
	opts := testOptions(WithAppendix)
	opts.Margins = store.Margins{Top: 10, Bottom: 20, Left: 30, Right: 15}
	_, err := WritePlanPDF(context.Background(), &bytes.Buffer{}, seedPlanDocument(t), opts)
	if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "lề trên") {
		t.Errorf("err = %v, want the top margin refused", err)
	}
}

func TestCancelStopsTheExport(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	_, err := WritePlanPDF(ctx, &buf, syntheticDocument(500), testOptions(WithAppendix))
	if !errors.Is(err, context.Canceled) || buf.Len() != 0 {
		t.Errorf("err = %v, %d bytes written; want context.Canceled and nothing", err, buf.Len())
	}
}

func TestProgressIsReported(t *testing.T) {
	var seen []float64
	opts := testOptions(WithAppendix)
	opts.Progress = func(f float64) { seen = append(seen, f) }
	if _, err := WritePlanPDF(context.Background(), &bytes.Buffer{}, syntheticDocument(300), opts); err != nil {
		t.Fatal(err)
	}
	if len(seen) < 3 || seen[len(seen)-1] != 1 {
		t.Fatalf("progress %v, want several reports ending at 1", seen)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] < seen[i-1] {
			t.Errorf("progress goes back: %v", seen)
		}
	}
}

func TestDecomposedTextComesBackComposed(t *testing.T) {
	doc := seedPlanDocument(t)
	doc.Plan.Summary = "Ca\u0309i ca\u0301ch ha\u0300nh chi\u0301nh"                // NFD, as Unikey's "Unicode tổ hợp" writes
	taskAt(&doc, 0).Content = "Vie\u0323\u0302c tham mu\u031bu\u00a0ban ha\u0300nh" // and a no-break space
	// Text is cleaned where it enters the store, so print what the store gives back.
	st, err := db.Open(filepath.Join(t.TempDir(), "cchc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	plan, err := st.CreateBundle(doc)
	if err != nil {
		t.Fatal(err)
	}
	if doc, err = st.Bundle(plan.ID); err != nil {
		t.Fatal(err)
	}
	path, result := writePDF(t, doc, testOptions(WithAppendix))
	text := normalizeSpace(poppler(t, "pdftotext", path, "-"))
	for _, want := range []string{"Cải cách hành chính", "Việc tham mưu ban hành"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q does not come back from the PDF", want)
		}
	}
	if result.Pages > 20 {
		t.Errorf("%d pages: decomposed marks were measured as wide characters", result.Pages)
	}
}
