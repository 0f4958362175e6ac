package ui

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

// The choices of what the PDF holds.
const (
	choiceWithAppendix = "Kế hoạch, kèm biểu kế hoạch chi tiết"
	choiceNoAppendix   = "Kế hoạch, không kèm biểu kế hoạch chi tiết"
	choiceAppendixOnly = "Chỉ biểu kế hoạch chi tiết (tệp riêng, có chỗ ký số)"
)

var appendixModes = map[string]export.AppendixMode{
	choiceWithAppendix: export.WithAppendix,
	choiceNoAppendix:   export.WithoutAppendix,
	choiceAppendixOnly: export.AppendixOnly,
}

// pdfExport is the "Xuất PDF" action: it asks for the signer's name when the
// plan has none, what to print and where to save, writes the file behind a
// progress dialog, then offers to open it.
type pdfExport struct {
	w *MainWindow
	// chooseFile asks where to save, suggesting a name, and calls done with
	// the path chosen; tests replace it.
	chooseFile func(suggested string, done func(path string))
	// openFile shows the written file in the system's PDF viewer; tests
	// replace it.
	openFile func(path string) error
	// finished, when set, runs after each export ends; tests wait on it.
	finished func(err error)

	signer   *signerDialog
	choice   *widget.RadioGroup
	ask      *dialog.ConfirmDialog
	doneInfo *dialog.ConfirmDialog
}

// exportPDFButton returns the "Xuất PDF" button of the window.
func (w *MainWindow) exportPDFButton() *widget.Button {
	return widget.NewButton("Xuất PDF", newPDFExport(w).start)
}

func newPDFExport(w *MainWindow) *pdfExport {
	x := &pdfExport{w: w}
	x.chooseFile = func(suggested string, done func(path string)) {
		askSavePath(w.Window, suggested, ".pdf", done)
	}
	x.openFile = openInViewer
	return x
}

// start begins the action on the plan chosen in the window.
func (x *pdfExport) start() {
	plan, ok := x.w.selectedPlan()
	if !ok {
		x.w.showError(fmt.Errorf("chưa chọn kế hoạch để xuất PDF"))
		return
	}
	if strings.TrimSpace(plan.Signer.Name) != "" {
		x.askWhat(plan)
		return
	}
	x.signer = newSignerDialog(x.w.Window, func(name string) { x.onSignerName(plan, name) })
	x.signer.form.Show()
}

// onSignerName saves the name typed (unless the officer went on without
// one) and goes on with the plan as it now stands.
func (x *pdfExport) onSignerName(plan store.Plan, name string) {
	if name != "" {
		if _, err := x.w.store.SetSignerName(name); err != nil {
			x.w.showError(fmt.Errorf("lưu họ tên người ký: %w", err))
			return
		}
		updated, err := x.w.store.Plan(plan.ID)
		if err != nil {
			x.w.showError(err)
			return
		}
		// Every plan without a name took it: read them all again.
		x.w.loadPlans(plan.ID)
		plan = updated
	}
	x.askWhat(plan)
}

// askWhat asks whether the appendix goes with the plan, in the same file or
// alone.
func (x *pdfExport) askWhat(plan store.Plan) {
	x.choice = widget.NewRadioGroup([]string{choiceWithAppendix, choiceNoAppendix, choiceAppendixOnly}, nil)
	x.choice.Required = true
	x.choice.SetSelected(choiceWithAppendix)
	x.ask = dialog.NewCustomConfirm("Xuất PDF kế hoạch "+plan.Ref(), "Chọn nơi lưu…", "Huỷ", x.choice, func(ok bool) {
		if ok {
			mode := appendixModes[x.choice.Selected]
			x.chooseFile(export.SuggestedPDFName(plan, mode), func(path string) { x.run(plan, mode, path) })
		}
	}, x.w.Window)
	x.ask.Show()
}

// run writes the PDF in its own goroutine behind a progress dialog.
func (x *pdfExport) run(plan store.Plan, mode export.AppendixMode, path string) {
	var result export.PDFResult
	work := func(ctx context.Context, progress func(float64)) error {
		var err error
		result, err = x.write(ctx, plan, mode, path, progress)
		return err
	}
	RunWithProgress(x.w.Window, "Đang xuất "+filepath.Base(path), work, func(err error) {
		x.onFinished(path, result, err)
	})
}

// write reads the plan's tasks and writes its PDF atomically: a failure
// leaves any earlier file as it was.
func (x *pdfExport) write(ctx context.Context, plan store.Plan, mode export.AppendixMode, path string, progress func(float64)) (export.PDFResult, error) {
	settings, err := x.w.store.Settings()
	if err != nil {
		return export.PDFResult{}, err
	}
	doc, err := export.LoadPlanDocument(x.w.store, plan)
	if err != nil {
		return export.PDFResult{}, err
	}
	opts := export.PDFOptions{Appendix: mode, Margins: settings.Margins, Progress: progress}
	var result export.PDFResult
	err = store.WriteFileAtomic(path, func(w io.Writer) error {
		var writeErr error
		if result, writeErr = export.WritePlanPDF(ctx, w, doc, opts); writeErr != nil && ctx.Err() == nil {
			return fmt.Errorf("không tạo được PDF của kế hoạch %s: %w", plan.Ref(), writeErr)
		}
		return writeErr
	})
	return result, err
}

// onFinished tells the officer how the export ended and offers to open the
// file.
func (x *pdfExport) onFinished(path string, result export.PDFResult, err error) {
	if x.finished != nil {
		defer x.finished(err)
	}
	if err != nil {
		if !Cancelled(err) {
			x.w.showError(err)
		}
		return
	}
	message := "Đã ghi " + path + fmt.Sprintf(" (%d trang).", result.Pages)
	for _, warning := range result.Warnings {
		message += "\n\nLưu ý: " + string(warning) + "."
	}
	message += "\n\nMở tệp bằng trình xem PDF?"
	x.doneInfo = dialog.NewConfirm("Đã xuất PDF", message, func(open bool) {
		if !open {
			return
		}
		if err := x.openFile(path); err != nil {
			x.w.showError(fmt.Errorf("không mở được %s: %w", path, err))
		}
	}, x.w.Window)
	x.doneInfo.SetConfirmText("Mở tệp")
	x.doneInfo.SetDismissText("Đóng")
	x.doneInfo.Show()
}

// openInViewer opens a file with the program the system uses for it.
func openInViewer(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return fyne.CurrentApp().OpenURL(u)
}
