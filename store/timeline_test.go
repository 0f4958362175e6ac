package store

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func d(year int, month time.Month, day int) Date { return NewDate(year, month, day) }

func TestParseTimeline(t *testing.T) {
	tests := []struct {
		text       string
		planYear   int
		kind       TimelineKind
		start, due Date
		recurrence Recurrence
		month      int
		qualifier  string
	}{
		// The examples of the issue.
		{text: "Năm 2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 12, 31)},
		{text: "Tháng 12/2022", planYear: 2023, kind: TimelineDeadline, start: d(2022, 12, 1), due: d(2022, 12, 31)},
		{text: "Tháng 6/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 6, 1), due: d(2023, 6, 30)},
		{text: "Tháng 1/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 1, 31)},
		{text: "Tháng 2/2024", planYear: 2024, kind: TimelineDeadline, start: d(2024, 2, 1), due: d(2024, 2, 29)},
		{text: "Quý II/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 4, 1), due: d(2023, 6, 30)},
		{text: "Quí IV-2025", planYear: 2025, kind: TimelineDeadline, start: d(2025, 10, 1), due: d(2025, 12, 31)},
		{text: "Trước ngày 30/11/2025", planYear: 2025, kind: TimelineDeadline, start: d(2025, 11, 30), due: d(2025, 11, 30)},
		{text: "Quý IV/2025- Quý II/2026", planYear: 2025, kind: TimelineRange, start: d(2025, 10, 1), due: d(2026, 6, 30)},
		{text: "2026 - 2030", planYear: 2026, kind: TimelineRange, start: d(2026, 1, 1), due: d(2030, 12, 31)},
		{text: "Thường xuyên", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurContinuous},
		{text: "Hằng năm", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurYearly},
		{text: "Tháng 12 hằng năm", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurYearly, month: 12},
		{text: "Thường xuyên; theo chỉ đạo của UBND tỉnh", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurContinuous, qualifier: "theo chỉ đạo của UBND tỉnh"},
		{text: "Theo yêu cầu của cấp trên", planYear: 2023, kind: TimelineUnparsed},
		// The wider family.
		{text: "Quý III năm 2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 7, 1), due: d(2023, 9, 30)},
		{text: "quý 3/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 7, 1), due: d(2023, 9, 30)},
		{text: "QUÝ I/2024", planYear: 2023, kind: TimelineDeadline, start: d(2024, 1, 1), due: d(2024, 3, 31)},
		{text: "Quý I", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 3, 31)},
		{text: "6 tháng đầu năm 2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 6, 30)},
		{text: "6 tháng cuối năm 2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 7, 1), due: d(2023, 12, 31)},
		{text: "9 tháng đầu năm", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 9, 30)},
		{text: "Tháng 3 – Tháng 6/2023", planYear: 2023, kind: TimelineRange, start: d(2023, 3, 1), due: d(2023, 6, 30)},
		{text: "Tháng 3-6/2023", planYear: 2023, kind: TimelineRange, start: d(2023, 3, 1), due: d(2023, 6, 30)},
		{text: "Quý I - II/2023", planYear: 2023, kind: TimelineRange, start: d(2023, 1, 1), due: d(2023, 6, 30)},
		{text: "Từ tháng 3 đến tháng 6 năm 2023", planYear: 2023, kind: TimelineRange, start: d(2023, 3, 1), due: d(2023, 6, 30)},
		{text: "Giai đoạn 2021-2025", planYear: 2023, kind: TimelineRange, start: d(2021, 1, 1), due: d(2025, 12, 31)},
		{text: "Năm 2023 - 2025", planYear: 2023, kind: TimelineRange, start: d(2023, 1, 1), due: d(2025, 12, 31)},
		{text: "Trước 31/3/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 3, 31), due: d(2023, 3, 31)},
		{text: "Trước ngày 15/7", planYear: 2023, kind: TimelineDeadline, start: d(2023, 7, 15), due: d(2023, 7, 15)},
		{text: "ngày 05 tháng 9 năm 2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 9, 5), due: d(2023, 9, 5)},
		{text: "Trước tháng 6/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 6, 1), due: d(2023, 6, 1)},
		{text: "Tháng 12", planYear: 2023, kind: TimelineDeadline, start: d(2023, 12, 1), due: d(2023, 12, 31)},
		{text: "Trong tháng 10/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 10, 1), due: d(2023, 10, 31)},
		{text: "Chậm nhất ngày 30.6.2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 6, 30), due: d(2023, 6, 30)},
		{text: "Cuối năm 2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 12, 31)},
		{text: "Tháng 6 và tháng 12/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 6, 1), due: d(2023, 12, 31)},
		{text: "Quý II, Quý IV/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 4, 1), due: d(2023, 12, 31)},
		{text: "Năm 2023 (theo kế hoạch của UBND tỉnh)", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 12, 31), qualifier: "theo kế hoạch của UBND tỉnh"},
		{text: "  Năm   2023. ", planYear: 2023, kind: TimelineDeadline, start: d(2023, 1, 1), due: d(2023, 12, 31)},
		{text: "Hàng năm", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurYearly},
		{text: "Hằng quý", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurQuarterly},
		{text: "Định kỳ 6 tháng", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurPeriodic},
		{text: "Thường xuyên trong năm 2023", planYear: 2023, kind: TimelineRecurring, start: d(2023, 1, 1), recurrence: RecurContinuous},
		// Decomposed text, as Unikey's "Unicode tổ hợp" writes it.
		{text: "Qu\u0079\u0301 II/2023", planYear: 2023, kind: TimelineDeadline, start: d(2023, 4, 1), due: d(2023, 6, 30)},
		// Text that is not a timeline stays text.
		{text: "", planYear: 2023, kind: TimelineUnparsed},
		{text: "Tháng 13/2023", planYear: 2023, kind: TimelineUnparsed},
		{text: "31/02/2023", planYear: 2023, kind: TimelineUnparsed},
		{text: "Quý IV/2026 - Quý II/2025", planYear: 2025, kind: TimelineUnparsed},
		{text: "Tháng 12", planYear: 0, kind: TimelineUnparsed},
		{text: "Năm 20233", planYear: 2023, kind: TimelineUnparsed},
		{text: "Sau khi có hướng dẫn", planYear: 2023, kind: TimelineUnparsed},
		{text: "Năm 2023" + strings.Repeat(" ", 300), planYear: 2023, kind: TimelineUnparsed},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := ParseTimeline(tt.text, tt.planYear)
			if got.Text != tt.text {
				t.Errorf("Text = %q, want the input unchanged", got.Text)
			}
			if got.Kind != tt.kind || got.Start != tt.start || got.Due != tt.due {
				t.Errorf("got kind %q %s–%s, want %q %s–%s", got.Kind, got.Start, got.Due, tt.kind, tt.start, tt.due)
			}
			if got.Recurrence != tt.recurrence || got.RecurMonth != tt.month {
				t.Errorf("recurrence = %q month %d, want %q month %d", got.Recurrence, got.RecurMonth, tt.recurrence, tt.month)
			}
			if got.Qualifier != tt.qualifier {
				t.Errorf("qualifier = %q, want %q", got.Qualifier, tt.qualifier)
			}
			checkProblemSet(t, got)
		})
	}
}

// checkProblemSet checks that a timeline says why it was not read exactly
// when it has text and was not read.
func checkProblemSet(t *testing.T, tl Timeline) {
	t.Helper()
	unread := tl.Kind == TimelineUnparsed && strings.TrimSpace(tl.Text) != ""
	if unread != (tl.Problem != "") {
		t.Errorf("%q: kind %q with problem %q", tl.Text, tl.Kind, tl.Problem)
	}
}

var fourDigits = regexp.MustCompile(`\d+`)

// namedYears returns the four-digit numbers of text: the years it names.
func namedYears(text string) map[int]bool {
	years := map[int]bool{}
	for _, m := range fourDigits.FindAllString(text, -1) {
		if len(m) == 4 {
			n, _ := strconv.Atoi(m)
			years[n] = true
		}
	}
	return years
}

func FuzzParseTimeline(f *testing.F) {
	for _, seed := range []string{
		"Năm 2023", "Tháng 12/2022", "Quý II/2023", "Quí IV-2025", "Trước ngày 30/11/2025",
		"Quý IV/2025- Quý II/2026", "2026 - 2030", "Thường xuyên; theo chỉ đạo của UBND tỉnh",
		"Tháng 12 hằng năm", "6 tháng đầu năm 2023", "Tháng 3 – Tháng 6/2023", "Trước 31/3/2023",
		"Tháng 12", "Quý I - II/2023", "Tháng 6 và tháng 12/2023", "31/02/2023",
	} {
		f.Add(seed, 2023)
	}
	f.Fuzz(func(t *testing.T, text string, planYear int) {
		got := ParseTimeline(text, planYear)
		if got.Text != text {
			t.Fatalf("Text changed: %q → %q", text, got.Text)
		}
		checkProblemSet(t, got)
		if got.Due.IsZero() {
			if got.Kind == TimelineDeadline || got.Kind == TimelineRange {
				t.Fatalf("%q: kind %q without a due date", text, got.Kind)
			}
			return
		}
		due := got.Due.Time()
		if DateOf(due) != got.Due {
			t.Fatalf("%q: due %v is not a real date", text, got.Due)
		}
		if got.Start.IsZero() || got.Due.Before(got.Start) {
			t.Fatalf("%q: start %s after due %s", text, got.Start, got.Due)
		}
		head := text
		if cut := strings.IndexAny(text, ";("); cut >= 0 {
			head = text[:cut] // the qualifier after it is not parsed
		}
		years := namedYears(head)
		if len(years) == 0 {
			years[planYear] = true
		}
		if !years[got.Due.Year] || !years[got.Start.Year] {
			t.Fatalf("%q (plan year %d): %s–%s outside the years it names %v", text, planYear, got.Start, got.Due, years)
		}
	})
}
