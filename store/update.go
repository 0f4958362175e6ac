package store

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ErrConflict: an update's status and progress contradict each other; the
// wrapping text asks which one is true.
var ErrConflict = errors.New("trạng thái và tiến độ mâu thuẫn")

// ErrNeedReason: an update leaves its task late and gives no reason.
var ErrNeedReason = errors.New("cần ghi lý do chậm")

// Where updates come from, as the history shows them.
const (
	SourceWindow    = "cửa sổ"
	SourceCLI       = "dòng lệnh"
	SourceMigration = "chuyển đổi dữ liệu cũ"
	SourceDemo      = "dữ liệu mẫu"
	sourceSheet     = "bảng theo dõi"
)

// SheetSource is the source of the updates a returned tracking sheet
// brings: "bảng theo dõi vp.xlsx".
func SheetSource(file string) string {
	return strings.TrimSpace(sourceSheet + " " + file)
}

// FromSheet reports whether an update came from a returned tracking sheet,
// which cannot be asked for a reason.
func (u Update) FromSheet() bool { return strings.HasPrefix(u.Source, sourceSheet) }

// Update is one dated report of progress on a task: the unit of tracking.
// Every update is kept; a corrected one keeps its earlier versions and a
// removed one stays in the history, flagged.
type Update struct {
	ID     uint64 `json:"id"`
	PlanID uint64 `json:"planId"`
	TaskID uint64 `json:"taskId"`
	// Date is the day the work was reported; today unless the officer says.
	Date Date `json:"date"`
	// Status and Progress are the task's state as of the update.
	Status   Status `json:"status"`
	Progress int    `json:"progress"`
	// Note says what was done.
	Note string `json:"note,omitempty"`
	// Unit is the reporting unit.
	Unit string `json:"unit,omitempty"`
	// Reason is the lý do chậm, needed when the update leaves the task late.
	Reason string `json:"reason,omitempty"`
	// Source says where the update was entered (SourceWindow, SheetSource ...).
	Source string `json:"source,omitempty"`
	// Recorded is when the update was entered.
	Recorded time.Time `json:"recorded"`
	// RemovedAt is when the update was removed; zero while it stands.
	RemovedAt time.Time `json:"removedAt,omitzero"`
	// Corrections are the update's earlier versions, oldest first.
	Corrections []UpdateVersion `json:"corrections,omitempty"`
}

// UpdateVersion is an update as it stood before a correction.
type UpdateVersion struct {
	// At is when the version was replaced.
	At       time.Time `json:"at"`
	Date     Date      `json:"date"`
	Status   Status    `json:"status"`
	Progress int       `json:"progress"`
	Note     string    `json:"note,omitempty"`
	Unit     string    `json:"unit,omitempty"`
	Reason   string    `json:"reason,omitempty"`
}

// Removed reports whether the update was removed.
func (u Update) Removed() bool { return !u.RemovedAt.IsZero() }

// Corrected reports whether the update was corrected after it was entered.
func (u Update) Corrected() bool { return len(u.Corrections) > 0 }

// Version returns the update's own fields as a version replaced at at.
func (u Update) Version(at time.Time) UpdateVersion {
	return UpdateVersion{At: at, Date: u.Date, Status: u.Status, Progress: u.Progress, Note: u.Note, Unit: u.Unit, Reason: u.Reason}
}

// SameReport reports whether two updates report the same thing on the same day.
func SameReport(a, b Update) bool {
	return a.Version(time.Time{}) == b.Version(time.Time{})
}

// conflictQuestion is what the officer is asked when 100% comes with "not started".
const conflictQuestion = "tiến độ 100% nhưng trạng thái “Chưa thực hiện”: nhiệm vụ đã hoàn thành hay chưa bắt đầu?"

// RecordedState returns the status and progress an update is stored with:
// a finished task is 100% done, and work reported on a task not yet
// started puts it in progress. 100% with "not started" is refused with
// ErrConflict, a question: is the task done, or not started?
func RecordedState(status Status, progress int) (Status, int, error) {
	if status == "" {
		status = StatusNotStarted
	}
	switch {
	case progress < 0 || progress > 100:
		return status, progress, fmt.Errorf("%w: tiến độ %d%% phải từ 0 đến 100", ErrInvalid, progress)
	case status == StatusDone:
		progress = 100
	case status == StatusNotStarted && progress == 100:
		return status, progress, fmt.Errorf("%w: %s", ErrConflict, conflictQuestion)
	case status == StatusNotStarted && progress > 0:
		status = StatusInProgress
	}
	return status, progress, nil
}

// Normalize checks an update and brings its status and progress to what is
// stored (RecordedState); a zero date becomes today.
func (u *Update) Normalize(today Date) error {
	if _, err := ParseStatus(string(u.Status)); err != nil {
		return err
	}
	if u.Date.IsZero() {
		u.Date = today
	}
	if !ValidYear(u.Date.Year) {
		return fmt.Errorf("%w: ngày cập nhật %s không hợp lệ", ErrInvalid, u.Date)
	}
	status, progress, err := RecordedState(u.Status, u.Progress)
	u.Status, u.Progress = status, progress
	u.Note, u.Unit, u.Reason = strings.TrimSpace(u.Note), strings.TrimSpace(u.Unit), strings.TrimSpace(u.Reason)
	return err
}

// compareUpdates orders updates as they happened: by date, then by when
// they were entered, then by id.
func compareUpdates(a, b Update) int {
	if c := a.Date.Time().Compare(b.Date.Time()); c != 0 {
		return c
	}
	if c := a.Recorded.Compare(b.Recorded); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// StandingUpdates returns the updates that stand (not removed), oldest first.
func StandingUpdates(updates []Update) []Update {
	kept := make([]Update, 0, len(updates))
	for _, u := range updates {
		if !u.Removed() {
			kept = append(kept, u)
		}
	}
	slices.SortFunc(kept, compareUpdates)
	return kept
}

// NewestFirst sorts a history for showing: the latest update first.
func NewestFirst(updates []Update) {
	slices.SortFunc(updates, func(a, b Update) int { return compareUpdates(b, a) })
}

// TaskTrack sums up a task's updates and evidence, kept on the task and
// rewritten in the same transaction as every change to them, so that
// listing tasks never reads their histories.
type TaskTrack struct {
	// LastUpdate is the date of the latest update.
	LastUpdate Date `json:"lastUpdate,omitzero"`
	// DoneOn is the date of the first of the latest run of updates that say
	// done: when the task was finished; zero unless it is.
	DoneOn Date `json:"doneOn,omitzero"`
	// LatestNote is the note of the latest update that has one, dated NoteOn.
	LatestNote string `json:"latestNote,omitempty"`
	NoteOn     Date   `json:"noteOn,omitzero"`
	// LateReason is the reason of the latest update that gives one.
	LateReason string `json:"lateReason,omitempty"`
	// Updates and Evidence count the standing updates and the evidence.
	Updates  int `json:"updates,omitempty"`
	Evidence int `json:"evidence,omitempty"`
}

// Summary is what a run of standing updates, oldest first, leaves a task
// with: its status, progress and track (without the evidence count).
type Summary struct {
	Status   Status
	Progress int
	Track    TaskTrack
}

// Summarize sums up standing updates, oldest first.
func Summarize(history []Update) Summary {
	s := Summary{Status: StatusNotStarted, Track: TaskTrack{Updates: len(history)}}
	for i, u := range history {
		s.Status, s.Progress, s.Track.LastUpdate = u.Status, u.Progress, u.Date
		if u.Note != "" {
			s.Track.LatestNote, s.Track.NoteOn = u.Note, u.Date
		}
		if u.Reason != "" {
			s.Track.LateReason = u.Reason
		}
		switch {
		case u.Status != StatusDone:
			s.Track.DoneOn = Date{}
		case i == 0 || history[i-1].Status != StatusDone:
			s.Track.DoneOn = u.Date
		}
	}
	return s
}

// Apply puts a summary on the task, keeping its evidence count.
func (s Summary) Apply(t *Task) {
	evidence := t.Track.Evidence
	t.Status, t.Progress, t.Track = s.Status, s.Progress, s.Track
	t.Track.Evidence = evidence
}

// ResultText is the "kết quả thực hiện" a document prints for a task: the
// officer's result where it is set, otherwise the latest note of the
// period the standing was judged in.
func ResultText(t Task, s Standing) string {
	if strings.TrimSpace(t.Result) != "" {
		return t.Result
	}
	return s.LatestNote
}

// RecordTaskIDs and SetRecordID give the ids the store keys an update by.
func (u *Update) RecordTaskIDs() (uint64, uint64, uint64) { return u.PlanID, u.TaskID, u.ID }
func (u *Update) SetRecordID(id uint64)                   { u.ID = id }
