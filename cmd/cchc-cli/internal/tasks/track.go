package tasks

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/usererr"

	"github.com/kehoach/cchc/store"
)

// updateOptions are the flags of `cchc-cli update`.
type updateOptions struct {
	plan, task, date, status, note, unit, reason, asOf string
	progress                                           int
}

func init() {
	commands["update"] = cmdline.Command{
		Writes:  true,
		Usage:   "update --plan P --task T [--date NGÀY] --status S [--progress N] [--note GHI_CHÚ] [--by ĐƠN_VỊ] [--reason LÝ_DO]",
		Summary: "ghi một lần cập nhật tiến độ có ngày của nhiệm vụ (T: mã hoặc số như II.3)",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o updateOptions
			fs.StringVar(&o.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.StringVar(&o.task, "task", "", "mã nhiệm vụ hoặc số in trong kế hoạch")
			fs.StringVar(&o.date, "date", "", "ngày cập nhật, ngày/tháng/năm (mặc định hôm nay)")
			fs.StringVar(&o.status, "status", "", "trạng thái, có hay không có dấu")
			fs.IntVar(&o.progress, "progress", -1, "tiến độ, phần trăm")
			fs.StringVar(&o.note, "note", "", "việc đã làm")
			fs.StringVar(&o.unit, "by", "", "đơn vị báo cáo")
			fs.StringVar(&o.reason, "reason", "", "lý do chậm")
			fs.StringVar(&o.asOf, "as-of", "", "ngày báo cáo để xem tình trạng (mặc định ngày cập nhật)")
			return func(e *cmdline.Env, _ []string) error { return runUpdate(e, o) }
		},
	}
	commands["history"] = cmdline.Command{
		Usage:   "history --plan P --task T",
		Summary: "xem các lần cập nhật của nhiệm vụ, mới nhất trước",
		Setup:   planTaskCommand(runHistory),
	}
}

func runUpdate(e *cmdline.Env, o updateOptions) error {
	if strings.TrimSpace(o.status) == "" {
		return cmdline.UsageError("thiếu --status: ghi trạng thái, ví dụ “Đang thực hiện” hoặc dang thuc hien")
	}
	status, err := store.ParseStatus(o.status)
	if err != nil {
		return cmdline.UsageError("--status: %s", usererr.Message(err))
	}
	progress, err := progressArg(status, o.progress)
	if err != nil {
		return err
	}
	date, err := cmdline.DateArg("--date", o.date, e.Today())
	if err != nil {
		return err
	}
	st, _, task, err := e.PlanTask(o.plan, o.task)
	if err != nil {
		return err
	}
	u := store.Update{PlanID: task.PlanID, TaskID: task.ID, Date: date, Status: status, Progress: progress,
		Note: o.note, Unit: o.unit, Reason: o.reason, Source: store.SourceCLI}
	saved, err := st.AddUpdate(u)
	if err != nil {
		return explainUpdateError(err, store.TaskNumber(cmdline.AreaOf(st, task), task))
	}
	asOf, err := cmdline.DateArg("--as-of", o.asOf, date)
	if err != nil {
		return err
	}
	number := store.TaskNumber(cmdline.AreaOf(st, saved), saved)
	fmt.Fprintf(e.Stdout, "Đã ghi cập nhật ngày %s cho nhiệm vụ %s: %s, %d%%.\n", date, number, saved.Status, saved.Progress)
	return printStanding(e, st, saved, asOf)
}

// progressArg is the --progress of an update: required unless the status
// says it (done is 100%, not started 0%).
func progressArg(status store.Status, progress int) (int, error) {
	switch {
	case progress >= 0:
		return progress, nil
	case status == store.StatusDone:
		return 100, nil
	case status == store.StatusNotStarted || status == store.StatusDropped:
		return 0, nil
	}
	return 0, cmdline.UsageError("thiếu --progress: ghi tiến độ từ 0 đến 100 (phần trăm)")
}

// explainUpdateError names the option that answers a refused update of
// the task numbered number.
func explainUpdateError(err error, number string) error {
	switch {
	case errors.Is(err, store.ErrNeedReason):
		return cmdline.UsageError("thiếu --reason: nhiệm vụ %s %s", number, usererr.Message(err))
	case errors.Is(err, store.ErrConflict):
		return fmt.Errorf("%w; ghi --status “Hoàn thành” nếu đã xong, hoặc --progress 0 nếu chưa bắt đầu", err)
	}
	return err
}

// printStanding prints where a task stands on a day.
func printStanding(e *cmdline.Env, st *db.Store, task store.Task, asOf store.Date) error {
	ts, err := st.Standing(task.PlanID, task.ID, asOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Tình trạng ngày %s: %s.\n", asOf, stateText(ts.Standing))
	return nil
}

// stateText is a standing's state with its flags: "Đang thực hiện · sắp
// đến hạn".
func stateText(s store.Standing) string {
	return strings.Join(append([]string{string(s.State)}, s.Flags()...), " · ")
}

func runHistory(e *cmdline.Env, planRef, taskRef string) error {
	st, _, task, err := e.PlanTask(planRef, taskRef)
	if err != nil {
		return err
	}
	history, err := st.History(task.PlanID, task.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Nhiệm vụ %s: %s\n", store.TaskNumber(cmdline.AreaOf(st, task), task), cmdline.Shorten(task.Content, 90))
	if len(history) == 0 {
		fmt.Fprintln(e.Stdout, "Chưa có lần cập nhật nào.")
		return nil
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NGÀY\tTRẠNG THÁI\tTIẾN ĐỘ\tĐƠN VỊ\tNGUỒN\tGHI CHÚ")
	for _, u := range history {
		fmt.Fprintf(tw, "%s\t%s\t%d%%\t%s\t%s\t%s\n", u.Date, u.Status, u.Progress, cmdline.Shorten(u.Unit, 30), u.Source, historyNote(u))
	}
	return tw.Flush()
}

// historyNote is an update's note with its reason, and what became of it.
func historyNote(u store.Update) string {
	note := cmdline.Shorten(u.Note, 60)
	if u.Reason != "" {
		note = strings.TrimSpace(note + " (lý do chậm: " + cmdline.Shorten(u.Reason, 40) + ")")
	}
	if u.Corrected() {
		note += fmt.Sprintf(" [đã sửa %d lần]", len(u.Corrections))
	}
	if u.Removed() {
		note += " [đã xoá ngày " + store.DateOf(u.RemovedAt).String() + "]"
	}
	return note
}
