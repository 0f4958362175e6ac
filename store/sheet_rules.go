package store

import (
	"fmt"
	"strings"
)

// statusRank orders the stored statuses from least to most settled: a row
// that moves a task down this order lowers it. Reopening a dropped task,
// and dropping a finished one, both lower it.
func statusRank(s Status) int {
	switch s {
	case StatusInProgress:
		return 1
	case StatusDropped:
		return 2
	case StatusDone:
		return 3
	}
	return 0
}

// Lowers reports whether going from one status and progress to another
// lowers a task: a status further from done, or less progress.
func Lowers(from Status, fromPercent int, to Status, toPercent int) bool {
	return toPercent < fromPercent || statusRank(OrNotStarted(to)) < statusRank(OrNotStarted(from))
}

func OrNotStarted(s Status) Status {
	if s == "" {
		return StatusNotStarted
	}
	return s
}

// SheetChange is what one row of a returned tracking sheet changes, or
// would change, in its task: the task as it stands, and what the row says.
type SheetChange struct {
	Row ProgressRow
	// Task is the task before the row, and Number its number as the plan
	// prints it, "II.3".
	Task   Task
	Number string
	// Date is the day the row's news is dated by (ProgressRow.NewsDate).
	Date Date
	// Status and Percent are what the row says, as an update records them.
	Status  Status
	Percent int
	// StateChanged: the row gives another status or progress; ResultChanged:
	// another result, not empty.
	StateChanged, ResultChanged bool
	// Evidence are the lines of the row's evidence cell the task lacks.
	Evidence []string
	// Lower: the row would lower the task's status or progress.
	Lower bool
	// Stale: the row's sheet does not say when it was exported.
	Stale bool

	// NewEvidence are the evidence records the row adds.
	NewEvidence []Evidence
}

// None reports whether the row changes nothing in its task.
func (c SheetChange) None() bool {
	return !c.StateChanged && !c.ResultChanged && len(c.NewEvidence) == 0
}

// Unconfirmed reports whether the row needs the officer's word before it is
// applied: it lowers its task (ProgressRow.AllowLower), or comes from a
// sheet with no export date (ProgressRow.AcceptStale), and the officer has
// not confirmed it.
func (c SheetChange) Unconfirmed() bool {
	return (c.Lower && !c.Row.AllowLower) || (c.Stale && !c.Row.AcceptStale)
}

// stateText writes a status and progress, "Đang thực hiện 50%".
func stateText(s Status, percent int) string {
	return fmt.Sprintf("%s %d%%", OrNotStarted(s), percent)
}

// Describe says what the row changes, old → new: "Hoàn thành 100% →
// Đang thực hiện 50%; kết quả: “Đã trình” → “Đã ban hành”; thêm 1 tài
// liệu kiểm chứng". A part the row leaves as it is is not named, except the
// status and progress, which are always shown.
func (c SheetChange) Describe() string {
	parts := []string{stateText(c.Task.Status, c.Task.Progress) + " → " + stateText(c.Status, c.Percent)}
	if !c.StateChanged {
		parts[0] = stateText(c.Status, c.Percent) + " (giữ nguyên)"
	}
	if c.ResultChanged {
		parts = append(parts, fmt.Sprintf("kết quả: %s → “%s”", quotedOrNone(c.Task.Result), oneLineText(c.Row.Result)))
	}
	if n := len(c.Evidence); n > 0 {
		parts = append(parts, fmt.Sprintf("thêm %d tài liệu kiểm chứng", n))
	}
	return strings.Join(parts, "; ")
}

// NewsSinceExport reports whether the task's latest update was recorded
// after the row's sheet was exported: the sheet knew of an earlier one, or
// of none.
func (c SheetChange) NewsSinceExport() bool {
	return !c.Row.Stale() && c.Task.Track.LastUpdate.After(c.Row.Known)
}

// Flags names why the row needs confirming: "hạ trạng thái/tiến độ",
// "bảng không ghi ngày xuất".
func (c SheetChange) Flags() []string {
	var flags []string
	if c.Lower {
		flags = append(flags, "hạ trạng thái/tiến độ")
	}
	if c.Stale {
		flags = append(flags, "bảng không ghi ngày xuất")
	}
	return flags
}

func quotedOrNone(text string) string {
	if strings.TrimSpace(text) == "" {
		return "(trống)"
	}
	return "“" + oneLineText(text) + "”"
}

// oneLineText puts text on one line and cuts it at 80 characters.
func oneLineText(text string) string {
	r := []rune(strings.Join(strings.Fields(text), " "))
	if len(r) <= 80 {
		return string(r)
	}
	return string(r[:80]) + "…"
}

// NewsDate is the day a row's news is dated by: the date the division
// wrote in it, else the day its sheet was exported, else today (a sheet
// that does not say when it was exported).
func (r ProgressRow) NewsDate(today Date) Date {
	switch {
	case !r.Date.IsZero():
		return r.Date
	case !r.Exported.IsZero():
		return r.Exported
	}
	return today
}

// Stale reports whether the row's sheet does not say when it was exported:
// every sheet exported before the export date was written, which may be
// older than what the app holds.
func (r ProgressRow) Stale() bool { return r.Exported.IsZero() }

// SummaryStanding is where a task stands on day asOf, judged from its own
// summary (Task.Track) as Store.Standings judges a task with no update
// after asOf; a later update counts as if it were dated asOf. It serves
// writers handed a bundle without standings.
func SummaryStanding(t Task, asOf Date, r Rules) Standing {
	if st, ok := AssessCached(t, asOf, r); ok {
		return st
	}
	t.Track.LastUpdate = asOf
	st, _ := AssessCached(t, asOf, r)
	return st
}

// ProgressRow is one row of a tracking sheet sent back by a division: the
// task it is about, the fingerprint the task had when the sheet was
// exported, the tracking fields as the division filled them in, the dates
// the sheet gives, and what the officer confirmed of it.
type ProgressRow struct {
	// Row is the row number in the sheet, for messages.
	Row int
	// File is the sheet's file name, for the source of the updates it brings.
	File     string
	TaskID   uint64
	Hash     string
	Status   Status
	Percent  int
	Result   string
	Evidence []string
	// Date is the day the division wrote in the row ("Ngày cập nhật");
	// zero when it wrote none.
	Date Date
	// Exported is the day the sheet was exported; zero when the sheet does
	// not say, as no sheet exported before the date was written does.
	Exported Date
	// Known is the day of the task's latest update when the sheet was
	// exported; zero when it had none or the sheet does not say. It tells
	// whether the app's news came after the export (SheetChange.NewsSinceExport).
	Known Date
	// AllowLower: the officer confirmed that the row may lower its task's
	// status or progress.
	AllowLower bool
	// AcceptStale: the officer confirmed the row although its sheet does
	// not say when it was exported.
	AcceptStale bool
}

// Recorded returns the row with its status and percent as ApplyProgress
// records them (see RecordedState); a row whose status and percent
// contradict each other is returned as it is.
func (r ProgressRow) Recorded() ProgressRow {
	if status, percent, err := RecordedState(r.Status, r.Percent); err == nil {
		r.Status, r.Percent = status, percent
	}
	return r
}
