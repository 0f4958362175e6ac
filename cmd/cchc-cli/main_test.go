package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
)

// fixedToday is the day the tests run on: mid-2023, when some seed tasks are
// late and others not yet due.
func fixedToday() store.Date { return store.NewDate(2023, 7, 15) }

// cli runs one command line and returns its exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr, fixedToday)
	return code, stdout.String(), stderr.String()
}

func TestMain(m *testing.M) {
	if path := os.Getenv("CCHC_TEST_HOLD_DB"); path != "" {
		holdDatabase(path)
		return
	}
	if dir := os.Getenv("CCHC_TEST_KILL_WRITER"); dir != "" {
		from, _ := strconv.Atoi(os.Getenv("CCHC_TEST_KILL_FROM"))
		killWriter(dir, from)
		return
	}
	os.Exit(m.Run())
}

// seededDB makes a data file with the seed plan, as the first run of
// either program does, for tests that read stderr whole: the first run also
// says that it created the file.
func seededDB(t *testing.T) string {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "x.db")
	st, err := seeds.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return dbPath
}

// holdDatabase plays the other window: it opens the store, says so, and
// keeps it open until its stdin closes.
func holdDatabase(path string) {
	st, err := db.Open(path)
	if err != nil {
		os.Exit(3)
	}
	defer st.Close()
	os.Stdout.WriteString("open\n")
	bufio.NewReader(os.Stdin).ReadString('\n')
}

func TestTasksJSONMatchesSeedCellForCell(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := cli(t, "--db", dbPath, "tasks", "--plan", "2023", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	_, bundle, err := seeds.Plan2023()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 21 || bundle.TaskCount() != 21 {
		t.Fatalf("%d tasks, want 21", len(rows))
	}
	areasSeen := map[string]bool{}
	i := 0
	for _, area := range bundle.Areas {
		for _, want := range area.Tasks {
			got := rows[i]
			i++
			areasSeen[got["area"].(string)] = true
			t.Run(area.Numeral+"."+want.Ordinal, func(t *testing.T) { checkTaskRow(t, area.Area, want, got) })
		}
	}
	if len(areasSeen) != 7 {
		t.Errorf("%d areas, want 7", len(areasSeen))
	}
	checkDueAndStatus(t, rows)
}

// checkDueAndStatus checks the due dates and statuses of some seed tasks
// on the tests' day, mid-2023.
func checkDueAndStatus(t *testing.T, rows []map[string]any) {
	t.Helper()
	for _, tc := range []struct {
		name   string
		index  int
		due    any
		status string
	}{
		{"I.1 Năm 2023", 0, "2023-12-31", "Chưa thực hiện"},
		{"I.2 Tháng 12/2022", 1, "2022-12-31", "Quá hạn"},
		{"II.1 Thường xuyên", 3, nil, "Chưa thực hiện"},
		{"II.4 Thường xuyên; theo chỉ đạo", 6, nil, "Chưa thực hiện"},
		{"VII.1 Tháng 1/2023", 18, "2023-01-31", "Quá hạn"},
		{"VII.3 Tháng 6/2023", 20, "2023-06-30", "Quá hạn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if rows[tc.index]["due"] != tc.due || rows[tc.index]["status"] != tc.status {
				t.Errorf("task #%d (%s): due %v status %v, want %v %v", tc.index, rows[tc.index]["timeline"], rows[tc.index]["due"], rows[tc.index]["status"], tc.due, tc.status)
			}
		})
	}
}

// checkTaskRow checks one task of `tasks --json` cell for cell against the
// seed's task want of area: its texts, as many coordinating units, an id.
func checkTaskRow(t *testing.T, area store.Area, want store.Task, got map[string]any) {
	t.Helper()
	checks := map[string]string{"area": area.Numeral, "ordinal": want.Ordinal, "content": want.Content, "product": want.Product, "lead": want.Lead, "timeline": want.Timeline.Text}
	for field, value := range checks {
		if got[field] != value {
			t.Errorf("task %s.%s %s = %q, want %q", area.Numeral, want.Ordinal, field, got[field], value)
		}
	}
	units, _ := got["coordinating"].([]any)
	if len(units) != len(want.Coordinating) {
		t.Errorf("task %s.%s coordinating = %v, want %q", area.Numeral, want.Ordinal, units, want.Coordinating)
	}
	if got["id"] == nil {
		t.Errorf("task %s.%s has no id", area.Numeral, want.Ordinal)
	}
}

func TestPlansAndFlagsAnywhere(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	code, out, _ := cli(t, "plans", "--db", dbPath)
	if code != 0 || !strings.Contains(out, "122/KH-SKH") || !strings.Contains(out, "21") {
		t.Fatalf("plans: exit %d\n%s", code, out)
	}
	backup := filepath.Join(t.TempDir(), "copy.zip")
	code, _, errOut := cli(t, "backup", backup, "--db", dbPath)
	if code != 0 {
		t.Fatalf("backup with the flag after the file: exit %d %s", code, errOut)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if code, _, errOut := cli(t, "restore", backup, "--db", restored); code != 0 {
		t.Fatalf("restore: exit %d %s", code, errOut)
	}
	code, out, _ = cli(t, "--db", restored, "tasks", "--plan=122/KH-SKH")
	if code != 0 || !strings.Contains(out, "I. CẢI CÁCH THỂ CHẾ") {
		t.Errorf("the backup does not list the tasks: exit %d\n%s", code, out)
	}
}

func TestErrorsAreOneVietnameseLine(t *testing.T) {
	dbPath := seededDB(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown command", []string{"--db", dbPath, "frobnicate"}, cmdline.ExitUsage, "không có lệnh"},
		{"tasks without --plan", []string{"--db", dbPath, "tasks"}, cmdline.ExitUsage, "thiếu --plan"},
		{"no such plan", []string{"--db", dbPath, "tasks", "--plan", "2031"}, cmdline.ExitError, "không tìm thấy"},
		{"unknown flag", []string{"--db", dbPath, "tasks", "--plan", "2023", "--nope"}, cmdline.ExitUsage, "không có tuỳ chọn"},
		{"restore without a file", []string{"--db", dbPath, "restore"}, cmdline.ExitUsage, "đúng 1 tham số"},
		{"backup into a missing folder", []string{"--db", dbPath, "backup", filepath.Join(t.TempDir(), "no", "such", "dir.db")}, cmdline.ExitError, "không tồn tại"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, tt.args...)
			first, _, _ := strings.Cut(errOut, "\n")
			if code != tt.code || !strings.Contains(first, tt.want) || !strings.HasPrefix(first, "cchc-cli: ") {
				t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args[2:], code, errOut, tt.code, tt.want)
			}
		})
	}
}

func TestSecondProcessGetsClearMessage(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := cli(t, "--db", dbPath, "seed"); code != 0 {
		t.Fatalf("seed: %s", errOut)
	}
	holder := exec.Command(os.Args[0])
	holder.Env = append(os.Environ(), "CCHC_TEST_HOLD_DB="+dbPath)
	stdin, _ := holder.StdinPipe()
	stdout, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); holder.Wait() }()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "open\n" {
		t.Fatalf("holder did not open the store: %q", line)
	}
	started := time.Now()
	code, _, errOut := cli(t, "--db", dbPath, "plans")
	if code != cmdline.ExitError || !strings.Contains(errOut, "đang được mở") {
		t.Errorf("exit %d, stderr %q; want a message that the data is open elsewhere", code, errOut)
	}
	if waited := time.Since(started); waited > 10*time.Second {
		t.Errorf("waited %v for the lock, want about a second", waited)
	}
}

func TestSeedTwiceDoesNothing(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	_, first, _ := cli(t, "--db", dbPath, "seed")
	_, second, _ := cli(t, "--db", dbPath, "seed")
	if !strings.Contains(first, "Đã tạo") || !strings.Contains(second, "không làm gì thêm") {
		t.Errorf("seed outputs %q then %q", first, second)
	}
	_, out, _ := cli(t, "--db", dbPath, "plans")
	if strings.Count(out, "122/KH-SKH") != 1 {
		t.Errorf("plans after seeding twice:\n%s", out)
	}
}

func TestCLIDoesNotImportFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	if strings.Contains(string(out), "fyne.io/") {
		t.Error("cchc-cli depends on Fyne; it must build without cgo")
	}
}

func TestDBFromEnvironment(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "env.db")
	t.Setenv(datafile.EnvDB, dbPath)
	code, out, _ := cli(t, "path")
	if code != 0 || strings.TrimSpace(out) != dbPath {
		t.Errorf("path with %s set = %q", datafile.EnvDB, out)
	}
	code, out, _ = cli(t, "path", "--db", "other.db")
	if code != 0 || strings.TrimSpace(out) != "other.db" {
		t.Errorf("--db does not win over %s: %q", datafile.EnvDB, out)
	}
}
