package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"
)

// yearOfUpdates is a year of the seed plan 122/KH-SKH as an officer records
// it from the command line: statuses typed with and without diacritics,
// tasks named by their printed number, reasons for what is late.
var yearOfUpdates = [][]string{
	{"--task", "VII.1", "--date", "10/01/2023", "--status", "hoan thanh", "--note", "Đã ban hành Kế hoạch CCHC năm 2023"},
	{"--task", "VII.2", "--date", "20/02/2023", "--status", "Đang thực hiện", "--progress", "50", "--by", "Văn phòng Sở", "--reason", "Chờ ý kiến các phòng"},
	{"--task", "II.1", "--date", "10/03/2023", "--status", "HOÀN THÀNH", "--note", "Đăng 5 tin, bài"},
	{"--task", "VII.2", "--date", "15/03/2023", "--status", "hoàn thành"},
	{"--task", "I.2", "--date", "15/03/2023", "--status", "dang thuc hien", "--progress", "60", "--reason", "Chờ hướng dẫn của tỉnh"},
	{"--task", "I.1", "--date", "05/04/2023", "--status", "dang thuc hien", "--progress", "30", "--note", "Đã có dự thảo"},
	{"--task", "II.1", "--date", "20/05/2023", "--status", "dang thuc hien", "--progress", "50"},
	{"--task", "VII.3", "--date", "10/06/2023", "--status", "hoan thanh", "--note", "Đã gửi báo cáo 6 tháng"},
	{"--task", "III.1", "--date", "20/06/2023", "--status", "khong thuc hien", "--note", "Lồng ghép vào nhiệm vụ III.2"},
	{"--task", "II.2", "--date", "01/09/2023", "--status", "hoan thanh"},
	{"--task", "I.1", "--date", "15/11/2023", "--status", "hoan thanh", "--note", "Đã ban hành"},
	{"--task", "I.3", "--date", "10/01/2024", "--status", "hoan thanh", "--reason", "Chờ số liệu cuối năm"},
}

// standingRow is the part of a `tasks --json` row the year checks.
type standingRow struct {
	Area       string   `json:"area"`
	Ordinal    string   `json:"ordinal"`
	State      string   `json:"state"`
	Progress   int      `json:"progress"`
	Flags      []string `json:"flags"`
	LatestNote string   `json:"latestNote"`
	Reason     string   `json:"reason"`
}

func standingsAt(t *testing.T, db, asOf string, filter ...string) map[string]standingRow {
	t.Helper()
	args := append([]string{"--db", db, "tasks", "--plan", "2023", "--as-of", asOf, "--json"}, filter...)
	code, out, errOut := cli(t, args...)
	if code != cmdline.ExitOK {
		t.Fatalf("tasks --as-of %s: exit %d %s", asOf, code, errOut)
	}
	var rows []standingRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]standingRow{}
	for _, r := range rows {
		byNumber[r.Area+"."+r.Ordinal] = r
	}
	return byNumber
}

// TestAYearOfUpdatesThroughTheCLI records the year, then reads where the
// tasks stood on several reporting dates.
func TestAYearOfUpdatesThroughTheCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nam.db")
	for _, step := range yearOfUpdates {
		args := append([]string{"--db", db, "update", "--plan", "122/KH-SKH"}, step...)
		if code, out, errOut := cli(t, args...); code != cmdline.ExitOK || !strings.Contains(out, "Đã ghi cập nhật ngày") {
			t.Fatalf("%v: exit %d\n%s%s", step, code, out, errOut)
		}
	}
	tests := []struct {
		asOf  string
		tasks map[string]string
		count map[string]int
	}{
		{"31/01/2023", map[string]string{"VII.1": "Hoàn thành đúng hạn", "VII.2": "Chưa thực hiện", "I.2": "Quá hạn", "II.1": "Chưa thực hiện", "I.1": "Chưa thực hiện"},
			map[string]int{"Hoàn thành đúng hạn": 1, "Quá hạn": 1, "Chưa thực hiện": 19}},
		{"31/03/2023", map[string]string{"VII.2": "Hoàn thành quá hạn", "I.2": "Quá hạn", "II.1": "Đang thực hiện", "VII.3": "Chưa thực hiện"},
			map[string]int{"Hoàn thành đúng hạn": 1, "Hoàn thành quá hạn": 1, "Quá hạn": 1, "Đang thực hiện": 1, "Chưa thực hiện": 17}},
		{"30/06/2023", map[string]string{"VII.3": "Hoàn thành đúng hạn", "II.1": "Đang thực hiện", "III.1": "Không thực hiện", "I.1": "Đang thực hiện"},
			map[string]int{"Hoàn thành đúng hạn": 2, "Hoàn thành quá hạn": 1, "Quá hạn": 1, "Đang thực hiện": 2, "Không thực hiện": 1, "Chưa thực hiện": 14}},
		{"31/12/2023", map[string]string{"I.1": "Hoàn thành đúng hạn", "I.3": "Chưa thực hiện", "II.2": "Đang thực hiện", "III.2": "Chưa thực hiện"},
			map[string]int{"Hoàn thành đúng hạn": 3, "Hoàn thành quá hạn": 1, "Quá hạn": 1, "Đang thực hiện": 2, "Không thực hiện": 1, "Chưa thực hiện": 13}},
		{"15/01/2024", map[string]string{"I.3": "Hoàn thành quá hạn", "III.2": "Quá hạn", "IV.1": "Quá hạn", "II.1": "Đang thực hiện"},
			map[string]int{"Hoàn thành đúng hạn": 3, "Hoàn thành quá hạn": 2, "Quá hạn": 4, "Đang thực hiện": 2, "Không thực hiện": 1, "Chưa thực hiện": 9}},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			checkStandings(t, standingsAt(t, db, tt.asOf), tt.tasks, tt.count)
		})
	}
	checkYearDetails(t, db)
}

// checkStandings checks named tasks' states and the counts by state, which
// add up to the plan's 21 tasks.
func checkStandings(t *testing.T, rows map[string]standingRow, tasks map[string]string, count map[string]int) {
	t.Helper()
	for number, want := range tasks {
		if rows[number].State != want {
			t.Errorf("%s: %q, want %q", number, rows[number].State, want)
		}
	}
	got := map[string]int{}
	for _, r := range rows {
		got[r.State]++
	}
	total := 0
	for state, n := range count {
		total += n
		if got[state] != n {
			t.Errorf("%d tasks %q, want %d (all: %v)", got[state], state, n, got)
		}
	}
	if len(rows) != 21 || total != 21 {
		t.Errorf("%d rows, counts add up to %d; want 21", len(rows), total)
	}
}

// checkYearDetails checks the flags, notes, reasons and filters at the end
// of the year.
func checkYearDetails(t *testing.T, db string) {
	t.Helper()
	rows := standingsAt(t, db, "20/12/2023")
	if r := rows["I.2"]; r.Reason != "Chờ hướng dẫn của tỉnh" || r.Progress != 60 {
		t.Errorf("I.2, late: %+v", r)
	}
	if r := rows["I.3"]; strings.Join(r.Flags, ",") != "sắp đến hạn" {
		t.Errorf("I.3, due 31/12: flags %q", r.Flags)
	}
	if r := rows["II.3"]; strings.Join(r.Flags, ",") != "chưa báo cáo kỳ này" || r.State != "Chưa thực hiện" {
		t.Errorf("II.3, never reported: %+v", r)
	}
	if r := rows["I.1"]; r.LatestNote != "Đã ban hành" {
		t.Errorf("I.1 latest note %q", r.LatestNote)
	}
	late := standingsAt(t, db, "20/12/2023", "--status", "qua han")
	done := standingsAt(t, db, "20/12/2023", "--status", "Hoàn thành")
	unreported := standingsAt(t, db, "20/12/2023", "--status", "chưa báo cáo", "--search", "xin loi")
	if len(late) != 1 || len(done) != 4 || len(unreported) != 1 || unreported["II.5"].State != "Chưa thực hiện" {
		t.Errorf("filters: %d late, %d done, %d unreported about văn bản xin lỗi", len(late), len(done), len(unreported))
	}
}

func TestUpdateRefusalsNameWhatToAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--task", "I.1", "--date", "01/03/2023", "--status", "chua thuc hien", "--progress", "100"}, cmdline.ExitError, "đã hoàn thành hay chưa bắt đầu?"},
		{[]string{"--task", "I.2", "--date", "01/03/2023", "--status", "dang thuc hien", "--progress", "10"}, cmdline.ExitUsage, "thiếu --reason: nhiệm vụ I.2 hạn 31/12/2022, cập nhật ngày 01/03/2023: cần ghi lý do chậm"},
		{[]string{"--task", "I.1", "--date", "31/02/2023", "--status", "hoan thanh"}, cmdline.ExitUsage, "--date: ngày “31/02/2023” không đúng dạng"},
		{[]string{"--task", "I.1", "--status", "xong"}, cmdline.ExitUsage, "--status"},
		{[]string{"--task", "I.1", "--status", "dang thuc hien"}, cmdline.ExitUsage, "thiếu --progress"},
		{[]string{"--task", "IX.1", "--status", "hoan thanh"}, cmdline.ExitError, "nhiệm vụ \"IX.1\""},
		{[]string{"--status", "hoan thanh"}, cmdline.ExitUsage, "thiếu --task"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := cli(t, append([]string{"--db", db, "update", "--plan", "2023"}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

func TestHistoryShowsEveryUpdateNewestFirst(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, step := range yearOfUpdates[:6] {
		cli(t, append([]string{"--db", db, "update", "--plan", "2023"}, step...)...)
	}
	code, out, errOut := cli(t, "--db", db, "history", "--plan", "2023", "--task", "VII.2")
	if code != cmdline.ExitOK {
		t.Fatalf("exit %d %s", code, errOut)
	}
	first := strings.Index(out, "15/03/2023")
	second := strings.Index(out, "20/02/2023")
	if first < 0 || second < first || !strings.Contains(out, "Văn phòng Sở") || !strings.Contains(out, "lý do chậm: Chờ ý kiến các phòng") || !strings.Contains(out, "dòng lệnh") {
		t.Errorf("history:\n%s", out)
	}
}
