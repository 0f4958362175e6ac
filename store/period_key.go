package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Key returns the period as records store it, "2023-Q1".
func (p Period) Key() string { return strconv.Itoa(p.Year) + "-" + string(p.Kind) }

// ParsePeriodKey reads what Key writes.
func ParsePeriodKey(key string) (Period, error) {
	year, kind, ok := strings.Cut(key, "-")
	n, err := strconv.Atoi(year)
	p := Period{Kind: PeriodKind(kind), Year: n}
	if !ok || err != nil || p.Validate() != nil {
		return Period{}, fmt.Errorf("%w: kỳ báo cáo %q không hợp lệ", ErrInvalid, key)
	}
	return p, nil
}

// Validate reports a period that is none of the reporting periods.
func (p Period) Validate() error {
	if !slices.Contains(PeriodKinds, p.Kind) || !ValidYear(p.Year) {
		return fmt.Errorf("%w: kỳ báo cáo %q năm %d không hợp lệ", ErrInvalid, p.Kind, p.Year)
	}
	return nil
}

// Next returns the window of days the report of p looks ahead to in its
// direction section (phương hướng kỳ tới), and the name of that window:
// the next quarter after a quarter, the last six months after the first
// six, the fourth quarter after nine months, the next year after the year.
func (p Period) Next(ps PeriodSettings) (start, end Date, name string) {
	var from, to Period
	switch p.Kind {
	case PeriodQ1:
		from = Period{Kind: PeriodQ2, Year: p.Year}
	case PeriodQ2:
		from = Period{Kind: PeriodQ3, Year: p.Year}
	case PeriodQ3, Period9M:
		from = Period{Kind: PeriodQ4, Year: p.Year}
	case PeriodQ4:
		from = Period{Kind: PeriodQ1, Year: p.Year + 1}
	case PeriodH1:
		from, to = Period{Kind: PeriodQ3, Year: p.Year}, Period{Kind: PeriodQ4, Year: p.Year}
		start, _ = from.Bounds(ps)
		_, end = to.Bounds(ps)
		return start, end, fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	default:
		from = Period{Kind: PeriodYear, Year: p.Year + 1}
	}
	start, end = from.Bounds(ps)
	return start, end, from.Name()
}
