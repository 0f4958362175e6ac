package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// goBench is a run of Go benchmarks of one package.
type goBench struct {
	pkg, pattern string
	count        int
	benchtime    string
	env          []string
}

// benchLine is a line of go test -bench output: name, iterations, ns/op.
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)

// run returns the ns/op of each benchmark, one a count, in ms.
func (g goBench) run(goTool string) (map[string][]float64, error) {
	args := []string{"test", "-run", "^$", "-bench", g.pattern, "-count", strconv.Itoa(max(g.count, 1))}
	if g.benchtime != "" {
		args = append(args, "-benchtime", g.benchtime)
	}
	args = append(args, g.pkg)
	out, err := goCommand(goTool, g.env, args...)
	if err != nil {
		return nil, err
	}
	found := map[string][]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if m := benchLine.FindStringSubmatch(sc.Text()); m != nil {
			ns, _ := strconv.ParseFloat(m[2], 64)
			found[m[1]] = append(found[m[1]], ns/1e6)
		}
	}
	logf("  %s %s: %v", g.pkg, g.pattern, found)
	return found, nil
}

// profile runs one benchmark with a CPU profile and returns pprof's top
// functions, for a row whose target is missed.
func (g goBench) profile(goTool, dir, name string, cum bool) string {
	prof := filepath.Join(dir, strings.TrimPrefix(name, "Benchmark")+".cpu")
	bin := prof + ".test"
	_, err := goCommand(goTool, g.env, "test", "-run", "^$", "-bench", "^"+name+"$", "-count", "1",
		"-cpuprofile", prof, "-o", bin, g.pkg)
	if err != nil {
		return fmt.Sprintf("(no profile: %v)", err)
	}
	args := []string{"tool", "pprof", "-top", "-nodecount", "15"}
	if cum {
		args = append(args, "-cum")
	}
	out, err := goCommand(goTool, nil, append(args, bin, prof)...)
	if err != nil {
		return fmt.Sprintf("(no profile: %v)", err)
	}
	return pprofTop(string(out))
}

// pprofTop keeps the table of pprof -top and the line that says how much
// of the run's wall time the samples cover (the rest was spent waiting:
// for the disk, the screen, or a busy machine).
func pprofTop(out string) string {
	lines := strings.Split(out, "\n")
	duration := ""
	for i, l := range lines {
		if strings.HasPrefix(l, "Duration:") {
			duration = l + "\n"
		}
		if strings.Contains(l, "flat%") {
			return duration + strings.Join(lines[i:], "\n")
		}
	}
	return out
}

func goCommand(goTool string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command(goTool, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("go %s: %w: %s%s", strings.Join(args, " "), err, lastLines(string(out), 5), lastLines(stderr.String(), 5))
	}
	return out, nil
}
