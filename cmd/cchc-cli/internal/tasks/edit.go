package tasks

import (
	"flag"
	"fmt"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store"
)

// taskFields are the flags that set what a task asks.
type taskFields struct {
	area, ordinal, content, product, lead, coordinating, timeline, result string
}

// declare declares the task's fields as flags of fs.
func (f *taskFields) declare(fs *flag.FlagSet) {
	fs.StringVar(&f.area, "area", "", "lĩnh vực, số La Mã (II)")
	fs.StringVar(&f.ordinal, "ordinal", "", "số thứ tự trong lĩnh vực (mặc định số tiếp theo)")
	fs.StringVar(&f.content, "content", "", "nội dung")
	fs.StringVar(&f.product, "product", "", "sản phẩm")
	fs.StringVar(&f.lead, "lead", "", "đơn vị chủ trì")
	fs.StringVar(&f.coordinating, "coordinating", "", "đơn vị phối hợp, cách nhau bằng ;")
	fs.StringVar(&f.timeline, "timeline", "", "thời gian thực hiện")
	fs.StringVar(&f.result, "result", "", "kết quả thực hiện")
}

// apply writes the fields the command line gave into t.
func (f taskFields) apply(t *store.Task, set map[string]bool) {
	fields := []struct {
		name  string
		value string
		field *string
	}{
		{"ordinal", f.ordinal, &t.Ordinal}, {"content", f.content, &t.Content}, {"product", f.product, &t.Product},
		{"lead", f.lead, &t.Lead}, {"timeline", f.timeline, &t.Timeline.Text}, {"result", f.result, &t.Result},
	}
	for _, field := range fields {
		if set[field.name] {
			*field.field = field.value
		}
	}
	if set["coordinating"] {
		t.Coordinating = store.SplitUnits(f.coordinating)
	}
}

func init() {
	commands["task add"] = cmdline.Command{
		Writes:  true,
		Usage:   "task add --plan P --area LĨNH_VỰC --content NỘI_DUNG [--ordinal N] [--product …] [--lead …] [--coordinating …] [--timeline …]",
		Summary: "thêm nhiệm vụ vào cuối một lĩnh vực",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var f taskFields
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			f.declare(fs)
			return func(e *cmdline.Env, _ []string) error { return runTaskAdd(e, *planRef, f, cmdline.Given(fs)) }
		},
	}
	commands["task edit"] = cmdline.Command{
		Writes:  true,
		Usage:   "task edit --plan P --task T [--area …] [--ordinal …] [--content …] [--product …] [--lead …] [--coordinating …] [--timeline …] [--result …]",
		Summary: "sửa các trường đã ghi của nhiệm vụ; trường không ghi giữ nguyên",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var f taskFields
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			taskRef := fs.String("task", "", "mã nhiệm vụ hoặc số in trong kế hoạch")
			f.declare(fs)
			return func(e *cmdline.Env, _ []string) error {
				return runTaskEdit(e, *planRef, *taskRef, f, cmdline.Given(fs))
			}
		},
	}
	commands["task delete"] = cmdline.Command{
		Writes:  true,
		Usage:   "task delete --plan P --task T",
		Summary: "xoá nhiệm vụ cùng các lần cập nhật và tài liệu kiểm chứng (hoàn tác được lần xoá cuối)",
		Setup:   planTaskCommand(runTaskDelete),
	}
	commands["task undo"] = cmdline.Command{
		Writes:  true,
		Usage:   "task undo",
		Summary: "hoàn tác lần xoá nhiệm vụ gần nhất",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			return func(e *cmdline.Env, _ []string) error { return runTaskUndo(e) }
		},
	}
	commands["task duplicate"] = cmdline.Command{
		Writes:  true,
		Usage:   "task duplicate --plan P --task T",
		Summary: "nhân bản nhiệm vụ ngay sau nó (không kèm tiến độ)",
		Setup:   planTaskCommand(runTaskDuplicate),
	}
	commands["task move"] = cmdline.Command{
		Writes:  true,
		Usage:   "task move --plan P --task T --to VỊ_TRÍ",
		Summary: "chuyển nhiệm vụ đến vị trí khác trong lĩnh vực (từ 1)",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			taskRef := fs.String("task", "", "mã nhiệm vụ hoặc số in trong kế hoạch")
			to := fs.Int("to", 0, "vị trí mới, từ 1")
			return func(e *cmdline.Env, _ []string) error { return runTaskMove(e, *planRef, *taskRef, *to) }
		},
	}
	commands["area move"] = cmdline.Command{
		Writes:  true,
		Usage:   "area move --plan P --area LĨNH_VỰC --to VỊ_TRÍ",
		Summary: "chuyển lĩnh vực đến vị trí khác trong kế hoạch (từ 1)",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			areaRef := fs.String("area", "", "lĩnh vực, số La Mã")
			to := fs.Int("to", 0, "vị trí mới, từ 1")
			return func(e *cmdline.Env, _ []string) error { return runAreaMove(e, *planRef, *areaRef, *to) }
		},
	}
}

// planTaskCommand is the setup of a command that takes --plan and --task.
func planTaskCommand(run func(e *cmdline.Env, planRef, taskRef string) error) func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
	return func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
		planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
		taskRef := fs.String("task", "", "mã nhiệm vụ hoặc số in trong kế hoạch")
		return func(e *cmdline.Env, _ []string) error { return run(e, *planRef, *taskRef) }
	}
}

func runTaskAdd(e *cmdline.Env, planRef string, f taskFields, set map[string]bool) error {
	if !set["content"] {
		return cmdline.UsageError("thiếu --content: ghi nội dung nhiệm vụ")
	}
	st, plan, err := e.Plan(planRef)
	if err != nil {
		return err
	}
	area, err := cmdline.FindArea(st, plan.ID, f.area)
	if err != nil {
		return err
	}
	task := store.Task{PlanID: plan.ID, AreaID: area.ID}
	f.apply(&task, set)
	if err := st.CreateTask(&task); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã thêm nhiệm vụ %s (mã %d).\n", store.TaskNumber(area, task), task.ID)
	printDue(e, task)
	return nil
}

// printDue tells the due date read from a task's timeline, or why there is none.
func printDue(e *cmdline.Env, t store.Task) {
	if line := t.Timeline.DueLine(); line != "" {
		fmt.Fprintf(e.Stdout, "Thời gian thực hiện: %s.\n", line)
	}
}

func runTaskEdit(e *cmdline.Env, planRef, taskRef string, f taskFields, set map[string]bool) error {
	st, plan, task, err := e.PlanTask(planRef, taskRef)
	if err != nil {
		return err
	}
	if set["area"] {
		area, err := cmdline.FindArea(st, plan.ID, f.area)
		if err != nil {
			return err
		}
		task.AreaID = area.ID
	}
	f.apply(&task, set)
	if err := st.UpdateTask(task); err != nil {
		return err
	}
	saved, err := st.Task(plan.ID, task.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã sửa nhiệm vụ %s (mã %d).\n", store.TaskNumber(cmdline.AreaOf(st, saved), saved), saved.ID)
	printDue(e, saved)
	return nil
}

func runTaskDelete(e *cmdline.Env, planRef, taskRef string) error {
	st, _, task, err := e.PlanTask(planRef, taskRef)
	if err != nil {
		return err
	}
	number := store.TaskNumber(cmdline.AreaOf(st, task), task)
	deleted, err := st.DeleteTask(task.PlanID, task.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã xoá nhiệm vụ %s: %s (cùng %d lần cập nhật, %d tài liệu kiểm chứng).\n",
		number, cmdline.Shorten(task.Content, 70), len(deleted.Updates), len(deleted.Evidence))
	fmt.Fprintln(e.Stdout, "Hoàn tác: cchc-cli task undo")
	return nil
}

func runTaskUndo(e *cmdline.Env) error {
	st, err := e.Store()
	if err != nil {
		return err
	}
	task, err := st.UndoDelete()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã khôi phục nhiệm vụ %s: %s.\n", store.TaskNumber(cmdline.AreaOf(st, task), task), cmdline.Shorten(task.Content, 70))
	return nil
}

func runTaskDuplicate(e *cmdline.Env, planRef, taskRef string) error {
	st, _, task, err := e.PlanTask(planRef, taskRef)
	if err != nil {
		return err
	}
	dup, err := st.DuplicateTask(task.PlanID, task.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã nhân bản nhiệm vụ %s thành nhiệm vụ %s (mã %d).\n",
		store.TaskNumber(cmdline.AreaOf(st, task), task), store.TaskNumber(cmdline.AreaOf(st, dup), dup), dup.ID)
	return nil
}

func runTaskMove(e *cmdline.Env, planRef, taskRef string, to int) error {
	if to < 1 {
		return cmdline.UsageError("thiếu --to: ghi vị trí mới trong lĩnh vực, từ 1")
	}
	st, _, task, err := e.PlanTask(planRef, taskRef)
	if err != nil {
		return err
	}
	if err := st.MoveTask(task.PlanID, task.ID, to); err != nil {
		return err
	}
	moved, err := st.Task(task.PlanID, task.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã chuyển nhiệm vụ “%s” đến vị trí %d: nay là nhiệm vụ %s.\n",
		cmdline.Shorten(moved.Content, 60), moved.Order, store.TaskNumber(cmdline.AreaOf(st, moved), moved))
	return nil
}

func runAreaMove(e *cmdline.Env, planRef, areaRef string, to int) error {
	if to < 1 {
		return cmdline.UsageError("thiếu --to: ghi vị trí mới trong kế hoạch, từ 1")
	}
	st, plan, err := e.Plan(planRef)
	if err != nil {
		return err
	}
	area, err := cmdline.FindArea(st, plan.ID, areaRef)
	if err != nil {
		return err
	}
	if err := st.MoveArea(plan.ID, area.ID, to); err != nil {
		return err
	}
	moved := cmdline.AreasByID(st, plan.ID)[area.ID]
	fmt.Fprintf(e.Stdout, "Đã chuyển lĩnh vực “%s” đến vị trí %d: nay là lĩnh vực %s.\n", moved.Name, moved.Order, moved.Numeral)
	return nil
}
