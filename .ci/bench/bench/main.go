// Command bench is make bench: it makes the measured data files with
// cchc-cli demo, runs the Go benchmarks and times whole processes (our
// exporters against their library floors and LibreOffice, the imports, the
// window's first frame under Xvfb), and writes BENCHMARKS.md with each
// figure beside its target.
//
//	bench -bin build/bench -out BENCHMARKS.md
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// config is what the flags set.
type config struct {
	bin, work, out, goTool string
	pairs, loPairs         int
	loTimeout              time.Duration
	skipBig                bool
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "build/bench", "folder of cchc, cchc-cli, floor and prep, built for this run")
	flag.StringVar(&c.work, "work", "build/bench/work", "folder for the data files and outputs")
	flag.StringVar(&c.out, "out", "BENCHMARKS.md", "the report to write")
	flag.StringVar(&c.goTool, "go", "go", "the go command")
	flag.IntVar(&c.pairs, "pairs", 7, "runs of each whole-process figure (pairs for a ratio)")
	flag.IntVar(&c.loPairs, "lo-pairs", 1, "pairs against LibreOffice, which takes minutes")
	flag.DurationVar(&c.loTimeout, "lo-timeout", 150*time.Second, "how long LibreOffice may take to convert one workbook")
	flag.BoolVar(&c.skipBig, "skip-100k", false, "leave out the 100,000-task file (minutes to make)")
	flag.Parse()
	start := time.Now()
	r, err := measureAll(c)
	if err != nil {
		logf("bench: %v", err)
		os.Exit(1)
	}
	r.took = time.Since(start)
	if err := os.WriteFile(c.out, []byte(r.markdown()), 0o644); err != nil {
		logf("bench: %v", err)
		os.Exit(1)
	}
	logf("bench: wrote %s in %s", c.out, r.took.Round(time.Second))
}

// measureAll makes the data and measures every row, in order.
func measureAll(c config) (*results, error) {
	if err := os.RemoveAll(c.work); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return nil, err
	}
	b := &bench{config: c, floorPeaks: map[string]float64{}, r: &results{machine: describeMachine(c.goTool), date: time.Now().UTC(), loadBefore: loadAverage()}}
	steps := []struct {
		name string
		run  func() error
	}{
		{"data", b.makeData},
		{"store", b.storeRows},
		{"go benchmarks", b.goRows},
		{"cli", b.cliRows},
		{"exporters", b.exporterRows},
		{"libreoffice", b.officeRows},
		{"imports", b.importRows},
		{"window", b.windowRows},
	}
	for _, s := range steps {
		logf("== %s", s.name)
		if err := s.run(); err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
	}
	b.memoryRow()
	b.r.loadAfter = loadAverage()
	return b.r, nil
}

// bench holds the run's settings and what it found.
type bench struct {
	config
	r *results
	// cliPeaks are the peak memory of each 10,000-task CLI job, in MB.
	cliPeaks []namedMB
	// floorPeaks are the floors' peak memory, in MB, by their exporter.
	floorPeaks map[string]float64
}

type namedMB struct {
	name string
	mb   float64
}

func (b *bench) path(name string) string { return filepath.Join(b.work, name) }

func (b *bench) tool(name string) string {
	p, err := filepath.Abs(filepath.Join(b.bin, name))
	if err != nil {
		return filepath.Join(b.bin, name)
	}
	return p
}

// cli is a job of cchc-cli on a data file.
func (b *bench) cli(name, data string, args ...string) job {
	return job{name: name, argv: append([]string{b.tool("cchc-cli"), "--db", data}, args...)}
}

// do runs a job once, untimed.
func (b *bench) do(j job) error {
	_, err := j.run()
	return err
}

// makeData makes the measured files: 10,000 and 100,000 tasks with a year
// of updates (cchc-cli demo), the seed plan, the year report of 10,000
// saved, our own workbooks of both, and what the floors read.
func (b *bench) makeData() error {
	jobs := []job{
		b.cli("demo 10k", b.path("10k.db"), "demo", "--tasks", "10000"),
		b.cli("seed", b.path("seed.db"), "plans"),
		b.cli("report draft", b.path("10k.db"), "report", "draft", "--plan", "2023", "--period", "Y"),
		b.cli("workbook", b.path("10k.db"), "export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "-o", b.path("plan.xlsx")),
		b.cli("report workbook", b.path("10k.db"), "report", "--plan", "2023", "--period", "Y", "--format", "xlsx", "-o", b.path("report.xlsx")),
		{name: "prep", argv: []string{b.tool("prep"), b.path("10k.db"), b.work}},
		{name: "prep plan sheet", argv: []string{b.tool("prep"), "sheet", b.path("plan.xlsx"), "Biểu kế hoạch", b.path("plan-sheet.tsv")}},
		{name: "prep tracking sheet", argv: []string{b.tool("prep"), "sheet", b.path("plan.xlsx"), "Theo dõi", b.path("tracking-sheet.tsv")}},
		{name: "prep report sheet", argv: []string{b.tool("prep"), "sheet", b.path("report.xlsx"), "Tiến độ nhiệm vụ", b.path("report-sheet.tsv")}},
	}
	if !b.skipBig {
		jobs = append(jobs, b.cli("demo 100k", b.path("100k.db"), "demo", "--tasks", "100000"))
	}
	for _, j := range jobs {
		logf("  %s", j.name)
		j.timeout = 15 * time.Minute
		if err := b.do(j); err != nil {
			return err
		}
	}
	return nil
}
