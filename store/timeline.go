package store

import "github.com/kehoach/cchc/store/timeline"

// TimelineKind says what a timeline's text was understood to mean.
type TimelineKind string

// The kinds of timeline.
const (
	// TimelineUnparsed: free text the parser did not understand; no due date.
	TimelineUnparsed TimelineKind = timeline.Unparsed
	// TimelineDeadline: one day, month, quarter or year; due at its end.
	TimelineDeadline TimelineKind = timeline.Deadline
	// TimelineRange: from one period to another; due at the end of the last.
	TimelineRange TimelineKind = timeline.Range
	// TimelineRecurring: ongoing or repeated work with no single due date,
	// judged at each reporting period.
	TimelineRecurring TimelineKind = timeline.Recurring
)

// Recurrence says how often recurring work comes round.
type Recurrence string

// The recurrences plans write.
const (
	RecurContinuous Recurrence = timeline.Continuous
	RecurYearly     Recurrence = timeline.Yearly
	RecurHalfYearly Recurrence = timeline.HalfYearly
	RecurQuarterly  Recurrence = timeline.Quarterly
	RecurMonthly    Recurrence = timeline.Monthly
	RecurWeekly     Recurrence = timeline.Weekly
	RecurPeriodic   Recurrence = timeline.Periodic
)

// Timeline is the "Thời gian thực hiện" cell of a task: the text exactly as
// the plan writes it, and what the parser understood from it. The store reads
// the text with ParseTimeline against the plan's year whenever it writes a
// task (and again for all of a plan's tasks when the plan's year changes), and
// keeps what it understood beside the text: reading never parses.
type Timeline struct {
	Text string       `json:"text"`
	Kind TimelineKind `json:"kind,omitempty"`
	// Start is the first day of the named period, when there is one, and
	// for recurring work the first day of the plan's year: a recurring task
	// is judged within that year.
	Start Date `json:"start,omitzero"`
	// Due is the day the work must be done by; zero for recurring and
	// unparsed timelines.
	Due        Date       `json:"due,omitzero"`
	Recurrence Recurrence `json:"recurrence,omitempty"`
	// RecurMonth is the month of a yearly recurrence, 12 for "Tháng 12 hằng năm".
	RecurMonth int `json:"recurMonth,omitempty"`
	// Qualifier is what follows the timeline proper, "theo chỉ đạo của UBND tỉnh".
	Qualifier string `json:"qualifier,omitempty"`
	// Problem says in Vietnamese why a timeline with text was not understood,
	// "không đọc được “Quý V/2023”: quý chỉ từ I đến IV"; empty when it was,
	// or when there is no text.
	Problem string `json:"problem,omitempty"`
}

// Recurring reports whether the timeline has no single due date because the
// work repeats or goes on all year.
func (tl Timeline) Recurring() bool { return tl.Kind == TimelineRecurring }

// ParseTimeline reads a timeline cell (see package timeline). planYear
// stands in for a year the text leaves out ("Tháng 12"); pass 0 when there
// is none. Text it cannot read gives a Timeline of kind TimelineUnparsed
// with no due date and a Problem saying why: never an error.
func ParseTimeline(text string, planYear int) Timeline {
	r := timeline.Read(text, planYear)
	return Timeline{
		Text: text, Kind: TimelineKind(r.Kind), Start: Date(r.Start), Due: Date(r.Due),
		Recurrence: Recurrence(r.Recurrence), RecurMonth: r.RecurMonth, Qualifier: r.Qualifier, Problem: r.Problem,
	}
}

// BadDate reports whether the timeline's text was meant as a date that
// cannot be one ("31/02/2023", "Quý V/2023", "Tháng 13", a range that ends
// before it starts); other text the parser did not read ("Theo chỉ đạo của
// tỉnh") is no date at all, and not a bad one.
func (tl Timeline) BadDate() bool { return timeline.BadDate(tl.Problem) }

// DueLine says what the timeline's text gives as a deadline, to show beside
// it as it is typed: "Quý IV/2025 → 31/12/2025", "Thường xuyên → đánh giá
// theo từng kỳ báo cáo", or "không xác định được hạn" with the reason; ""
// for no text.
func (tl Timeline) DueLine() string {
	switch {
	case tl.Text == "":
		return ""
	case !tl.Due.IsZero():
		return tl.Text + " → " + tl.Due.String()
	case tl.Recurring():
		return tl.Text + " → đánh giá theo từng kỳ báo cáo"
	case tl.Problem != "":
		return "không xác định được hạn: " + tl.Problem
	}
	return "không xác định được hạn"
}
