package reports

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/export/pdf"
)

// exportOptions are the flags of `cchc-cli export`.
type exportOptions struct {
	// Doc is what to write: "plan" (the plan, with its appendix unless
	// NoAppendix) or "appendix" (the task table on its own).
	Doc        string
	Format     string
	Output     string
	NoAppendix bool
	// Unit keeps only the tasks this unit leads.
	Unit string
}

func init() {
	commands["export"] = cmdline.Command{
		Usage:   "export --plan NĂM|SỐ --doc plan|appendix --format pdf|xlsx -o TỆP",
		Summary: "xuất kế hoạch hoặc biểu kế hoạch chi tiết ra PDF hoặc Excel",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			var opts exportOptions
			fs.StringVar(&opts.Doc, "doc", "plan", "plan hoặc appendix")
			fs.StringVar(&opts.Format, "format", "", "pdf hoặc xlsx")
			fs.StringVar(&opts.Output, "o", "", "tệp kết quả")
			fs.BoolVar(&opts.NoAppendix, "no-appendix", false, "không kèm biểu kế hoạch chi tiết")
			fs.StringVar(&opts.Unit, "unit", "", "chỉ các nhiệm vụ do đơn vị này chủ trì")
			return func(e *cmdline.Env, _ []string) error { return runExport(e, *planRef, opts) }
		},
	}
}

// runExport prints the plan through export.Export, which writes the file
// whole or not at all. Warnings (no signer name) go to stderr; the file is
// written all the same.
func runExport(e *cmdline.Env, planRef string, opts exportOptions) error {
	req, err := exportRequest(opts)
	if err != nil {
		return err
	}
	st, plan, err := e.Plan(planRef)
	if err != nil {
		return err
	}
	req.PlanID, req.Today = plan.ID, e.Today()
	result, err := export.Export(context.Background(), st, req)
	if err != nil {
		return err
	}
	for _, warning := range result.Warnings {
		fmt.Fprintln(e.Stderr, "cchc-cli: cảnh báo: "+string(warning)+warningHint(warning))
	}
	fmt.Fprintf(e.Stdout, "Đã ghi %s.\n", opts.Output)
	return nil
}

// exportRequest turns the flags into what to print, or a usage error that
// names the flag at fault.
func exportRequest(opts exportOptions) (export.Request, error) {
	if opts.Output == "" {
		return export.Request{}, cmdline.UsageError("thiếu -o TỆP: tệp sẽ ghi ra")
	}
	format := export.Format(strings.ToLower(opts.Format))
	if format == "" {
		format = export.Format(strings.TrimPrefix(strings.ToLower(fileExt(opts.Output)), "."))
	}
	req := export.Request{Format: format, Unit: opts.Unit, Path: opts.Output}
	switch {
	case format != export.PDF && format != export.XLSX:
		return req, cmdline.UsageError("--format: định dạng %q không hỗ trợ: dùng pdf hoặc xlsx", format)
	case opts.Doc != "plan" && opts.Doc != "appendix":
		return req, cmdline.UsageError("--doc phải là plan (kế hoạch) hoặc appendix (biểu kế hoạch chi tiết), không phải %q", opts.Doc)
	case opts.NoAppendix && (opts.Doc == "appendix" || format == export.XLSX):
		return req, cmdline.UsageError("--no-appendix chỉ dùng khi xuất kế hoạch ra PDF: tệp Excel và --doc appendix chỉ chứa biểu kế hoạch chi tiết")
	case opts.Unit != "" && format == export.PDF:
		return req, cmdline.UsageError("--unit chỉ dùng với --format xlsx: văn bản PDF để trình ký phải đủ mọi nhiệm vụ")
	}
	switch {
	case opts.Doc == "appendix" || format == export.XLSX:
		req.Kind = export.KindAppendix
	case opts.NoAppendix:
		req.Kind = export.KindPlanAlone
	default:
		req.Kind = export.KindPlan
	}
	return req, nil
}

func fileExt(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 && !strings.ContainsAny(path[i:], `/\`) {
		return path[i:]
	}
	return ""
}

// warningHint tells how to clear a warning from the command line.
func warningHint(w pdf.Warning) string {
	if w == pdf.WarningNoSignerName {
		return ` (cchc-cli settings set signer.name "Họ và tên")`
	}
	return ""
}
