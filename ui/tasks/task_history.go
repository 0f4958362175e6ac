package tasks

import (
	"fmt"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// historyView lists a task's updates, newest first: each with its date,
// status, progress, unit, note and reason, where it was entered, its
// corrections and, when removed, that it was; a standing update has
// buttons to correct or remove it.
type historyView struct {
	onCorrect, onRemove func(store.Update)
	Items               []*historyItem
	list                *fyne.Container
	empty               *widget.Label
	content             fyne.CanvasObject

	// correcting and correctSave are the form and button of the last
	// correction opened, for tests.
	correcting  *updateForm
	correctSave *widget.Button
}

// historyItem is one update as the history shows it.
type historyItem struct {
	Update        store.Update
	Title         *widget.Label
	Details       *widget.Label
	CorrectButton *widget.Button
	RemoveButton  *widget.Button
}

// newHistoryView builds an empty history; onCorrect and onRemove act on
// the update whose button was pressed.
func newHistoryView(onCorrect, onRemove func(store.Update)) *historyView {
	v := &historyView{onCorrect: onCorrect, onRemove: onRemove, list: container.NewVBox()}
	v.empty = widget.NewLabel(lang.L("Chưa có lần cập nhật nào."))
	v.content = container.NewVScroll(container.NewPadded(container.NewVBox(v.empty, v.list)))
	return v
}

// Content returns the view's root object.
func (v *historyView) Content() fyne.CanvasObject { return v.content }

// show lists the updates, already newest first.
func (v *historyView) show(history []store.Update) {
	v.Items = v.Items[:0]
	v.list.RemoveAll()
	for i, u := range history {
		item := v.newItem(u)
		v.Items = append(v.Items, item)
		if i > 0 {
			v.list.Add(widget.NewSeparator())
		}
		v.list.Add(item.content(u))
	}
	if len(history) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
}

func (v *historyView) newItem(u store.Update) *historyItem {
	item := &historyItem{Update: u}
	item.Title = widget.NewLabelWithStyle(updateTitle(u), fyne.TextAlignLeading, fyne.TextStyle{Bold: !u.Removed()})
	item.Title.Wrapping = fyne.TextWrapWord
	if u.Removed() {
		item.Title.Importance = widget.LowImportance
	}
	item.Details = widget.NewLabel(updateDetails(u))
	item.Details.Wrapping = fyne.TextWrapWord
	item.CorrectButton = widget.NewButtonWithIcon(lang.L("Sửa"), theme.DocumentCreateIcon(), func() { v.onCorrect(u) })
	item.RemoveButton = widget.NewButtonWithIcon(lang.L("Xoá"), theme.DeleteIcon(), func() { v.onRemove(u) })
	return item
}

// content lays out an item: its title and buttons, then its details.
func (item *historyItem) content(u store.Update) fyne.CanvasObject {
	var buttons fyne.CanvasObject = container.NewHBox()
	if !u.Removed() {
		buttons = container.NewHBox(item.CorrectButton, item.RemoveButton)
	}
	return container.NewVBox(container.NewBorder(nil, nil, nil, buttons, item.Title), item.Details)
}

// updateTitle is an update's first line: "20/02/2023 · Đang thực hiện ·
// 50% · Văn phòng Sở", "(đã xoá)" after it when removed.
func updateTitle(u store.Update) string {
	parts := []string{u.Date.String(), string(u.Status), fmt.Sprintf("%d%%", u.Progress)}
	if u.Unit != "" {
		parts = append(parts, u.Unit)
	}
	title := strings.Join(parts, " · ")
	if u.Removed() {
		title += " " + lang.L("(đã xoá)")
	}
	return title
}

// updateDetails are an update's note, reason, source and what became of it.
func updateDetails(u store.Update) string {
	var lines []string
	if u.Note != "" {
		lines = append(lines, u.Note)
	}
	if u.Reason != "" {
		lines = append(lines, widgets.Localf("Lý do chậm: %s", u.Reason))
	}
	lines = append(lines, widgets.Localf("Ghi từ %s lúc %s", u.Source, u.Recorded.Local().Format("15:04 02/01/2006")))
	for i := len(u.Corrections) - 1; i >= 0; i-- {
		c := u.Corrections[i]
		lines = append(lines, widgets.Localf("Đã sửa lúc %s; trước đó: %s · %s · %d%% %s", c.At.Local().Format("15:04 02/01/2006"),
			c.Date, c.Status, c.Progress, strings.TrimSpace(c.Note)))
	}
	if u.Removed() {
		lines = append(lines, widgets.Localf("Đã xoá lúc %s: không còn tính vào tiến độ", u.RemovedAt.Local().Format("15:04 02/01/2006")))
	}
	return strings.Join(lines, "\n")
}

// Text is the history as it reads, one update a paragraph, for tests.
func (v *historyView) Text() string {
	var parts []string
	for _, item := range v.Items {
		parts = append(parts, item.Title.Text+"\n"+item.Details.Text)
	}
	return strings.Join(parts, "\n\n")
}
