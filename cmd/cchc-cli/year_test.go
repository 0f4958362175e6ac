package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"
	"github.com/kehoach/cchc/seeds/demo"
)

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

// TestAYearOfUpdatesThroughTheCLI records the scripted year (shared with
// the window's test), then reads where the tasks stood on several
// reporting dates.
func TestAYearOfUpdatesThroughTheCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nam.db")
	for _, step := range demo.ScriptedYear {
		args := append([]string{"--db", db, "update", "--plan", "122/KH-SKH"}, step.Args()...)
		if code, out, errOut := cli(t, args...); code != cmdline.ExitOK || !strings.Contains(out, "Đã ghi cập nhật ngày") {
			t.Fatalf("%v: exit %d\n%s%s", step, code, out, errOut)
		}
	}
	for _, check := range demo.ScriptedChecks {
		t.Run(check.AsOf, func(t *testing.T) {
			checkStandings(t, standingsAt(t, db, check.AsOf), check)
		})
	}
	checkYearDetails(t, db)
}

// checkStandings checks every task's state and the counts by state, which
// add up to the plan's 21 tasks.
func checkStandings(t *testing.T, rows map[string]standingRow, check demo.ScriptCheck) {
	t.Helper()
	for number, row := range rows {
		if want := check.State(number); row.State != want {
			t.Errorf("%s: %q, want %q", number, row.State, want)
		}
	}
	got := map[string]int{}
	for _, r := range rows {
		got[r.State]++
	}
	total := 0
	for state, n := range check.Counts {
		total += n
		if got[state] != n {
			t.Errorf("%d tasks %q, want %d (all: %v)", got[state], state, n, got)
		}
	}
	if len(rows) != demo.ScriptedTasks || total != demo.ScriptedTasks {
		t.Errorf("%d rows, counts add up to %d; want %d", len(rows), total, demo.ScriptedTasks)
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
	for _, step := range demo.ScriptedYear[:6] {
		cli(t, append([]string{"--db", db, "update", "--plan", "2023"}, step.Args()...)...)
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
