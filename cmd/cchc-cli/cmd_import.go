package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/export/importer"
	"github.com/kehoach/cchc/store"
)

// importOptions are the flags of `cchc-cli import`.
type importOptions struct {
	plan     string
	progress bool
	dryRun   bool
	replace  bool
}

func init() {
	commands["import"] = command{
		usage:   "import --plan NĂM|SỐ [--progress] [--dry-run] [--replace] TỆP",
		summary: "nhập bảng nhiệm vụ từ Excel/Word, hoặc tiến độ do đơn vị gửi về (--progress)",
		args:    argCount{1, 1, "TỆP"},
		writes:  true,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			var opts importOptions
			fs.StringVar(&opts.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.BoolVar(&opts.progress, "progress", false, "nhập tiến độ từ bảng theo dõi")
			fs.BoolVar(&opts.dryRun, "dry-run", false, "chỉ xem trước, không ghi")
			fs.BoolVar(&opts.replace, "replace", false, "thay các nhiệm vụ kế hoạch đang có")
			return func(e *env, args []string) error {
				if opts.dryRun {
					e.onlyReads()
				}
				if opts.progress {
					return runProgressImport(e, opts, args[0])
				}
				return runPlanImport(e, opts, args[0])
			}
		},
	}
}

func runPlanImport(e *env, opts importOptions, path string) error {
	if opts.plan == "" {
		return usageError("thiếu --plan: ghi năm (2023) hoặc số kế hoạch (122/KH-SKH)")
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	target, err := export.FindImportTarget(st, opts.plan, 0)
	if err != nil {
		return err
	}
	im, err := importer.ReadPlanFile(path, target.Plan.Year)
	if err != nil {
		return err
	}
	printImported(e, im)
	if target.Tasks > 0 && !opts.replace {
		warning := export.ReplaceWarning(target, im)
		if !opts.dryRun {
			return fmt.Errorf("%w: %s; thêm --replace để thay", store.ErrHasTasks, warning)
		}
		fmt.Fprintln(e.stdout, "Lưu ý: "+warning+"; thêm --replace để thay.")
	}
	if opts.dryRun {
		fmt.Fprintln(e.stdout, "Chạy thử: chưa ghi gì vào dữ liệu.")
		return nil
	}
	plan, err := export.StoreImport(st, im, target, opts.replace)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã nhập %d nhiệm vụ vào kế hoạch %s năm %d.\n", im.Bundle.TaskCount(), plan.Ref(), plan.Year)
	return nil
}

// printImported tells what the file holds and every row it could not read.
func printImported(e *env, im *importer.Imported) {
	fmt.Fprintf(e.stdout, "Tệp %s (%s, %s, dòng tiêu đề %d): %d lĩnh vực, %d nhiệm vụ.\n",
		im.File, im.Format, im.Source, im.HeaderRow, len(im.Bundle.Areas), im.Bundle.TaskCount())
	for _, a := range im.Bundle.Areas {
		fmt.Fprintf(e.stdout, "  %s: %d nhiệm vụ\n", a.Label(), len(a.Tasks))
	}
	for _, note := range im.Notes {
		fmt.Fprintln(e.stdout, "Lưu ý: "+note)
	}
	if len(im.Problems) > 0 {
		fmt.Fprintf(e.stdout, "Không đọc được %d dòng (bỏ qua):\n", len(im.Problems))
		for _, p := range im.Problems {
			fmt.Fprintln(e.stdout, "  - "+p.String())
		}
	}
}

func runProgressImport(e *env, opts importOptions, path string) error {
	if opts.replace {
		return usageError("--replace không dùng với --progress: nhập tiến độ chỉ cập nhật các nhiệm vụ khớp mã")
	}
	st, plan, err := e.plan(opts.plan)
	if err != nil {
		return err
	}
	sheet, err := importer.ReadProgressFile(path)
	if err != nil {
		return err
	}
	outcome, err := export.ApplyProgress(st, plan.ID, sheet.Rows, e.today(), opts.dryRun)
	if err != nil {
		return err
	}
	printProgress(e, plan, sheet, outcome, opts.dryRun)
	return nil
}

// printProgress tells what a returned tracking sheet changed, and lists
// every row left alone and why.
func printProgress(e *env, plan store.Plan, sheet *importer.ProgressSheet, o store.ProgressOutcome, dryRun bool) {
	verb := "Đã cập nhật"
	if dryRun {
		verb = "Sẽ cập nhật"
	}
	fmt.Fprintf(e.stdout, "Tệp %s: %d dòng nhiệm vụ cho kế hoạch %s.\n", sheet.File, len(sheet.Rows), plan.Ref())
	fmt.Fprintf(e.stdout, "%s %d nhiệm vụ; %d nhiệm vụ không thay đổi.\n", verb, len(o.Updated), len(o.Unchanged))
	printRows(e, "Không khớp nhiệm vụ nào của kế hoạch (bỏ qua)", o.Unmatched)
	printRows(e, "Nhiệm vụ đã sửa trong chương trình sau khi xuất tệp (bỏ qua, hãy xuất lại cho đơn vị)", o.Changed)
	printRows(e, "Nhiệm vụ đã có cập nhật mới hơn hoặc cùng ngày (bỏ qua, không ghi đè tin mới bằng tin cũ)", o.Older)
	printRows(e, "Tiến độ 100% nhưng trạng thái “Chưa thực hiện” (bỏ qua: hãy hỏi đơn vị nhiệm vụ đã hoàn thành hay chưa bắt đầu)", o.Conflicting)
	if len(sheet.Problems) > 0 {
		fmt.Fprintf(e.stdout, "Không đọc được %d dòng (bỏ qua):\n", len(sheet.Problems))
		for _, p := range sheet.Problems {
			fmt.Fprintln(e.stdout, "  - "+p.String())
		}
	}
	if dryRun {
		fmt.Fprintln(e.stdout, "Chạy thử: chưa ghi gì vào dữ liệu.")
	}
}

func printRows(e *env, title string, rows []store.ProgressRow) {
	if len(rows) == 0 {
		return
	}
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = fmt.Sprintf("dòng %d (mã %d)", r.Row, r.TaskID)
	}
	fmt.Fprintf(e.stdout, "%s: %s.\n", title, strings.Join(lines, ", "))
}
