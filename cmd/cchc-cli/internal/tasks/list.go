package tasks

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/usererr"

	"github.com/kehoach/cchc/store"
)

func init() {
	commands["plans"] = cmdline.Command{
		Usage:   "plans",
		Summary: "liệt kê các kế hoạch",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			return runPlans
		},
	}
	commands["tasks"] = cmdline.Command{
		Usage:   "tasks --plan NĂM|SỐ [--as-of NGÀY] [--status S] [--search CHỮ] [--json]",
		Summary: "liệt kê nhiệm vụ với tình trạng tại ngày báo cáo (mặc định hôm nay), cờ và ghi chú mới nhất",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o listOptions
			fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&o.asOf, "as-of", "", "ngày báo cáo, ngày/tháng/năm")
			fs.StringVar(&o.status, "status", "", "chỉ các nhiệm vụ có tình trạng hoặc cờ này")
			fs.StringVar(&o.search, "search", "", "chỉ các nhiệm vụ có các chữ này (không phân biệt dấu, hoa thường)")
			fs.BoolVar(&o.json, "json", false, "in dạng JSON")
			return func(e *cmdline.Env, _ []string) error { return runTasks(e, o) }
		},
	}
}

// listOptions are the flags of `cchc-cli tasks`.
type listOptions struct {
	plan, asOf, status, search string
	json                       bool
}

func runPlans(e *cmdline.Env, _ []string) error {
	st, err := e.Store()
	if err != nil {
		return err
	}
	plans, err := st.Plans()
	if err != nil {
		return err
	}
	if len(plans) == 0 {
		fmt.Fprintln(e.Stdout, "Chưa có kế hoạch nào.")
		return nil
	}
	w := tabwriter.NewWriter(e.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NĂM\tSỐ\tNGÀY BAN HÀNH\tNHIỆM VỤ\tTRÍCH YẾU")
	for _, p := range plans {
		count, err := st.CountTasks(p.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\n", p.Year, p.Ref(), p.IssueDate, count, p.Summary)
	}
	return w.Flush()
}

// TaskJSON is one task as `tasks --json` prints it. Status is the quick
// view (the latest update's status, or Quá hạn); State is the computed
// status on the reporting date, with its flags.
type TaskJSON struct {
	ID           uint64   `json:"id"`
	Area         string   `json:"area"`
	AreaName     string   `json:"areaName"`
	Ordinal      string   `json:"ordinal"`
	Content      string   `json:"content"`
	Product      string   `json:"product"`
	Lead         string   `json:"lead"`
	Coordinating []string `json:"coordinating"`
	Timeline     string   `json:"timeline"`
	Due          *string  `json:"due"`
	Recurring    bool     `json:"recurring"`
	Status       string   `json:"status"`
	Progress     int      `json:"progress"`
	State        string   `json:"state"`
	Flags        []string `json:"flags"`
	DueSoon      bool     `json:"dueSoon"`
	Unreported   bool     `json:"unreported"`
	LastUpdate   *string  `json:"lastUpdate"`
	LatestNote   string   `json:"latestNote"`
	Reason       string   `json:"reason,omitempty"`
	Result       string   `json:"result,omitempty"`
}

// listed is what `tasks` prints: the plan's tasks that pass the filters,
// where they stand, and the counts over the whole plan.
type listed struct {
	plan      store.Plan
	asOf      store.Date
	areas     map[uint64]store.Area
	standings []db.TaskStanding
	total     int
	counts    map[store.State]int
}

func runTasks(e *cmdline.Env, o listOptions) error {
	asOf, err := cmdline.DateArg("--as-of", o.asOf, e.Today())
	if err != nil {
		return err
	}
	keep, err := statusFilter(o.status)
	if err != nil {
		return err
	}
	st, plan, err := e.Plan(o.plan)
	if err != nil {
		return err
	}
	standings, err := st.Standings(plan.ID, asOf)
	if err != nil {
		return err
	}
	l := listed{plan: plan, asOf: asOf, areas: cmdline.AreasByID(st, plan.ID), total: len(standings), counts: db.CountStates(standings)}
	query := store.ParseQuery(o.search)
	for _, ts := range standings {
		if keep(ts.Standing) && query.Match(ts.Task) {
			l.standings = append(l.standings, ts)
		}
	}
	if o.json {
		return writeTasksJSON(e.Stdout, l)
	}
	return writeTasksTable(e.Stdout, l)
}

// statusFilter reads --status: a computed status or the start of its name
// ("hoàn thành" is both finished ones), or a flag ("sắp đến hạn", "chưa báo
// cáo"), with or without diacritics.
func statusFilter(text string) (func(store.Standing) bool, error) {
	if strings.TrimSpace(text) == "" {
		return func(store.Standing) bool { return true }, nil
	}
	states, err := store.StatesMatching(text)
	if err == nil {
		return func(s store.Standing) bool { return slices.Contains(states, s.State) }, nil
	}
	folded := strings.Join(strings.Fields(store.Fold(text)), " ")
	switch {
	case strings.HasPrefix("sap den han", folded):
		return func(s store.Standing) bool { return s.DueSoon }, nil
	case strings.HasPrefix("chua bao cao ky nay", folded):
		return func(s store.Standing) bool { return s.Unreported }, nil
	}
	return nil, cmdline.UsageError("--status: %s; hoặc cờ “sắp đến hạn”, “chưa báo cáo kỳ này”", usererr.Message(err))
}

func writeTasksJSON(w io.Writer, l listed) error {
	rows := make([]TaskJSON, 0, len(l.standings))
	for _, ts := range l.standings {
		t, s, area := ts.Task, ts.Standing, l.areas[ts.Task.AreaID]
		row := TaskJSON{
			ID: t.ID, Area: area.Numeral, AreaName: area.Name, Ordinal: t.Ordinal,
			Content: t.Content, Product: t.Product, Lead: t.Lead,
			Coordinating: append([]string{}, t.Coordinating...),
			Timeline:     t.Timeline.Text, Due: isoDate(t.Timeline.Due), Recurring: t.Timeline.Recurring(),
			Status: string(t.DisplayStatus(l.asOf)), Progress: s.Progress,
			State: string(s.State), Flags: append([]string{}, s.Flags()...), DueSoon: s.DueSoon, Unreported: s.Unreported,
			LastUpdate: isoDate(s.LastUpdate), LatestNote: s.LatestNote, Reason: s.Reason, Result: t.Result,
		}
		rows = append(rows, row)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

// isoDate is a day as JSON writes it, "2023-12-31", or null.
func isoDate(d store.Date) *string {
	if d.IsZero() {
		return nil
	}
	iso := d.ISO()
	return &iso
}

func writeTasksTable(w io.Writer, l listed) error {
	fmt.Fprintf(w, "Kế hoạch %s ngày %s: %s (%d nhiệm vụ)\n", l.plan.Ref(), l.plan.IssueDate, l.plan.Summary, l.total)
	fmt.Fprintf(w, "Tình trạng ngày %s: %s\n", l.asOf, countsLine(l.counts))
	if len(l.standings) < l.total {
		fmt.Fprintf(w, "Đang lọc: %d/%d nhiệm vụ.\n", len(l.standings), l.total)
	}
	list := l.standings
	for start := 0; start < len(list); {
		end := start
		for end < len(list) && list[end].Task.AreaID == list[start].Task.AreaID {
			end++
		}
		fmt.Fprintf(w, "\n%s\n", strings.ToUpper(l.areas[list[start].Task.AreaID].Label()))
		if err := writeAreaTasks(w, list[start:end]); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// countsLine says how many tasks stand in each state: "3 chưa thực hiện,
// 5 đang thực hiện, …".
func countsLine(counts map[store.State]int) string {
	parts := make([]string, 0, len(store.States))
	for _, s := range store.States {
		parts = append(parts, fmt.Sprintf("%d %s", counts[s], strings.ToLower(string(s))))
	}
	return strings.Join(parts, ", ")
}

func writeAreaTasks(w io.Writer, list []db.TaskStanding) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TT\tTÌNH TRẠNG\tTIẾN ĐỘ\tHẠN\tCHỦ TRÌ\tNỘI DUNG\tGHI CHÚ MỚI NHẤT")
	for _, ts := range list {
		t, s := ts.Task, ts.Standing
		due := t.Timeline.Due.String()
		if due == "" {
			due = t.Timeline.Text
		}
		fmt.Fprintf(tw, "%s\t%s\t%d%%\t%s\t%s\t%s\t%s\n", t.Ordinal, stateText(s), s.Progress, cmdline.Shorten(due, 24),
			cmdline.Shorten(t.Lead, 30), cmdline.Shorten(t.Content, 60), cmdline.Shorten(s.LatestNote, 50))
	}
	return tw.Flush()
}
