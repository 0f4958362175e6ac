package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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

// pdfKinds are the choices of what the PDF holds, as shown.
func pdfKinds() map[string]export.Kind {
	return map[string]export.Kind{
		lang.L(choiceWithAppendix): export.KindPlan,
		lang.L(choiceNoAppendix):   export.KindPlanAlone,
		lang.L(choiceAppendixOnly): export.KindAppendix,
	}
}

// PDFExportStore is what the "Xuất PDF" action needs of the data: the plan
// and settings to print, a way to save the signer's name, and to store the
// signer chosen for a draft.
type PDFExportStore interface {
	export.Source
	SetSignerName(name string) (int, error)
	UpdatePlan(p store.Plan) error
}

// pdfExport is the "Xuất PDF" action: it asks which signer signs a draft
// when the agency has several (an issued plan keeps its own), or the
// signer's name when the plan has none; then what to print and where to
// save; writes the file behind a progress dialog and offers to open it.
type pdfExport struct {
	widgets.Exporter
	store PDFExportStore

	signer *signerDialog
	choice *widget.RadioGroup
	// signerChoice picks the signer of a draft; nil when the plan keeps
	// its own.
	signerChoice *widget.Select
	signers      []store.Signer
	ask          *dialog.ConfirmDialog
}

// newPDFExport builds the action over st.
func newPDFExport(host widgets.ActionHost, st PDFExportStore) *pdfExport {
	return &pdfExport{Exporter: widgets.NewExporter(host, st), store: st}
}

// start begins the action on the current plan.
func (x *pdfExport) start() {
	plan, ok := x.Current.Plan()
	if !ok {
		x.ShowError(errors.New(lang.L("chưa chọn kế hoạch để xuất PDF")))
		return
	}
	settings, err := x.store.Settings()
	if err != nil {
		x.ShowError(err)
		return
	}
	if signers := settings.Signers(); !plan.Issued() && len(signers) > 1 {
		x.askWhat(plan, signers)
		return
	}
	if strings.TrimSpace(plan.Signer.Name) != "" {
		x.askWhat(plan, nil)
		return
	}
	x.signer = newSignerDialog(x.Window, func(name string) { x.onSignerName(plan, name) })
	x.signer.show(x.Window)
}

// onSignerName saves the name typed (unless the officer went on without
// one) and goes on with the plan as it now stands.
func (x *pdfExport) onSignerName(plan store.Plan, name string) {
	if name != "" {
		if _, err := x.store.SetSignerName(name); err != nil {
			x.ShowError(fmt.Errorf(lang.L("lưu họ tên người ký")+": %w", err))
			return
		}
		// Every plan without a name took it: read them all again.
		if err := x.Current.Select(plan.ID); err != nil {
			x.ShowError(err)
			return
		}
		plan, _ = x.Current.Plan()
	}
	x.askWhat(plan, nil)
}

// askWhat asks whether the appendix goes with the plan, in the same file or
// alone, and, when signers are given, who signs.
func (x *pdfExport) askWhat(plan store.Plan, signers []store.Signer) {
	x.choice = widget.NewRadioGroup([]string{lang.L(choiceWithAppendix), lang.L(choiceNoAppendix), lang.L(choiceAppendixOnly)}, nil)
	x.choice.Required = true
	x.choice.SetSelected(lang.L(choiceWithAppendix))
	content := container.NewVBox(x.choice)
	x.signerChoice = nil
	if len(signers) > 0 {
		content.Add(widget.NewForm(widget.NewFormItem(lang.L("Người ký"), x.newSignerChoice(plan, signers))))
	}
	x.ask = dialog.NewCustomConfirm(widgets.Localf("Xuất PDF kế hoạch %s", plan.Ref()), lang.L("Chọn nơi lưu…"), lang.L("Huỷ"), content, func(ok bool) {
		if ok {
			x.onWhatChosen(plan)
		}
	}, x.Window)
	x.Keys.AddConfirm(x.ask)
	x.ask.Show()
}

// newSignerChoice lists the signers, the plan's own first when it is none
// of them, with the plan's own chosen.
func (x *pdfExport) newSignerChoice(plan store.Plan, signers []store.Signer) *widget.Select {
	if !slices.Contains(signers, plan.Signer) && plan.Signer.HeadTitle != "" {
		signers = append([]store.Signer{plan.Signer}, signers...)
	}
	x.signers = signers
	labels := make([]string, len(signers))
	for i, s := range signers {
		labels[i] = s.Label()
	}
	x.signerChoice = widget.NewSelect(labels, nil)
	x.signerChoice.SetSelectedIndex(max(0, slices.Index(signers, plan.Signer)))
	return x.signerChoice
}

// onWhatChosen stores the signer chosen for a draft, then asks where to save.
func (x *pdfExport) onWhatChosen(plan store.Plan) {
	kind := pdfKinds()[x.choice.Selected]
	if x.signerChoice != nil {
		if chosen := x.signers[x.signerChoice.SelectedIndex()]; chosen != plan.Signer {
			plan.Signer = chosen
			if err := x.store.UpdatePlan(plan); err != nil {
				x.ShowError(fmt.Errorf(lang.L("lưu người ký của kế hoạch")+": %w", err))
				return
			}
			if err := x.Current.Reload(); err != nil {
				x.ShowError(err)
				return
			}
		}
	}
	x.ChooseFile(export.SuggestedName(plan, kind, export.PDF, ""), widgets.PDFFiles(), func(path string) { x.run(plan, kind, path) })
}

// run writes the PDF behind a progress dialog.
func (x *pdfExport) run(plan store.Plan, kind export.Kind, path string) {
	req := export.Request{PlanID: plan.ID, Kind: kind, Format: export.PDF, Path: path, Today: x.Today()}
	x.Export(req, lang.L("Đã xuất PDF"), func(result export.Result) string {
		message := widgets.Localf("Đã ghi %s (%d trang).", path, result.Pages)
		for _, warning := range result.Warnings {
			message += "\n\n" + widgets.Localf("Lưu ý: %s.", warning)
		}
		return message
	})
}
