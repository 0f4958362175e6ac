package tasks

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

// evidenceOptions are the flags of `cchc-cli evidence add`.
type evidenceOptions struct {
	plan, task, ref, date, title, issuer, file string
}

func init() {
	commands["evidence add"] = cmdline.Command{
		Writes:  true,
		Usage:   "evidence add --plan P --task T --ref SỐ_KÝ_HIỆU --date NGÀY --title TRÍCH_YẾU [--issuer CƠ_QUAN] [--file TỆP]",
		Summary: "thêm tài liệu kiểm chứng cho nhiệm vụ; tệp (nếu có) được chép vào thư mục evidence cạnh tệp dữ liệu",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o evidenceOptions
			fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&o.task, "task", "", "mã nhiệm vụ hoặc số in trong kế hoạch")
			fs.StringVar(&o.ref, "ref", "", "số, ký hiệu văn bản")
			fs.StringVar(&o.date, "date", "", "ngày văn bản")
			fs.StringVar(&o.title, "title", "", "trích yếu")
			fs.StringVar(&o.issuer, "issuer", "", "cơ quan ban hành")
			fs.StringVar(&o.file, "file", "", "tệp văn bản")
			return func(e *cmdline.Env, _ []string) error { return runEvidenceAdd(e, o) }
		},
	}
	commands["evidence list"] = cmdline.Command{
		Usage:   "evidence list --plan P [--task T]",
		Summary: "liệt kê tài liệu kiểm chứng của một nhiệm vụ, hoặc của cả kế hoạch",
		Setup:   planTaskCommand(runEvidenceList),
	}
}

func runEvidenceAdd(e *cmdline.Env, o evidenceOptions) error {
	if o.ref == "" && o.title == "" {
		return cmdline.UsageError("thiếu --ref và --title: ghi số, ký hiệu (15/KH-TTr) và trích yếu của văn bản")
	}
	date, err := cmdline.DateArg("--date", o.date, store.Date{})
	if err != nil {
		return err
	}
	st, _, task, err := e.PlanTask(o.plan, o.task)
	if err != nil {
		return err
	}
	added, err := st.AddEvidence(store.Evidence{PlanID: task.PlanID, TaskID: task.ID, Ref: o.ref, Date: date, Title: o.title, Issuer: o.issuer}, o.file)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã thêm tài liệu kiểm chứng cho nhiệm vụ %s: %s.\n", store.TaskNumber(cmdline.AreaOf(st, task), task), store.EvidenceLine(added))
	if added.File != "" {
		path, err := st.EvidencePath(added)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Tệp đã chép vào %s.\n", path)
	}
	return nil
}

func runEvidenceList(e *cmdline.Env, planRef, taskRef string) error {
	st, plan, err := e.Plan(planRef)
	if err != nil {
		return err
	}
	tasks, err := evidenceTasks(e, st, plan, planRef, taskRef)
	if err != nil {
		return err
	}
	b, err := st.Bundle(plan.ID)
	if err != nil {
		return err
	}
	areas := cmdline.AreasByID(st, plan.ID)
	tw := tabwriter.NewWriter(e.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NHIỆM VỤ\tSỐ, KÝ HIỆU\tNGÀY\tTRÍCH YẾU\tCƠ QUAN BAN HÀNH\tTỆP")
	count := 0
	for _, t := range tasks {
		for _, ev := range b.Evidence[t.ID] {
			count++
			path, _ := st.EvidencePath(ev)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", store.TaskNumber(areas[t.AreaID], t), ev.Ref, ev.Date, cmdline.Shorten(ev.Title, 60), ev.Issuer, path)
		}
	}
	if count == 0 {
		fmt.Fprintln(e.Stdout, "Chưa có tài liệu kiểm chứng nào.")
		return nil
	}
	return tw.Flush()
}

// evidenceTasks are the task of --task, or every task of the plan.
func evidenceTasks(e *cmdline.Env, st *db.Store, plan store.Plan, planRef, taskRef string) ([]store.Task, error) {
	if taskRef == "" {
		return st.Tasks(plan.ID)
	}
	_, _, task, err := e.PlanTask(planRef, taskRef)
	return []store.Task{task}, err
}
