package reports

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

// rolloverOptions are the flags of `rollover`.
type rolloverOptions struct {
	from, number, date, keep, drop, asOf string
	to                                   int
}

func init() {
	commands["rollover"] = cmdline.Command{
		Writes:  true,
		Usage:   "rollover --from NĂM|SỐ --to NĂM --number SỐ --date NGÀY [--keep T,...|--drop T,...] [--as-of NGÀY]",
		Summary: "lập kế hoạch năm sau từ kế hoạch này: mang theo nhiệm vụ thường xuyên, chỉ tiêu (không kèm kết quả); nhiệm vụ chưa hoàn thành giữ (--keep) hoặc bỏ (--drop), all cho tất cả",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var o rolloverOptions
			fs.StringVar(&o.from, "from", "", "năm hoặc số kế hoạch gốc")
			fs.IntVar(&o.to, "to", 0, "năm của kế hoạch mới")
			fs.StringVar(&o.number, "number", "", "số kế hoạch mới")
			fs.StringVar(&o.date, "date", "", "ngày ban hành kế hoạch mới")
			fs.StringVar(&o.keep, "keep", "", "nhiệm vụ chưa hoàn thành mang sang (II.3,12 …, hoặc all)")
			fs.StringVar(&o.drop, "drop", "", "nhiệm vụ chưa hoàn thành bỏ lại (hoặc all)")
			fs.StringVar(&o.asOf, "as-of", "", "ngày xét nhiệm vụ đã hoàn thành hay chưa (mặc định hôm nay)")
			return func(e *cmdline.Env, _ []string) error { return runRollover(e, o) }
		},
	}
}

func runRollover(e *cmdline.Env, o rolloverOptions) error {
	switch {
	case o.from == "":
		return cmdline.UsageError("thiếu --from: ghi năm (2023) hoặc số của kế hoạch gốc")
	case o.to == 0:
		return cmdline.UsageError("thiếu --to: ghi năm của kế hoạch mới")
	case strings.TrimSpace(o.number) == "" || strings.TrimSpace(o.date) == "":
		return cmdline.UsageError("kế hoạch mới cần --number (số) và --date (ngày ban hành)")
	case o.keep != "" && o.drop != "":
		return cmdline.UsageError("ghi --keep hoặc --drop, một trong hai")
	}
	date, err := cmdline.DateArg("--date", o.date, store.Date{})
	if err != nil {
		return err
	}
	asOf, err := cmdline.DateArg("--as-of", o.asOf, e.Today())
	if err != nil {
		return err
	}
	st, from, err := e.Plan(o.from)
	if err != nil {
		return err
	}
	choice, err := st.RolloverChoice(from.ID, asOf)
	if err != nil {
		return err
	}
	keep, err := keptTasks(st, choice, o)
	if err != nil {
		return err
	}
	result, err := st.Rollover(db.RolloverRequest{FromPlanID: from.ID, Year: o.to, Number: o.number, Date: date, AsOf: asOf, Keep: keep})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã lập kế hoạch %s năm %d từ kế hoạch %s: %d nhiệm vụ thường xuyên, %d nhiệm vụ chưa hoàn thành mang sang, %d bỏ lại, %d chỉ tiêu (chưa có kết quả, giá trị năm gốc nhập lại).\n",
		result.Plan.Ref(), result.Plan.Year, from.Ref(), result.Recurring, result.Kept, result.Dropped, result.Targets)
	fmt.Fprintln(e.Stdout, "Hãy sửa căn cứ, nội dung và thời gian thực hiện cho năm mới (plan edit, task edit).")
	return nil
}

// keptTasks reads --keep or --drop against the unfinished tasks; with
// neither, a plan that has unfinished tasks is refused, listing them.
func keptTasks(st *db.Store, c db.RolloverChoice, o rolloverOptions) ([]uint64, error) {
	areas := cmdline.AreasByID(st, c.From.ID)
	numbers := map[uint64]string{}
	var all []uint64
	for _, ts := range c.Unfinished {
		numbers[ts.Task.ID] = store.TaskNumber(areas[ts.Task.AreaID], ts.Task)
		all = append(all, ts.Task.ID)
	}
	switch {
	case len(all) == 0:
		return nil, nil
	case o.keep == "" && o.drop == "":
		return nil, unfinishedRefusal(c, numbers)
	case strings.EqualFold(o.keep, "all"):
		return all, nil
	case strings.EqualFold(o.drop, "all"):
		return nil, nil
	}
	named, err := namedTasks(o.keep+o.drop, numbers)
	if err != nil {
		return nil, err
	}
	if o.keep != "" {
		return named, nil
	}
	return slices.DeleteFunc(all, func(id uint64) bool { return slices.Contains(named, id) }), nil
}

// namedTasks reads a list of task numbers or ids, each one of the
// unfinished tasks.
func namedTasks(list string, numbers map[uint64]string) ([]uint64, error) {
	var out []uint64
	for _, ref := range strings.Split(list, ",") {
		ref = strings.TrimSpace(ref)
		if ref == "" {
			continue
		}
		found := false
		for id, number := range numbers {
			if strings.EqualFold(number, ref) || strconv.FormatUint(id, 10) == ref {
				out, found = append(out, id), true
			}
		}
		if !found {
			return nil, cmdline.UsageError("nhiệm vụ %q không phải nhiệm vụ chưa hoàn thành của kế hoạch", ref)
		}
	}
	return out, nil
}

// unfinishedRefusal lists the unfinished tasks the officer must keep or drop.
func unfinishedRefusal(c db.RolloverChoice, numbers map[uint64]string) error {
	lines := make([]string, len(c.Unfinished))
	for i, ts := range c.Unfinished {
		lines[i] = fmt.Sprintf("%s (%s, %s)", numbers[ts.Task.ID], cmdline.Shorten(ts.Task.Content, 50), ts.Standing.State)
	}
	return cmdline.UsageError("kế hoạch %s còn %d nhiệm vụ chưa hoàn thành: %s; ghi --keep (mang sang) hoặc --drop (bỏ lại) với số các nhiệm vụ, hoặc all",
		c.From.Ref(), len(c.Unfinished), strings.Join(lines, "; "))
}
