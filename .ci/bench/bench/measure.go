package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// job is one whole process to time: its command line, environment and an
// untimed step before each run (a fresh copy of a data file).
type job struct {
	name    string
	argv    []string
	env     []string
	before  func() error
	timeout time.Duration
	// stderr, when set, receives what the process writes there.
	stderr io.Writer
}

// sample is one timed run: wall time and the peak resident memory of the
// process and every process it started.
type sample struct {
	wall     time.Duration
	rssKB    int64
	timedOut bool
}

// run runs j once.
func (j job) run() (sample, error) {
	if j.before != nil {
		if err := j.before(); err != nil {
			return sample{}, fmt.Errorf("%s: before: %w", j.name, err)
		}
	}
	timeout := j.timeout
	if timeout == 0 {
		timeout = 5 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, j.argv[0], j.argv[1:]...)
	cmd.Env = append(os.Environ(), j.env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if j.stderr != nil {
		cmd.Stderr = io.MultiWriter(&stderr, j.stderr)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, fmt.Errorf("%s: %w", j.name, err)
	}
	peak := watchGroup(cmd.Process.Pid)
	err := cmd.Wait()
	s := sample{wall: time.Since(start), timedOut: ctx.Err() != nil}
	s.rssKB = max(peak(), maxRSS(cmd.ProcessState))
	if err != nil && !s.timedOut {
		return s, fmt.Errorf("%s: %w: %s", j.name, err, lastLines(stderr.String(), 5))
	}
	return s, nil
}

// maxRSS is the peak resident memory the kernel reports for a finished
// process and the children it waited for, in KB.
func maxRSS(ps *os.ProcessState) int64 {
	if ps == nil {
		return 0
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}

// watchGroup samples, every 20 ms until the returned function is called,
// the peak resident memory (VmHWM) of every process in the process group
// pgid, and returns the highest seen, in KB: LibreOffice's soffice.bin is
// a grandchild that rusage may miss.
func watchGroup(pgid int) func() int64 {
	done := make(chan struct{})
	result := make(chan int64, 1)
	go func() {
		var peak int64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, groupPeak(pgid))
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 { close(done); return <-result }
}

// groupPeak sums nothing: it returns the largest VmHWM of the group's
// processes, each a process's own peak.
func groupPeak(pgid int) int64 {
	entries, _ := os.ReadDir("/proc")
	var peak int64
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || processGroup(pid) != pgid {
			continue
		}
		peak = max(peak, statusKB(pid, "VmHWM:"))
	}
	return peak
}

// processGroup reads the process group of pid from /proc/PID/stat.
func processGroup(pid int) int {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return -1
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return -1
	}
	fields := strings.Fields(string(data[i+1:]))
	if len(fields) < 3 {
		return -1
	}
	pg, _ := strconv.Atoi(fields[2])
	return pg
}

// statusKB reads a "Key: N kB" line of /proc/PID/status.
func statusKB(pid int, key string) int64 {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			n, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return n
		}
	}
	return 0
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// series are the samples of one job.
type series []sample

func (s series) walls() []float64 {
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = x.wall.Seconds() * 1000
	}
	return out
}

func (s series) peakMB() float64 {
	var peak int64
	for _, x := range s {
		peak = max(peak, x.rssKB)
	}
	return float64(peak) / 1024
}

func (s series) timedOut() bool {
	for _, x := range s {
		if x.timedOut {
			return true
		}
	}
	return false
}

// repeat runs j n times.
func repeat(j job, n int) (series, error) {
	var out series
	for range n {
		s, err := j.run()
		if err != nil {
			return out, err
		}
		logf("  %s: %.0f ms, %.0f MB", j.name, s.wall.Seconds()*1000, float64(s.rssKB)/1024)
		out = append(out, s)
	}
	return out, nil
}

// pairs runs a and b in turns, a b a b …, n pairs, so that a busy machine
// slows both alike.
func pairs(a, b job, n int) (series, series, error) {
	var as, bs series
	for range n {
		for _, side := range []struct {
			j   job
			out *series
		}{{a, &as}, {b, &bs}} {
			s, err := side.j.run()
			if err != nil {
				return as, bs, err
			}
			logf("  %s: %.0f ms, %.0f MB", side.j.name, s.wall.Seconds()*1000, float64(s.rssKB)/1024)
			*side.out = append(*side.out, s)
		}
	}
	return as, bs, nil
}

// ratios are a[i]/b[i] of each pair.
func ratios(a, b []float64) []float64 {
	out := make([]float64, min(len(a), len(b)))
	for i := range out {
		out[i] = a[i] / b[i]
	}
	return out
}

func rssMB(s series) []float64 {
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = float64(x.rssKB) / 1024
	}
	return out
}

// spread is a median with the least and the most.
type spread struct{ median, lo, hi float64 }

func spreadOf(xs []float64) spread {
	if len(xs) == 0 {
		return spread{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return spread{median: m, lo: s[0], hi: s[len(s)-1]}
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
