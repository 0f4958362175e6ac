package reports

import (
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// figuresForm edits the statistical figures of a period, one field a
// figure (blank: not entered), with their source; under it, the targets
// the figures compute.
type figuresForm struct {
	save    func(reporting.Figures) error
	figures reporting.Figures

	inputs     []*widgets.Entry // one a figure, in the order of store.FigureDefs
	Note       *widgets.Entry
	Fed        *widget.Label
	Problem    *widget.Label
	SaveButton *widget.Button
	content    fyne.CanvasObject
}

// newFiguresForm builds the form, which stores through save.
func newFiguresForm(save func(reporting.Figures) error) *figuresForm {
	f := &figuresForm{save: save, Note: widgets.NewEntry(), Fed: widget.NewLabel(""), Problem: widget.NewLabel("")}
	f.Note.SetPlaceHolder(lang.L("Ví dụ: Báo cáo của Trung tâm Phục vụ hành chính công"))
	f.Fed.Wrapping = fyne.TextWrapWord
	f.Problem.Wrapping = fyne.TextWrapWord
	f.Problem.Importance = widget.DangerImportance
	f.Problem.Hide()
	form := widget.NewForm()
	unitWidth := widgets.TextWidth(false, "văn bản", "hồ sơ")
	for _, def := range reporting.FigureDefs {
		input := widgets.NewEntry()
		f.inputs = append(f.inputs, input)
		unit := container.NewGridWrap(fyne.NewSize(unitWidth, input.MinSize().Height), widget.NewLabel(def.Unit))
		form.Append(def.Label, container.NewBorder(nil, nil, nil, unit, input))
	}
	note := widget.NewFormItem(lang.L("Nguồn số liệu"), f.Note)
	form.AppendItem(note)
	f.SaveButton = widget.NewButton(lang.L("Lưu số liệu"), f.Save)
	f.SaveButton.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("Số liệu thống kê của kỳ (để trống số liệu chưa có). Các chỉ tiêu chọn \"Tính từ\" một số liệu lấy kết quả từ đây khi chưa nhập trực tiếp."))
	intro.Wrapping = fyne.TextWrapWord
	fields := container.NewVBox(intro, form, f.Fed)
	f.content = widgets.NewFieldsWithButtons(fields, container.NewBorder(nil, nil, nil, f.SaveButton, f.Problem))
	return f
}

// show fills the fields from a period's figures; a share not entered shows
// what the other figures give, and the list under the form the targets
// they compute.
func (f *figuresForm) show(figures reporting.Figures, results []reporting.TargetResult) {
	f.figures = figures
	computed := computedFigures(figures)
	for i, def := range reporting.FigureDefs {
		f.inputs[i].SetPlaceHolder(computed[def.Label])
		f.inputs[i].SetText("")
		if v, ok := figures.Get(def.Key); ok {
			f.inputs[i].SetText(store.FormatNumber(v))
		}
	}
	f.Note.SetText(figures.Note)
	f.Fed.SetText(fedTargets(results))
	f.Problem.Hide()
}

// computedFigures are the shares the figures give without being entered,
// by label: "tính được 95% (152/160 hồ sơ)".
func computedFigures(figures reporting.Figures) map[string]string {
	out := map[string]string{}
	for _, row := range reporting.FigureRows(figures) {
		if row.Computed {
			out[row.Label] = widgets.Localf("tính được %s", row.ValueText())
		}
	}
	return out
}

// fedTargets says which targets the figures compute, and their result.
func fedTargets(results []reporting.TargetResult) string {
	var lines []string
	for _, r := range results {
		switch {
		case r.FromFigures():
			lines = append(lines, widgets.Localf("%s: %s, %s (%s)", r.Target.Code, r.ValueText(), r.Verdict, r.Target.Feed.Name()))
		case r.EnteredOverFigures():
			lines = append(lines, widgets.Localf("%s: đã nhập trực tiếp %s, không tính từ số liệu", r.Target.Code, r.ValueText()))
		}
	}
	if len(lines) == 0 {
		return lang.L("Chưa có chỉ tiêu nào tính được từ số liệu này.")
	}
	return lang.L("Chỉ tiêu tính từ số liệu thống kê:") + "\n" + strings.Join(lines, "\n")
}

// Save stores the figures typed, as "Lưu số liệu" does; a figure that is
// no number, or that the store's rules refuse, is shown under the form
// and nothing is stored.
func (f *figuresForm) Save() {
	figures := f.figures
	figures.Values = map[reporting.FigureKey]float64{}
	for i, def := range reporting.FigureDefs {
		v, err := optionalNumber(def.Label, f.inputs[i].Text)
		if err != nil {
			f.refuse(err)
			return
		}
		if v != nil {
			figures.Set(def.Key, *v)
		}
	}
	figures.Note = strings.TrimSpace(f.Note.Text)
	if err := f.save(figures); err != nil {
		f.refuse(err)
	}
}

func (f *figuresForm) refuse(err error) {
	f.Problem.SetText(widgets.FieldProblem(err))
	f.Problem.Show()
}

// Input returns the field of a figure.
func (f *figuresForm) Input(key reporting.FigureKey) *widgets.Entry {
	for i, def := range reporting.FigureDefs {
		if def.Key == key {
			return f.inputs[i]
		}
	}
	return nil
}
