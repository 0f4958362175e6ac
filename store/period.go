package store

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is one of the reporting periods of the year: a quarter, the
// first six or nine months, or the whole year.
type PeriodKind string

// The reporting periods.
const (
	PeriodQ1   PeriodKind = "Q1"
	PeriodQ2   PeriodKind = "Q2"
	PeriodQ3   PeriodKind = "Q3"
	PeriodQ4   PeriodKind = "Q4"
	PeriodH1   PeriodKind = "H1" // 6 tháng đầu năm
	Period9M   PeriodKind = "9M" // 9 tháng
	PeriodYear PeriodKind = "Y"  // năm
)

// PeriodKinds lists the reporting periods in the order of the year.
var PeriodKinds = []PeriodKind{PeriodQ1, PeriodQ2, PeriodH1, PeriodQ3, Period9M, PeriodQ4, PeriodYear}

// periodMonths are the first and last calendar month each period covers.
var periodMonths = map[PeriodKind][2]time.Month{
	PeriodQ1: {1, 3}, PeriodQ2: {4, 6}, PeriodQ3: {7, 9}, PeriodQ4: {10, 12},
	PeriodH1: {1, 6}, Period9M: {1, 9}, PeriodYear: {1, 12},
}

// Period is one reporting period of one year: "quý I năm 2023".
type Period struct {
	Kind PeriodKind `json:"kind"`
	Year int        `json:"year"`
}

// IsZero reports whether p is no period.
func (p Period) IsZero() bool { return p == Period{} }

// Name returns the period as a report's title writes it: "quý I năm 2023",
// "6 tháng đầu năm 2023", "9 tháng năm 2023", "năm 2023".
func (p Period) Name() string {
	switch p.Kind {
	case PeriodQ1, PeriodQ2, PeriodQ3, PeriodQ4:
		return fmt.Sprintf("quý %s năm %d", RomanNumeral(int(p.Kind[1]-'0')), p.Year)
	case PeriodH1:
		return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
	case Period9M:
		return fmt.Sprintf("9 tháng năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// Bounds returns the first and last day whose data the period counts:
// with the Decree 09 cut-off, quý I năm 2023 runs from 15/12/2022 to
// 14/03/2023; with calendar months, from 01/01 to 31/03.
func (p Period) Bounds(ps PeriodSettings) (start, end Date) {
	months := periodMonths[p.Kind]
	cutoff := ps.Cutoff()
	return cutoffDay(p.Year, months[0]-1, cutoff).AddDays(1), cutoffDay(p.Year, months[1], cutoff)
}

// Contains reports whether day d falls within the period.
func (p Period) Contains(d Date, ps PeriodSettings) bool {
	start, end := p.Bounds(ps)
	return !d.Before(start) && !d.After(end)
}

// cutoffDay is the day data are counted to in a month: the cut-off day, or
// the month's last day when it has no such day. Month 0 is December of the
// year before.
func cutoffDay(year int, month time.Month, cutoff int) Date {
	last := LastDayOfMonth(year, month)
	if cutoff >= last.Day {
		return last
	}
	return NewDate(last.Year, last.Month, cutoff)
}

// PeriodOf returns the period of the given kind's span (a quarter, a half
// year counted from its start, the year) that holds day d: with the Decree
// 09 cut-off, 20/12/2023 is in quý I năm 2024. Kinds H1 and 9M answer with
// the year's period when d is past them.
func PeriodOf(kind PeriodKind, d Date, ps PeriodSettings) Period {
	for year := d.Year; year <= d.Year+1; year++ {
		for _, k := range sameLength(kind) {
			if p := (Period{Kind: k, Year: year}); p.Contains(d, ps) {
				return p
			}
		}
	}
	return Period{Kind: PeriodYear, Year: d.Year}
}

// sameLength lists the periods of a year that follow one another like kind.
func sameLength(kind PeriodKind) []PeriodKind {
	switch kind {
	case PeriodQ1, PeriodQ2, PeriodQ3, PeriodQ4:
		return []PeriodKind{PeriodQ1, PeriodQ2, PeriodQ3, PeriodQ4}
	case PeriodYear:
		return []PeriodKind{PeriodYear}
	}
	return []PeriodKind{kind, PeriodYear}
}

// periodWords are the ways people name a period, folded (Fold).
var periodWords = []struct {
	words []string
	kind  PeriodKind
}{
	{[]string{"q1", "quy 1", "quy i"}, PeriodQ1},
	{[]string{"q2", "quy 2", "quy ii"}, PeriodQ2},
	{[]string{"q3", "quy 3", "quy iii"}, PeriodQ3},
	{[]string{"q4", "quy 4", "quy iv"}, PeriodQ4},
	{[]string{"h1", "6 thang", "6t", "sau thang"}, PeriodH1},
	{[]string{"9m", "9 thang", "9t", "chin thang"}, Period9M},
	{[]string{"y", "nam", "ca nam"}, PeriodYear},
}

var periodYear = regexp.MustCompile(`(?:^|\D)(\d{4})$`)

// ParsePeriod reads a period as people write it: "Q1", "quý I", "quý 1/2023",
// "6 tháng", "9 tháng năm 2023", "năm 2023", "Y". A period without its year
// takes defaultYear.
func ParsePeriod(text string, defaultYear int) (Period, error) {
	words := slices.DeleteFunc(strings.Fields(strings.NewReplacer("/", " ", "-", " ").Replace(Fold(text))),
		func(w string) bool { return w == "dau" })
	clean, year := strings.Join(words, " "), defaultYear
	if m := periodYear.FindStringSubmatch(clean); m != nil {
		year, _ = strconv.Atoi(m[1])
		clean = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(clean, m[1])), "nam"))
		if clean == "" {
			clean = "nam"
		}
	}
	for _, pw := range periodWords {
		for _, w := range pw.words {
			if clean == w && ValidYear(year) {
				return Period{Kind: pw.kind, Year: year}, nil
			}
		}
	}
	return Period{}, fmt.Errorf("%w: kỳ báo cáo %q không hợp lệ: dùng quý I, quý II, quý III, quý IV, 6 tháng, 9 tháng hoặc năm, kèm năm (quý I/2023)", ErrInvalid, text)
}

// PeriodSettings are the bounds of the reporting periods, a setting because
// provinces set their own.
type PeriodSettings struct {
	// CutoffDay is the day of the month a period's data are counted to: a
	// period runs from the day after it in the month before the period to
	// that day of its last month. 0 means DefaultCutoffDay, the pattern of
	// Decree 09/2019; 31 means calendar months.
	CutoffDay int `json:"cutoffDay,omitempty"`
}

// DefaultCutoffDay is Decree 09/2019's cut-off: data from the 15th of the
// month before the period to the 14th of its last month.
const DefaultCutoffDay = 14

// CalendarCutoff is the cut-off day of calendar months.
const CalendarCutoff = 31

// Cutoff returns the cut-off day in use.
func (ps PeriodSettings) Cutoff() int {
	if ps.CutoffDay == 0 {
		return DefaultCutoffDay
	}
	return ps.CutoffDay
}

// Validate reports a cut-off day that is no day of a month.
func (ps PeriodSettings) Validate() error {
	if ps.CutoffDay < 0 || ps.CutoffDay > CalendarCutoff {
		return fmt.Errorf("%w: ngày chốt số liệu kỳ báo cáo %d phải từ 1 đến 31 (31: hết tháng)", ErrInvalid, ps.CutoffDay)
	}
	return nil
}
