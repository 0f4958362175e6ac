package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

func init() { exporters["pdf"] = exportPDF }

// exportPDF writes the plan (with its appendix unless --no-appendix) or the
// appendix alone as a ready-to-sign PDF, atomically: a failure leaves any
// earlier file as it was. Warnings (no signer name) go to stderr; the file
// is written all the same.
func exportPDF(e *env, st *store.Store, plan store.Plan, opts exportOptions) error {
	mode, err := pdfAppendixMode(opts)
	if err != nil {
		return err
	}
	settings, err := st.Settings()
	if err != nil {
		return err
	}
	doc, err := export.LoadPlanDocument(st, plan)
	if err != nil {
		return err
	}
	pdfOpts := export.PDFOptions{Appendix: mode, Margins: settings.Margins}
	var result export.PDFResult
	err = store.WriteFileAtomic(opts.Output, func(w io.Writer) error {
		var writeErr error
		if result, writeErr = export.WritePlanPDF(context.Background(), w, doc, pdfOpts); writeErr != nil {
			return fmt.Errorf("không tạo được PDF của kế hoạch %s: %w", plan.Ref(), writeErr)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, warning := range result.Warnings {
		fmt.Fprintln(e.stderr, "cchc-cli: cảnh báo: "+string(warning)+warningHint(warning))
	}
	reportWritten(e, opts.Output)
	return nil
}

// warningHint tells how to clear a warning from the command line.
func warningHint(w export.Warning) string {
	if w == export.WarningNoSignerName {
		return ` (cchc-cli settings set signer.name "Họ và tên")`
	}
	return ""
}

// pdfAppendixMode turns --doc and --no-appendix into what the PDF holds.
func pdfAppendixMode(opts exportOptions) (export.AppendixMode, error) {
	switch {
	case opts.Unit != "":
		return 0, usageError("--unit chỉ dùng với --format xlsx: văn bản PDF để trình ký phải đủ mọi nhiệm vụ")
	case opts.Doc == "appendix" && opts.NoAppendix:
		return 0, usageError("--no-appendix không dùng được với --doc appendix")
	case opts.Doc == "appendix":
		return export.AppendixOnly, nil
	case opts.NoAppendix:
		return export.WithoutAppendix, nil
	}
	return export.WithAppendix, nil
}
