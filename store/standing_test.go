package store

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// day is a day of 2023, the year the tests run in.
func day(month time.Month, d int) Date { return NewDate(2023, month, d) }

// report is an update of the tests: its day, status and progress.
func report(d Date, status Status, progress int) Update {
	return Update{Date: d, Status: status, Progress: progress, Recorded: d.Time()}
}

func (u Update) noted(note string) Update    { u.Note = note; return u }
func (u Update) why(reason string) Update    { u.Reason = reason; return u }
func (u Update) removed(at time.Time) Update { u.RemovedAt = at; return u }

// deadlineTask is a task due at the end of June 2023.
var deadlineTask = Task{Ordinal: "1", Content: "Rà soát", Timeline: ParseTimeline("Quý II/2023", 2023)}

var defaultRules = Settings{}.Rules()

func TestAssessDeadlineTasks(t *testing.T) {
	tests := []struct {
		name    string
		history []Update
		asOf    Date
		want    Standing
	}{
		{"no update, not yet due", nil, day(3, 1),
			Standing{State: StateNotStarted, Due: day(6, 30)}},
		{"no update, past due", nil, day(7, 1),
			Standing{State: StateOverdue, Due: day(6, 30)}},
		{"due soon: 15 days ahead by default", []Update{report(day(5, 2), StatusInProgress, 40)}, day(6, 15),
			Standing{State: StateInProgress, Progress: 40, DueSoon: true, Due: day(6, 30), LastUpdate: day(5, 2)}},
		{"not soon 16 days ahead", []Update{report(day(5, 2), StatusInProgress, 40)}, day(6, 14),
			Standing{State: StateInProgress, Progress: 40, Due: day(6, 30), LastUpdate: day(5, 2)}},
		{"due today is due soon, not late", nil, day(6, 30),
			Standing{State: StateNotStarted, DueSoon: true, Due: day(6, 30)}},
		{"done on time", []Update{report(day(4, 1), StatusInProgress, 50), report(day(6, 30), StatusDone, 100).noted("Đã ban hành")}, day(9, 1),
			Standing{State: StateDoneOnTime, Progress: 100, Due: day(6, 30), LastUpdate: day(6, 30), LatestNote: "Đã ban hành"}},
		{"done late, with its reason", []Update{report(day(7, 10), StatusInProgress, 80).why("Chờ ý kiến các sở"), report(day(7, 20), StatusDone, 100)}, day(9, 1),
			Standing{State: StateDoneLate, Progress: 100, Due: day(6, 30), LastUpdate: day(7, 20), Reason: "Chờ ý kiến các sở"}},
		{"done late is judged from the first of the run of done", []Update{report(day(6, 20), StatusDone, 100), report(day(7, 20), StatusDone, 100).noted("Bổ sung")}, day(9, 1),
			Standing{State: StateDoneOnTime, Progress: 100, Due: day(6, 30), LastUpdate: day(7, 20), LatestNote: "Bổ sung"}},
		{"reopened and done again late", []Update{report(day(6, 20), StatusDone, 100), report(day(7, 1), StatusInProgress, 90), report(day(7, 5), StatusDone, 100)}, day(9, 1),
			Standing{State: StateDoneLate, Progress: 100, Due: day(6, 30), LastUpdate: day(7, 5)}},
		{"in progress past due is overdue", []Update{report(day(5, 2), StatusInProgress, 60)}, day(7, 1),
			Standing{State: StateOverdue, Progress: 60, Due: day(6, 30), LastUpdate: day(5, 2)}},
		{"dropped is never late", []Update{report(day(5, 2), StatusDropped, 0).noted("Không còn phù hợp")}, day(12, 1),
			Standing{State: StateDropped, Due: day(6, 30), LastUpdate: day(5, 2), LatestNote: "Không còn phù hợp"}},
		{"an update after the reporting date does not count", []Update{report(day(5, 2), StatusInProgress, 60), report(day(8, 1), StatusDone, 100)}, day(6, 1),
			Standing{State: StateInProgress, Progress: 60, Due: day(6, 30), LastUpdate: day(5, 2)}},
		{"a removed update does not count", []Update{report(day(5, 2), StatusInProgress, 60), report(day(6, 1), StatusDone, 100).removed(time.Now())}, day(6, 10),
			Standing{State: StateInProgress, Progress: 60, Due: day(6, 30), LastUpdate: day(5, 2)}},
		{"order of the history does not matter", []Update{report(day(6, 2), StatusInProgress, 70), report(day(5, 2), StatusInProgress, 60)}, day(6, 10),
			Standing{State: StateInProgress, Progress: 70, Due: day(6, 30), LastUpdate: day(6, 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAssess(t, deadlineTask, tt.history, tt.asOf, tt.want)
		})
	}
}

// checkAssess checks Assess, and that the task's own summary gives the same
// standing whenever no update is dated after the reporting date.
func checkAssess(t *testing.T, task Task, history []Update, asOf Date, want Standing) {
	t.Helper()
	got := Assess(task, history, asOf, defaultRules)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Assess = %+v\nwant     %+v", got, want)
	}
	Summarize(StandingUpdates(history)).Apply(&task)
	if cached, ok := AssessCached(task, asOf, defaultRules); ok && !reflect.DeepEqual(cached, got) {
		t.Errorf("from the summary = %+v\nfrom history     %+v", cached, got)
	} else if !ok && !asOf.Before(task.Track.LastUpdate) {
		t.Error("the summary was not used although no update is later than the reporting date")
	}
}

func TestAssessTaskWithoutDueDate(t *testing.T) {
	task := Task{Content: "Theo chỉ đạo", Timeline: ParseTimeline("Theo yêu cầu của cấp trên", 2023)}
	checkAssess(t, task, nil, day(12, 31), Standing{State: StateNotStarted})
	checkAssess(t, task, []Update{report(day(3, 1), StatusInProgress, 10)}, NewDate(2030, 1, 1),
		Standing{State: StateInProgress, Progress: 10, LastUpdate: day(3, 1)})
	checkAssess(t, task, []Update{report(day(3, 1), StatusDone, 100)}, NewDate(2030, 1, 1),
		Standing{State: StateDoneOnTime, Progress: 100, LastUpdate: day(3, 1)})
}

// TestAssessRecurringTasks judges recurring tasks in the Decree 09 periods:
// quý I 15/12/2022–14/03/2023, quý II 15/03–14/06, quý III 15/06–14/09.
func TestAssessRecurringTasks(t *testing.T) {
	ongoing := Task{Content: "Tuyên truyền", Timeline: ParseTimeline("Thường xuyên", 2023)}
	yearly := Task{Content: "Tự kiểm tra", Timeline: ParseTimeline("Hằng năm", 2023)}
	halfYearly := Task{Content: "Sơ kết", Timeline: ParseTimeline("6 tháng một lần", 2023)}
	q1, q2 := [2]Date{NewDate(2022, 12, 15), day(3, 14)}, [2]Date{day(3, 15), day(6, 14)}
	tests := []struct {
		name    string
		task    Task
		history []Update
		asOf    Date
		want    Standing
	}{
		{"no update yet: unreported", ongoing, nil, day(2, 1),
			Standing{State: StateNotStarted, Unreported: true, Since: q1[0], Due: q1[1]}},
		{"done in the quarter", ongoing, []Update{report(day(3, 10), StatusDone, 100).noted("Đăng 5 tin")}, day(3, 12),
			Standing{State: StateDoneOnTime, Progress: 100, Since: q1[0], Due: q1[1], LastUpdate: day(3, 10), LatestNote: "Đăng 5 tin", DueSoon: false}},
		{"done last quarter: in progress and unreported in this one", ongoing, []Update{report(day(3, 10), StatusDone, 100).noted("Đăng 5 tin")}, day(3, 20),
			Standing{State: StateInProgress, Unreported: true, Since: q2[0], Due: q2[1], LastUpdate: day(3, 10)}},
		{"in progress last quarter stays in progress, unreported", ongoing, []Update{report(day(2, 10), StatusInProgress, 40)}, day(4, 1),
			Standing{State: StateInProgress, Progress: 40, Unreported: true, Since: q2[0], Due: q2[1], LastUpdate: day(2, 10)}},
		{"reported this quarter", ongoing, []Update{report(day(2, 10), StatusDone, 100), report(day(4, 2), StatusInProgress, 30).noted("Đang viết bài")}, day(4, 10),
			Standing{State: StateInProgress, Progress: 30, Since: q2[0], Due: q2[1], LastUpdate: day(4, 2), LatestNote: "Đang viết bài"}},
		{"end of the quarter is due soon", ongoing, []Update{report(day(4, 2), StatusInProgress, 30)}, day(6, 1),
			Standing{State: StateInProgress, Progress: 30, DueSoon: true, Since: q2[0], Due: q2[1], LastUpdate: day(4, 2)}},
		{"never overdue, nor due in a later year: judged in the plan year's last quarter", ongoing, nil, NewDate(2026, 12, 2),
			Standing{State: StateNotStarted, Unreported: true, Since: day(9, 15), Due: day(12, 14)}},
		{"late December, past the year's cut-off, is still the plan year's last quarter", ongoing, []Update{report(day(12, 10), StatusDone, 100)}, day(12, 20),
			Standing{State: StateDoneOnTime, Progress: 100, Since: day(9, 15), Due: day(12, 14), LastUpdate: day(12, 10)}},
		{"before the plan's year: its first quarter", ongoing, nil, NewDate(2022, 11, 1),
			Standing{State: StateNotStarted, Unreported: true, Since: q1[0], Due: q1[1]}},
		{"yearly: done once in the year", yearly, []Update{report(day(4, 2), StatusDone, 100)}, day(11, 1),
			Standing{State: StateDoneOnTime, Progress: 100, Since: NewDate(2022, 12, 15), Due: day(12, 14), LastUpdate: day(4, 2)}},
		{"half-yearly: the second half starts 15/06", halfYearly, []Update{report(day(5, 2), StatusDone, 100)}, day(6, 20),
			Standing{State: StateInProgress, Unreported: true, Since: day(6, 15), Due: day(12, 14), LastUpdate: day(5, 2)}},
		{"dropped is not unreported", ongoing, []Update{report(day(1, 5), StatusDropped, 0)}, day(8, 1),
			Standing{State: StateDropped, Since: day(6, 15), Due: day(9, 14), LastUpdate: day(1, 5)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAssess(t, tt.task, tt.history, tt.asOf, tt.want)
		})
	}
}

func TestAssessWithCalendarPeriodsAndOwnDueSoonDays(t *testing.T) {
	rules := Settings{DueSoonDays: 3, Periods: PeriodSettings{CutoffDay: CalendarCutoff}}.Rules()
	ongoing := Task{Timeline: ParseTimeline("Hằng quý", 2023)}
	got := Assess(ongoing, []Update{report(day(3, 20), StatusDone, 100)}, day(3, 29), rules)
	want := Standing{State: StateDoneOnTime, Progress: 100, DueSoon: false, Since: day(1, 1), Due: day(3, 31), LastUpdate: day(3, 20)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("calendar quarter: %+v\nwant %+v", got, want)
	}
	if got := Assess(deadlineTask, nil, day(6, 27), rules); !got.DueSoon {
		t.Errorf("3 days ahead with 3 due-soon days: %+v", got)
	}
	if got := Assess(deadlineTask, nil, day(6, 26), rules); got.DueSoon {
		t.Errorf("4 days ahead with 3 due-soon days: %+v", got)
	}
}

// TestEveryTaskHasOneState: whatever the history, a task has exactly one
// of States, so the counts add up.
func TestEveryTaskHasOneState(t *testing.T) {
	statuses := append([]Status{""}, Statuses...)
	tasks := []Task{deadlineTask, {Timeline: ParseTimeline("Thường xuyên", 2023)}, {Timeline: ParseTimeline("Không rõ", 2023)}}
	for _, task := range tasks {
		for _, status := range statuses {
			for _, asOf := range []Date{day(1, 1), day(6, 30), day(7, 1), day(12, 31)} {
				st := Assess(task, []Update{report(day(6, 1), status, 50)}, asOf, defaultRules)
				if n := countOf(st.State); n != 1 {
					t.Errorf("%s %q on %s: state %q is %d of States", task.Timeline.Text, status, asOf, st.State, n)
				}
			}
		}
	}
}

func countOf(s State) int {
	n := 0
	for _, known := range States {
		if known == s {
			n++
		}
	}
	return n
}

func TestStatesMatching(t *testing.T) {
	tests := []struct {
		text string
		want []State
	}{
		{"hoàn thành", []State{StateDoneOnTime, StateDoneLate}},
		{"Hoan thanh dung han", []State{StateDoneOnTime}},
		{"QUÁ HẠN", []State{StateOverdue}},
		{"dang thuc hien", []State{StateInProgress}},
		{"chua", []State{StateNotStarted}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := StatesMatching(tt.text)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("StatesMatching(%q) = %v, %v; want %v", tt.text, got, err, tt.want)
			}
		})
	}
	if _, err := StatesMatching("xong"); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown state: %v", err)
	}
}

func TestParseStatusWithoutDiacritics(t *testing.T) {
	for text, want := range map[string]Status{
		"hoan thanh": StatusDone, "Hoàn thành": StatusDone, "HOÀN THÀNH": StatusDone,
		"dang thuc hien": StatusInProgress, "  chưa   thực hiện ": StatusNotStarted, "khong thuc hien": StatusDropped,
	} {
		if got, err := ParseStatus(text); err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", text, got, err, want)
		}
	}
}

func ExampleStanding_Flags() {
	st := Standing{State: StateInProgress, DueSoon: true, Unreported: true}
	fmt.Println(st.Flags())
	// Output: [sắp đến hạn chưa báo cáo kỳ này]
}
