package demo

import "strconv"

// ScriptStep is one update of ScriptedYear as an officer gives it: the
// task by its printed number ("II.3"), the date as day/month/year, the
// status with or without diacritics, the progress (-1 when the status says
// it: done is 100%, not started and dropped 0%), what was done, the
// reporting unit and the reason it is late.
type ScriptStep struct {
	Task, Date, Status string
	Progress           int
	Note, Unit, Reason string
}

// Args returns the step as the flags of `cchc-cli update`.
func (s ScriptStep) Args() []string {
	args := []string{"--task", s.Task, "--date", s.Date, "--status", s.Status}
	if s.Progress >= 0 {
		args = append(args, "--progress", strconv.Itoa(s.Progress))
	}
	for _, flag := range []struct{ name, value string }{{"--note", s.Note}, {"--by", s.Unit}, {"--reason", s.Reason}} {
		if flag.value != "" {
			args = append(args, flag.name, flag.value)
		}
	}
	return args
}

// ScriptedYear is a year of the seed plan 122/KH-SKH as an officer records
// it: statuses typed with and without diacritics, tasks named by their
// printed number, reasons for what is late. The command line and the
// window both record it, and must leave the tasks as ScriptedChecks says.
var ScriptedYear = []ScriptStep{
	{Task: "VII.1", Date: "10/01/2023", Status: "hoan thanh", Progress: -1, Note: "Đã ban hành Kế hoạch CCHC năm 2023"},
	{Task: "VII.2", Date: "20/02/2023", Status: "Đang thực hiện", Progress: 50, Unit: "Văn phòng Sở", Reason: "Chờ ý kiến các phòng"},
	{Task: "II.1", Date: "10/03/2023", Status: "HOÀN THÀNH", Progress: -1, Note: "Đăng 5 tin, bài"},
	{Task: "VII.2", Date: "15/03/2023", Status: "hoàn thành", Progress: -1},
	{Task: "I.2", Date: "15/03/2023", Status: "dang thuc hien", Progress: 60, Reason: "Chờ hướng dẫn của tỉnh"},
	{Task: "I.1", Date: "05/04/2023", Status: "dang thuc hien", Progress: 30, Note: "Đã có dự thảo"},
	{Task: "II.1", Date: "20/05/2023", Status: "dang thuc hien", Progress: 50},
	{Task: "VII.3", Date: "10/06/2023", Status: "hoan thanh", Progress: -1, Note: "Đã gửi báo cáo 6 tháng"},
	{Task: "III.1", Date: "20/06/2023", Status: "khong thuc hien", Progress: -1, Note: "Lồng ghép vào nhiệm vụ III.2"},
	{Task: "II.2", Date: "01/09/2023", Status: "hoan thanh", Progress: -1},
	{Task: "I.1", Date: "15/11/2023", Status: "hoan thanh", Progress: -1, Note: "Đã ban hành"},
	{Task: "I.3", Date: "10/01/2024", Status: "hoan thanh", Progress: -1, Reason: "Chờ số liệu cuối năm"},
}

// The computed states, as ScriptedChecks writes them.
const (
	stateNotStarted = "Chưa thực hiện"
	stateInProgress = "Đang thực hiện"
	stateOverdue    = "Quá hạn"
	stateDoneOnTime = "Hoàn thành đúng hạn"
	stateDoneLate   = "Hoàn thành quá hạn"
	stateDropped    = "Không thực hiện"
)

// ScriptCheck is where the plan's 21 tasks stand on a reporting date after
// ScriptedYear: the state of every task States names, "Chưa thực hiện" for
// the others, and the count of tasks in each state, which add up to 21.
type ScriptCheck struct {
	AsOf   string
	States map[string]string
	Counts map[string]int
}

// State returns the state of the task numbered number on the check's date.
func (c ScriptCheck) State(number string) string {
	if state, ok := c.States[number]; ok {
		return state
	}
	return stateNotStarted
}

// ScriptedTasks is the number of tasks of the seed plan.
const ScriptedTasks = 21

// ScriptedChecks are where the tasks stand at the end of January, of each
// half year, of the year, and in the middle of the next January.
var ScriptedChecks = []ScriptCheck{
	{AsOf: "31/01/2023",
		States: map[string]string{"VII.1": stateDoneOnTime, "I.2": stateOverdue},
		Counts: map[string]int{stateDoneOnTime: 1, stateOverdue: 1, stateNotStarted: 19}},
	{AsOf: "31/03/2023",
		States: map[string]string{"VII.1": stateDoneOnTime, "VII.2": stateDoneLate, "I.2": stateOverdue, "II.1": stateInProgress},
		Counts: map[string]int{stateDoneOnTime: 1, stateDoneLate: 1, stateOverdue: 1, stateInProgress: 1, stateNotStarted: 17}},
	{AsOf: "30/06/2023",
		States: map[string]string{"VII.1": stateDoneOnTime, "VII.2": stateDoneLate, "VII.3": stateDoneOnTime, "I.1": stateInProgress, "I.2": stateOverdue,
			"II.1": stateInProgress, "III.1": stateDropped},
		Counts: map[string]int{stateDoneOnTime: 2, stateDoneLate: 1, stateOverdue: 1, stateInProgress: 2, stateDropped: 1, stateNotStarted: 14}},
	{AsOf: "31/12/2023",
		States: map[string]string{"VII.1": stateDoneOnTime, "VII.2": stateDoneLate, "VII.3": stateDoneOnTime, "I.1": stateDoneOnTime, "I.2": stateOverdue,
			"II.1": stateInProgress, "II.2": stateInProgress, "III.1": stateDropped},
		Counts: map[string]int{stateDoneOnTime: 3, stateDoneLate: 1, stateOverdue: 1, stateInProgress: 2, stateDropped: 1, stateNotStarted: 13}},
	{AsOf: "15/01/2024",
		States: map[string]string{"VII.1": stateDoneOnTime, "VII.2": stateDoneLate, "VII.3": stateDoneOnTime, "I.1": stateDoneOnTime, "I.2": stateOverdue,
			"I.3": stateDoneLate, "II.1": stateInProgress, "II.2": stateInProgress, "III.1": stateDropped, "III.2": stateOverdue, "IV.1": stateOverdue, "IV.2": stateOverdue},
		Counts: map[string]int{stateDoneOnTime: 3, stateDoneLate: 2, stateOverdue: 4, stateInProgress: 2, stateDropped: 1, stateNotStarted: 9}},
}
