package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// ProgressRecorder is what the task panel needs of the data: recording a
// dated update of a task's status and progress.
type ProgressRecorder interface {
	AddUpdate(u store.Update) (store.Task, error)
}

// TaskPanel shows one task in full and records a change of its status and
// progress.
type TaskPanel struct {
	store   ProgressRecorder
	today   func() store.Date
	onSaved func(store.Task)
	onError func(error)

	plan store.Plan
	task store.Task

	heading      *widget.Label
	details      *widget.Label
	Status       *widget.Select
	Progress     *widget.Slider
	progressText *widget.Label
	Note         *entry
	Reason       *entry
	SaveButton   *widget.Button
	form         *fyne.Container
	empty        *widget.Label
	content      *fyne.Container
}

// NewTaskPanel builds an empty panel.
func NewTaskPanel(st ProgressRecorder, today func() store.Date, onSaved func(store.Task), onError func(error)) *TaskPanel {
	p := &TaskPanel{store: st, today: today, onSaved: onSaved, onError: onError}
	p.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.heading.Wrapping = fyne.TextWrapWord
	p.details = widget.NewLabel("")
	p.details.Wrapping = fyne.TextWrapWord
	p.Status = widget.NewSelect(statusNames(), nil)
	p.progressText = widget.NewLabel("0%")
	p.Progress = widget.NewSlider(0, 100)
	p.Progress.Step = 5
	p.Progress.OnChanged = p.onProgressChanged
	p.Note = newMultiLineEntry()
	p.Note.SetPlaceHolder(lang.L("Ghi chú kết quả (không bắt buộc)"))
	p.Note.SetMinRowsVisible(3)
	p.Reason = newEntry()
	p.Reason.SetPlaceHolder(lang.L("Cần ghi khi nhiệm vụ quá hạn"))
	p.SaveButton = widget.NewButton(lang.L("Lưu tiến độ"), p.Save)
	p.SaveButton.Importance = widget.HighImportance
	edit := widget.NewForm(
		widget.NewFormItem(lang.L("Trạng thái"), p.Status),
		widget.NewFormItem(lang.L("Tiến độ"), container.NewBorder(nil, nil, nil, p.progressText, p.Progress)),
		widget.NewFormItem(lang.L("Ghi chú"), p.Note),
		widget.NewFormItem(lang.L("Lý do chậm"), p.Reason),
	)
	p.form = container.NewGridWithColumns(2,
		container.NewVScroll(container.NewVBox(p.heading, p.details)),
		newFieldsWithButtons(edit, container.NewHBox(p.SaveButton)),
	)
	p.empty = widget.NewLabel(lang.L("Chọn một nhiệm vụ trong bảng để xem chi tiết và cập nhật tiến độ."))
	p.empty.Wrapping = fyne.TextWrapWord
	p.content = container.NewStack(p.empty, p.form)
	p.Clear()
	return p
}

func statusNames() []string {
	names := make([]string, len(store.Statuses))
	for i, st := range store.Statuses {
		names[i] = string(st)
	}
	return names
}

// Content returns the panel's root object.
func (p *TaskPanel) Content() fyne.CanvasObject { return p.content }

// Clear shows the hint instead of a task.
func (p *TaskPanel) Clear() {
	p.task = store.Task{}
	p.content.Objects[1].Hide()
	p.empty.Show()
}

// ShowTask shows a task of a plan for editing.
func (p *TaskPanel) ShowTask(plan store.Plan, t store.Task, area store.Area) {
	p.plan, p.task = plan, t
	p.heading.SetText(localf("%s – Nhiệm vụ %s", area.Label(), t.Ordinal))
	p.details.SetText(taskDetails(t, p.today()))
	status := t.Status
	if status == "" {
		status = store.StatusNotStarted
	}
	p.Status.SetSelected(string(status))
	p.Progress.SetValue(float64(t.Progress))
	p.Note.SetText("")
	p.Reason.SetText("")
	p.empty.Hide()
	p.content.Objects[1].Show()
}

// taskDetails is the task's full text as the panel shows it.
func taskDetails(t store.Task, today store.Date) string {
	lines := []string{
		t.Content,
		"",
		localf("Sản phẩm: %s", orDash(t.Product)),
		localf("Đơn vị chủ trì: %s", orDash(t.Lead)),
		localf("Đơn vị phối hợp: %s", orDash(strings.Join(t.Coordinating, "; "))),
		localf("Thời gian thực hiện: %s", orDash(t.Timeline.Text)),
	}
	switch {
	case !t.Timeline.Due.IsZero():
		lines = append(lines, localf("Hạn hoàn thành: %s", t.Timeline.Due))
	case t.Timeline.Recurring():
		lines = append(lines, lang.L("Nhiệm vụ thường xuyên: đánh giá theo từng kỳ báo cáo"))
	}
	lines = append(lines, localf("Trạng thái hiện tại: %s", t.DisplayStatus(today)))
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

func (p *TaskPanel) onProgressChanged(value float64) {
	p.progressText.SetText(strconv.Itoa(int(value)) + "%")
}

// Save records the status, progress and note shown for the task shown, as
// "Lưu tiến độ" does; with no task shown it does nothing.
func (p *TaskPanel) Save() {
	if p.task.ID == 0 {
		return
	}
	status, err := store.ParseStatus(p.Status.Selected)
	if err != nil {
		p.onError(err)
		return
	}
	saved, err := p.store.AddUpdate(store.Update{
		PlanID:   p.plan.ID,
		TaskID:   p.task.ID,
		Date:     p.today(),
		Status:   status,
		Progress: int(p.Progress.Value),
		Note:     strings.TrimSpace(p.Note.Text),
		Reason:   strings.TrimSpace(p.Reason.Text),
		Source:   store.SourceWindow,
	})
	if err != nil {
		p.onError(err)
		return
	}
	p.task = saved
	p.details.SetText(taskDetails(saved, p.today()))
	p.Status.SetSelected(string(saved.Status))
	p.Progress.SetValue(float64(saved.Progress))
	p.Note.SetText("")
	p.Reason.SetText("")
	p.onSaved(saved)
}
