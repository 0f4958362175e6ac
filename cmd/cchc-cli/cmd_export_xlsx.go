package main

import (
	"context"
	"io"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

func init() { exporters["xlsx"] = exportXLSX }

// exportXLSX writes the plan's appendix as a workbook: the task table, the
// tracking sheet and the summary; with --unit, only the tasks that unit
// leads, for the division to fill in.
func exportXLSX(e *env, st *store.Store, plan store.Plan, opts exportOptions) error {
	if opts.NoAppendix {
		return usageError("tệp Excel chỉ chứa biểu kế hoạch chi tiết: bỏ --no-appendix")
	}
	doc, err := export.LoadPlanDocument(st, plan)
	if err != nil {
		return err
	}
	settings, err := st.Settings()
	if err != nil {
		return err
	}
	xlsxOpts := export.XLSXOptions{Unit: opts.Unit, Today: e.today(), Margins: settings.Margins}
	err = store.WriteFileAtomic(opts.Output, func(w io.Writer) error {
		return export.WriteXLSX(context.Background(), w, doc.Bundle(), xlsxOpts)
	})
	if err != nil {
		return err
	}
	reportWritten(e, opts.Output)
	return nil
}
