package tasks

import (
	"errors"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/usererr"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// TaskUpdateStore is what recording a task's progress needs of the data:
// adding, correcting and removing dated updates, the history, and where
// the task then stands.
type TaskUpdateStore interface {
	AddUpdate(u store.Update) (store.Task, error)
	CorrectUpdate(u store.Update) (store.Task, error)
	RemoveUpdate(planID, taskID, updateID uint64) (store.Task, error)
	History(planID, taskID uint64) ([]store.Update, error)
	Standing(planID, taskID uint64, asOf store.Date) (db.TaskStanding, error)
}

// updateForm holds one dated update of a task's progress: its date, status,
// progress, note, reporting unit and, when the date is past the task's due
// date, the reason it is late. The pane records a new update with it; the
// correction of an update fills one in a dialog.
type updateForm struct {
	Date     *widgets.Entry
	Status   *widget.Select
	Progress *widgets.Entry
	Note     *widgets.Entry
	Unit     *widget.SelectEntry
	Reason   *widgets.Entry
	// reasonRow is the reason's label and field, shown only when needed.
	reasonRow []fyne.CanvasObject
	due       store.Date
	// filled are the texts the form was filled with: what it holds differs
	// from them when the officer has changed something.
	filled  [6]string
	content *fyne.Container
}

// newUpdateForm builds an empty form offering units as reporting units.
func newUpdateForm(units []string) *updateForm {
	f := &updateForm{Date: newDateEntry(), Progress: widgets.NewEntry(), Note: widgets.NewMultiLineEntry(), Reason: widgets.NewEntry()}
	f.Status = widget.NewSelect(statusNames(), f.onStatusChosen)
	f.Progress.Validator = progressProblem
	f.Note.SetPlaceHolder(lang.L("Việc đã làm, kết quả đạt được"))
	f.Note.SetMinRowsVisible(2)
	f.Unit = widget.NewSelectEntry(units)
	f.Unit.SetPlaceHolder(lang.L("Đơn vị báo cáo"))
	f.Reason.SetPlaceHolder(lang.L("Vì sao nhiệm vụ chậm so với hạn"))
	f.Date.OnChanged = func(string) { f.showReasonWhenLate() }
	reasonLabel := formLabel(lang.L("Lý do chậm"))
	f.reasonRow = []fyne.CanvasObject{reasonLabel, f.Reason}
	progress := container.NewBorder(nil, nil, nil, widget.NewLabel("%"), f.Progress)
	left := container.New(layout.NewFormLayout(),
		formLabel(lang.L("Ngày cập nhật")), f.Date,
		formLabel(lang.L("Trạng thái")), f.Status,
		formLabel(lang.L("Tiến độ")), progress,
	)
	right := container.New(layout.NewFormLayout(),
		formLabel(lang.L("Đơn vị báo cáo")), f.Unit,
		reasonLabel, f.Reason,
	)
	note := container.New(layout.NewFormLayout(), formLabel(lang.L("Ghi chú")), f.Note)
	f.content = container.NewVBox(container.NewGridWithColumns(2, left, right), note)
	return f
}

// formLabel is the label of a field, as widget.Form writes it.
func formLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// statusNames are the stored statuses by name, for a choice.
func statusNames() []string {
	names := make([]string, len(store.Statuses))
	for i, st := range store.Statuses {
		names[i] = string(st)
	}
	return names
}

// progressProblem refuses a progress that is not a whole number from 0 to 100.
func progressProblem(text string) error {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || n < 0 || n > 100 {
		return errors.New(lang.L("tiến độ là số từ 0 đến 100"))
	}
	return nil
}

// fill puts an update in the form, due the task's due date (zero when it
// has none), and takes it as what the form holds unchanged.
func (f *updateForm) fill(u store.Update, due store.Date) {
	f.due = due
	f.Date.SetText(u.Date.String())
	status := u.Status
	if status == "" {
		status = store.StatusNotStarted
	}
	f.Status.SetSelected(string(status))
	f.Progress.SetText(strconv.Itoa(u.Progress))
	f.Note.SetText(u.Note)
	f.Unit.SetText(u.Unit)
	f.Reason.SetText(u.Reason)
	f.filled = f.texts()
	f.showReasonWhenLate()
}

// texts are what the fields hold.
func (f *updateForm) texts() [6]string {
	return [6]string{f.Date.Text, f.Status.Selected, f.Progress.Text, f.Note.Text, f.Unit.Text, f.Reason.Text}
}

// changed reports whether the officer changed anything since fill.
func (f *updateForm) changed() bool { return f.texts() != f.filled }

// onStatusChosen makes "Hoàn thành" 100%, as the store records it.
func (f *updateForm) onStatusChosen(status string) {
	if store.Status(status) == store.StatusDone {
		f.Progress.SetText("100")
	}
}

// showReasonWhenLate shows the reason's field when the update's date is
// past the task's due date, or when it holds a reason.
func (f *updateForm) showReasonWhenLate() {
	day, err := store.ParseVNDate(strings.TrimSpace(f.Date.Text))
	late := err == nil && !f.due.IsZero() && day.After(f.due)
	for _, o := range f.reasonRow {
		if late || strings.TrimSpace(f.Reason.Text) != "" {
			o.Show()
		} else {
			o.Hide()
		}
	}
	f.content.Refresh()
}

// read returns the update the form holds, for a task of planID and taskID;
// an error names the field to put right.
func (f *updateForm) read(planID, taskID uint64) (store.Update, error) {
	day, err := store.ParseVNDate(strings.TrimSpace(f.Date.Text))
	if err == nil && day.IsZero() {
		err = errDateMissing()
	}
	if err != nil {
		return store.Update{}, fieldError(lang.L("Ngày cập nhật"), err)
	}
	status, err := store.ParseStatus(f.Status.Selected)
	if err != nil {
		return store.Update{}, fieldError(lang.L("Trạng thái"), err)
	}
	if err := progressProblem(f.Progress.Text); err != nil {
		return store.Update{}, fieldError(lang.L("Tiến độ"), err)
	}
	progress, _ := strconv.Atoi(strings.TrimSpace(f.Progress.Text))
	return store.Update{PlanID: planID, TaskID: taskID, Date: day, Status: status, Progress: progress,
		Note: strings.TrimSpace(f.Note.Text), Unit: strings.TrimSpace(f.Unit.Text),
		Reason: strings.TrimSpace(f.Reason.Text), Source: store.SourceWindow}, nil
}

// fieldError names the field a problem is in.
func fieldError(field string, err error) error {
	return errors.New(widgets.Localf("%s: %s", field, usererr.Message(err)))
}

// recordUpdate saves an update with save (AddUpdate, or CorrectUpdate for
// a correction), asking the officer what the store asks: the reason, when
// the update leaves the task late, and which is true when the status and
// the progress contradict each other. done gets the task as it then is.
func (h *detailHost) recordUpdate(u store.Update, save func(store.Update) (store.Task, error), done func(store.Task)) {
	task, err := save(u)
	switch {
	case errors.Is(err, store.ErrNeedReason):
		h.askReason(err, func(reason string) {
			u.Reason = reason
			h.recordUpdate(u, save, done)
		})
	case errors.Is(err, store.ErrConflict):
		h.askConflict(u, func(answered store.Update) { h.recordUpdate(answered, save, done) })
	case err != nil:
		h.ShowError(err)
	default:
		done(task)
	}
}

// askReason asks for the lý do chậm the store asked for, with why it asked.
func (h *detailHost) askReason(cause error, answer func(reason string)) *dialog.FormDialog {
	field := widgets.NewEntry()
	field.SetPlaceHolder(lang.L("Ví dụ: Chờ hướng dẫn của tỉnh"))
	field.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return errors.New(lang.L("hãy ghi lý do chậm"))
		}
		return nil
	}
	item := widget.NewFormItem(lang.L("Lý do chậm"), field)
	item.HintText = widgets.Capitalize(usererr.Message(cause))
	d := dialog.NewForm(lang.L("Nhiệm vụ chậm so với hạn"), lang.L("Lưu"), lang.L("Huỷ"), []*widget.FormItem{item},
		func(ok bool) {
			if ok {
				answer(strings.TrimSpace(field.Text))
			}
		}, h.Window)
	field.OnSubmitted = func(string) { d.Submit() }
	h.Keys.Add(d, d.Submit, d.Hide)
	d.Resize(fyne.NewSize(min(560, h.Window.Canvas().Size().Width-40), 0))
	d.Show()
	h.Window.Canvas().Focus(field)
	h.lastReason = d
	return d
}

// askConflict asks whether a task saved at 100% "not started" is done or
// not started, and answers with the update made so.
func (h *detailHost) askConflict(u store.Update, answer func(store.Update)) *widgets.Question {
	done, notStarted := u, u
	done.Status, done.Progress = store.StatusDone, 100
	notStarted.Status, notStarted.Progress = store.StatusNotStarted, 0
	h.lastConflict = widgets.Ask(h.Window, h.Keys, lang.L("Trạng thái và tiến độ mâu thuẫn"),
		lang.L("Tiến độ 100% nhưng trạng thái “Chưa thực hiện”. Nhiệm vụ đã hoàn thành, hay chưa bắt đầu?"), nil,
		widgets.Choice{Label: lang.L("Chưa bắt đầu (0%)"), Action: func() { answer(notStarted) }},
		widgets.Choice{Label: lang.L("Đã hoàn thành (100%)"), Action: func() { answer(done) }},
	)
	return h.lastConflict
}
