package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// storeRows: open the data file and list its tasks, 10,000 and 100,000.
func (b *bench) storeRows() error {
	files := []struct {
		label, file string
		limit       float64
	}{{"10,000", "10k.db", 100}, {"100,000", "100k.db", 1000}}
	for _, f := range files {
		if b.skipBig && f.file == "100k.db" {
			b.r.add(row{what: "Store open + list of 100,000 tasks", target: "< 1 s", measured: "not measured (-skip-100k)"})
			continue
		}
		g := goBench{pkg: "./store/db", pattern: "^BenchmarkOpenAndList$", count: 5, env: []string{"CCHC_BENCH_DB=" + abs(b.path(f.file))}}
		found, err := g.run(b.goTool)
		if err != nil {
			return err
		}
		s := spreadOf(found["BenchmarkOpenAndList"])
		r := row{what: "Store open + list of " + f.label + " tasks (Go benchmark, `BenchmarkOpenAndList`)",
			target: fmt.Sprintf("< %s", msText(f.limit)), measured: timeText(s, "runs"), met: ptr(s.median < f.limit)}
		if !*r.met {
			r.profile = g.profile(b.goTool, b.work, "BenchmarkOpenAndList", false)
		}
		b.r.add(r)
	}
	return nil
}

// goRows: search, one update, the seed plan's PDF, in-process.
func (b *bench) goRows() error {
	benches := []struct {
		g      goBench
		name   string
		what   string
		limit  float64
		target string
	}{
		{goBench{pkg: "./store/db", pattern: "^BenchmarkSearchKeystroke$", count: 5}, "BenchmarkSearchKeystroke",
			"Search, one keystroke over 10,000 tasks (`BenchmarkSearchKeystroke`)", 10, "< 10 ms"},
		{goBench{pkg: "./store/db", pattern: "^BenchmarkAddUpdate$", count: 5}, "BenchmarkAddUpdate",
			"One update saved, with fsync, into 10,000 tasks with a year of updates (`BenchmarkAddUpdate`)", 20, "< 20 ms"},
		{goBench{pkg: "./export/pdf", pattern: "^BenchmarkSeedPlanPDF$", count: 5}, "BenchmarkSeedPlanPDF",
			"The seed plan's PDF with its appendix (`BenchmarkSeedPlanPDF`)", 100, "< 100 ms"},
	}
	for _, x := range benches {
		found, err := x.g.run(b.goTool)
		if err != nil {
			return err
		}
		s := spreadOf(found[x.name])
		r := row{what: x.what, target: x.target, measured: timeText(s, "runs"), met: ptr(s.median < x.limit)}
		if !*r.met {
			r.profile = x.g.profile(b.goTool, b.work, x.name, false)
		}
		b.r.add(r)
	}
	return nil
}

// cliRows: the listing commands on 10,000 tasks as whole processes.
func (b *bench) cliRows() error {
	data := b.path("10k.db")
	jobs := []struct {
		j    job
		what string
	}{
		{b.cli("plans", data, "plans"), "`cchc-cli plans` on 10,000 tasks (whole process)"},
		{b.cli("tasks --json", data, "tasks", "--plan", "2023", "--json"), "`cchc-cli tasks --json` on 10,000 tasks (whole process, output to a pipe)"},
	}
	for _, x := range jobs {
		s, err := repeat(x.j, b.pairs)
		if err != nil {
			return err
		}
		b.cliPeaks = append(b.cliPeaks, namedMB{x.j.name, s.peakMB()})
		b.r.add(row{what: x.what, target: "(no target of its own; peak memory below)", measured: timeText(spreadOf(s.walls()), "runs")})
	}
	return nil
}

// exporter is one of our 10,000-task exporters with its floor and, for a
// PDF, our workbook LibreOffice converts.
type exporter struct {
	what       string
	ours       job
	floor      job
	officeBook string
}

func (b *bench) exporters() []exporter {
	data := b.path("10k.db")
	floor := b.tool("floor")
	return []exporter{
		{what: "Appendix PDF (`export --doc appendix --format pdf`)",
			ours:  b.cli("appendix pdf", data, "export", "--plan", "2023", "--doc", "appendix", "--format", "pdf", "-o", b.path("out-appendix.pdf")),
			floor: job{name: "floor appendix pdf", argv: []string{floor, "pdf", "appendix", b.path("appendix.tsv"), b.path("floor-appendix.pdf")}}, officeBook: "plan.xlsx"},
		{what: "Workbook (`export --doc appendix --format xlsx`; floor: its two task sheets)",
			ours:  b.cli("workbook", data, "export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "-o", b.path("out-plan.xlsx")),
			floor: job{name: "floor workbook", argv: []string{floor, "xlsx", b.path("floor-plan.xlsx"), b.path("plan-sheet.tsv"), b.path("tracking-sheet.tsv")}}},
		{what: "Year report PDF (`report --period Y --format pdf`; floor: its task-progress table)",
			ours:  b.cli("report pdf", data, "report", "--plan", "2023", "--period", "Y", "--format", "pdf", "-o", b.path("out-report.pdf")),
			floor: job{name: "floor report pdf", argv: []string{floor, "pdf", "report", b.path("report.tsv"), b.path("floor-report.pdf")}}, officeBook: "report.xlsx"},
		{what: "Year report workbook (`report --period Y --format xlsx`; floor: its task-progress sheet)",
			ours:  b.cli("report xlsx", data, "report", "--plan", "2023", "--period", "Y", "--format", "xlsx", "-o", b.path("out-report.xlsx")),
			floor: job{name: "floor report xlsx", argv: []string{floor, "xlsx", b.path("floor-report.xlsx"), b.path("report-sheet.tsv")}}},
	}
}

// exporterRows: each exporter against its floor, interleaved.
func (b *bench) exporterRows() error {
	for _, e := range b.exporters() {
		ours, floor, err := pairs(e.ours, e.floor, b.pairs)
		if err != nil {
			return err
		}
		b.cliPeaks = append(b.cliPeaks, namedMB{e.ours.name, ours.peakMB()})
		b.floorPeaks[e.ours.name] = floor.peakMB()
		s := spreadOf(ratios(ours.walls(), floor.walls()))
		r := row{what: e.what + " ÷ its library floor, 10,000 tasks", target: "≤ 1.2×", met: ptr(s.median <= 1.2),
			measured: fmt.Sprintf("%s (median of %d pairs, %s–%s); ours %s, floor %s; memory ours %.0f MB, floor %.0f MB",
				times(s.median), len(ours), times(s.lo), times(s.hi), msText(spreadOf(ours.walls()).median),
				msText(spreadOf(floor.walls()).median), ours.peakMB(), floor.peakMB())}
		if !*r.met {
			r.profile = b.processProfile(e.ours, b.tool("cchc-cli"))
		}
		b.r.add(r)
	}
	return nil
}

// processProfile runs a job once more with a CPU profile of the whole
// process (CCHC_CPUPROFILE) and returns pprof's top functions by their
// cumulative time.
func (b *bench) processProfile(j job, binary string) string {
	prof := abs(b.path(strings.ReplaceAll(j.name, " ", "-") + ".cpu"))
	j.env = append(j.env, "CCHC_CPUPROFILE="+prof)
	if _, err := j.run(); err != nil {
		return fmt.Sprintf("(no profile: %v)", err)
	}
	return topOf(b.goTool, binary, prof, "-cum", "-hide", wrappers)
}

// wrappers are the frames every profile of a program starts with, hidden
// from its top functions.
const wrappers = `^main\.|^runtime\.main$|files\.|Export\.func1|^runtime\.(mcall|park_m|schedule|findRunnable|goexit)`

// topOf is pprof -top of a profile, with extra options.
func topOf(goTool, binary, prof string, opts ...string) string {
	args := append([]string{"tool", "pprof", "-top", "-nodecount", "25"}, opts...)
	out, err := goCommand(goTool, nil, append(args, binary, prof)...)
	if err != nil {
		return fmt.Sprintf("(no profile: %v)", err)
	}
	return pprofTop(string(out))
}

// officeRows: our PDF exporters against LibreOffice converting our own
// workbook of the same table, interleaved.
func (b *bench) officeRows() error {
	profile := "file://" + abs(b.path("lo-profile"))
	for _, e := range b.exporters() {
		if e.officeBook == "" {
			continue
		}
		outDir := b.path("lo-" + strings.TrimSuffix(e.officeBook, ".xlsx"))
		office := job{name: "libreoffice " + e.officeBook, timeout: b.loTimeout,
			argv: []string{"soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", outDir, b.path(e.officeBook)}}
		ours, lo, err := pairs(e.ours, office, b.loPairs)
		if err != nil {
			return err
		}
		r := officeRow(e, ours, lo, b.loTimeout)
		if !*r.met {
			r.profile = b.explainOffice(e, lo)
		}
		b.r.add(r)
	}
	return nil
}

func officeRow(e exporter, ours, lo series, timeout time.Duration) row {
	speed := spreadOf(ratios(lo.walls(), ours.walls()))
	lean := spreadOf(ratios(rssMB(lo), rssMB(ours)))
	bound, stopped := "", ""
	if lo.timedOut() {
		bound = "≥ "
		stopped = fmt.Sprintf("LibreOffice had not finished after %s and was stopped, so both are lower bounds; ", timeout)
	}
	return row{
		what:   strings.SplitN(e.what, " (", 2)[0] + " against LibreOffice headless converting our workbook of the same table to PDF",
		target: "≥ 5× faster and ≥ 3× leaner", met: ptr(speed.median >= 5 && lean.median >= 3),
		measured: fmt.Sprintf("%s%s faster, %s%s leaner (%s%d pair(s); LibreOffice %s, %.0f MB; ours %s, %.0f MB)",
			bound, times(speed.median), bound, times(lean.median), stopped, len(ours),
			msText(spreadOf(lo.walls()).median), lo.peakMB(), msText(spreadOf(ours.walls()).median), ours.peakMB()),
	}
}

// explainOffice says, for a PDF exporter less lean than the target, how
// much the library floor itself holds, with the exporter's GC trace.
func (b *bench) explainOffice(e exporter, lo series) string {
	floor := b.floorPeaks[e.ours.name]
	ratio := lo.peakMB() / max(floor, 1)
	why := "so what the exporter holds beyond the floor is ours to cut."
	if ratio < 3 {
		why = "fpdf keeps every page of the document in memory until it writes the file, so no exporter on fpdf " +
			"reaches 3× leaner than LibreOffice's measured peak here."
	}
	return fmt.Sprintf("The library floor writing the same table with fpdf alone peaked at %.0f MB, %.2f× less than "+
		"LibreOffice's %.0f MB; %s\n%s", floor, ratio, lo.peakMB(), why, b.heapTrace(e.ours.name))
}

// importRows: 10,000 rows into a new plan of the seed file, from our own
// workbook and from a Word table of the same plan.
func (b *bench) importRows() error {
	for _, f := range []string{"plan.xlsx", "plan.docx"} {
		target := b.path("import.db")
		j := b.cli("import "+f, target, "import", "--plan", "2024", b.path(f))
		j.before = func() error { return copyFile(b.path("seed.db"), target) }
		s, err := repeat(j, b.pairs)
		if err != nil {
			return err
		}
		b.cliPeaks = append(b.cliPeaks, namedMB{j.name, s.peakMB()})
		b.r.add(row{what: "Import 10,000 rows from " + strings.ToUpper(filepath.Ext(f)[1:]) + " into a new plan (whole process, written)",
			target: "(measured; no time target)", measured: timeText(spreadOf(s.walls()), "runs") + fmt.Sprintf("; memory %.0f MB", s.peakMB())})
	}
	return nil
}

// memoryRow: the peak memory of every 10,000-task CLI job.
func (b *bench) memoryRow() {
	worst := namedMB{}
	var parts []string
	for _, p := range b.cliPeaks {
		parts = append(parts, fmt.Sprintf("%s %.0f", p.name, p.mb))
		if p.mb > worst.mb {
			worst = p
		}
	}
	r := row{what: "Peak memory (max RSS) of any 10,000-task CLI job", target: "< 200 MB", met: ptr(worst.mb < 200),
		measured: fmt.Sprintf("%.0f MB (%s); each, MB: %s", worst.mb, worst.name, strings.Join(parts, ", "))}
	if !*r.met {
		r.profile = b.heapTrace(worst.name)
	}
	b.r.add(r)
}

// gcLine is the heap sizes of a GODEBUG=gctrace=1 line: at the start of a
// collection, at its end, and live after it, in MB.
var gcLine = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB, (\d+) MB goal`)

// heapTrace runs the job named once more with the garbage collector's
// trace and says how much of its peak memory the Go heap was.
func (b *bench) heapTrace(name string) string {
	var j job
	for _, e := range b.exporters() {
		if e.ours.name == name {
			j = e.ours
		}
	}
	if j.argv == nil {
		return "(no trace: the job is not an exporter)"
	}
	var trace bytes.Buffer
	j.env = append(j.env, "GODEBUG=gctrace=1")
	j.stderr = &trace
	s, err := j.run()
	if err != nil {
		return fmt.Sprintf("(no trace: %v)", err)
	}
	peak, live, n := 0, 0, 0
	for _, m := range gcLine.FindAllStringSubmatch(trace.String(), -1) {
		before, _ := strconv.Atoi(m[1])
		after, _ := strconv.Atoi(m[3])
		peak, live, n = max(peak, before), max(live, after), n+1
	}
	return fmt.Sprintf("GODEBUG=gctrace=1 on %s: max RSS %.0f MB; %d collections; the Go heap reached %d MB "+
		"before a collection, and at most %d MB stayed live after one. The rest of the RSS is the Go runtime's "+
		"own and freed-but-kept pages, the binary, the fonts and the data file's pages mapped by bbolt.",
		name, float64(s.rssKB)/1024, n, peak, live)
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o600)
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func ptr(v bool) *bool { return &v }
