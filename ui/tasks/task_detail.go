package tasks

import (
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// detailHost is what the task pane works with besides its widgets: the
// window's host (window, dialogs' keys, files, opener, clock), the data,
// the reporting date, and what the pane tells the screen.
type detailHost struct {
	*widgets.ActionHost
	store Store
	asOf  func() store.Date
	say   func(string)
	// onTracked is told of a task whose progress or history changed.
	onTracked func(store.Task, store.Standing)
	// onEdited is told of a task whose fields were saved or which was added.
	onEdited func(store.Task)
	// duplicate, remove and move are the screen's actions on the task shown.
	duplicate, remove func()
	move              func(delta int)
	// back shows the table again where the screen shows one at a time.
	back func()

	// lastReason and lastConflict are the last questions asked, for tests.
	lastReason   *dialog.FormDialog
	lastConflict *widgets.Question
}

// taskDetail is the pane of the task chosen: its number, content and where
// it stands, its actions, and four tabs: the progress update form, the
// task's fields, its history and its evidence.
type taskDetail struct {
	host     *detailHost
	plan     store.Plan
	settings store.Settings
	areas    []store.Area

	task     store.Task
	area     store.Area
	standing store.Standing
	// creating is set while the pane holds a new task not yet stored.
	creating bool

	heading         *widget.Label
	standingLine    *widget.Label
	DuplicateButton *widget.Button
	DeleteButton    *widget.Button
	UpButton        *widget.Button
	DownButton      *widget.Button
	// BackButton goes back to the table where the screen is too low for both.
	BackButton *widget.Button

	tabs             *container.AppTabs
	updateTab        *container.TabItem
	fieldsTab        *container.TabItem
	historyTab       *container.TabItem
	evidenceTab      *container.TabItem
	Update           *updateForm
	SaveUpdateButton *widget.Button
	Editor           *taskEditor
	History          *historyView
	Evidence         *evidenceView

	hint    *widget.Label
	body    fyne.CanvasObject
	content *fyne.Container
}

// newTaskDetail builds an empty pane.
func newTaskDetail(host *detailHost) *taskDetail {
	d := &taskDetail{host: host}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.Truncation = fyne.TextTruncateEllipsis
	d.standingLine = widget.NewLabel("")
	d.standingLine.Truncation = fyne.TextTruncateEllipsis
	d.DuplicateButton = widget.NewButtonWithIcon(lang.L("Nhân bản"), theme.ContentCopyIcon(), host.duplicate)
	d.DeleteButton = widget.NewButtonWithIcon(lang.L("Xoá"), theme.DeleteIcon(), host.remove)
	d.UpButton = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { host.move(-1) })
	d.DownButton = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { host.move(1) })
	d.buildTabs()
	d.BackButton = widget.NewButtonWithIcon(lang.L("Danh sách"), theme.NavigateBackIcon(), host.back)
	d.BackButton.Hide()
	actions := container.NewHBox(d.DuplicateButton, d.DeleteButton, d.UpButton, d.DownButton)
	top := container.NewVBox(
		container.NewBorder(nil, nil, d.BackButton, nil, d.heading),
		container.NewBorder(nil, nil, nil, actions, d.standingLine))
	d.body = container.NewBorder(top, nil, nil, nil, d.tabs)
	d.hint = widget.NewLabel(lang.L("Chọn một nhiệm vụ trong bảng để cập nhật tiến độ, sửa nội dung, xem lịch sử và tài liệu kiểm chứng; Ctrl+N thêm nhiệm vụ."))
	d.hint.Wrapping = fyne.TextWrapWord
	d.content = container.NewStack(d.hint, d.body)
	d.Clear()
	return d
}

// buildTabs makes the four tabs.
func (d *taskDetail) buildTabs() {
	d.Update = newUpdateForm(nil)
	d.SaveUpdateButton = widget.NewButtonWithIcon(lang.L("Lưu cập nhật"), theme.DocumentSaveIcon(), func() { d.SaveUpdate(func() {}) })
	d.SaveUpdateButton.Importance = widget.HighImportance
	d.Editor = newTaskEditor(func() { d.saveFields(func() {}) })
	d.History = newHistoryView(d.correctUpdate, d.removeUpdate)
	d.Evidence = newEvidenceView(d.host, func() (store.Task, string) { return d.task, d.Number() }, d.evidenceChanged)
	d.updateTab = container.NewTabItem(lang.L("Cập nhật tiến độ"),
		widgets.NewFieldsWithButtons(container.NewPadded(d.Update.content), container.NewHBox(d.SaveUpdateButton)))
	d.fieldsTab = container.NewTabItem(lang.L("Nội dung nhiệm vụ"), d.Editor.Content())
	d.historyTab = container.NewTabItem(lang.L("Lịch sử"), d.History.Content())
	d.evidenceTab = container.NewTabItem(lang.L("Tài liệu kiểm chứng"), d.Evidence.Content())
	d.tabs = container.NewAppTabs(d.updateTab, d.fieldsTab, d.historyTab, d.evidenceTab)
}

// showBack shows the button back to the table while the screen shows the
// table or the pane, one at a time.
func (d *taskDetail) showBack(oneAtATime bool) {
	if oneAtATime {
		d.BackButton.Show()
	} else {
		d.BackButton.Hide()
	}
}

// Content returns the pane's root object.
func (d *taskDetail) Content() fyne.CanvasObject { return d.content }

// planChanged takes the plan, settings and areas a task is shown under.
func (d *taskDetail) planChanged(plan store.Plan, settings store.Settings, areas []store.Area) {
	d.plan, d.settings, d.areas = plan, settings, areas
	d.Update.Unit.SetOptions(settings.Units)
	d.Editor.setChoices(areas, settings.Units, plan.Year)
}

// TaskID returns the id of the task shown, 0 for none or a new task.
func (d *taskDetail) TaskID() uint64 { return d.task.ID }

// Task returns the task shown as stored.
func (d *taskDetail) Task() store.Task { return d.task }

// Number returns the task's number as the plan prints it, "II.3".
func (d *taskDetail) Number() string {
	if d.creating {
		return lang.L("mới")
	}
	return store.TaskNumber(d.area, d.task)
}

// Clear shows the hint instead of a task; edits not saved are dropped.
func (d *taskDetail) Clear() {
	d.task, d.area, d.standing, d.creating = store.Task{}, store.Area{}, store.Standing{}, false
	d.body.Hide()
	d.hint.Show()
}

// ShowTask shows a task of the plan, with where it stands on the reporting
// date, its history and its evidence.
func (d *taskDetail) ShowTask(t store.Task, area store.Area, standing store.Standing) {
	d.task, d.area, d.standing, d.creating = t, area, standing, false
	d.showHeading()
	d.fillUpdate()
	d.Editor.fill(t, false)
	d.loadHistory()
	d.Evidence.load()
	d.setTracking(true)
	d.hint.Hide()
	d.body.Show()
}

// ShowNew shows an empty task of an area, to be written and added.
func (d *taskDetail) ShowNew(plan store.Plan, area store.Area) {
	d.task = store.Task{PlanID: plan.ID, AreaID: area.ID}
	d.area, d.standing, d.creating = area, store.Standing{}, true
	d.heading.SetText(widgets.Localf("Nhiệm vụ mới trong lĩnh vực %s", area.Label()))
	d.standingLine.SetText(lang.L("Ghi nội dung rồi bấm “Thêm nhiệm vụ”."))
	d.Editor.fill(d.task, true)
	d.setTracking(false)
	d.hint.Hide()
	d.body.Show()
	d.tabs.Select(d.fieldsTab)
	d.Editor.focus()
}

// setTracking enables what only a stored task has: its progress, history,
// evidence and actions.
func (d *taskDetail) setTracking(on bool) {
	for _, tab := range []*container.TabItem{d.updateTab, d.historyTab, d.evidenceTab} {
		if on {
			d.tabs.EnableItem(tab)
		} else {
			d.tabs.DisableItem(tab)
		}
	}
	for _, b := range []*widget.Button{d.DuplicateButton, d.DeleteButton, d.UpButton, d.DownButton} {
		widgets.Enable(b, on)
	}
}

// refreshTask shows the task as it now stands after the plan was read
// again, keeping the edits not yet saved.
func (d *taskDetail) refreshTask(t store.Task, area store.Area, standing store.Standing) {
	d.task, d.area, d.standing = t, area, standing
	d.showHeading()
	if !d.Update.changed() {
		d.fillUpdate()
	}
	if !d.Editor.changed() {
		d.Editor.fill(t, false)
	}
}

// showHeading writes the task's number and content, and where it stands.
func (d *taskDetail) showHeading() {
	d.heading.SetText(widgets.Localf("Nhiệm vụ %s: %s", d.Number(), widgets.OneLine(d.task.Content)))
	d.standingLine.SetText(standingText(d.standing, d.host.asOf()))
}

// standingText says where a task stands on a day: "Ngày 15/07/2023: Quá
// hạn · hạn 31/12/2022 · cập nhật 20/02/2023 · lý do chậm: …".
func standingText(s store.Standing, asOf store.Date) string {
	parts := []string{widgets.Localf("Ngày %s: %s", asOf, strings.Join(append([]string{string(s.State)}, s.Flags()...), ", "))}
	switch {
	case !s.Since.IsZero():
		parts = append(parts, widgets.Localf("kỳ %s–%s", s.Since, s.Due))
	case !s.Due.IsZero():
		parts = append(parts, widgets.Localf("hạn %s", s.Due))
	}
	if !s.LastUpdate.IsZero() {
		parts = append(parts, widgets.Localf("cập nhật %s", s.LastUpdate))
	}
	if s.Reason != "" {
		parts = append(parts, widgets.Localf("lý do chậm: %s", s.Reason))
	}
	return strings.Join(parts, " · ")
}

// fillUpdate fills the update form for a new update: today, the task's
// status and progress, its lead unit as the reporting unit.
func (d *taskDetail) fillUpdate() {
	unit := ""
	if leads := store.SplitUnits(d.task.Lead); len(leads) == 1 {
		unit = leads[0]
	}
	d.Update.fill(store.Update{Date: d.host.Today(), Status: d.task.Status, Progress: d.task.Progress, Unit: unit}, d.task.Timeline.Due)
}

// loadHistory reads the task's updates and shows them, newest first.
func (d *taskDetail) loadHistory() {
	history, err := d.host.store.History(d.task.PlanID, d.task.ID)
	if err != nil {
		d.host.ShowError(err)
	}
	d.History.show(history)
	d.historyTab.Text = widgets.Localf("Lịch sử (%d)", len(history))
	d.tabs.Refresh()
}

// evidenceChanged counts the evidence in its tab's title.
func (d *taskDetail) evidenceChanged(count int) {
	d.evidenceTab.Text = widgets.Localf("Tài liệu kiểm chứng (%d)", count)
	d.tabs.Refresh()
}

// Unsaved reports whether the pane holds edits not yet saved.
func (d *taskDetail) Unsaved() bool {
	if d.creating {
		return d.Editor.changed()
	}
	return d.task.ID != 0 && (d.Update.changed() || d.Editor.changed())
}

// Discard drops the edits not yet saved.
func (d *taskDetail) Discard() {
	if d.creating {
		d.Clear()
		return
	}
	if d.task.ID != 0 {
		d.fillUpdate()
		d.Editor.fill(d.task, false)
	}
}

// SaveAll saves the task's fields, then its progress update, whichever
// were changed, and runs then once both are saved: Ctrl+S, and "Lưu" when
// asked about unsaved edits.
func (d *taskDetail) SaveAll(then func()) {
	switch {
	case d.creating || d.Editor.changed():
		d.saveFields(func() { d.SaveAll(then) })
	case d.task.ID != 0 && d.Update.changed():
		d.SaveUpdate(then)
	default:
		then()
	}
}

// SaveUpdate records the update the form holds as a new update of the
// task, as "Lưu cập nhật" does, and runs then once it is recorded.
func (d *taskDetail) SaveUpdate(then func()) {
	if d.task.ID == 0 {
		return
	}
	u, err := d.Update.read(d.task.PlanID, d.task.ID)
	if err != nil {
		d.host.ShowError(err)
		return
	}
	d.host.recordUpdate(u, d.host.store.AddUpdate, func(saved store.Task) {
		d.tracked(saved)
		d.host.say(widgets.Localf("Đã lưu cập nhật ngày %s của nhiệm vụ %s: %s, %d%%.", u.Date, d.Number(), saved.Status, saved.Progress))
		then()
	})
}

// tracked shows a task whose progress or history changed: where it now
// stands, an empty form for the next update, the history read again.
func (d *taskDetail) tracked(saved store.Task) {
	ts, err := d.host.store.Standing(saved.PlanID, saved.ID, d.host.asOf())
	if err != nil {
		d.host.ShowError(err)
		ts = db.TaskStanding{Task: saved, Standing: d.standing}
	}
	d.task, d.standing = ts.Task, ts.Standing
	d.showHeading()
	d.fillUpdate()
	d.loadHistory()
	d.host.onTracked(ts.Task, ts.Standing)
}

// saveFields stores the task's fields, as "Lưu nhiệm vụ" (or "Thêm nhiệm
// vụ" for a new task) does, and runs then once they are stored.
func (d *taskDetail) saveFields(then func()) {
	t := d.Editor.read(d.task)
	var err error
	if d.creating {
		err = d.host.store.CreateTask(&t)
	} else {
		err = d.host.store.UpdateTask(t)
	}
	if err != nil {
		d.host.ShowError(err)
		return
	}
	added := d.creating
	d.creating = false
	d.task = t
	d.Editor.fill(t, false)
	d.host.onEdited(t)
	if added {
		d.host.say(widgets.Localf("Đã thêm nhiệm vụ %s.", d.Number()))
	} else {
		d.host.say(widgets.Localf("Đã lưu nhiệm vụ %s.", d.Number()))
	}
	then()
}

// correctUpdate opens an update of the history for correction.
func (d *taskDetail) correctUpdate(u store.Update) {
	form := newUpdateForm(d.settings.Units)
	form.fill(u, d.task.Timeline.Due)
	var dlg *dialog.CustomDialog
	save := widget.NewButton(lang.L("Lưu sửa đổi"), func() {
		corrected, err := form.read(u.PlanID, u.TaskID)
		if err != nil {
			d.host.ShowError(err)
			return
		}
		corrected.ID = u.ID
		d.host.recordUpdate(corrected, d.host.store.CorrectUpdate, func(saved store.Task) {
			dlg.Hide()
			d.tracked(saved)
			d.host.say(widgets.Localf("Đã sửa cập nhật ngày %s của nhiệm vụ %s.", corrected.Date, d.Number()))
		})
	})
	save.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons(widgets.Localf("Sửa cập nhật ngày %s", u.Date), container.NewVScroll(form.content), d.host.Window)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Huỷ"), dlg.Hide), save})
	d.host.Keys.Add(dlg, save.OnTapped, dlg.Hide)
	size := d.host.Window.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(620, size.Width-40), min(480, size.Height-40)))
	dlg.Show()
	d.History.correcting = form
	d.History.correctSave = save
}

// removeUpdate asks, then removes an update from the task's standing: the
// history keeps it, marked removed.
func (d *taskDetail) removeUpdate(u store.Update) {
	question := widgets.Localf("Xoá cập nhật ngày %s (%s, %d%%) khỏi tiến độ của nhiệm vụ %s? Lịch sử vẫn giữ nó, ghi là đã xoá.",
		u.Date, u.Status, u.Progress, d.Number())
	widgets.ConfirmFirst(d.host.Window, d.host.Keys, lang.L("Xoá cập nhật"), question, lang.L("Xoá"), func() {
		saved, err := d.host.store.RemoveUpdate(u.PlanID, u.TaskID, u.ID)
		if err != nil {
			d.host.ShowError(err)
			return
		}
		d.tracked(saved)
		d.host.say(widgets.Localf("Đã xoá cập nhật ngày %s của nhiệm vụ %s.", u.Date, d.Number()))
	})
}
