// Package timeline reads the "Thời gian thực hiện" cell of a plan's task
// table, free text as plans write it ("Quý IV/2025", "Trước ngày 30/11/2025",
// "Thường xuyên", "Tháng 12 hằng năm", "2026 - 2030"), into what it means:
// a deadline, a range, recurring work, or text that is no timeline, with the
// reason. It is pure: the store keeps what it reads beside the text.
package timeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// The kinds of timeline.
const (
	// Unparsed: free text the parser did not understand; no due date.
	Unparsed = ""
	// Deadline: one day, month, quarter or year; due at its end.
	Deadline = "deadline"
	// Range: from one period to another; due at the end of the last.
	Range = "range"
	// Recurring: ongoing or repeated work with no single due date, judged at
	// each reporting period.
	Recurring = "recurring"
)

// The recurrences plans write, as the store names them.
const (
	Continuous = "Thường xuyên"
	Yearly     = "Hằng năm"
	HalfYearly = "6 tháng một lần"
	Quarterly  = "Hằng quý"
	Monthly    = "Hằng tháng"
	Weekly     = "Hằng tuần"
	Periodic   = "Định kỳ"
)

// Reading is what the parser read from a timeline's text.
type Reading struct {
	// Kind is one of Unparsed, Deadline, Range, Recurring.
	Kind string
	// Start is the first day of the named period, when there is one, and
	// for recurring work the first day of the plan's year it recurs in (zero
	// without a year); Due is the day the work must be done by, zero for
	// recurring and unparsed text.
	Start, Due Day
	// Recurrence is one of the recurrences, for recurring work; RecurMonth
	// the month of a yearly recurrence, 12 for "Tháng 12 hằng năm".
	Recurrence string
	RecurMonth int
	// Qualifier is what follows the timeline proper, "theo chỉ đạo của UBND tỉnh".
	Qualifier string
	// Problem says in Vietnamese why text was not understood; empty when it
	// was, or when there is no text.
	Problem string
}

// Day is a calendar day, laid out as the store's Date.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// newDay returns the day year-month-day, normalising out-of-range values
// the way time.Date does.
func newDay(year int, month time.Month, day int) Day {
	y, m, d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Date()
	return Day{Year: y, Month: m, Day: d}
}

// lastDayOfMonth returns the last day of the given month.
func lastDayOfMonth(year int, month time.Month) Day { return newDay(year, month+1, 0) }

// Before reports whether d is an earlier day than other.
func (d Day) Before(other Day) bool {
	if d.Year != other.Year {
		return d.Year < other.Year
	}
	if d.Month != other.Month {
		return d.Month < other.Month
	}
	return d.Day < other.Day
}

// The years a plan may be for.
const (
	MinYear = 1900
	MaxYear = 2200
)

// ValidYear reports whether year is one a plan may be for.
func ValidYear(year int) bool { return year >= MinYear && year <= MaxYear }

// maxTimelineLen bounds the text the parser tries to read: a longer cell is a
// sentence, not a timeline, and left as text.
const maxTimelineLen = 240

// Read reads a timeline cell. planYear stands in for a year the text leaves
// out ("Tháng 12"); pass 0 when there is none. Text it cannot read gives a
// Reading of kind Unparsed with no due date and a Problem saying why: never
// an error.
func Read(text string, planYear int) Reading {
	var r Reading
	if strings.TrimSpace(text) == "" {
		return r
	}
	if len(text) > maxTimelineLen {
		r.Problem = TooLongProblem
		return r
	}
	head, qualifier := splitQualifier(norm.NFC.String(text))
	clean := normalizeTimeline(head)
	if rec, month, ok := parseRecurrence(clean); ok {
		r.Kind, r.Recurrence, r.RecurMonth, r.Qualifier = Recurring, rec, month, qualifier
		if ValidYear(planYear) {
			r.Start = newDay(planYear, time.January, 1)
		}
		return r
	}
	if span, ok := parseSchedule(clean, planYear); ok {
		r.Kind, r.Start, r.Due, r.Qualifier = span.kind, span.start, span.end, qualifier
		return r
	}
	r.Problem = fmt.Sprintf("không đọc được “%s”: %s", ShortText(norm.NFC.String(strings.TrimSpace(text))), timelineProblem(clean, planYear))
	return r
}

// splitQualifier cuts "Thường xuyên; theo chỉ đạo của UBND tỉnh" at the first
// ";" and "Năm 2023 (theo kế hoạch)" at the first "(".
func splitQualifier(text string) (head, qualifier string) {
	cut := strings.IndexAny(text, ";(")
	if cut < 0 {
		return text, ""
	}
	qualifier = strings.TrimSpace(text[cut+1:])
	if text[cut] == '(' {
		qualifier = strings.TrimSpace(strings.TrimSuffix(qualifier, ")"))
	}
	return text[:cut], qualifier
}

var (
	spaceRun       = regexp.MustCompile(`\s+`)
	spaceAroundSep = regexp.MustCompile(`\s*([/.])\s*`)
)

// normalizeTimeline lowers the case, unifies dashes, spellings and spaces so
// that the patterns below need only one form of each word.
func normalizeTimeline(s string) string {
	s = strings.ToLower(norm.NFC.String(s))
	s = strings.NewReplacer(
		"–", "-", "—", "-", "−", "-", "‐", "-", "‑", "-",
		"\u00a0", " ", "quí", "quý", "qúy", "quý",
		"hàng năm", "hằng năm", "hàng quý", "hằng quý", "hàng tháng", "hằng tháng", "hàng tuần", "hằng tuần",
	).Replace(s)
	s = spaceRun.ReplaceAllString(s, " ")
	s = spaceAroundSep.ReplaceAllString(s, "$1")
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,:"))
}

var recurrenceWords = []struct {
	word string
	rec  string
}{
	{"thường xuyên", Continuous},
	{"liên tục", Continuous},
	{"hằng năm", Yearly},
	{"6 tháng một lần", HalfYearly},
	{"hằng quý", Quarterly},
	{"hằng tháng", Monthly},
	{"hằng tuần", Weekly},
	{"định kỳ", Periodic},
}

var monthOfYear = regexp.MustCompile(`^tháng (\d{1,2}) hằng năm$`)

// parseRecurrence recognises "Thường xuyên", "Hằng năm", "Tháng 12 hằng năm"
// and the like, wherever the recurrence word stands.
func parseRecurrence(clean string) (string, int, bool) {
	if m := monthOfYear.FindStringSubmatch(clean); m != nil {
		month, _ := strconv.Atoi(m[1])
		if month >= 1 && month <= 12 {
			return Yearly, month, true
		}
	}
	for _, rw := range recurrenceWords {
		if strings.Contains(clean, rw.word) {
			return rw.rec, 0, true
		}
	}
	return "", 0, false
}

// span is a period of days read from a timeline.
type span struct {
	kind       string
	start, end Day
	// unit is the word of the period ("tháng", "quý") so that the right end
	// of "Quý I-II/2023" can borrow it.
	unit string
	// hasYear tells whether the text named the year.
	hasYear bool
}

// parseSchedule reads one period, a list of periods or a range of them.
func parseSchedule(clean string, planYear int) (span, bool) {
	clean = strings.TrimPrefix(clean, "giai đoạn ")
	if p, ok := parsePoint(clean, planYear); ok {
		return p, true
	}
	if r, ok := parseRange(clean, planYear); ok {
		return r, true
	}
	return parseList(clean, planYear)
}

// parseRange reads "Quý IV/2025-Quý II/2026", "2026-2030",
// "Tháng 3 – Tháng 6/2023" and "từ tháng 3 đến tháng 6 năm 2023": the left end
// may leave out the year (and the unit) that the right end gives.
func parseRange(clean string, planYear int) (span, bool) {
	clean = strings.TrimPrefix(clean, "từ ")
	for _, sep := range []string{" đến ", "-"} {
		for at := strings.Index(clean, sep); at >= 0; at = nextIndex(clean, sep, at) {
			left, right := strings.TrimSpace(clean[:at]), strings.TrimSpace(clean[at+len(sep):])
			if r, ok := joinRange(left, right, planYear); ok {
				return r, true
			}
		}
	}
	return span{}, false
}

func nextIndex(s, sep string, after int) int {
	i := strings.Index(s[after+len(sep):], sep)
	if i < 0 {
		return -1
	}
	return after + len(sep) + i
}

// joinRange reads the two ends of a range: each end may borrow the unit or
// the year the other one names.
func joinRange(left, right string, planYear int) (span, bool) {
	if left == "" || right == "" {
		return span{}, false
	}
	end, ok := rangeEnd(left, right, planYear)
	if !ok {
		return span{}, false
	}
	start, ok := parsePoint(left, end.start.Year)
	if !ok && end.unit != "" {
		start, ok = parsePoint(end.unit+" "+left, end.start.Year)
	}
	if !ok {
		return span{}, false
	}
	if start.hasYear && !end.hasYear {
		// "Tháng 3/2023 - tháng 6": the right end takes the left's year.
		if end, ok = parsePoint(right, start.start.Year); !ok {
			end, ok = parsePoint(start.unit+" "+right, start.start.Year)
		}
	}
	if !ok || end.end.Before(start.start) {
		return span{}, false
	}
	return span{kind: Range, start: start.start, end: end.end, hasYear: start.hasYear || end.hasYear}, true
}

// rangeEnd reads the right end of a range; "Quý I-II/2023" and "Tháng
// 3-6/2023" write it without the unit, which it borrows from the left end.
func rangeEnd(left, right string, planYear int) (span, bool) {
	if end, ok := parsePoint(right, planYear); ok {
		return end, true
	}
	probe, probed := parsePoint(left, planYear)
	if !probed || probe.unit == "" {
		return span{}, false
	}
	return parsePoint(probe.unit+" "+right, planYear)
}

// parseList reads "Tháng 6 và tháng 12/2023" and "Quý II, quý IV/2023": every
// item must be a period, due at the end of the last; items without a year
// take the year the list names last, or the plan's.
func parseList(clean string, planYear int) (span, bool) {
	items := strings.FieldsFunc(strings.ReplaceAll(clean, " và ", ","), func(r rune) bool { return r == ',' })
	if len(items) < 2 {
		return span{}, false
	}
	listYear := planYear
	for _, item := range items {
		if p, ok := parseSchedule(strings.TrimSpace(item), 0); ok && p.hasYear {
			listYear = p.end.Year
		}
	}
	var whole span
	for i, item := range items {
		p, ok := parseSchedule(strings.TrimSpace(item), listYear)
		if !ok || (i > 0 && p.start.Before(whole.end)) {
			return span{}, false
		}
		if i == 0 {
			whole = span{kind: Deadline, start: p.start}
		}
		whole.end = p.end
		whole.hasYear = whole.hasYear || p.hasYear
	}
	return whole, true
}

var (
	pointFullDate = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)
	pointWordDate = regexp.MustCompile(`^(\d{1,2}) tháng (\d{1,2}) năm (\d{4})$`)
	pointDayMonth = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})$`)
	pointYear     = regexp.MustCompile(`^(?:năm )?(\d{4})$`)
	pointMonth    = regexp.MustCompile(`^tháng (\d{1,2})(?:(?:/|-| năm | )(\d{4}))?$`)
	pointBareMon  = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
	pointQuarter  = regexp.MustCompile(`^quý (iv|iii|ii|i|[1-4])(?:(?:/|-| năm | )(\d{4}))?$`)
	pointMonths   = regexp.MustCompile(`^(6|sáu|9|chín) tháng(?: (đầu|cuối))?(?: năm)?(?: (\d{4}))?$`)
	pointEndOf    = regexp.MustCompile(`^cuối (năm|quý|tháng)\b ?`)
)

// pointPrefixes are words before a period that do not change its end.
var pointPrefixes = []string{"hoàn thành ", "thực hiện ", "trong ", "chậm nhất là ", "chậm nhất ", "muộn nhất ", "hạn chót ", "hạn ", "đến ", "vào ", "ngày "}

// parsePoint reads a single period: a day, a month, a quarter, the first six
// or nine months, or a year. "Trước" before a period means by its first day.
func parsePoint(clean string, defaultYear int) (span, bool) {
	before := false
	for trimmed := true; trimmed; {
		trimmed = false
		if rest, ok := strings.CutPrefix(clean, "trước "); ok {
			clean, before, trimmed = rest, true, true
		}
		for _, prefix := range pointPrefixes {
			if rest, ok := strings.CutPrefix(clean, prefix); ok {
				clean, trimmed = rest, true
			}
		}
	}
	if m := pointEndOf.FindStringSubmatch(clean); m != nil && !before {
		clean = strings.TrimSpace(m[1] + " " + clean[len(m[0]):])
	}
	p, ok := parsePeriod(clean, defaultYear)
	if !ok {
		return span{}, false
	}
	if before && p.start != p.end {
		p.end = p.start
	}
	return p, true
}

func parsePeriod(clean string, defaultYear int) (span, bool) {
	switch {
	case pointFullDate.MatchString(clean):
		m := pointFullDate.FindStringSubmatch(clean)
		return daySpan(atoi(m[3]), atoi(m[2]), atoi(m[1]), true)
	case pointWordDate.MatchString(clean):
		m := pointWordDate.FindStringSubmatch(clean)
		return daySpan(atoi(m[3]), atoi(m[2]), atoi(m[1]), true)
	case pointDayMonth.MatchString(clean):
		m := pointDayMonth.FindStringSubmatch(clean)
		return daySpan(defaultYear, atoi(m[2]), atoi(m[1]), false)
	case pointYear.MatchString(clean):
		year := atoi(pointYear.FindStringSubmatch(clean)[1])
		return monthsSpan(year, 1, 12, "năm", true)
	case pointMonth.MatchString(clean):
		m := pointMonth.FindStringSubmatch(clean)
		year, named := yearOr(m[2], defaultYear)
		return monthsSpan(year, atoi(m[1]), atoi(m[1]), "tháng", named)
	case pointBareMon.MatchString(clean):
		m := pointBareMon.FindStringSubmatch(clean)
		return monthsSpan(atoi(m[2]), atoi(m[1]), atoi(m[1]), "tháng", true)
	case pointQuarter.MatchString(clean):
		m := pointQuarter.FindStringSubmatch(clean)
		year, named := yearOr(m[2], defaultYear)
		q := quarterNumber(m[1])
		return monthsSpan(year, 3*q-2, 3*q, "quý", named)
	case pointMonths.MatchString(clean):
		m := pointMonths.FindStringSubmatch(clean)
		year, named := yearOr(m[3], defaultYear)
		count := 6
		if m[1] == "9" || m[1] == "chín" {
			count = 9
		}
		if m[2] == "cuối" {
			return monthsSpan(year, 13-count, 12, "", named)
		}
		return monthsSpan(year, 1, count, "", named)
	}
	return span{}, false
}

func daySpan(year, month, day int, named bool) (span, bool) {
	if !ValidYear(year) || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, time.Month(month)).Day {
		return span{}, false
	}
	d := newDay(year, time.Month(month), day)
	return span{kind: Deadline, start: d, end: d, hasYear: named}, true
}

func monthsSpan(year, first, last int, unit string, named bool) (span, bool) {
	if !ValidYear(year) || first < 1 || last > 12 || first > last {
		return span{}, false
	}
	return span{
		kind:    Deadline,
		start:   newDay(year, time.Month(first), 1),
		end:     lastDayOfMonth(year, time.Month(last)),
		unit:    unit,
		hasYear: named,
	}, true
}

func yearOr(text string, defaultYear int) (int, bool) {
	if text == "" {
		return defaultYear, false
	}
	return atoi(text), true
}

func quarterNumber(s string) int {
	switch s {
	case "i", "1":
		return 1
	case "ii", "2":
		return 2
	case "iii", "3":
		return 3
	default:
		return 4
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
