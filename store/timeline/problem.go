package timeline

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// GenericProblem is the reason given when the parser cannot say more.
const GenericProblem = "không nhận ra mốc thời gian"

// Reasons that say a timeline is no date, rather than a date that cannot be.
const (
	MissingYearProblem = "không ghi năm và kế hoạch chưa có năm"
	TooLongProblem     = "nội dung quá dài, không phải một mốc thời gian"
)

// BadDate reports whether a Problem says the text was meant as a date that
// cannot be one: a day, month, quarter or year that does not exist
// ("31/02/2023", "Quý V/2023", "Tháng 13") or a range that ends before it
// starts. Other text the parser did not read ("Theo chỉ đạo của tỉnh") is
// no date at all, and not a bad one.
func BadDate(problem string) bool {
	return problem != "" && problem != TooLongProblem &&
		!strings.HasSuffix(problem, ": "+GenericProblem) && !strings.HasSuffix(problem, ": "+MissingYearProblem)
}

var (
	// problemYear finds what stands where a timeline writes its year: first,
	// after "năm" or after a separator, and four or more digits long.
	problemYear      = regexp.MustCompile(`(?:^|năm |[/.-] ?)(\d{4,})(?:\D|$)`)
	problemQuarter   = regexp.MustCompile(`quý ([0-9a-z]+)`)
	problemMonth     = regexp.MustCompile(`tháng (\d+)`)
	problemBareMonth = regexp.MustCompile(`(?:^|[^\d/.])(\d{1,2})/\d{4}`)
	problemFullDate  = regexp.MustCompile(`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`)
	problemWordDate  = regexp.MustCompile(`(\d{1,2}) tháng (\d{1,2}) năm (\d{4})`)
)

// timelineProblem says why normalised timeline text that did not parse
// against planYear is not a timeline: a year, quarter, month or day that does
// not exist, a range that ends before it starts, a missing year; or, when it
// can say none of these, GenericProblem.
func timelineProblem(clean string, planYear int) string {
	for _, check := range []func(string, int) string{
		yearProblem, quarterProblem, monthProblem, dayProblem, rangeProblem, missingYearProblem,
	} {
		if reason := check(clean, planYear); reason != "" {
			return reason
		}
	}
	return GenericProblem
}

func yearProblem(clean string, _ int) string {
	for _, m := range problemYear.FindAllStringSubmatch(clean, -1) {
		if len(m[1]) > 4 || !ValidYear(atoi(m[1])) {
			return fmt.Sprintf("năm %s không hợp lệ, năm chỉ từ %d đến %d", m[1], MinYear, MaxYear)
		}
	}
	return ""
}

func quarterProblem(clean string, _ int) string {
	for _, m := range problemQuarter.FindAllStringSubmatch(clean, -1) {
		switch m[1] {
		case "i", "ii", "iii", "iv", "1", "2", "3", "4":
		default:
			return "quý chỉ từ I đến IV"
		}
	}
	return ""
}

func monthProblem(clean string, _ int) string {
	var months []string
	for _, re := range []*regexp.Regexp{problemMonth, problemBareMonth} {
		for _, m := range re.FindAllStringSubmatch(clean, -1) {
			months = append(months, m[1])
		}
	}
	for _, re := range []*regexp.Regexp{problemFullDate, problemWordDate} {
		for _, m := range re.FindAllStringSubmatch(clean, -1) {
			months = append(months, m[2])
		}
	}
	for _, month := range months {
		if n := atoi(month); n < 1 || n > 12 {
			return "tháng chỉ từ 1 đến 12"
		}
	}
	return ""
}

func dayProblem(clean string, _ int) string {
	for _, re := range []*regexp.Regexp{problemFullDate, problemWordDate} {
		for _, m := range re.FindAllStringSubmatch(clean, -1) {
			day, month, year := atoi(m[1]), atoi(m[2]), atoi(m[3])
			last := lastDayOfMonth(year, time.Month(month)).Day
			if day < 1 || day > last {
				return fmt.Sprintf("tháng %d năm %d chỉ có %d ngày", month, year, last)
			}
		}
	}
	return ""
}

// rangeProblem finds a range whose two ends read as periods but in the
// wrong order, "Quý IV/2026 - Quý II/2025".
func rangeProblem(clean string, planYear int) string {
	clean = strings.TrimPrefix(strings.TrimPrefix(clean, "giai đoạn "), "từ ")
	for _, sep := range []string{" đến ", "-"} {
		left, right, found := strings.Cut(clean, sep)
		if !found {
			continue
		}
		start, okStart := parsePoint(strings.TrimSpace(left), planYear)
		end, okEnd := parsePoint(strings.TrimSpace(right), planYear)
		if okStart && okEnd && end.end.Before(start.start) {
			return "mốc kết thúc đứng trước mốc bắt đầu"
		}
	}
	return ""
}

// missingYearProblem finds text that would be a timeline if the plan had a
// year to lend it, "Tháng 12" read with no plan year.
func missingYearProblem(clean string, planYear int) string {
	if ValidYear(planYear) {
		return ""
	}
	if _, ok := parseSchedule(clean, MinYear); ok {
		return MissingYearProblem
	}
	return ""
}

// ShortText cuts text longer than a message can quote at a word, with "…".
func ShortText(text string) string {
	const most = 60
	if utf8.RuneCountInString(text) <= most {
		return text
	}
	runes := []rune(text)[:most]
	cut := string(runes)
	if i := strings.LastIndexByte(cut, ' '); i > most/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
