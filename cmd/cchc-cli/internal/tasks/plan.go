package tasks

import (
	"flag"
	"fmt"
	"strings"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store"
)

// planHeader are the flags of `cchc-cli plan edit`.
type planHeader struct {
	number, symbol, date, summary, legalBasis, distribution string
}

func init() {
	commands["plan edit"] = cmdline.Command{
		Writes:  true,
		Usage:   "plan edit --plan P [--number SỐ] [--symbol KÝ_HIỆU] [--date NGÀY] [--summary TRÍCH_YẾU] [--legal-basis CĂN_CỨ] [--distribution NƠI_NHẬN]",
		Summary: "sửa phần đầu kế hoạch: số, ký hiệu, ngày ban hành, trích yếu, căn cứ (mỗi dòng một căn cứ), nơi nhận",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var h planHeader
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&h.number, "number", "", "số kế hoạch; để trống nếu chưa có số")
			fs.StringVar(&h.symbol, "symbol", "", "ký hiệu, KH-SKH")
			fs.StringVar(&h.date, "date", "", "ngày ban hành")
			fs.StringVar(&h.summary, "summary", "", "trích yếu")
			fs.StringVar(&h.legalBasis, "legal-basis", "", "các căn cứ, mỗi dòng một căn cứ")
			fs.StringVar(&h.distribution, "distribution", "", "nơi nhận, mỗi dòng một nơi hoặc cách nhau bằng ;")
			return func(e *cmdline.Env, _ []string) error { return runPlanEdit(e, *planRef, h, cmdline.Given(fs)) }
		},
	}
}

func runPlanEdit(e *cmdline.Env, planRef string, h planHeader, set map[string]bool) error {
	if !set["number"] && !set["symbol"] && !set["date"] && !set["summary"] && !set["legal-basis"] && !set["distribution"] {
		return cmdline.UsageError("plan edit cần ít nhất một trường để sửa: --number, --symbol, --date, --summary, --legal-basis hoặc --distribution")
	}
	date, err := cmdline.DateArg("--date", h.date, store.Date{})
	if err != nil {
		return err
	}
	st, plan, err := e.Plan(planRef)
	if err != nil {
		return err
	}
	h.apply(&plan, date, set)
	if err := st.UpdatePlan(plan); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã sửa kế hoạch %s ngày %s: %s.\n", plan.Ref(), cmdline.DateOrNone(plan.IssueDate.String()), plan.Summary)
	return nil
}

// apply writes the fields the command line gave into p.
func (h planHeader) apply(p *store.Plan, date store.Date, set map[string]bool) {
	if set["number"] {
		p.Number = strings.TrimSpace(h.number)
	}
	if set["symbol"] {
		p.Symbol = strings.TrimSpace(h.symbol)
	}
	if set["date"] {
		p.IssueDate = date
	}
	if set["summary"] {
		p.Summary = h.summary
	}
	if set["legal-basis"] {
		p.LegalBasis = nonEmptyLines(h.legalBasis)
	}
	if set["distribution"] {
		p.Distribution = store.SplitDistribution(h.distribution)
	}
}

// nonEmptyLines splits text into its lines, trimmed, dropping empty ones.
func nonEmptyLines(text string) []string {
	var lines []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}
