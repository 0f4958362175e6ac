package ui

import (
	"fmt"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/usererr"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// RecoveryActions are what can be done about a data file that cannot be
// opened; the program gives them. Each moves the damaged file aside,
// renamed with the date, and never deletes it.
type RecoveryActions struct {
	// Restore puts the backup at path in place of the damaged file and
	// opens the window on it.
	Restore func(path string) error
	// Salvage reads the plans and tasks that still read into a new data
	// file in place of the damaged one, opens the window on it, and says
	// what it saved and where the damaged file went.
	Salvage func() (backup.SalvageReport, string, error)
}

// RecoveryWindow is shown instead of the main window when the data file is
// damaged or unexpected: it says which file and what is wrong, lists the
// backups with their dates and task counts, the newest good one chosen,
// and offers to restore one or to save what still reads.
type RecoveryWindow struct {
	Window  fyne.Window
	Message *widget.Label
	List    *widget.List
	// Selected is the backup chosen, -1 for none.
	Selected int
	Restore  *widget.Button
	Salvage  *widget.Button
	// Asked is the last question or message shown, for tests.
	Asked dialog.Dialog

	app     fyne.App
	backups []backup.BackupInfo
	actions RecoveryActions
	// done is set once an action has opened the data, so that closing this
	// window does not quit.
	done bool
}

// ShowRecovery shows why the data file could not be opened and what can be
// done, in a window of its own; closing it without an action quits.
func ShowRecovery(a fyne.App, err error, backups []backup.BackupInfo, actions RecoveryActions) *RecoveryWindow {
	widgets.LogError(err)
	r := &RecoveryWindow{Window: a.NewWindow(AppTitle + " — dữ liệu bị hỏng"), app: a, backups: backups, actions: actions, Selected: -1}
	r.Message = widget.NewLabel(recoveryText(err, len(backups)))
	r.Message.Wrapping = fyne.TextWrapWord
	r.List = widget.NewList(func() int { return len(r.backups) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(backupLine(r.backups[i])) })
	r.List.OnSelected = func(i widget.ListItemID) { r.Selected = i; r.refresh() }
	r.Restore = widget.NewButton("Khôi phục bản sao lưu đã chọn", r.onRestore)
	r.Restore.Importance = widget.HighImportance
	r.Salvage = widget.NewButton("Cứu phần dữ liệu còn đọc được…", r.onSalvage)
	closeButton := widget.NewButton("Đóng", a.Quit)
	buttons := container.NewHBox(r.Restore, r.Salvage, closeButton)
	r.Window.SetContent(container.NewBorder(r.Message, container.NewCenter(buttons), nil, nil, r.List))
	r.Window.Resize(fyne.NewSize(760, 480))
	r.Window.SetOnClosed(func() {
		if !r.done {
			a.Quit()
		}
	})
	if i := newestGood(backups); i >= 0 {
		r.List.Select(i)
	}
	r.refresh()
	r.Window.Show()
	return r
}

// recoveryText says what is wrong and what the officer can do.
func recoveryText(err error, backups int) string {
	var b strings.Builder
	b.WriteString("Không mở được dữ liệu.\n" + widgets.Capitalize(usererr.Message(err)) + ".\n\n")
	b.WriteString("Tệp này sẽ không bị ghi đè hay xoá: trước khi khôi phục hoặc cứu dữ liệu, nó được đổi tên kèm ngày giờ và giữ lại trong cùng thư mục.\n\n")
	if backups == 0 {
		b.WriteString("Chưa có bản sao lưu nào trong thư mục dữ liệu. Có thể cứu các kế hoạch và nhiệm vụ còn đọc được vào một tệp dữ liệu mới.")
	} else {
		b.WriteString("Chọn một bản sao lưu để khôi phục (bản mới nhất còn tốt đã được chọn), hoặc cứu các kế hoạch và nhiệm vụ còn đọc được vào một tệp dữ liệu mới:")
	}
	return b.String()
}

// newestGood is the index of the newest backup that reads, -1 for none.
func newestGood(backups []backup.BackupInfo) int {
	for i, b := range backups {
		if b.Problem == "" {
			return i
		}
	}
	return -1
}

func (r *RecoveryWindow) refresh() {
	widgets.Enable(r.Restore, r.Selected >= 0 && r.Selected < len(r.backups) && r.backups[r.Selected].Problem == "")
}

// onRestore restores the backup chosen.
func (r *RecoveryWindow) onRestore() {
	b := r.backups[r.Selected]
	if err := r.actions.Restore(b.Path); err != nil {
		widgets.ShowError(r.Window, err)
		return
	}
	r.finish()
}

// onSalvage asks, then saves what still reads.
func (r *RecoveryWindow) onSalvage() {
	d := dialog.NewConfirm("Cứu dữ liệu",
		"Chương trình sẽ đọc các kế hoạch, nhiệm vụ và cài đặt còn đọc được vào một tệp dữ liệu mới; những gì nằm ở chỗ hỏng sẽ mất.\nTệp hỏng được đổi tên và giữ lại. Tiếp tục?",
		func(ok bool) {
			if ok {
				r.salvage()
			}
		}, r.Window)
	d.SetConfirmText("Cứu dữ liệu")
	d.SetDismissText("Huỷ")
	r.Asked = d
	d.Show()
}

func (r *RecoveryWindow) salvage() {
	rep, aside, err := r.actions.Salvage()
	if err != nil {
		widgets.ShowError(r.Window, err)
		return
	}
	message := fmt.Sprintf("Đã cứu %d kế hoạch và %d nhiệm vụ; %d bản ghi không đọc được.\nTệp hỏng được giữ lại với tên:\n%s", rep.Plans, rep.Tasks, rep.Lost, aside)
	r.finish()
	w := r.app.Driver().AllWindows()
	if len(w) > 0 {
		r.Asked = dialog.NewInformation("Đã cứu dữ liệu", message, w[len(w)-1])
		r.Asked.Show()
	}
}

// finish closes this window once the data is open in the main window.
func (r *RecoveryWindow) finish() {
	r.done = true
	r.Window.Close()
}
