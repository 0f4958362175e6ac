package main

import (
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/kehoach/cchc/store"
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

// exporter writes one plan in one format; each format registers its own in
// the file cmd_export_FORMAT.go.
type exporter func(e *env, st *store.Store, plan store.Plan, opts exportOptions) error

var exporters = map[string]exporter{}

func init() {
	commands["export"] = command{
		usage:   "export --plan NĂM|SỐ --doc plan|appendix --format pdf|xlsx -o TỆP",
		summary: "xuất kế hoạch hoặc biểu kế hoạch chi tiết ra PDF hoặc Excel",
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			planRef := fs.String("plan", "", "năm hoặc số kế hoạch")
			var opts exportOptions
			fs.StringVar(&opts.Doc, "doc", "plan", "plan hoặc appendix")
			fs.StringVar(&opts.Format, "format", "", "pdf hoặc xlsx")
			fs.StringVar(&opts.Output, "o", "", "tệp kết quả")
			fs.BoolVar(&opts.NoAppendix, "no-appendix", false, "không kèm biểu kế hoạch chi tiết")
			fs.StringVar(&opts.Unit, "unit", "", "chỉ các nhiệm vụ do đơn vị này chủ trì")
			return func(e *env, _ []string) error { return runExport(e, *planRef, opts) }
		},
	}
}

func runExport(e *env, planRef string, opts exportOptions) error {
	if opts.Doc != "plan" && opts.Doc != "appendix" {
		return usageError("--doc phải là plan (kế hoạch) hoặc appendix (biểu kế hoạch chi tiết), không phải %q", opts.Doc)
	}
	if opts.Output == "" {
		return usageError("thiếu -o TỆP: tệp sẽ ghi ra")
	}
	if opts.Format == "" {
		opts.Format = strings.TrimPrefix(strings.ToLower(fileExt(opts.Output)), ".")
	}
	write, ok := exporters[opts.Format]
	if !ok {
		return usageError("định dạng %q không hỗ trợ: dùng %s", opts.Format, strings.Join(exportFormats(), " hoặc "))
	}
	st, plan, err := e.plan(planRef)
	if err != nil {
		return err
	}
	return write(e, st, plan, opts)
}

func fileExt(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 && !strings.ContainsAny(path[i:], `/\`) {
		return path[i:]
	}
	return ""
}

func exportFormats() []string {
	formats := make([]string, 0, len(exporters))
	for f := range exporters {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	return formats
}

// reportWritten tells the officer where the file went.
func reportWritten(e *env, path string) {
	fmt.Fprintf(e.stdout, "Đã ghi %s.\n", path)
}
