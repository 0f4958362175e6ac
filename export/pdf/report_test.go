package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	_ "image/png" // pdftoppm's pictures

	"github.com/kehoach/cchc/export/internal/palette"
	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/draft"
)

// seedReport is the seed plan's report of a period, drafted from its
// scripted year, signed KT. GIÁM ĐỐC by Nguyễn Văn Bình.
type seedReport struct {
	report reporting.Report
	tables reporting.ReportTables
	in     draft.Input
}

// reportSigner is the signer of the test reports.
var reportSigner = store.Signer{Authority: store.AuthorityKT, HeadTitle: "GIÁM ĐỐC", OwnTitle: "PHÓ GIÁM ĐỐC", Name: "Nguyễn Văn Bình"}

func newSeedReport(t testing.TB, kind store.PeriodKind) seedReport {
	t.Helper()
	in, err := demo.SeedYearInput(filepath.Join(t.TempDir(), "cchc.db"), kind)
	if err != nil {
		t.Fatal(err)
	}
	sections, tables := draft.Compose(in)
	p, plan := in.Period, in.Bundle.Plan
	r := reporting.Report{PlanID: plan.ID, Period: p, AsOf: in.AsOf, Symbol: "BC-SKH", Agency: plan.Agency,
		Recipients: store.DefaultRecipients, Summary: reporting.ReportSummary(p), Signer: reportSigner,
		Distribution: []string{"Như trên;", "UBND tỉnh (báo cáo);", "Lãnh đạo Sở;", "Lưu: VT, VP."}}
	if r, _, err = r.Redraft(sections, reporting.RedraftAsk); err != nil {
		t.Fatal(err)
	}
	return seedReport{report: r, tables: tables, in: in}
}

// write prints the report to a file and returns its path.
func (s seedReport) write(t testing.TB) (string, Result) {
	t.Helper()
	var buf bytes.Buffer
	result, err := WriteReportPDF(context.Background(), &buf, s.report, s.tables, testOptions(WithAppendix).Options)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bao-cao.pdf")
	if dir := os.Getenv("CCHC_REPORT_OUT"); dir != "" {
		path = filepath.Join(dir, "bao-cao-"+string(s.report.Period.Kind)+".pdf")
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, result
}

// reportPeriods are the periods whose reports the tests read back.
var reportPeriods = []store.PeriodKind{store.PeriodQ1, store.PeriodH1, store.Period9M, store.PeriodYear}

func TestReportsReadBackWithEveryHeadingCountAndResult(t *testing.T) {
	for _, kind := range reportPeriods {
		t.Run(string(kind), func(t *testing.T) {
			s := newSeedReport(t, kind)
			path, result := s.write(t)
			var all strings.Builder
			for page := 1; page <= result.Pages; page++ {
				all.WriteString(withoutPageNumber(pageText(t, path, page)))
			}
			text := normalizeSpace(all.String())
			checkReportHeadings(t, s, text)
			layout := poppler(t, "pdftotext", "-layout", path, "-")
			for _, blank := range []string{`Số:\s{3,}/BC-SKH`, `ngày\s{3,}tháng\s{3,}năm 2023`} {
				if !regexp.MustCompile(blank).MatchString(layout) {
					t.Errorf("no blank to fill by hand: %s", blank)
				}
			}
			checkReportCounts(t, s, text)
			checkReportResults(t, s, text)
		})
	}
}

// checkReportHeadings checks the header, every heading of the outline,
// Nơi nhận, the signer and the appendices' titles.
func checkReportHeadings(t *testing.T, s seedReport, text string) {
	t.Helper()
	want := []string{"UBND TỈNH TUYÊN QUANG", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", nationLine, mottoLine, "Số: /BC-SKH",
		"Tuyên Quang, ngày tháng năm 2023", "BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính " + s.report.Period.Name(),
		"Kính gửi: Sở Nội vụ tỉnh Tuyên Quang", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
		"II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "7. Kết quả thực hiện các chỉ tiêu",
		"III. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Tồn tại, hạn chế", "3. Nguyên nhân", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
		"V. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Như trên;", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình",
		"Phụ lục I TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "Phụ lục II SỐ LIỆU THỐNG KÊ VỀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
		"Phụ lục III KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH", "Phụ lục IV BIỂU ĐỒ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO LĨNH VỰC",
		"(Kèm theo Báo cáo số /BC-SKH ngày / /2023 của Sở Kế hoạch và Đầu tư)",
		"TT Nội dung Đơn vị chủ trì Thời gian Kết quả thực hiện Tài liệu kiểm chứng Trạng thái"}
	for i, a := range s.in.Bundle.Areas[:6] {
		want = append(want, fmt.Sprintf("%d. %s", i+1, a.Name))
	}
	for _, w := range want {
		if !strings.Contains(text, normalizeSpace(w)) {
			t.Errorf("%q is not in the report", w)
		}
	}
}

// checkReportCounts checks each area's counts at the period's end against
// the standings the report was drafted from.
func checkReportCounts(t *testing.T, s seedReport, text string) {
	t.Helper()
	byArea := map[uint64][]db.TaskStanding{}
	for _, ts := range s.in.Standings {
		byArea[ts.Task.AreaID] = append(byArea[ts.Task.AreaID], ts)
	}
	for _, a := range s.in.Bundle.Areas {
		c := db.CountStates(byArea[a.ID])
		want := fmt.Sprintf("có %d nhiệm vụ: hoàn thành đúng hạn %d, hoàn thành quá hạn %d, đang thực hiện %d, quá hạn %d, chưa thực hiện %d",
			len(a.Tasks), c[store.StateDoneOnTime], c[store.StateDoneLate], c[store.StateInProgress], c[store.StateOverdue], c[store.StateNotStarted])
		if !strings.Contains(text, want) {
			t.Errorf("area %s: %q is not in the report", a.Numeral, want)
		}
	}
}

// checkReportResults checks that every task's result on the report's day,
// every late task's reason and every evidence number is in the report.
func checkReportResults(t *testing.T, s seedReport, text string) {
	t.Helper()
	results := 0
	for _, ts := range s.in.Standings {
		if result := store.ResultText(ts.Task, ts.Standing); result != "" {
			results++
			if !strings.Contains(text, normalizeSpace(result)) {
				t.Errorf("result %q is not in the report", result)
			}
		}
		if ts.Standing.State.Late() && ts.Standing.Reason != "" && !strings.Contains(text, ts.Standing.Reason) {
			t.Errorf("reason %q is not in the report", ts.Standing.Reason)
		}
		for _, e := range s.in.Bundle.Evidence[ts.Task.ID] {
			if !e.Date.After(s.report.AsOf) && !strings.Contains(text, e.Ref) {
				t.Errorf("evidence %s is not in the report", e.Ref)
			}
		}
	}
	if results < 10 {
		t.Errorf("only %d tasks have a result", results)
	}
}

func TestReportPassesTheDecree30Checks(t *testing.T) {
	for _, kind := range reportPeriods {
		t.Run(string(kind), func(t *testing.T) {
			s := newSeedReport(t, kind)
			// The report as sent, numbered and dated (the draft's blanks are checked above).
			_, end := s.report.Period.Bounds(store.PeriodSettings{})
			s.report.Number, s.report.Date = "15", end.AddDays(5)
			path, result := s.write(t)
			pages := pageWords(t, path)
			sizes := pageSizes(t, path)
			main := leadingPortraitPages(sizes)
			if len(pages) != result.Pages || main < 3 || main == result.Pages {
				t.Fatalf("%d pages, %d portrait; want the report on portrait pages and appendices after", result.Pages, main)
			}
			checkHeaderBlock(t, pages[0], "BÁO", "Kết")
			checkBodyPages(t, pages[1:main-1])
			checkSignatureBlock(t, pages[main-1])
			checkAppendixParts(t, path, pages, sizes, main)
			for i, page := range pages {
				checkNoWordsOverlap(t, fmt.Sprintf("page %d", i+1), page)
				checkInsideMargins(t, i+1, page)
			}
			checkLayoutBoxes(t, s)
		})
	}
}

// checkAppendixParts checks that the pages after the report are landscape,
// that each appendix starts on a page of its own with its heading, and
// that every part is numbered on its own.
func checkAppendixParts(t *testing.T, path string, pages []bboxPage, sizes []pageSize, main int) {
	t.Helper()
	number, parts := 0, 0
	for i, page := range pages {
		if i >= main && !sizes[i].landscapeA4() {
			t.Errorf("appendix page %d is not landscape A4", i+1)
		}
		first := strings.TrimSpace(withoutPageNumber(pageText(t, path, i+1)))
		if i == 0 || strings.HasPrefix(first, "Phụ lục ") {
			number, parts = 0, parts+1
		}
		number++
		checkPageNumber(t, i+1, page, number)
	}
	if parts != 5 {
		t.Errorf("%d parts, want the report and 4 appendices", parts)
	}
}

// checkInsideMargins fails for a word outside the side and bottom margins,
// or above the top margin other than the page number.
func checkInsideMargins(t *testing.T, pageNo int, page bboxPage) {
	t.Helper()
	m := store.DefaultMargins
	for _, w := range page.Words {
		outside := w.XMin < mmPt(m.Left)-0.5 || w.XMax > page.Width-mmPt(m.Right)+0.5 || w.YMax > page.Height-mmPt(m.Bottom)+0.5
		if outside || w.YMin < mmPt(m.Top)-0.5 && w.YMax > mmPt(m.Top)+0.5 {
			t.Errorf("page %d: %v stands in a margin", pageNo, w)
		}
	}
}

// checkLayoutBoxes checks the rules of the header and that no two laid
// out elements overlap, the chart's included.
func checkLayoutBoxes(t *testing.T, s seedReport) {
	t.Helper()
	l, _, err := render(context.Background(), ReportDocument(s.report, s.tables), testOptions(WithAppendix).Options)
	if err != nil {
		t.Fatal(err)
	}
	boxes := map[string][]box{}
	for i, a := range l.boxes {
		boxes[a.name] = append(boxes[a.name], a)
		for _, b := range l.boxes[i+1:] {
			if a.overlaps(b) {
				t.Errorf("%s %+v overlaps %s %+v", a.name, a, b.name, b)
			}
		}
	}
	checkRules(t, boxes)
	if len(boxes["chart label"]) != 7 || len(boxes["chart legend"]) != 6 {
		t.Errorf("chart: %d area labels, %d legend entries; want 7 and 6", len(boxes["chart label"]), len(boxes["chart legend"]))
	}
}

// TestChartStatesDistinctInGreyscale renders the chart of the year in
// greyscale, as a black-and-white printer does, and finds every state the
// chart stacks in a grey of its own.
func TestChartStatesDistinctInGreyscale(t *testing.T) {
	s := newSeedReport(t, store.PeriodH1)
	path, result := s.write(t)
	prefix := filepath.Join(t.TempDir(), "chart")
	n := fmt.Sprint(result.Pages)
	if out, err := exec.Command("pdftoppm", "-gray", "-r", "100", "-png", "-f", n, "-l", n, path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	matches, _ := filepath.Glob(prefix + "*.png")
	if len(matches) != 1 {
		t.Fatalf("pictures %v", matches)
	}
	greys := greyCounts(t, matches[0])
	totals := map[store.State]int{}
	for _, a := range s.tables.Areas {
		for state, c := range a.Counts {
			totals[state] += c
		}
	}
	for _, state := range palette.ChartStates {
		if totals[state] == 0 {
			continue
		}
		luma := int(palette.Of(state).Luma() + 0.5)
		found := 0
		for g := luma - 2; g <= luma+2; g++ {
			found += greys[g]
		}
		if found < 100 {
			t.Errorf("%s (%d tasks): %d pixels near grey %d", state, totals[state], found, luma)
		}
	}
}

// greyCounts counts the pixels of a greyscale picture by grey level.
func greyCounts(t *testing.T, path string) map[int]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[int]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, _, _, _ := img.At(x, y).RGBA()
			counts[int(r>>8)]++
		}
	}
	return counts
}
