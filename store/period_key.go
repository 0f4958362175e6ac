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

// Next returns the period the report of p looks ahead to in its direction
// section (phương hướng kỳ tới), as the plan's deadlines count it: the
// last day of its last calendar month, and its name. The next quarter
// follows a quarter, the last six months the first six, the fourth
// quarter nine months, the next year the year.
func (p Period) Next() (end Date, name string) {
	next := Period{Kind: PeriodYear, Year: p.Year + 1}
	switch p.Kind {
	case PeriodQ1:
		next = Period{Kind: PeriodQ2, Year: p.Year}
	case PeriodQ2:
		next = Period{Kind: PeriodQ3, Year: p.Year}
	case PeriodQ3, Period9M:
		next = Period{Kind: PeriodQ4, Year: p.Year}
	case PeriodQ4:
		next = Period{Kind: PeriodQ1, Year: p.Year + 1}
	case PeriodH1:
		return LastDayOfMonth(p.Year, 12), fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	}
	return LastDayOfMonth(next.Year, periodMonths[next.Kind][1]), next.Name()
}
