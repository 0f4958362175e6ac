package tasks

import (
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// taskEditor holds every field of a task: its area and number, content,
// product, lead unit (one of the settings' units, or typed), coordinating
// units, timeline with the due date read from it as it is typed, and the
// officer's result text.
type taskEditor struct {
	Area         *widget.Select
	Ordinal      *widgets.Entry
	ContentField *widgets.Entry
	Product      *widgets.Entry
	Lead         *widget.SelectEntry
	Coordinating *widgets.Entry
	AddUnit      *widget.Select
	Timeline     *widgets.Entry
	// Due says what the timeline gives as a deadline, or why it gives none.
	Due        *widget.Label
	Result     *widgets.Entry
	SaveButton *widget.Button

	areas    []store.Area
	planYear int
	// filled are the texts the editor was filled with, for changed.
	filled  [8]string
	content fyne.CanvasObject
}

// newTaskEditor builds an empty editor; save stores what it holds.
func newTaskEditor(save func()) *taskEditor {
	e := &taskEditor{Ordinal: widgets.NewEntry(), ContentField: widgets.NewMultiLineEntry(), Product: widgets.NewMultiLineEntry(),
		Coordinating: widgets.NewMultiLineEntry(), Timeline: widgets.NewEntry(), Result: widgets.NewMultiLineEntry()}
	e.Area = widget.NewSelect(nil, nil)
	e.Ordinal.SetPlaceHolder(lang.L("để trống: số tiếp theo"))
	e.ContentField.SetMinRowsVisible(3)
	e.Product.SetMinRowsVisible(1)
	e.Lead = widget.NewSelectEntry(nil)
	e.Lead.SetPlaceHolder(lang.L("Chọn trong danh sách hoặc gõ tên đơn vị"))
	e.Coordinating.SetPlaceHolder(lang.L("Mỗi dòng một đơn vị"))
	e.Coordinating.SetMinRowsVisible(2)
	e.AddUnit = widget.NewSelect(nil, e.onUnitAdded)
	e.AddUnit.PlaceHolder = lang.L("Thêm đơn vị…")
	e.Timeline.SetPlaceHolder(lang.L("Ví dụ: Quý IV/2023, Tháng 6, Thường xuyên"))
	e.Timeline.OnChanged = e.onTimelineChanged
	e.Due = widget.NewLabel("")
	e.Due.Wrapping = fyne.TextWrapWord
	e.Result.SetPlaceHolder(lang.L("Kết quả thực hiện in trong báo cáo; để trống thì lấy ghi chú mới nhất"))
	e.Result.SetMinRowsVisible(2)
	e.SaveButton = widget.NewButtonWithIcon(lang.L("Lưu nhiệm vụ"), theme.DocumentSaveIcon(), save)
	e.SaveButton.Importance = widget.HighImportance
	coordinating := container.NewBorder(nil, nil, nil, e.AddUnit, e.Coordinating)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Lĩnh vực"), e.Area),
		widget.NewFormItem(lang.L("Số thứ tự"), e.Ordinal),
		widget.NewFormItem(lang.L("Nội dung"), e.ContentField),
		widget.NewFormItem(lang.L("Sản phẩm"), e.Product),
		widget.NewFormItem(lang.L("Đơn vị chủ trì"), e.Lead),
		widget.NewFormItem(lang.L("Đơn vị phối hợp"), coordinating),
		widget.NewFormItem(lang.L("Thời gian thực hiện"), container.NewVBox(e.Timeline, e.Due)),
		widget.NewFormItem(lang.L("Kết quả thực hiện"), e.Result),
	)
	e.content = widgets.NewFieldsWithButtons(container.NewPadded(form), container.NewHBox(e.SaveButton))
	return e
}

// Content returns the editor's root object.
func (e *taskEditor) Content() fyne.CanvasObject { return e.content }

// setChoices offers the plan's areas and the settings' units, and reads
// timelines against the plan's year.
func (e *taskEditor) setChoices(areas []store.Area, units []string, planYear int) {
	e.areas, e.planYear = areas, planYear
	labels := make([]string, len(areas))
	for i, a := range areas {
		labels[i] = a.Label()
	}
	e.Area.Options = labels
	e.Lead.SetOptions(units)
	e.AddUnit.Options = units
}

// fill shows a task's fields, and takes them as unchanged; a new task
// starts with its area chosen and nothing else, and is changed only once
// something is written in it.
func (e *taskEditor) fill(t store.Task, creating bool) {
	e.Area.ClearSelected()
	for i, a := range e.areas {
		if a.ID == t.AreaID {
			e.Area.SetSelectedIndex(i)
		}
	}
	e.Ordinal.SetText(t.Ordinal)
	e.ContentField.SetText(t.Content)
	e.Product.SetText(t.Product)
	e.Lead.SetText(t.Lead)
	e.Coordinating.SetText(strings.Join(t.Coordinating, "\n"))
	e.Timeline.SetText(t.Timeline.Text)
	e.Result.SetText(t.Result)
	e.filled = e.texts()
	e.onTimelineChanged(t.Timeline.Text)
	e.SaveButton.SetText(lang.L("Lưu nhiệm vụ"))
	if creating {
		e.SaveButton.SetText(lang.L("Thêm nhiệm vụ"))
	}
}

// texts are what the fields hold.
func (e *taskEditor) texts() [8]string {
	return [8]string{e.Area.Selected, e.Ordinal.Text, e.ContentField.Text, e.Product.Text, e.Lead.Text,
		e.Coordinating.Text, e.Timeline.Text, e.Result.Text}
}

// changed reports whether the officer changed anything since fill.
func (e *taskEditor) changed() bool { return e.texts() != e.filled }

// read returns the task as the fields make it, over what t holds.
func (e *taskEditor) read(t store.Task) store.Task {
	if i := e.Area.SelectedIndex(); i >= 0 && i < len(e.areas) {
		t.AreaID = e.areas[i].ID
	}
	t.Ordinal = strings.TrimSpace(e.Ordinal.Text)
	t.Content = strings.TrimSpace(e.ContentField.Text)
	t.Product = strings.TrimSpace(e.Product.Text)
	t.Lead = strings.TrimSpace(e.Lead.Text)
	t.Coordinating = store.SplitUnits(e.Coordinating.Text)
	t.Timeline = store.Timeline{Text: strings.TrimSpace(e.Timeline.Text)}
	t.Result = strings.TrimSpace(e.Result.Text)
	return t
}

// onTimelineChanged reads the timeline as it is typed and says its due date.
func (e *taskEditor) onTimelineChanged(text string) {
	line := store.ParseTimeline(store.CleanText(strings.TrimSpace(text)), e.planYear).DueLine()
	if line == "" {
		line = lang.L("Chưa ghi thời gian thực hiện: nhiệm vụ không có hạn.")
	}
	e.Due.SetText(line)
}

// onUnitAdded adds a unit chosen from the settings to the coordinating units.
func (e *taskEditor) onUnitAdded(unit string) {
	if unit == "" {
		return
	}
	text := strings.TrimRight(e.Coordinating.Text, "\n ")
	if text != "" {
		text += "\n"
	}
	e.Coordinating.SetText(text + unit)
	e.AddUnit.ClearSelected()
}

// focus puts the cursor in the content.
func (e *taskEditor) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e.ContentField); c != nil {
		c.Focus(e.ContentField)
	}
}
