package reports

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"
	"github.com/kehoach/cchc/store/usererr"

	"github.com/kehoach/cchc/store"
)

// figureSets collects the --set KEY=VALUE flags of `figures`.
type figureSets []string

func (s *figureSets) String() string     { return strings.Join(*s, " ") }
func (s *figureSets) Set(v string) error { *s = append(*s, v); return nil }

func init() {
	commands["figures"] = cmdline.Command{
		Writes:  true,
		Usage:   "figures --plan P --period KỲ [--set SỐ_LIỆU=GIÁ_TRỊ ...] [--note NGUỒN] [--json]",
		Summary: "nhập (--set, để trống giá trị để xoá) hoặc xem số liệu thống kê của kỳ, và các chỉ tiêu tính từ đó",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var sets figureSets
			var o targetOptions
			fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&o.period, "period", "", "kỳ báo cáo")
			fs.Var(&sets, "set", "SỐ_LIỆU=GIÁ_TRỊ, nhắc lại cho từng số liệu: "+figureKeys())
			fs.StringVar(&o.note, "note", "", "nguồn số liệu")
			fs.BoolVar(&o.json, "json", false, "in dạng JSON")
			return func(e *cmdline.Env, _ []string) error { return runFigures(e, o, sets, cmdline.Given(fs)) }
		},
	}
}

func figureKeys() string {
	keys := make([]string, len(reporting.FigureDefs))
	for i, d := range reporting.FigureDefs {
		keys[i] = string(d.Key)
	}
	return strings.Join(keys, ", ")
}

func runFigures(e *cmdline.Env, o targetOptions, sets figureSets, set map[string]bool) error {
	if len(sets) == 0 && !set["note"] {
		e.OnlyReads()
	}
	st, plan, p, err := planPeriod(e, o.plan, o.period)
	if err != nil {
		return err
	}
	f, err := st.Figures(plan.ID, p)
	if err != nil {
		return err
	}
	if len(sets) > 0 || set["note"] {
		if err := applyFigureSets(&f, sets); err != nil {
			return err
		}
		if set["note"] {
			f.Note = o.note
		}
		if f, err = st.SaveFigures(f); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Đã ghi số liệu thống kê %s.\n", p.Name())
	}
	if o.json {
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(reporting.FigureRows(f))
	}
	if err := printFigures(e, f); err != nil {
		return err
	}
	return printFedTargets(e, st, plan.ID, p)
}

// applyFigureSets enters each KEY=VALUE; an empty value removes the figure.
func applyFigureSets(f *reporting.Figures, sets figureSets) error {
	for _, item := range sets {
		keyText, valueText, ok := strings.Cut(item, "=")
		if !ok {
			return cmdline.UsageError("--set %q: ghi SỐ_LIỆU=GIÁ_TRỊ, ví dụ received.online=152", item)
		}
		key, err := reporting.ParseFigureKey(keyText)
		if err != nil {
			return cmdline.UsageError("--set: %s", usererr.Message(err))
		}
		if strings.TrimSpace(valueText) == "" {
			f.Unset(key)
			continue
		}
		v, err := store.ParseNumber(valueText)
		if err != nil {
			return cmdline.UsageError("--set %s: %q không phải một số", keyText, valueText)
		}
		f.Set(key, v)
	}
	return nil
}

// printFigures prints every figure, entered, computed or missing.
func printFigures(e *cmdline.Env, f reporting.Figures) error {
	fmt.Fprintf(e.Stdout, "Số liệu thống kê %s", f.Period.Name())
	if f.Note != "" {
		fmt.Fprintf(e.Stdout, " (nguồn: %s)", f.Note)
	}
	fmt.Fprintln(e.Stdout, ":")
	tw := tabwriter.NewWriter(e.Stdout, 0, 0, 2, ' ', 0)
	keys := map[string]string{}
	for _, d := range reporting.FigureDefs {
		keys[d.Label] = string(d.Key)
	}
	for _, row := range reporting.FigureRows(f) {
		value := row.ValueText()
		switch {
		case row.Computed:
			value += " (tính từ số liệu: " + row.Detail + ")"
		case !row.Entered:
			value = "chưa nhập"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", row.Label, keys[row.Label], value)
	}
	return tw.Flush()
}

// printFedTargets says which targets the figures compute, and their result.
func printFedTargets(e *cmdline.Env, st *db.Store, planID uint64, p store.Period) error {
	results, err := st.TargetResults(planID, p)
	if err != nil {
		return err
	}
	var lines []string
	for _, r := range results {
		switch {
		case r.FromFigures():
			lines = append(lines, fmt.Sprintf("  %s: %s, %s (%s)", r.Target.Code, r.ValueText(), r.Verdict, r.Target.Feed.Name()))
		case r.EnteredOverFigures():
			lines = append(lines, fmt.Sprintf("  %s: đã nhập trực tiếp %s, không tính từ số liệu", r.Target.Code, r.ValueText()))
		}
	}
	if len(lines) == 0 {
		fmt.Fprintln(e.Stdout, "Chưa có chỉ tiêu nào tính được từ số liệu này.")
		return nil
	}
	fmt.Fprintln(e.Stdout, "Chỉ tiêu tính từ số liệu thống kê:")
	fmt.Fprintln(e.Stdout, strings.Join(lines, "\n"))
	return nil
}
