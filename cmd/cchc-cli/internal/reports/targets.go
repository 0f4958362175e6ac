package reports

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"
	"github.com/kehoach/cchc/store/usererr"

	"github.com/kehoach/cchc/store"
)

// targetOptions are the flags of `targets`, `actual` and `target edit`.
type targetOptions struct {
	plan, target, period, value, of, note, evidence, baseline, feed string
	clear, json                                                     bool
}

func init() {
	commands["targets"] = cmdline.Command{
		Usage:   "targets --plan P --period KỲ [--json]",
		Summary: "liệt kê các chỉ tiêu theo lời văn kế hoạch, với mục tiêu, kết quả thực hiện trong kỳ (Q1, Q2, H1, Q3, 9M, Q4, Y) và đánh giá",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o targetOptions
			fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&o.period, "period", "", "kỳ báo cáo: Q1, Q2, H1, Q3, 9M, Q4 hoặc Y")
			fs.BoolVar(&o.json, "json", false, "in dạng JSON")
			return func(e *cmdline.Env, _ []string) error { return runTargets(e, o) }
		},
	}
	commands["actual"] = cmdline.Command{
		Writes:  true,
		Usage:   "actual --plan P --target MÃ --period KỲ (--value V [--of N] | --clear) [--note NGUỒN] [--evidence TÀI_LIỆU]",
		Summary: "ghi kết quả thực hiện chỉ tiêu trong kỳ: một số, hoặc V trên N (152 trên 160 là 95%)",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o targetOptions
			fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&o.target, "target", "", "mã chỉ tiêu (III.2.4) hoặc số thứ tự lưu trữ")
			fs.StringVar(&o.period, "period", "", "kỳ báo cáo")
			fs.StringVar(&o.value, "value", "", "giá trị thực hiện, hoặc tử số khi có --of")
			fs.StringVar(&o.of, "of", "", "mẫu số: tổng số")
			fs.StringVar(&o.note, "note", "", "nguồn số liệu")
			fs.StringVar(&o.evidence, "evidence", "", "tài liệu kiểm chứng")
			fs.BoolVar(&o.clear, "clear", false, "xoá kết quả đã ghi của kỳ")
			return func(e *cmdline.Env, _ []string) error { return runActual(e, o) }
		},
	}
	commands["target edit"] = cmdline.Command{
		Writes:  true,
		Usage:   "target edit --plan P --target MÃ [--baseline V|none] [--feed SỐ_LIỆU|none]",
		Summary: "nhập giá trị năm gốc của chỉ tiêu tăng thêm, hoặc chọn số liệu thống kê để tính chỉ tiêu (" + strings.Join(feedNames(), ", ") + ")",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o targetOptions
			fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&o.target, "target", "", "mã chỉ tiêu")
			fs.StringVar(&o.baseline, "baseline", "", "giá trị năm gốc; none để xoá")
			fs.StringVar(&o.feed, "feed", "", "số liệu thống kê tính chỉ tiêu; none để bỏ")
			return func(e *cmdline.Env, _ []string) error { return runTargetEdit(e, o, cmdline.Given(fs)) }
		},
	}
}

func feedNames() []string {
	var names []string
	for _, f := range store.Feeds() {
		names = append(names, string(f))
	}
	return names
}

// planPeriod opens the store, finds the plan and reads --period against
// its year.
func planPeriod(e *cmdline.Env, planRef, periodText string) (*db.Store, store.Plan, store.Period, error) {
	if strings.TrimSpace(periodText) == "" {
		return nil, store.Plan{}, store.Period{}, cmdline.UsageError("thiếu --period: ghi kỳ báo cáo Q1, Q2, H1, Q3, 9M, Q4 hoặc Y")
	}
	st, plan, err := e.Plan(planRef)
	if err != nil {
		return nil, store.Plan{}, store.Period{}, err
	}
	p, err := store.ParsePeriod(periodText, plan.Year)
	if err != nil {
		return nil, store.Plan{}, store.Period{}, cmdline.UsageError("--period: %s", usererr.Message(err))
	}
	return st, plan, p, nil
}

// TargetJSON is one target as `targets --json` prints it.
type TargetJSON struct {
	ID         uint64            `json:"id"`
	Code       string            `json:"code"`
	Indicator  string            `json:"indicator"`
	Goal       string            `json:"goal"`
	Comparator string            `json:"comparator"`
	Value      float64           `json:"value"`
	Unit       string            `json:"unit"`
	Baseline   *float64          `json:"baseline"`
	Feed       string            `json:"feed,omitempty"`
	Actual     *float64          `json:"actual"`
	Detail     string            `json:"detail,omitempty"`
	Source     string            `json:"source,omitempty"`
	Note       string            `json:"note,omitempty"`
	Evidence   string            `json:"evidence,omitempty"`
	Verdict    reporting.Verdict `json:"verdict"`
	Why        string            `json:"why,omitempty"`
}

func newTargetJSON(r reporting.TargetResult) TargetJSON {
	t := r.Target
	out := TargetJSON{ID: t.ID, Code: t.Code, Indicator: t.Indicator, Goal: t.Goal(), Comparator: string(t.Comparator),
		Value: t.Value, Unit: t.Unit, Baseline: t.Baseline, Feed: string(t.Feed), Detail: r.Detail, Source: r.Source,
		Verdict: r.Verdict, Why: r.Why}
	if r.Source != "" {
		v := r.Value
		out.Actual = &v
	}
	if r.Actual != nil {
		out.Note, out.Evidence = r.Actual.Note, r.Actual.Evidence
	}
	return out
}

func runTargets(e *cmdline.Env, o targetOptions) error {
	st, plan, p, err := planPeriod(e, o.plan, o.period)
	if err != nil {
		return err
	}
	results, err := st.TargetResults(plan.ID, p)
	if err != nil {
		return err
	}
	if o.json {
		rows := make([]TargetJSON, len(results))
		for i, r := range results {
			rows[i] = newTargetJSON(r)
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	counts := reporting.CountVerdicts(results)
	fmt.Fprintf(e.Stdout, "Chỉ tiêu của kế hoạch %s, %s: %d chỉ tiêu; đạt %d, không đạt %d, chưa có số liệu %d.\n",
		plan.Ref(), p.Name(), len(results), counts[reporting.VerdictMet], counts[reporting.VerdictNotMet], counts[reporting.VerdictNoData])
	for _, r := range results {
		fmt.Fprintf(e.Stdout, "\n%s  %s\n", r.Target.Code, r.Target.Indicator)
		fmt.Fprintf(e.Stdout, "    %s\n", resultLine(r))
	}
	return nil
}

// resultLine is a target's goal, actual and verdict on one line.
func resultLine(r reporting.TargetResult) string {
	parts := []string{"Kế hoạch: " + r.Target.Goal()}
	if base := r.Target.BaselineText(); base != "" {
		parts[0] += " (" + base + ")"
	}
	actual := "Thực hiện: chưa có"
	if r.Source != "" {
		actual = "Thực hiện: " + r.ValueText()
		if r.Source == reporting.SourceFigures {
			actual += ", " + reporting.SourceFigures
		}
	}
	parts = append(parts, actual, "Đánh giá: "+string(r.Verdict))
	if r.Why != "" {
		parts = append(parts, r.Why)
	}
	return strings.Join(parts, " · ")
}

func runActual(e *cmdline.Env, o targetOptions) error {
	if strings.TrimSpace(o.target) == "" {
		return cmdline.UsageError("thiếu --target: ghi mã chỉ tiêu như III.2.4 (xem lệnh targets)")
	}
	if o.clear == (o.value != "") {
		return cmdline.UsageError("ghi --value (giá trị thực hiện) hoặc --clear (xoá), một trong hai")
	}
	st, plan, p, err := planPeriod(e, o.plan, o.period)
	if err != nil {
		return err
	}
	target, err := st.FindTarget(plan.ID, o.target)
	if err != nil {
		return err
	}
	if o.clear {
		if err := st.ClearActual(plan.ID, target.ID, p); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Đã xoá kết quả thực hiện chỉ tiêu %s %s.\n", target.Code, p.Name())
		return nil
	}
	a, err := actualArg(o)
	if err != nil {
		return err
	}
	a.PlanID, a.TargetID, a.Period, a.Note, a.Evidence = plan.ID, target.ID, p, o.note, o.evidence
	if _, err := st.SetActual(a); err != nil {
		return err
	}
	return printTargetResult(e, st, plan.ID, p, target.ID, "Đã ghi")
}

// actualArg reads --value and --of.
func actualArg(o targetOptions) (reporting.Actual, error) {
	value, err := store.ParseNumber(o.value)
	if err != nil {
		return reporting.Actual{}, cmdline.UsageError("--value: %q không phải một số", o.value)
	}
	if o.of == "" {
		return reporting.Actual{Value: value}, nil
	}
	of, err := store.ParseNumber(o.of)
	if err != nil || of <= 0 {
		return reporting.Actual{}, cmdline.UsageError("--of: %q phải là một số lớn hơn 0", o.of)
	}
	return reporting.NewFraction(value, of), nil
}

// printTargetResult prints a target's result in a period after a change.
func printTargetResult(e *cmdline.Env, st *db.Store, planID uint64, p store.Period, targetID uint64, done string) error {
	results, err := st.TargetResults(planID, p)
	if err != nil {
		return err
	}
	for _, r := range results {
		if r.Target.ID == targetID {
			fmt.Fprintf(e.Stdout, "%s chỉ tiêu %s, %s: %s.\n", done, r.Target.Code, p.Name(), resultLine(r))
		}
	}
	return nil
}

func runTargetEdit(e *cmdline.Env, o targetOptions, set map[string]bool) error {
	if !set["baseline"] && !set["feed"] {
		return cmdline.UsageError("target edit cần --baseline hoặc --feed")
	}
	st, plan, err := e.Plan(o.plan)
	if err != nil {
		return err
	}
	if strings.TrimSpace(o.target) == "" {
		return cmdline.UsageError("thiếu --target: ghi mã chỉ tiêu như III.2.2 (xem lệnh targets)")
	}
	target, err := st.FindTarget(plan.ID, o.target)
	if err != nil {
		return err
	}
	if err := applyTargetEdit(&target, o, set); err != nil {
		return err
	}
	if err := st.UpdateTarget(target); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã sửa chỉ tiêu %s: kế hoạch %s", target.Code, target.Goal())
	if base := target.BaselineText(); base != "" {
		fmt.Fprintf(e.Stdout, " (%s)", base)
	}
	if target.Feed != store.FeedNone {
		fmt.Fprintf(e.Stdout, "; tính từ số liệu thống kê: %s", target.Feed.Name())
	}
	fmt.Fprintln(e.Stdout, ".")
	return nil
}

func applyTargetEdit(t *store.Target, o targetOptions, set map[string]bool) error {
	if set["baseline"] {
		switch clean := strings.ToLower(strings.TrimSpace(o.baseline)); clean {
		case "", "none", "không", "khong":
			t.Baseline = nil
		default:
			v, err := store.ParseNumber(clean)
			if err != nil {
				return cmdline.UsageError("--baseline: %q không phải một số", o.baseline)
			}
			t.Baseline = &v
		}
	}
	if set["feed"] {
		feed, err := store.ParseFeed(o.feed)
		if err != nil {
			return cmdline.UsageError("--feed: %s", usererr.Message(err))
		}
		t.Feed = feed
	}
	return nil
}
