package reports

import (
	"errors"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// targetEdit is what the editor asks to store for a target in a period.
type targetEdit struct {
	// target is the target with its baseline and feed as edited;
	// targetChanged says they differ from those stored.
	target        store.Target
	targetChanged bool
	// actual is the actual typed, nil when its value is blank; clearActual
	// says the value was blanked, so the one entered goes.
	actual      *reporting.Actual
	clearActual bool
}

// targetEditor shows one target of the table in full with its result in
// the period, and edits its actual (a value, or a numerator and a
// denominator for a share), the actual's source and evidence, the baseline
// of a target measured against a baseline year, and the figure that feeds
// it.
type targetEditor struct {
	save   func(targetEdit) error
	result reporting.TargetResult
	period store.Period

	Heading     *widget.Label
	Details     *widget.Label
	Verdict     *widget.Label
	Value       *widgets.Entry
	Numerator   *widgets.Entry
	Denominator *widgets.Entry
	Note        *widgets.Entry
	Evidence    *widgets.Entry
	Baseline    *widgets.Entry
	Feed        *widget.Select
	Problem     *widget.Label
	SaveButton  *widget.Button
	form        *widget.Form
	content     *fyne.Container
}

// newTargetEditor builds an empty editor that stores through save.
func newTargetEditor(save func(targetEdit) error) *targetEditor {
	e := &targetEditor{save: save}
	e.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.Heading.Wrapping = fyne.TextWrapWord
	e.Details = widget.NewLabel("")
	e.Details.Wrapping = fyne.TextWrapWord
	e.Verdict = widget.NewLabel("")
	e.Verdict.Wrapping = fyne.TextWrapWord
	e.Value, e.Numerator, e.Denominator = widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	e.Note, e.Evidence, e.Baseline = widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	e.Note.SetPlaceHolder(lang.L("Ví dụ: Hệ thống một cửa điện tử, quý I"))
	e.Evidence.SetPlaceHolder(lang.L("Ví dụ: 15/BC-VP ngày 10/03/2023"))
	e.Feed = widget.NewSelect(feedLabels(), nil)
	e.Problem = widget.NewLabel("")
	e.Problem.Wrapping = fyne.TextWrapWord
	e.Problem.Hide()
	e.SaveButton = widget.NewButton(lang.L("Lưu chỉ tiêu"), e.Save)
	e.SaveButton.Importance = widget.HighImportance
	e.form = widget.NewForm()
	details := container.NewVScroll(container.NewVBox(e.Heading, e.Details, e.Verdict))
	edit := widgets.NewFieldsWithButtons(e.form, container.NewBorder(nil, nil, nil, e.SaveButton, e.Problem))
	empty := widget.NewLabel(lang.L("Chọn một chỉ tiêu trong bảng để xem đầy đủ và nhập kết quả thực hiện của kỳ."))
	empty.Wrapping = fyne.TextWrapWord
	e.content = container.NewStack(empty, container.NewGridWithColumns(2, details, edit))
	e.clear()
	return e
}

// feedLabels are the choices of the figure a target is computed from:
// none first, then every feed by its name.
func feedLabels() []string {
	labels := []string{lang.L("Không tính từ số liệu thống kê")}
	for _, f := range store.Feeds() {
		labels = append(labels, widgets.Capitalize(f.Name()))
	}
	return labels
}

// clear shows the hint instead of a target.
func (e *targetEditor) clear() {
	e.result = reporting.TargetResult{}
	e.content.Objects[0].Show()
	e.content.Objects[1].Hide()
}

// show shows a target's result in period p for editing.
func (e *targetEditor) show(r reporting.TargetResult, p store.Period) {
	e.result, e.period = r, p
	t := r.Target
	e.Heading.SetText(t.Code + " · " + widgets.OneLine(t.Indicator))
	e.Details.SetText(targetDetails(r, p))
	e.Verdict.SetText(verdictLine(r))
	e.Verdict.Importance = verdictImportance(r.Verdict)
	e.Verdict.Refresh()
	e.fillActual(r)
	e.Baseline.SetText("")
	if t.Baseline != nil {
		e.Baseline.SetText(store.FormatNumber(*t.Baseline))
	}
	e.Feed.SetSelectedIndex(feedIndex(t.Feed))
	e.Problem.Hide()
	e.buildForm(t)
	e.content.Objects[0].Hide()
	e.content.Objects[1].Show()
}

// fillActual puts the entered actual, if any, in the fields: a share
// entered as a fraction in the numerator and denominator.
func (e *targetEditor) fillActual(r reporting.TargetResult) {
	for _, field := range []*widgets.Entry{e.Value, e.Numerator, e.Denominator, e.Note, e.Evidence} {
		field.SetText("")
	}
	a := r.Actual
	if a == nil {
		return
	}
	e.Note.SetText(a.Note)
	e.Evidence.SetText(a.Evidence)
	if a.Fraction() {
		e.Numerator.SetText(store.FormatNumber(a.Numerator))
		e.Denominator.SetText(store.FormatNumber(a.Denominator))
		return
	}
	e.Value.SetText(store.FormatNumber(a.Value))
}

// isShare reports whether a target is measured as a share, which can be
// entered as a numerator and a denominator.
func isShare(t store.Target) bool { return t.Ratio || t.Unit == "%" }

// buildForm lays out the fields the target needs: the value, and for a
// share the numerator and denominator it may be entered as instead; a
// baseline for a target measured against a baseline year.
func (e *targetEditor) buildForm(t store.Target) {
	value := widget.NewFormItem(lang.L("Thực hiện"), container.NewBorder(nil, nil, nil, widget.NewLabel(t.Unit), e.Value))
	value.HintText = lang.L("Giá trị đạt được trong kỳ; để trống để xoá số đã nhập")
	items := []*widget.FormItem{value}
	if isShare(t) {
		fraction := container.NewGridWithColumns(3, e.Numerator, widget.NewLabelWithStyle(lang.L("trên"), fyne.TextAlignCenter, fyne.TextStyle{}), e.Denominator)
		count := widget.NewFormItem(lang.L("Hoặc số lượng"), fraction)
		count.HintText = lang.L("Ví dụ 152 trên 160 hồ sơ, tính ra 95%; khi ghi thì thay cho ô trên")
		items = append(items, count)
	}
	items = append(items,
		widget.NewFormItem(lang.L("Nguồn số liệu"), e.Note),
		widget.NewFormItem(lang.L("Tài liệu kiểm chứng"), e.Evidence))
	if t.Comparator == store.IncreaseBy {
		base := widget.NewFormItem(widgets.Localf("Giá trị năm %d", t.BaselineYear), e.Baseline)
		base.HintText = lang.L("Năm gốc để tính mức tăng; một tỷ lệ % tăng tính bằng điểm phần trăm")
		items = append(items, base)
	}
	items = append(items, widget.NewFormItem(lang.L("Tính từ"), e.Feed))
	e.form.Items = items
	e.form.Refresh()
}

// targetDetails is the target's goal and its actual in the period.
func targetDetails(r reporting.TargetResult, p store.Period) string {
	lines := []string{widgets.Localf("Kế hoạch: %s", r.Target.Goal())}
	if base := r.Target.BaselineText(); base != "" {
		lines = append(lines, widgets.Localf("Giá trị gốc %s", base))
	}
	switch r.Source {
	case reporting.SourceFigures:
		lines = append(lines, widgets.Localf("Thực hiện %s: %s, tính từ số liệu thống kê (%s)", p.Name(), r.ValueText(), r.Target.Feed.Name()))
	case reporting.SourceEntered:
		lines = append(lines, widgets.Localf("Thực hiện %s: %s, nhập trực tiếp", p.Name(), r.ValueText()))
	default:
		lines = append(lines, widgets.Localf("Thực hiện %s: chưa có", p.Name()))
	}
	return strings.Join(lines, "\n")
}

// verdictLine is the verdict, with what is missing when there is none.
func verdictLine(r reporting.TargetResult) string {
	if r.Why != "" {
		return widgets.Localf("Đánh giá: %s (%s)", r.Verdict, r.Why)
	}
	return widgets.Localf("Đánh giá: %s", r.Verdict)
}

func feedIndex(f store.Feed) int {
	for i, feed := range store.Feeds() {
		if feed == f {
			return i + 1
		}
	}
	return 0
}

// Save stores what the fields hold, as "Lưu chỉ tiêu" does; a value that
// is no number is refused under the fields.
func (e *targetEditor) Save() {
	if e.result.Target.ID == 0 {
		return
	}
	edit, err := e.collect()
	if err == nil {
		err = e.save(edit)
	}
	if err != nil {
		e.Problem.SetText(widgets.FieldProblem(err))
		e.Problem.Importance = widget.DangerImportance
		e.Problem.Show()
		e.Problem.Refresh()
	}
}

// collect reads the fields into an edit.
func (e *targetEditor) collect() (targetEdit, error) {
	edit := targetEdit{target: e.result.Target}
	if err := e.collectTarget(&edit); err != nil {
		return targetEdit{}, err
	}
	actual, err := e.collectActual()
	if err != nil {
		return targetEdit{}, err
	}
	edit.actual = actual
	edit.clearActual = actual == nil && e.result.Actual != nil
	return edit, nil
}

// collectTarget reads the baseline and the feed.
func (e *targetEditor) collectTarget(edit *targetEdit) error {
	t := &edit.target
	old := e.result.Target
	if t.Comparator == store.IncreaseBy {
		base, err := optionalNumber(lang.L("Giá trị năm gốc"), e.Baseline.Text)
		if err != nil {
			return err
		}
		t.Baseline = base
	}
	if i := e.Feed.SelectedIndex(); i > 0 {
		t.Feed = store.Feeds()[i-1]
	} else {
		t.Feed = store.FeedNone
	}
	edit.targetChanged = t.Feed != old.Feed || !sameNumber(t.Baseline, old.Baseline)
	return nil
}

// collectActual reads the actual typed: the numerator and denominator of
// a share when either is given, else the value; nil when it is blank.
func (e *targetEditor) collectActual() (*reporting.Actual, error) {
	a, blank, err := readFraction(e.Numerator.Text, e.Denominator.Text)
	if err == nil && blank {
		var v *float64
		v, err = optionalNumber(lang.L("Thực hiện"), e.Value.Text)
		if v != nil {
			a, blank = reporting.Actual{Value: *v}, false
		}
	}
	note, evidence := strings.TrimSpace(e.Note.Text), strings.TrimSpace(e.Evidence.Text)
	switch {
	case err != nil:
		return nil, err
	case blank && (note != "" || evidence != ""):
		return nil, errors.New(lang.L("Ghi giá trị thực hiện trước khi ghi nguồn số liệu hay tài liệu kiểm chứng"))
	case blank:
		return nil, nil
	}
	a.Note, a.Evidence = note, evidence
	return &a, nil
}

// readFraction reads a share typed as a numerator and a denominator;
// blank when neither is given.
func readFraction(numText, denText string) (reporting.Actual, bool, error) {
	num, err := optionalNumber(lang.L("Số đạt"), numText)
	if err != nil {
		return reporting.Actual{}, false, err
	}
	den, err := optionalNumber(lang.L("Tổng số"), denText)
	switch {
	case err != nil:
		return reporting.Actual{}, false, err
	case num == nil && den == nil:
		return reporting.Actual{}, true, nil
	case num == nil || den == nil:
		return reporting.Actual{}, false, errors.New(lang.L("Ghi cả hai số: số đạt trên tổng số"))
	case *den <= 0:
		return reporting.Actual{}, false, errors.New(lang.L("Tổng số phải lớn hơn 0"))
	}
	return reporting.NewFraction(*num, *den), false, nil
}

// optionalNumber reads a number typed in a field; nil when it is blank.
func optionalNumber(field, text string) (*float64, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	v, err := store.ParseNumber(text)
	if err != nil {
		return nil, errors.New(widgets.Localf("%s: “%s” không phải một số", field, strings.TrimSpace(text)))
	}
	return &v, nil
}

func sameNumber(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
