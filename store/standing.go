package store

import (
	"fmt"
	"slices"
	"strings"
)

// State is a task's computed status on a reporting date: from its updates,
// its timeline and that date. Every task has exactly one, so counts by
// state add up to the number of tasks.
type State string

// The computed states.
const (
	StateNotStarted State = "Chưa thực hiện"
	StateInProgress State = "Đang thực hiện"
	StateOverdue    State = "Quá hạn"
	StateDoneOnTime State = "Hoàn thành đúng hạn"
	StateDoneLate   State = "Hoàn thành quá hạn"
	StateDropped    State = "Không thực hiện"
)

// States lists the computed states in display order.
var States = []State{StateNotStarted, StateInProgress, StateOverdue, StateDoneOnTime, StateDoneLate, StateDropped}

// Done reports whether the state is one of the two finished ones.
func (s State) Done() bool { return s == StateDoneOnTime || s == StateDoneLate }

// Closed reports whether a task in this state needs no more work.
func (s State) Closed() bool { return s.Done() || s == StateDropped }

// Late reports whether the state is one a report explains with a reason.
func (s State) Late() bool { return s == StateOverdue || s == StateDoneLate }

// StatesMatching finds the states a filter names, with or without
// diacritics, in any case, by the start of their names: "hoàn thành" is
// both finished states, "qua han" is Quá hạn.
func StatesMatching(text string) ([]State, error) {
	want := strings.Join(strings.Fields(Fold(text)), " ")
	var found []State
	for _, s := range States {
		if want != "" && strings.HasPrefix(Fold(string(s)), want) {
			found = append(found, s)
		}
	}
	if len(found) == 0 {
		names := make([]string, len(States))
		for i, s := range States {
			names[i] = "“" + string(s) + "”"
		}
		return nil, fmt.Errorf("%w: trạng thái %q không có: dùng %s", ErrInvalid, text, strings.Join(names, ", "))
	}
	return found, nil
}

// Standing is where a task stands on a reporting date.
type Standing struct {
	State    State `json:"state"`
	Progress int   `json:"progress"`
	// DueSoon: the task is not finished and its due date comes within the
	// due-soon days (Rules.DueSoonDays).
	DueSoon bool `json:"dueSoon,omitempty"`
	// Unreported: a recurring task with no update in its current period
	// (chưa báo cáo kỳ này).
	Unreported bool `json:"unreported,omitempty"`
	// Since and Due are the period a recurring task is judged in; Due alone
	// is the deadline of any other task (zero when its timeline gives none).
	Since Date `json:"since,omitzero"`
	Due   Date `json:"due,omitzero"`
	// LastUpdate is the date of the latest update up to the reporting date.
	LastUpdate Date `json:"lastUpdate,omitzero"`
	// LatestNote is the latest note up to the reporting date; for a
	// recurring task, within its period.
	LatestNote string `json:"latestNote,omitempty"`
	// Reason is the lý do chậm of a late task.
	Reason string `json:"reason,omitempty"`
}

// Flags returns the flags shown beside the state: "sắp đến hạn", "chưa báo
// cáo kỳ này".
func (s Standing) Flags() []string {
	var flags []string
	if s.DueSoon {
		flags = append(flags, "sắp đến hạn")
	}
	if s.Unreported {
		flags = append(flags, "chưa báo cáo kỳ này")
	}
	return flags
}

// Rules are the settings statuses are computed with.
type Rules struct {
	// DueSoonDays is how many days ahead a due date counts as soon.
	DueSoonDays int
	Periods     PeriodSettings
}

// DefaultDueSoonDays is the due-soon window unless the settings say otherwise.
const DefaultDueSoonDays = 15

// Rules returns the rules the settings give, with the defaults for what
// they leave unset.
func (s Settings) Rules() Rules {
	days := s.DueSoonDays
	if days == 0 {
		days = DefaultDueSoonDays
	}
	return Rules{DueSoonDays: days, Periods: s.Periods}
}

// Assess computes where a task stands on day asOf from its updates (in any
// order; removed ones and those dated after asOf do not count).
//
// A task with a deadline is judged by its latest update: done is on time
// when the run of updates that reached done began by the due date, late
// otherwise; an unfinished task past its due date is overdue. A recurring
// task is judged in the period that holds asOf (a quarter for "Thường
// xuyên", "Hằng quý" and the like, a half year for "6 tháng một lần", the
// year for "Hằng năm"): by its latest update when that falls in the period,
// otherwise it is flagged unreported and keeps the state it had (in
// progress, when that was done for an earlier period). It is never overdue.
func Assess(t Task, history []Update, asOf Date, r Rules) Standing {
	return Judge(t.Timeline, Summarize(UpTo(StandingUpdates(history), asOf)), asOf, r)
}

// UpTo keeps the updates, oldest first, dated up to day asOf.
func UpTo(history []Update, asOf Date) []Update {
	for i, u := range history {
		if u.Date.After(asOf) {
			return history[:i]
		}
	}
	return history
}

// AssessCached computes the standing from the task's own summary, as
// Assess would from its history when no update is dated after asOf.
func AssessCached(t Task, asOf Date, r Rules) (Standing, bool) {
	if asOf.Before(t.Track.LastUpdate) {
		return Standing{}, false
	}
	status := t.Status
	if status == "" {
		status = StatusNotStarted
	}
	return Judge(t.Timeline, Summary{Status: status, Progress: t.Progress, Track: t.Track}, asOf, r), true
}

// Judge computes the standing of a task with timeline tl whose updates up
// to asOf sum up to s.
func Judge(tl Timeline, s Summary, asOf Date, r Rules) Standing {
	if tl.Recurring() {
		return judgeRecurring(tl, s, asOf, r)
	}
	st := Standing{Progress: s.Progress, Due: tl.Due, LastUpdate: s.Track.LastUpdate, LatestNote: s.Track.LatestNote}
	due := tl.Due
	switch {
	case s.Status == StatusDone && !due.IsZero() && s.Track.DoneOn.After(due):
		st.State = StateDoneLate
	case s.Status == StatusDone:
		st.State = StateDoneOnTime
	case s.Status == StatusDropped:
		st.State = StateDropped
	case !due.IsZero() && due.Before(asOf):
		st.State = StateOverdue
	case s.Status == StatusInProgress:
		st.State = StateInProgress
	default:
		st.State = StateNotStarted
	}
	if st.State.Late() {
		st.Reason = s.Track.LateReason
	}
	st.DueSoon = dueSoon(st.State, due, asOf, r)
	return st
}

// judgeRecurring judges a recurring task in the period that holds asOf, or,
// when asOf falls outside the plan's year, in the year's first or last
// period: a 2023 plan's "Thường xuyên" is never due in 2026.
func judgeRecurring(tl Timeline, s Summary, asOf Date, r Rules) Standing {
	since, due := recurrenceWindow(tl, withinPlanYear(tl, asOf, r.Periods), r.Periods)
	st := Standing{Since: since, Due: due, LastUpdate: s.Track.LastUpdate, Progress: s.Progress}
	if !s.Track.NoteOn.Before(since) {
		st.LatestNote = s.Track.LatestNote
	}
	reported := !s.Track.LastUpdate.IsZero() && !s.Track.LastUpdate.Before(since)
	switch {
	case s.Status == StatusDropped:
		st.State = StateDropped
	case s.Status == StatusDone && reported:
		st.State = StateDoneOnTime
	case s.Status == StatusDone:
		st.State, st.Progress = StateInProgress, 0
	case s.Status == StatusInProgress:
		st.State = StateInProgress
	default:
		st.State = StateNotStarted
	}
	st.Unreported = !reported && st.State != StateDropped
	st.DueSoon = dueSoon(st.State, due, asOf, r)
	return st
}

// withinPlanYear returns day d moved into the reporting year of the plan a
// recurring timeline belongs to, when the timeline knows it.
func withinPlanYear(tl Timeline, d Date, ps PeriodSettings) Date {
	if tl.Start.IsZero() {
		return d
	}
	first, last := Period{Kind: PeriodYear, Year: tl.Start.Year}.Bounds(ps)
	switch {
	case d.Before(first):
		return first
	case d.After(last):
		return last
	}
	return d
}

// dueSoon reports whether an unfinished task's due date comes within the
// due-soon days from asOf.
func dueSoon(state State, due, asOf Date, r Rules) bool {
	return !state.Closed() && !due.IsZero() && !due.Before(asOf) && !due.After(asOf.AddDays(r.DueSoonDays))
}

// recurrenceWindow returns the first and last day of the period a recurring
// task is judged in on day d.
func recurrenceWindow(tl Timeline, d Date, ps PeriodSettings) (Date, Date) {
	switch tl.Recurrence {
	case RecurYearly:
		return PeriodOf(PeriodYear, d, ps).Bounds(ps)
	case RecurHalfYearly:
		year := PeriodOf(PeriodYear, d, ps).Year
		if h1 := (Period{Kind: PeriodH1, Year: year}); h1.Contains(d, ps) {
			return h1.Bounds(ps)
		}
		start, _ := Period{Kind: PeriodQ3, Year: year}.Bounds(ps)
		_, end := Period{Kind: PeriodQ4, Year: year}.Bounds(ps)
		return start, end
	}
	return PeriodOf(PeriodQ1, d, ps).Bounds(ps)
}

// LateWithoutReason reports whether the update u, added to the standing
// history, leaves a task with a deadline late on its date with no reason
// given since the task fell due.
func LateWithoutReason(t Task, history []Update, u Update, r Rules) bool {
	if u.Reason != "" || u.FromSheet() || t.Timeline.Recurring() {
		return false
	}
	known := UpTo(StandingUpdates(slices.Concat(history, []Update{u})), u.Date)
	if !Judge(t.Timeline, Summarize(known), u.Date, r).State.Late() {
		return false
	}
	for _, earlier := range known {
		if earlier.Reason != "" && earlier.Date.After(t.Timeline.Due) {
			return false
		}
	}
	return true
}
