package ui

import (
	"context"
	"fmt"
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

var pdfKinds = map[string]export.Kind{
	choiceWithAppendix: export.KindPlan,
	choiceNoAppendix:   export.KindPlanAlone,
	choiceAppendixOnly: export.KindAppendix,
}

// PDFExportStore is what the "Xuất PDF" action needs of the data: the plan
// and settings to print, and a way to save the signer's name.
type PDFExportStore interface {
	export.Source
	SetSignerName(name string) (int, error)
}

// pdfExport is the "Xuất PDF" action: it asks for the signer's name when the
// plan has none, what to print and where to save, writes the file behind a
// progress dialog, then offers to open it.
type pdfExport struct {
	actionHost
	store PDFExportStore
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

// newPDFExport builds the action over st.
func newPDFExport(host actionHost, st PDFExportStore) *pdfExport {
	x := &pdfExport{actionHost: host, store: st}
	x.chooseFile = func(suggested string, done func(path string)) {
		askSavePath(host.window, suggested, ".pdf", done)
	}
	x.openFile = openInViewer
	return x
}

// start begins the action on the current plan.
func (x *pdfExport) start() {
	plan, ok := x.current.Plan()
	if !ok {
		x.showError(fmt.Errorf("chưa chọn kế hoạch để xuất PDF"))
		return
	}
	if strings.TrimSpace(plan.Signer.Name) != "" {
		x.askWhat(plan)
		return
	}
	x.signer = newSignerDialog(x.window, func(name string) { x.onSignerName(plan, name) })
	x.signer.form.Show()
}

// onSignerName saves the name typed (unless the officer went on without
// one) and goes on with the plan as it now stands.
func (x *pdfExport) onSignerName(plan store.Plan, name string) {
	if name != "" {
		if _, err := x.store.SetSignerName(name); err != nil {
			x.showError(fmt.Errorf("lưu họ tên người ký: %w", err))
			return
		}
		// Every plan without a name took it: read them all again.
		if err := x.current.Select(plan.ID); err != nil {
			x.showError(err)
			return
		}
		plan, _ = x.current.Plan()
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
			kind := pdfKinds[x.choice.Selected]
			x.chooseFile(export.SuggestedName(plan, kind, export.PDF, ""), func(path string) { x.run(plan, kind, path) })
		}
	}, x.window)
	x.ask.Show()
}

// run writes the PDF in its own goroutine behind a progress dialog.
func (x *pdfExport) run(plan store.Plan, kind export.Kind, path string) {
	var result export.Result
	work := func(ctx context.Context, progress func(float64)) error {
		var err error
		req := export.Request{PlanID: plan.ID, Kind: kind, Format: export.PDF, Path: path, Today: x.today(), Progress: progress}
		result, err = export.Export(ctx, x.store, req)
		return err
	}
	RunWithProgress(x.window, "Đang xuất "+filepath.Base(path), work, func(err error) {
		x.onFinished(path, result, err)
	})
}

// onFinished tells the officer how the export ended and offers to open the
// file.
func (x *pdfExport) onFinished(path string, result export.Result, err error) {
	if x.finished != nil {
		defer x.finished(err)
	}
	if err != nil {
		if !Cancelled(err) {
			x.showError(err)
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
			x.showError(fmt.Errorf("không mở được %s: %w", path, err))
		}
	}, x.window)
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
