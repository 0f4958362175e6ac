package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// RolloverStore is what starting next year's plan needs of the data: the
// plan's tasks as a rollover sorts them, their numbers, and the rollover.
type RolloverStore interface {
	Bundle(planID uint64) (store.Bundle, error)
	RolloverChoice(fromPlanID uint64, asOf store.Date) (db.RolloverChoice, error)
	Rollover(req db.RolloverRequest) (db.RolloverResult, error)
}

// rolloverFlow is "Tạo kế hoạch năm sau…": it asks the new plan's year,
// number and date, lists the unfinished tasks for the officer to keep or
// drop, says what else carries over (the recurring tasks, the targets
// without their results), creates the plan and switches the window to it.
type rolloverFlow struct {
	widgets.ActionHost
	store RolloverStore
	// finished, when set, is told when a rollover ends; tests wait on it.
	finished func(error)
	form     *rolloverForm
	// Done is the message shown after the plan was created.
	Done dialog.Dialog
}

// rolloverForm is the question the flow asks.
type rolloverForm struct {
	from    store.Plan
	choice  db.RolloverChoice
	Year    *widgets.Entry
	Number  *widgets.Entry
	Date    *widgets.Entry
	Keep    []*widget.Check // one an unfinished task, in the order of choice.Unfinished
	Problem *widget.Label
	Create  *widget.Button
	dialog  *dialog.CustomDialog
}

func newRolloverFlow(host widgets.ActionHost, st RolloverStore) *rolloverFlow {
	return &rolloverFlow{ActionHost: host, store: st}
}

// start asks how to start next year's plan from the current plan.
func (f *rolloverFlow) start() {
	plan, ok := f.Current.Plan()
	if !ok {
		f.ShowError(errors.New(lang.L("chưa chọn kế hoạch để lập kế hoạch năm sau")))
		return
	}
	choice, err := f.store.RolloverChoice(plan.ID, f.Today())
	if err != nil {
		f.ShowError(err)
		return
	}
	bundle, err := f.store.Bundle(plan.ID)
	if err != nil {
		f.ShowError(err)
		return
	}
	f.form = f.newForm(plan, choice, taskNumbers(bundle))
	f.form.dialog.Show()
}

// taskNumbers are the printed numbers of a plan's tasks, "II.3", by id.
func taskNumbers(b store.Bundle) map[uint64]string {
	numbers := map[uint64]string{}
	for _, a := range b.Areas {
		for _, t := range a.Tasks {
			numbers[t.ID] = store.TaskNumber(a.Area, t)
		}
	}
	return numbers
}

// newForm builds the question: the new plan's year, number and date, what
// carries over, and a tick for each unfinished task, ticked to keep it.
func (f *rolloverFlow) newForm(plan store.Plan, choice db.RolloverChoice, numbers map[uint64]string) *rolloverForm {
	form := &rolloverForm{from: plan, choice: choice, Year: widgets.NewEntry(), Number: widgets.NewEntry(), Date: widgets.NewEntry(), Problem: widget.NewLabel("")}
	form.Year.SetText(strconv.Itoa(plan.Year + 1))
	form.Number.SetPlaceHolder(lang.L("Số văn thư cấp, ví dụ 15"))
	form.Date.SetText(f.Today().String())
	form.Problem.Importance = widget.DangerImportance
	form.Problem.Wrapping = fyne.TextWrapWord
	form.Problem.Hide()
	fields := widget.NewForm(widget.NewFormItem(lang.L("Năm"), form.Year), widget.NewFormItem(lang.L("Số"), form.Number),
		widget.NewFormItem(lang.L("Ngày ban hành"), form.Date))
	carried := widgets.WrappedLabel(widgets.Localf("Mang sang: %d nhiệm vụ thường xuyên và các chỉ tiêu (không kèm kết quả; giá trị năm gốc nhập lại). %d nhiệm vụ đã hoàn thành hoặc không thực hiện ở lại kế hoạch %s.",
		len(choice.Recurring), choice.Closed, plan.Ref()))
	top := container.NewVBox(fields, carried, f.unfinishedHeading(form, len(choice.Unfinished)))
	checks := container.NewVBox()
	for _, ts := range choice.Unfinished {
		check := widget.NewCheck(widgets.Localf("%s · %s · %s", numbers[ts.Task.ID], ts.Standing.State, widgets.ShortText(ts.Task.Content, 70)), nil)
		check.SetChecked(true)
		form.Keep = append(form.Keep, check)
		checks.Add(check)
	}
	content := container.NewBorder(top, form.Problem, nil, nil, container.NewVScroll(checks))
	form.dialog = dialog.NewCustomWithoutButtons(widgets.Localf("Tạo kế hoạch năm sau từ kế hoạch %s", plan.Ref()), content, f.Window)
	form.Create = widget.NewButton(lang.L("Tạo kế hoạch"), func() { f.create(form) })
	form.Create.Importance = widget.HighImportance
	form.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Huỷ"), form.dialog.Hide), form.Create})
	size := f.Window.Canvas().Size()
	form.dialog.Resize(fyne.NewSize(min(680, size.Width-40), min(560, size.Height-40)))
	return form
}

// unfinishedHeading says what the ticks mean, with buttons to tick or
// untick them all.
func (f *rolloverFlow) unfinishedHeading(form *rolloverForm, n int) fyne.CanvasObject {
	if n == 0 {
		return widget.NewLabel(lang.L("Không có nhiệm vụ nào chưa hoàn thành."))
	}
	setAll := func(keep bool) func() {
		return func() {
			for _, c := range form.Keep {
				c.SetChecked(keep)
			}
		}
	}
	heading := widget.NewLabelWithStyle(widgets.Localf("%d nhiệm vụ chưa hoàn thành: đánh dấu để mang sang, bỏ dấu để bỏ lại", n), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(widget.NewButton(lang.L("Mang sang tất cả"), setAll(true)), widget.NewButton(lang.L("Bỏ lại tất cả"), setAll(false)))
	return container.NewVBox(heading, buttons)
}

// request reads the question into a rollover request; what is wrong shows
// under the list.
func (form *rolloverForm) request(asOf store.Date) (db.RolloverRequest, error) {
	year, err := strconv.Atoi(strings.TrimSpace(form.Year.Text))
	if err != nil || !store.ValidYear(year) {
		return db.RolloverRequest{}, errors.New(lang.L("Ghi năm của kế hoạch mới, ví dụ 2024"))
	}
	if strings.TrimSpace(form.Number.Text) == "" {
		return db.RolloverRequest{}, errors.New(lang.L("Ghi số của kế hoạch mới"))
	}
	date, err := widgets.ParseDay(form.Date.Text)
	if err != nil {
		return db.RolloverRequest{}, err
	}
	req := db.RolloverRequest{FromPlanID: form.from.ID, Year: year, Number: strings.TrimSpace(form.Number.Text), Date: date, AsOf: asOf}
	if err := req.Validate(form.from); err != nil {
		return db.RolloverRequest{}, err
	}
	for i, check := range form.Keep {
		if check.Checked {
			req.Keep = append(req.Keep, form.choice.Unfinished[i].Task.ID)
		}
	}
	return req, nil
}

// create creates the plan behind a progress dialog and switches to it.
func (f *rolloverFlow) create(form *rolloverForm) {
	req, err := form.request(form.choice.AsOf)
	if err != nil {
		form.Problem.SetText(widgets.FieldProblem(err))
		form.Problem.Show()
		return
	}
	form.dialog.Hide()
	var result db.RolloverResult
	widgets.RunWithProgress(f.Window, lang.L("Đang tạo kế hoạch năm sau…"), func(context.Context, func(float64)) error {
		var err error
		result, err = f.store.Rollover(req)
		return err
	}, func(err error) { f.onCreated(form.from, result, err) })
}

// onCreated switches the window to the new plan and says what it took.
func (f *rolloverFlow) onCreated(from store.Plan, result db.RolloverResult, err error) {
	if f.finished != nil {
		defer f.finished(err)
	}
	if err == nil {
		err = f.Current.Select(result.Plan.ID)
	}
	if err != nil {
		f.ShowError(err)
		return
	}
	message := widgets.Localf("Đã lập kế hoạch %s năm %d từ kế hoạch %s: %d nhiệm vụ thường xuyên, %d nhiệm vụ chưa hoàn thành mang sang, %d bỏ lại, %d chỉ tiêu (chưa có kết quả). Hãy sửa căn cứ, nội dung và thời gian thực hiện cho năm mới.",
		result.Plan.Ref(), result.Plan.Year, from.Ref(), result.Recurring, result.Kept, result.Dropped, result.Targets)
	f.Done = dialog.NewInformation(lang.L("Đã tạo kế hoạch năm sau"), message, f.Window)
	f.Done.Show()
}
