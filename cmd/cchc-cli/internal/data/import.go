package data

import (
	"flag"
	"fmt"
	"strings"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/export/importer"
	"github.com/kehoach/cchc/store"
)

// importOptions are the flags of `cchc-cli import`.
type importOptions struct {
	plan        string
	progress    bool
	dryRun      bool
	replace     bool
	allowLower  bool
	acceptStale bool
}

func init() {
	commands["import"] = cmdline.Command{
		Usage:   "import --plan NĂM|SỐ [--progress [--allow-lower] [--accept-stale]] [--dry-run] [--replace] TỆP",
		Summary: "nhập bảng nhiệm vụ từ Excel/Word, hoặc tiến độ do đơn vị gửi về (--progress)",
		Args:    cmdline.ArgCount{Min: 1, Max: 1, Names: "TỆP"},
		Writes:  true,
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			var opts importOptions
			fs.StringVar(&opts.plan, "plan", "", "năm hoặc số kế hoạch")
			fs.BoolVar(&opts.progress, "progress", false, "nhập tiến độ từ bảng theo dõi")
			fs.BoolVar(&opts.dryRun, "dry-run", false, "chỉ xem trước, không ghi")
			fs.BoolVar(&opts.replace, "replace", false, "thay các nhiệm vụ kế hoạch đang có (giữ lịch sử của nhiệm vụ khớp nội dung)")
			fs.BoolVar(&opts.allowLower, "allow-lower", false, "với --progress: ghi cả các dòng hạ trạng thái hoặc tiến độ")
			fs.BoolVar(&opts.acceptStale, "accept-stale", false, "với --progress: ghi các dòng thay đổi của bảng không ghi ngày xuất (ghi ngày hôm nay)")
			return func(e *cmdline.Env, args []string) error {
				if opts.dryRun {
					e.OnlyReads()
				}
				if opts.progress {
					return runProgressImport(e, opts, args[0])
				}
				if opts.allowLower || opts.acceptStale {
					return cmdline.UsageError("--allow-lower và --accept-stale chỉ dùng với --progress")
				}
				return runPlanImport(e, opts, args[0])
			}
		},
	}
}

func runPlanImport(e *cmdline.Env, opts importOptions, path string) error {
	if opts.plan == "" {
		return cmdline.UsageError("thiếu --plan: ghi năm (2023) hoặc số kế hoạch (122/KH-SKH)")
	}
	st, err := e.Store()
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
	kept, err := replaceReport(st, im, target)
	if err != nil {
		return err
	}
	if target.Tasks > 0 && !opts.replace {
		warning := export.ReplaceWarning(target, im) + "; " + kept
		if !opts.dryRun {
			return fmt.Errorf("%w: %s; thêm --replace để thay", db.ErrHasTasks, warning)
		}
		fmt.Fprintln(e.Stdout, "Lưu ý: "+warning+"; thêm --replace để thay.")
	}
	if opts.dryRun {
		if opts.replace && kept != "" {
			fmt.Fprintln(e.Stdout, "Khi thay: "+kept+".")
		}
		fmt.Fprintln(e.Stdout, "Chạy thử: chưa ghi gì vào dữ liệu.")
		return nil
	}
	plan, err := export.StoreImport(st, im, target, opts.replace)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã nhập %d nhiệm vụ vào kế hoạch %s năm %d.\n", im.Bundle.TaskCount(), plan.Ref(), plan.Year)
	if kept != "" {
		fmt.Fprintln(e.Stdout, "Đã "+kept+".")
	}
	return nil
}

// replaceReport says what replacing the target's tasks keeps of their
// history; "" when the target has no tasks.
func replaceReport(st export.ImportStore, im *importer.Imported, target export.ImportTarget) (string, error) {
	if target.Tasks == 0 {
		return "", nil
	}
	report, err := export.ReplaceMatch(st, im, target)
	if err != nil {
		return "", err
	}
	return report.String(), nil
}

// printImported tells what the file holds and every row it could not read.
func printImported(e *cmdline.Env, im *importer.Imported) {
	fmt.Fprintf(e.Stdout, "Tệp %s (%s, %s, dòng tiêu đề %d): %d lĩnh vực, %d nhiệm vụ.\n",
		im.File, im.Format, im.Source, im.HeaderRow, len(im.Bundle.Areas), im.Bundle.TaskCount())
	for _, a := range im.Bundle.Areas {
		fmt.Fprintf(e.Stdout, "  %s: %d nhiệm vụ\n", a.Label(), len(a.Tasks))
	}
	for _, note := range im.Notes {
		fmt.Fprintln(e.Stdout, "Lưu ý: "+note)
	}
	if len(im.Problems) > 0 {
		fmt.Fprintf(e.Stdout, "Không đọc được %d dòng (bỏ qua):\n", len(im.Problems))
		for _, p := range im.Problems {
			fmt.Fprintln(e.Stdout, "  - "+p.String())
		}
	}
}

func runProgressImport(e *cmdline.Env, opts importOptions, path string) error {
	if opts.replace {
		return cmdline.UsageError("--replace không dùng với --progress: nhập tiến độ chỉ cập nhật các nhiệm vụ khớp mã")
	}
	st, plan, err := e.Plan(opts.plan)
	if err != nil {
		return err
	}
	sheet, err := importer.ReadProgressFile(path)
	if err != nil {
		return err
	}
	rows := make([]store.ProgressRow, len(sheet.Rows))
	for i, r := range sheet.Rows {
		r.AllowLower, r.AcceptStale = opts.allowLower, opts.acceptStale
		rows[i] = r
	}
	outcome, err := export.ApplyProgress(st, plan.ID, rows, e.Today(), opts.dryRun)
	if err != nil {
		return err
	}
	printProgress(e, plan, sheet, outcome, opts.dryRun)
	return nil
}

// printProgress tells what a returned tracking sheet changed, old → new,
// and lists every row left alone and why.
func printProgress(e *cmdline.Env, plan store.Plan, sheet *importer.ProgressSheet, o db.ProgressOutcome, dryRun bool) {
	verb := "Đã cập nhật"
	if dryRun {
		verb = "Sẽ cập nhật"
	}
	fmt.Fprintf(e.Stdout, "Tệp %s: %d dòng nhiệm vụ cho kế hoạch %s, %s.\n", sheet.File, len(sheet.Rows), plan.Ref(), exportedLine(sheet))
	fmt.Fprintf(e.Stdout, "%s %d nhiệm vụ; %d nhiệm vụ không thay đổi.\n", verb, len(o.Updated), len(o.Unchanged))
	printChanges(e, o.Updated)
	printRows(e, "Không khớp nhiệm vụ nào của kế hoạch (bỏ qua)", o.Unmatched)
	printRows(e, "Nhiệm vụ đã sửa trong chương trình sau khi xuất tệp (bỏ qua, hãy xuất lại cho đơn vị)", o.Changed)
	printRows(e, "Nhiệm vụ đã có cập nhật mới hơn hoặc cùng ngày (bỏ qua, không ghi đè tin mới bằng tin cũ)", changeRows(o.Older))
	printRows(e, "Tiến độ 100% nhưng trạng thái “Chưa thực hiện” (bỏ qua: hãy hỏi đơn vị nhiệm vụ đã hoàn thành hay chưa bắt đầu)", o.Conflicting)
	printRows(e, "Ngày cập nhật sau hôm nay (bỏ qua: hãy hỏi đơn vị ngày đúng)", changeRows(o.Future))
	printUnconfirmed(e, sheet, o.Unconfirmed, e.Today())
	if len(sheet.Problems) > 0 {
		fmt.Fprintf(e.Stdout, "Không đọc được %d dòng (bỏ qua):\n", len(sheet.Problems))
		for _, p := range sheet.Problems {
			fmt.Fprintln(e.Stdout, "  - "+p.String())
		}
	}
	if dryRun {
		fmt.Fprintln(e.Stdout, "Chạy thử: chưa ghi gì vào dữ liệu.")
	}
}

// exportedLine says when the sheet was exported, or that it does not say.
func exportedLine(sheet *importer.ProgressSheet) string {
	if sheet.Stale() {
		return "bảng không ghi ngày xuất"
	}
	return "bảng xuất ngày " + sheet.Exported.String()
}

// printChanges lists changes one a line, old → new.
func printChanges(e *cmdline.Env, changes []store.SheetChange) {
	for _, c := range changes {
		line := fmt.Sprintf("  - dòng %d · %s: %s", c.Row.Row, c.Number, c.Describe())
		if c.Lower && !c.Row.AllowLower && c.Stale && !c.Row.AcceptStale {
			line += " (hạ trạng thái/tiến độ: cần cả --allow-lower)"
		}
		fmt.Fprintln(e.Stdout, line)
	}
}

// printUnconfirmed lists the rows left alone until the officer confirms
// them, and says which flag confirms them.
func printUnconfirmed(e *cmdline.Env, sheet *importer.ProgressSheet, changes []store.SheetChange, today store.Date) {
	var lower, stale []store.SheetChange
	for _, c := range changes {
		if c.Stale && !c.Row.AcceptStale {
			stale = append(stale, c)
		} else {
			lower = append(lower, c)
		}
	}
	if len(stale) > 0 {
		fmt.Fprintf(e.Stdout, "Bảng %s không ghi ngày xuất (bảng xuất từ phiên bản trước của chương trình), nên không biết số liệu trong đó cũ hay mới hơn tiến độ đã ghi: "+
			"%d dòng có thay đổi chưa được ghi. Xem lại từng dòng dưới đây; nếu đúng là tin mới, chạy lại với --accept-stale (dòng không ghi ngày cập nhật sẽ mang ngày %s):\n",
			sheet.File, len(stale), today)
		printChanges(e, stale)
	}
	if len(lower) > 0 {
		fmt.Fprintln(e.Stdout, "Hạ trạng thái hoặc tiến độ của nhiệm vụ (bỏ qua; nếu đúng là như vậy, chạy lại với --allow-lower):")
		printChanges(e, lower)
	}
}

// changeRows are the rows of changes.
func changeRows(changes []store.SheetChange) []store.ProgressRow {
	rows := make([]store.ProgressRow, len(changes))
	for i, c := range changes {
		rows[i] = c.Row
	}
	return rows
}

func printRows(e *cmdline.Env, title string, rows []store.ProgressRow) {
	if len(rows) == 0 {
		return
	}
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = fmt.Sprintf("dòng %d (mã %d)", r.Row, r.TaskID)
	}
	fmt.Fprintf(e.Stdout, "%s: %s.\n", title, strings.Join(lines, ", "))
}
