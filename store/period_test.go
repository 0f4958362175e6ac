package store

import (
	"errors"
	"testing"
)

func TestPeriodBounds(t *testing.T) {
	decree09, calendar := PeriodSettings{}, PeriodSettings{CutoffDay: CalendarCutoff}
	tests := []struct {
		period     Period
		ps         PeriodSettings
		start, end Date
		name       string
	}{
		{Period{PeriodQ1, 2023}, decree09, NewDate(2022, 12, 15), NewDate(2023, 3, 14), "quý I năm 2023"},
		{Period{PeriodQ2, 2023}, decree09, NewDate(2023, 3, 15), NewDate(2023, 6, 14), "quý II năm 2023"},
		{Period{PeriodQ3, 2023}, decree09, NewDate(2023, 6, 15), NewDate(2023, 9, 14), "quý III năm 2023"},
		{Period{PeriodQ4, 2023}, decree09, NewDate(2023, 9, 15), NewDate(2023, 12, 14), "quý IV năm 2023"},
		{Period{PeriodH1, 2023}, decree09, NewDate(2022, 12, 15), NewDate(2023, 6, 14), "6 tháng đầu năm 2023"},
		{Period{Period9M, 2023}, decree09, NewDate(2022, 12, 15), NewDate(2023, 9, 14), "9 tháng năm 2023"},
		{Period{PeriodYear, 2023}, decree09, NewDate(2022, 12, 15), NewDate(2023, 12, 14), "năm 2023"},
		{Period{PeriodQ1, 2024}, calendar, NewDate(2024, 1, 1), NewDate(2024, 3, 31), "quý I năm 2024"},
		{Period{PeriodH1, 2024}, calendar, NewDate(2024, 1, 1), NewDate(2024, 6, 30), "6 tháng đầu năm 2024"},
		{Period{PeriodQ1, 2024}, PeriodSettings{CutoffDay: 30}, NewDate(2023, 12, 31), NewDate(2024, 3, 30), "quý I năm 2024"},
		{Period{PeriodQ1, 2023}, PeriodSettings{CutoffDay: 29}, NewDate(2022, 12, 30), NewDate(2023, 3, 29), "quý I năm 2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := tt.period.Bounds(tt.ps)
			if start != tt.start || end != tt.end || tt.period.Name() != tt.name {
				t.Errorf("%+v: %s–%s %q, want %s–%s %q", tt.period, start, end, tt.period.Name(), tt.start, tt.end, tt.name)
			}
		})
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		kind PeriodKind
		d    Date
		want Period
	}{
		{PeriodQ1, NewDate(2023, 3, 14), Period{PeriodQ1, 2023}},
		{PeriodQ1, NewDate(2023, 3, 15), Period{PeriodQ2, 2023}},
		{PeriodQ3, NewDate(2023, 12, 15), Period{PeriodQ1, 2024}},
		{PeriodYear, NewDate(2023, 12, 20), Period{PeriodYear, 2024}},
		{PeriodYear, NewDate(2023, 1, 1), Period{PeriodYear, 2023}},
		{PeriodH1, NewDate(2023, 7, 1), Period{PeriodYear, 2023}},
	}
	for _, tt := range tests {
		if got := PeriodOf(tt.kind, tt.d, PeriodSettings{}); got != tt.want {
			t.Errorf("PeriodOf(%s, %s) = %+v, want %+v", tt.kind, tt.d, got, tt.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	tests := map[string]Period{
		"Q1": {PeriodQ1, 2023}, "quý I": {PeriodQ1, 2023}, "Quý II/2024": {PeriodQ2, 2024}, "quy 3 nam 2022": {PeriodQ3, 2022},
		"quý IV-2023": {PeriodQ4, 2023}, "6 tháng": {PeriodH1, 2023}, "6 tháng đầu năm 2024": {PeriodH1, 2024},
		"9 tháng năm 2023": {Period9M, 2023}, "9M": {Period9M, 2023}, "năm 2025": {PeriodYear, 2025}, "Y": {PeriodYear, 2023}, "năm": {PeriodYear, 2023},
	}
	for text, want := range tests {
		if got, err := ParsePeriod(text, 2023); err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", text, got, err, want)
		}
	}
	for _, bad := range []string{"", "quý V", "tháng 3", "7 tháng"} {
		if _, err := ParsePeriod(bad, 2023); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParsePeriod(%q): %v, want ErrInvalid", bad, err)
		}
	}
}

func TestPeriodSettingsRefuseNoDay(t *testing.T) {
	s := validSettings()
	s.Periods.CutoffDay = 40
	if err := s.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("cut-off day 40: %v", err)
	}
	s = validSettings()
	s.DueSoonDays = -1
	if err := s.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("due-soon days -1: %v", err)
	}
}
