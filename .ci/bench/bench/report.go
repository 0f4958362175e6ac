package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// row is one line of the table: what was measured, its target, the figure
// and whether it meets the target (nil: no target); a missed row carries
// the profile that explains it.
type row struct {
	what, target, measured string
	met                    *bool
	profile                string
}

type results struct {
	machine string
	date    time.Time
	rows    []row
	took    time.Duration
	// loadBefore and loadAfter are /proc/loadavg when the run started and
	// ended: how busy the machine was besides.
	loadBefore, loadAfter string
}

func (r *results) add(x row) {
	logf("  -> %s: %s (target %s)", x.what, x.measured, x.target)
	r.rows = append(r.rows, x)
}

func (x row) verdict() string {
	switch {
	case x.met == nil:
		return "—"
	case *x.met:
		return "met"
	default:
		return "**not met**"
	}
}

// markdown is BENCHMARKS.md.
func (r *results) markdown() string {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\n")
	b.WriteString("Written by `make bench` (`.ci/bench/run`); do not edit by hand, run it again.\n\n")
	fmt.Fprintf(&b, "- Date: %s (the run took %s)\n", r.date.Format("2006-01-02 15:04 UTC"), r.took.Round(time.Second))
	b.WriteString(r.machine)
	fmt.Fprintf(&b, "- Load average (1, 5, 15 min) at the start: %s; at the end: %s. Above the number of cores, "+
		"other work shared the machine and whole-process times stretch; the interleaved ratios hold better.\n", r.loadBefore, r.loadAfter)
	b.WriteString("- Data: `cchc-cli demo --tasks 10000` (and 100000): one plan with a year of updates and evidence; " +
		"the seed plan 122/KH-SKH for the small cases.\n")
	b.WriteString("- Whole-process figures are wall time from start to exit and peak resident memory (max RSS of the " +
		"process and its children). Times are medians with the least and most run; ratios are measured interleaved " +
		"(ours, floor, ours, floor …) and given as the median of the per-pair ratios with their least and most. " +
		"A floor is a bare program (`.ci/bench/floor`), built in the same run, writing the same cells with the same " +
		"library; it reads them from text that `.ci/bench/prep` wrote untimed from our data or our own workbook.\n\n")
	b.WriteString("| What | Measured | Target | |\n|---|---|---|---|\n")
	for _, x := range r.rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", x.what, x.measured, x.target, x.verdict())
	}
	missed := false
	for _, x := range r.rows {
		if x.profile == "" {
			continue
		}
		if !missed {
			b.WriteString("\n## Targets missed, with their profiles\n")
			missed = true
		}
		fmt.Fprintf(&b, "\n### %s\n\nMeasured %s; target %s. Top functions:\n\n```\n%s\n```\n", x.what, x.measured, x.target, strings.TrimSpace(x.profile))
	}
	return b.String()
}

// loadAverage is the first three fields of /proc/loadavg.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	fields := strings.Fields(string(data))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], ", ")
}

// describeMachine lists CPU, cores, memory, OS and Go.
func describeMachine(goTool string) string {
	goVersion, _ := exec.Command(goTool, "version").Output()
	return fmt.Sprintf("- Machine: %s, %d cores, %s RAM, %s\n- Go: %s\n",
		procField("/proc/cpuinfo", "model name"), runtime.NumCPU(), memTotal(), osName(), strings.TrimSpace(string(goVersion)))
}

func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return "unknown"
}

func memTotal() string {
	var kb int64
	if _, err := fmt.Sscanf(procField("/proc/meminfo", "MemTotal"), "%d", &kb); err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f GB", float64(kb)/1024/1024)
}

func osName() string {
	name := procField("/etc/os-release", "PRETTY_NAME")
	if name == "unknown" {
		if data, err := os.ReadFile("/etc/os-release"); err == nil {
			for _, l := range strings.Split(string(data), "\n") {
				if v, ok := strings.CutPrefix(l, "PRETTY_NAME="); ok {
					return strings.Trim(v, `"`)
				}
			}
		}
	}
	return name
}

// timeText is a median with its least and most, in ms or s.
func timeText(s spread, what string) string {
	return fmt.Sprintf("%s (median; %s–%s over the %s)", msText(s.median), msText(s.lo), msText(s.hi), what)
}

func msText(ms float64) string {
	switch {
	case ms >= 10000:
		return fmt.Sprintf("%.1f s", ms/1000)
	case ms >= 1000:
		return fmt.Sprintf("%.2f s", ms/1000)
	case ms >= 10:
		return fmt.Sprintf("%.0f ms", ms)
	default:
		return fmt.Sprintf("%.2f ms", ms)
	}
}

func times(x float64) string { return fmt.Sprintf("%.2f×", x) }
