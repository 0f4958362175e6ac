package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/kehoach/cchc/store"
)

func init() {
	commands["plans"] = command{
		usage:   "plans",
		summary: "liệt kê các kế hoạch",
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return runPlans
		},
	}
	commands["tasks"] = command{
		usage:   "tasks --plan NĂM|SỐ [--json]",
		summary: "liệt kê nhiệm vụ của một kế hoạch",
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			asJSON := fs.Bool("json", false, "in dạng JSON")
			return func(e *env, _ []string) error {
				return runTasks(e, *planRef, *asJSON)
			}
		},
	}
}

func runPlans(e *env, _ []string) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	plans, err := st.Plans()
	if err != nil {
		return err
	}
	if len(plans) == 0 {
		fmt.Fprintln(e.stdout, "Chưa có kế hoạch nào.")
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NĂM\tSỐ\tNGÀY BAN HÀNH\tNHIỆM VỤ\tTRÍCH YẾU")
	for _, p := range plans {
		tasks, err := st.Tasks(p.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\n", p.Year, p.Ref(), p.IssueDate, len(tasks), p.Summary)
	}
	return w.Flush()
}

// taskJSON is one task as `tasks --json` prints it.
type taskJSON struct {
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
}

func runTasks(e *env, planRef string, asJSON bool) error {
	st, plan, err := e.plan(planRef)
	if err != nil {
		return err
	}
	areas, err := st.Areas(plan.ID)
	if err != nil {
		return err
	}
	tasks, err := st.Tasks(plan.ID)
	if err != nil {
		return err
	}
	areaByID := make(map[uint64]store.Area, len(areas))
	for _, a := range areas {
		areaByID[a.ID] = a
	}
	if asJSON {
		return writeTasksJSON(e.stdout, tasks, areaByID, e.today())
	}
	return writeTasksTable(e.stdout, plan, tasks, areaByID, e.today())
}

func writeTasksJSON(w io.Writer, tasks []store.Task, areas map[uint64]store.Area, today store.Date) error {
	rows := make([]taskJSON, 0, len(tasks))
	for _, t := range tasks {
		area := areas[t.AreaID]
		row := taskJSON{
			ID: t.ID, Area: area.Numeral, AreaName: area.Name, Ordinal: t.Ordinal,
			Content: t.Content, Product: t.Product, Lead: t.Lead,
			Coordinating: append([]string{}, t.Coordinating...),
			Timeline:     t.Timeline.Text, Recurring: t.Timeline.Recurring(),
			Status: string(t.DisplayStatus(today)), Progress: t.Progress,
		}
		if due := t.Timeline.Due; !due.IsZero() {
			iso := due.ISO()
			row.Due = &iso
		}
		rows = append(rows, row)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

func writeTasksTable(w io.Writer, plan store.Plan, tasks []store.Task, areas map[uint64]store.Area, today store.Date) error {
	fmt.Fprintf(w, "Kế hoạch %s ngày %s: %s (%d nhiệm vụ)\n", plan.Ref(), plan.IssueDate, plan.Summary, len(tasks))
	for start := 0; start < len(tasks); {
		end := start
		for end < len(tasks) && tasks[end].AreaID == tasks[start].AreaID {
			end++
		}
		fmt.Fprintf(w, "\n%s\n", strings.ToUpper(areas[tasks[start].AreaID].Label()))
		if err := writeAreaTasks(w, tasks[start:end], today); err != nil {
			return err
		}
		start = end
	}
	return nil
}

func writeAreaTasks(w io.Writer, tasks []store.Task, today store.Date) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TT\tTRẠNG THÁI\tHẠN\tCHỦ TRÌ\tNỘI DUNG")
	for _, t := range tasks {
		due := t.Timeline.Due.String()
		if due == "" {
			due = t.Timeline.Text
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Ordinal, t.DisplayStatus(today), shorten(due, 24), t.Lead, shorten(t.Content, 70))
	}
	return tw.Flush()
}

// shorten cuts text to its first line and at most max characters.
func shorten(text string, max int) string {
	line, _, _ := strings.Cut(text, "\n")
	if utf8.RuneCountInString(line) <= max {
		return line
	}
	runes := []rune(line)
	return string(runes[:max-1]) + "…"
}
