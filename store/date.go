package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day without a time of day or a time zone: issue dates,
// due dates and "today" are all compared as days, so a task due on 31/12 is
// not late at noon on 31/12 in any time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the day year-month-day, normalising out-of-range values the
// way time.Date does (month 13 is January of the next year).
func NewDate(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Today returns the current calendar day in the local time zone.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether d is the zero Date, used for "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is an earlier day than other.
func (d Date) Before(other Date) bool { return d.Time().Before(other.Time()) }

// After reports whether d is a later day than other.
func (d Date) After(other Date) bool { return d.Time().After(other.Time()) }

// AddDays returns the day n days after d (before it for negative n).
func (d Date) AddDays(n int) Date { return NewDate(d.Year, d.Month, d.Day+n) }

// String formats d the Vietnamese way, "28/01/2023", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// ISO formats d as "2023-01-28", or "" for the zero Date.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// ParseISODate reads "2023-01-28"; the empty string gives the zero Date.
func ParseISODate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("ngày %q không đúng dạng YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// ParseVNDate reads "28/01/2023" or "28/1/2023"; the empty string gives the
// zero Date.
func ParseVNDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse("2/1/2006", s)
	if err != nil {
		return Date{}, fmt.Errorf("ngày %q không đúng dạng ngày/tháng/năm", s)
	}
	return DateOf(t), nil
}

// MarshalJSON writes d as "2023-01-28", or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.ISO())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("date: %w", err)
	}
	parsed, err := ParseISODate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// LastDayOfMonth returns the last day of the given month.
func LastDayOfMonth(year int, month time.Month) Date {
	return NewDate(year, month+1, 0)
}
