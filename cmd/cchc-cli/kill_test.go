package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/db"
)

// The kill test runs cchc-cli's own commands in a loop in a child process,
// which prints a line before each command and one after each that
// succeeded, and kills it with SIGKILL at a random moment, round after
// round. After every kill the data file must pass its check and hold every
// write the child confirmed; every file written beside must be whole.
// `make kill-test` runs it: CCHC_KILL_ROUNDS rounds.

// killOps are the writes the child cycles through, by the number n of the
// write: the signer's name "Người n"; a replacing import of workbook A or
// B (different task counts, with the automatic backup before it); an
// export over the same file; a backup over the same file.
func killOps(dir string, n int) []string {
	switch n % 4 {
	case 0:
		return []string{"settings", "set", "signer.name", "Người " + strconv.Itoa(n)}
	case 1:
		return []string{"import", "--plan", "2023", "--replace", importFile(dir, n)}
	case 2:
		return []string{"export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "-o", filepath.Join(dir, "out", "bieu.xlsx")}
	}
	return []string{"backup", "--force", filepath.Join(dir, "out", "sao-luu.zip")}
}

// importFile alternates between the two workbooks imported.
func importFile(dir string, n int) string {
	if (n/4)%2 == 0 {
		return filepath.Join(dir, "a.xlsx")
	}
	return filepath.Join(dir, "b.xlsx")
}

// killWriter is the child: it runs the writes from n on until it is killed.
func killWriter(dir string, n int) {
	dbPath := filepath.Join(dir, "cchc.db")
	for ; ; n++ {
		fmt.Printf("start %d\n", n)
		if code := run(append([]string{"--db", dbPath}, killOps(dir, n)...), io.Discard, os.Stderr, fixedToday); code != cmdline.ExitOK {
			os.Exit(3)
		}
		fmt.Printf("ok %d\n", n)
	}
}

// killRound is what one round saw of its child: the writes it started
// and those it confirmed, in order.
type killRound struct {
	started, confirmed []int
}

// writeTracker knows, for each kind of write, the state the data may be
// in: that of the last confirmed write, or of any write started after it
// that the kill cut short (it may have committed or not).
type writeTracker struct {
	next int
	// possible lists, by kind of write, the writes whose state the data may
	// show; the first is the last confirmed, or -1 when none was.
	possible  [4][]int
	confirmed int
	cutShort  int
}

func newWriteTracker() *writeTracker {
	w := &writeTracker{}
	for op := range w.possible {
		w.possible[op] = []int{-1}
	}
	return w
}

// take in what a round saw.
func (w *writeTracker) take(seen killRound) {
	done := map[int]bool{}
	for _, n := range seen.confirmed {
		done[n] = true
	}
	for _, n := range seen.started {
		op := n % 4
		if done[n] {
			w.possible[op] = []int{n}
			w.confirmed++
		} else {
			w.possible[op] = append(w.possible[op], n)
			w.cutShort++
		}
		w.next = n + 1
	}
}

func TestKillWriterAtRandomPoints(t *testing.T) {
	rounds, _ := strconv.Atoi(os.Getenv("CCHC_KILL_ROUNDS"))
	if rounds == 0 {
		t.Skip("set CCHC_KILL_ROUNDS (make kill-test)")
	}
	dir := prepareKillFolder(t)
	tasks := map[string]int{"a.xlsx": taskCountOf(t, dir, "a.xlsx"), "b.xlsx": taskCountOf(t, dir, "b.xlsx")}
	tracker := newWriteTracker()
	started := time.Now()
	for round := range rounds {
		tracker.take(runAndKill(t, dir, tracker.next))
		checkAfterKill(t, dir, tracker, tasks, round)
		if t.Failed() {
			return
		}
	}
	finalWrites(t, dir)
	t.Logf("kill test: %d rounds in %v, %d writes confirmed, %d writes cut short by the kill, the data file and every file written whole after each",
		rounds, time.Since(started).Round(time.Second), tracker.confirmed, tracker.cutShort)
}

// prepareKillFolder makes the data file and the two workbooks to import.
func prepareKillFolder(t *testing.T) string {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "cchc.db")
	os.Mkdir(filepath.Join(dir, "out"), 0o700)
	for _, args := range [][]string{
		{"--db", dbPath, "seed"},
		{"--db", dbPath, "export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "-o", filepath.Join(dir, "a.xlsx")},
		{"--db", dbPath, "export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "--unit", "Văn phòng Sở", "-o", filepath.Join(dir, "b.xlsx")},
	} {
		if code, _, stderr := cli(t, args...); code != cmdline.ExitOK {
			t.Fatalf("%v: %s", args, stderr)
		}
	}
	return dir
}

func taskCountOf(t *testing.T, dir, file string) int {
	code, out, stderr := cli(t, "--db", filepath.Join(dir, "cchc.db"), "import", "--plan", "2023", "--dry-run", "--replace", filepath.Join(dir, file))
	var areas, tasks int
	if _, err := fmt.Sscanf(out[strings.Index(out, "): ")+3:], "%d lĩnh vực, %d nhiệm vụ", &areas, &tasks); code != cmdline.ExitOK || err != nil {
		t.Fatalf("%s: %v %s%s", file, err, out, stderr)
	}
	return tasks
}

// runAndKill starts the child at write n, kills it after a random time
// and returns the last write it started and the last it confirmed.
func runAndKill(t *testing.T, dir string, n int) killRound {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CCHC_TEST_KILL_WRITER="+dir, "CCHC_TEST_KILL_FROM="+strconv.Itoa(n))
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	seen := make(chan killRound, 1)
	go func() { seen <- readProgress(stdout) }()
	time.Sleep(time.Duration(rand.IntN(400)) * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	return <-seen
}

// readProgress reads the child's lines until it dies.
func readProgress(r io.Reader) killRound {
	var seen killRound
	scanner := bufio.NewScanner(r)
	for scanner.Scan() {
		var n int
		if _, err := fmt.Sscanf(scanner.Text(), "start %d", &n); err == nil {
			seen.started = append(seen.started, n)
		} else if _, err := fmt.Sscanf(scanner.Text(), "ok %d", &n); err == nil {
			seen.confirmed = append(seen.confirmed, n)
		}
	}
	return seen
}

// checkAfterKill checks the data file and the files written beside it.
func checkAfterKill(t *testing.T, dir string, w *writeTracker, tasks map[string]int, round int) {
	st, err := db.OpenReadOnly(filepath.Join(dir, "cchc.db"))
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	checkSigner(t, st, w.possible[0], round)
	checkTasks(t, st, dir, w.possible[1], tasks, round)
	checkWholeFiles(t, dir, round)
}

// checkSigner: the signer is that of a write the data may show.
func checkSigner(t *testing.T, st *db.Store, possible []int, round int) {
	if possible[0] < 0 {
		return
	}
	settings, _ := st.Settings()
	got, _ := strconv.Atoi(strings.TrimPrefix(settings.Signer.Name, "Người "))
	if !slices.Contains(possible, got) {
		t.Errorf("round %d: signer %q, want one of the writes %v", round, settings.Signer.Name, possible)
	}
}

// checkTasks: the plan holds the tasks of an import the data may show.
func checkTasks(t *testing.T, st *db.Store, dir string, possible []int, tasks map[string]int, round int) {
	if possible[0] < 0 {
		return
	}
	plan, err := st.FindPlan("2023")
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	list, _ := st.Tasks(plan.ID)
	var counts []int
	for _, n := range possible {
		counts = append(counts, tasks[filepath.Base(importFile(dir, n))])
	}
	if !slices.Contains(counts, len(list)) {
		t.Errorf("round %d: %d tasks, want the count of one of the imports %v: %v", round, len(list), possible, counts)
	}
}

// checkWholeFiles: the export and the backup, when there, are whole.
func checkWholeFiles(t *testing.T, dir string, round int) {
	for _, name := range []string{"bieu.xlsx", "sao-luu.zip"} {
		path := filepath.Join(dir, "out", name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Errorf("round %d: %s is not whole: %v", round, name, err)
			continue
		}
		zr.Close()
	}
	for _, b := range backup.ListBackups(filepath.Join(dir, "cchc.db")) {
		if b.Problem != "" {
			t.Errorf("round %d: automatic backup %s: %s", round, b.Path, b.Problem)
		}
	}
}

// finalWrites runs each write once more and checks that no temporary file
// of a killed round is left in any folder written to.
func finalWrites(t *testing.T, dir string) {
	for op := range 4 {
		if code, _, stderr := cli(t, append([]string{"--db", filepath.Join(dir, "cchc.db")}, killOps(dir, op)...)...); code != cmdline.ExitOK {
			t.Fatalf("final write %d: %s", op, stderr)
		}
	}
	for _, folder := range []string{dir, filepath.Join(dir, "out"), filepath.Join(dir, "backups")} {
		entries, _ := os.ReadDir(folder)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".cchc-tmp") {
				t.Errorf("temporary file %s left in %s", e.Name(), folder)
			}
		}
	}
}
