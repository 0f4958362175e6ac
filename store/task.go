package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Area is one reform area of a plan, a Roman-numeral row of its task table.
type Area struct {
	ID     uint64 `json:"id"`
	PlanID uint64 `json:"planId"`
	// Numeral is the area's numbering as printed, "I" (sometimes "A").
	Numeral string `json:"numeral"`
	Name    string `json:"name"`
	// Order places the area within its plan, from 1.
	Order int `json:"order"`
}

// Label returns "I. Cải cách thể chế".
func (a Area) Label() string {
	if a.Numeral == "" {
		return a.Name
	}
	return a.Numeral + ". " + a.Name
}

// Status is a task's stored state. Overdue is never stored: it is how an
// unfinished task with a past due date is shown (see Task.DisplayStatus).
type Status string

// The stored statuses, and the displayed-only Overdue.
const (
	StatusNotStarted Status = "Chưa thực hiện"
	StatusInProgress Status = "Đang thực hiện"
	StatusDone       Status = "Hoàn thành"
	StatusDropped    Status = "Không thực hiện"
	StatusOverdue    Status = "Quá hạn"
)

// Statuses lists the statuses a task can be stored with, in workflow order.
var Statuses = []Status{StatusNotStarted, StatusInProgress, StatusDone, StatusDropped}

// ParseStatus accepts a stored status by its Vietnamese name, with or
// without diacritics, in any case: "Hoàn thành", "hoan thanh"; "" means not
// started.
func ParseStatus(s string) (Status, error) {
	clean := strings.Join(strings.Fields(Fold(s)), " ")
	if clean == "" {
		return StatusNotStarted, nil
	}
	for _, st := range Statuses {
		if Fold(string(st)) == clean {
			return st, nil
		}
	}
	return "", fmt.Errorf("%w: trạng thái %q không hợp lệ: dùng %s", ErrInvalid, s, statusList())
}

func statusList() string {
	names := make([]string, len(Statuses))
	for i, st := range Statuses {
		names[i] = "“" + string(st) + "”"
	}
	return strings.Join(names, ", ")
}

// Closed reports whether a task in this status needs no more work.
func (s Status) Closed() bool { return s == StatusDone || s == StatusDropped }

// Task is one row of a plan's task table, with the fields the officer
// tracks through the year.
type Task struct {
	ID     uint64 `json:"id"`
	PlanID uint64 `json:"planId"`
	AreaID uint64 `json:"areaId"`
	// Ordinal is the task's number within its area as the TT column prints it.
	Ordinal string `json:"ordinal"`
	// Order places the task within its area, from 1.
	Order   int    `json:"order"`
	Content string `json:"content"`
	Product string `json:"product"`
	// Lead is the lead unit (đơn vị chủ trì) as the plan writes it.
	Lead string `json:"lead"`
	// Coordinating are the coordinating units, one a unit.
	Coordinating []string `json:"coordinating"`
	Timeline     Timeline `json:"timeline"`

	// Status and Progress are those of the task's latest update (not
	// started, 0% while it has none). The store writes them, with Track,
	// whenever the task's updates change; CreateTask and UpdateTask leave
	// them as they are.
	Status   Status `json:"status"`
	Progress int    `json:"progress"`
	// Result is the officer's own text for what was achieved, the "kết quả
	// thực hiện" documents print (see ResultText).
	Result string `json:"result,omitempty"`
	// Track sums up the task's updates and evidence, stored apart.
	Track TaskTrack `json:"track,omitzero"`
}

// DisplayStatus returns the status to show on the given day: the stored one,
// or Overdue when the task is neither done nor dropped and its due date has
// passed. Recurring and unparsed timelines have no due date and are never
// overdue by date.
func (t Task) DisplayStatus(today Date) Status {
	status := t.Status
	if status == "" {
		status = StatusNotStarted
	}
	if status.Closed() {
		return status
	}
	if due := t.Timeline.Due; !due.IsZero() && due.Before(today) {
		return StatusOverdue
	}
	return status
}

// ReadTimeline reads the task's timeline text, cleaned, against the plan's
// year: what the store does whenever it writes a task.
func (t *Task) ReadTimeline(planYear int) {
	t.Timeline = ParseTimeline(CleanText(t.Timeline.Text), planYear)
}

// Validate reports the first field that keeps the task from being saved.
func (t Task) Validate() error {
	where := "nhiệm vụ"
	if t.Ordinal != "" {
		where += " " + t.Ordinal
	}
	switch {
	case strings.TrimSpace(t.Content) == "":
		return fmt.Errorf("%w: %s: nội dung không được để trống", ErrInvalid, where)
	case t.Progress < 0 || t.Progress > 100:
		return fmt.Errorf("%w: %s: tiến độ %d%% phải từ 0 đến 100", ErrInvalid, where, t.Progress)
	}
	if _, err := ParseStatus(string(t.Status)); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	return nil
}

// StatusCounts counts tasks by the status shown on the given day.
func StatusCounts(tasks []Task, today Date) map[Status]int {
	counts := make(map[Status]int, len(Statuses)+1)
	for _, t := range tasks {
		counts[t.DisplayStatus(today)]++
	}
	return counts
}

// TaskNumber returns a task's number as the plan prints it with its area's,
// "II.3"; the task's own number when the area has no numeral.
func TaskNumber(a Area, t Task) string {
	if a.Numeral == "" {
		return t.Ordinal
	}
	return a.Numeral + "." + t.Ordinal
}

// TaskHash returns a short fingerprint of what a task asks for, as the plan
// writes it: ordinal, content, product, lead and coordinating units and the
// timeline text. Exported workbooks carry it beside the task id, so that a
// sheet sent back by a division shows whether the task was changed in the app
// since. The tracking fields are left out: they are what the sheet reports.
func TaskHash(t Task) string {
	h := sha256.New()
	for _, field := range []string{t.Ordinal, t.Content, t.Product, t.Lead, JoinUnits(t.Coordinating), t.Timeline.Text} {
		h.Write([]byte(field))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// RecordIDs and SetRecordID give the ids the store keys areas and tasks by.
func (a *Area) RecordIDs() (uint64, uint64) { return a.PlanID, a.ID }
func (a *Area) SetRecordID(id uint64)       { a.ID = id }
func (t *Task) RecordIDs() (uint64, uint64) { return t.PlanID, t.ID }
func (t *Task) SetRecordID(id uint64)       { t.ID = id }
