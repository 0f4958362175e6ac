package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/backup"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// BackupStore is what the backup screen needs of the data.
type BackupStore interface {
	backup.Source
}

// BackupScreen is "Sao lưu": the backups of the data, newest first, with
// their dates and what they hold; a new backup in the data folder or to a
// file of the officer's choice (a USB stick); and restoring one.
type BackupScreen struct {
	window    fyne.Window
	store     BackupStore
	showError func(error)
	// OnRestore puts the backup at path in place of the data and opens it
	// again; the program sets it, since the window must let go of the file
	// first. Without it nothing can be restored.
	OnRestore func(path string) error

	backups []backup.BackupInfo
	// Selected is the backup chosen in the list, -1 for none.
	Selected int

	List        *widget.List
	Where       *widget.Label
	BackupNow   *widget.Button
	BackupTo    *widget.Button
	Restore     *widget.Button
	RestoreFile *widget.Button
	// Asked is the last question or message shown, for tests.
	Asked dialog.Dialog

	// chooseBackupFile asks for a backup file to restore; chooseSavePath for
	// where to write one. Tests replace them.
	chooseBackupFile func(done func(path string))
	chooseSavePath   func(suggested string, done func(path string))
	// finished, when set, is told when a backup ends; tests wait on it.
	finished func(error)

	content fyne.CanvasObject
}

// NewBackupScreen builds the screen over st.
func NewBackupScreen(window fyne.Window, st BackupStore, showError func(error)) *BackupScreen {
	s := &BackupScreen{window: window, store: st, showError: showError, Selected: -1}
	files := widgets.NewFileChooser(showError)
	s.chooseBackupFile = func(done func(string)) {
		files.OpenFile(window, lang.L("Chọn bản sao lưu"), widgets.BackupFiles(), done)
	}
	s.chooseSavePath = func(suggested string, done func(string)) {
		files.SaveFile(window, lang.L("Sao lưu ra tệp"), suggested, widgets.BackupFiles(), done)
	}
	s.Where = widget.NewLabel("")
	s.Where.Wrapping = fyne.TextWrapWord
	s.List = widget.NewList(func() int { return len(s.backups) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(backupLine(s.backups[i])) })
	s.List.OnSelected = func(i widget.ListItemID) { s.Selected = i; s.refreshButtons() }
	s.List.OnUnselected = func(widget.ListItemID) { s.Selected = -1; s.refreshButtons() }
	s.BackupNow = widget.NewButton("Sao lưu ngay", s.onBackupNow)
	s.BackupTo = widget.NewButton("Sao lưu ra tệp…", s.onBackupTo)
	s.Restore = widget.NewButton("Khôi phục bản đã chọn…", func() { s.confirmRestore(s.backups[s.Selected]) })
	s.RestoreFile = widget.NewButton("Khôi phục từ tệp…", s.onRestoreFile)
	top := container.NewVBox(
		widget.NewLabelWithStyle("Sao lưu và khôi phục", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.Where,
		container.NewHBox(s.BackupNow, s.BackupTo, s.Restore, s.RestoreFile),
		widget.NewLabel("Các bản sao lưu trong thư mục dữ liệu, mới nhất trước:"),
	)
	s.content = container.NewBorder(top, nil, nil, nil, s.List)
	s.Reload()
	return s
}

// Content returns the screen's widgets.
func (s *BackupScreen) Content() fyne.CanvasObject { return s.content }

// Reload lists the backups again.
func (s *BackupScreen) Reload() {
	s.backups = backup.ListBackups(s.store.Path())
	s.Selected = -1
	s.List.UnselectAll()
	s.List.Refresh()
	s.Where.SetText(fmt.Sprintf("Dữ liệu: %s\nBản sao lưu: %s (tự động khi đóng chương trình, trước khi nhập thay nhiệm vụ, nhập tiến độ hay khôi phục; giữ 10 bản gần nhất và mỗi tháng một bản). Mỗi bản là một tệp .zip gồm dữ liệu và các tài liệu kiểm chứng.",
		s.store.Path(), backup.BackupDir(s.store.Path())))
	s.refreshButtons()
}

// Backups returns the backups listed.
func (s *BackupScreen) Backups() []backup.BackupInfo { return s.backups }

func (s *BackupScreen) refreshButtons() {
	canRestore := s.OnRestore != nil
	widgets.Enable(s.Restore, canRestore && s.Selected >= 0 && s.Selected < len(s.backups) && s.backups[s.Selected].Problem == "")
	widgets.Enable(s.RestoreFile, canRestore)
}

// backupLine is one backup as the list shows it: when, what it holds, who
// made it and why.
func backupLine(b backup.BackupInfo) string {
	when := b.Made.Format("02/01/2006 15:04")
	if b.Problem != "" {
		return fmt.Sprintf("%s · %s: không dùng được (%s)", when, filepath.Base(b.Path), b.Problem)
	}
	holds := fmt.Sprintf("%d kế hoạch, %d nhiệm vụ", b.Plans, b.Tasks)
	if b.Evidence > 0 {
		holds += fmt.Sprintf(", %d tài liệu kiểm chứng", b.Evidence)
	}
	kind := "do cán bộ sao lưu"
	if b.Auto() {
		kind = "tự động, " + b.Reason
	}
	return fmt.Sprintf("%s · %s · %s", when, holds, kind)
}

// onBackupNow makes a backup in the backups folder.
func (s *BackupScreen) onBackupNow() {
	dir := backup.BackupDir(s.store.Path())
	s.run(func() (backup.BackupInfo, error) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return backup.BackupInfo{}, fmt.Errorf("không tạo được thư mục sao lưu %s: %w", dir, err)
		}
		return backup.BackupInFolder(s.store, dir, backup.BackupOptions{})
	})
}

// onBackupTo makes a backup to a file the officer names; the save dialog
// has asked before replacing a file.
func (s *BackupScreen) onBackupTo() {
	s.chooseSavePath(backup.BackupName(time.Now(), false), func(path string) {
		s.run(func() (backup.BackupInfo, error) {
			return backup.Backup(s.store, path, backup.BackupOptions{Force: true})
		})
	})
}

// run makes a backup off the UI goroutine and says where it went.
func (s *BackupScreen) run(makeBackup func() (backup.BackupInfo, error)) {
	var info backup.BackupInfo
	widgets.RunWithProgress(s.window, "Đang kiểm tra và sao lưu dữ liệu…", func(context.Context, func(float64)) error {
		var err error
		info, err = makeBackup()
		return err
	}, func(err error) {
		s.Reload()
		if err != nil {
			s.showError(err)
		} else {
			s.Asked = dialog.NewInformation("Đã sao lưu", fmt.Sprintf("Đã sao lưu %d kế hoạch, %d nhiệm vụ và %d tài liệu kiểm chứng vào\n%s", info.Plans, info.Tasks, info.Evidence, info.Path), s.window)
			s.Asked.Show()
		}
		if s.finished != nil {
			s.finished(err)
		}
	})
}

// onRestoreFile restores a backup file chosen anywhere (a USB stick).
func (s *BackupScreen) onRestoreFile() {
	s.chooseBackupFile(func(path string) {
		info := backup.ReadBackupInfo(path)
		if info.Problem != "" {
			s.showError(fmt.Errorf("không khôi phục được %s: %s", path, info.Problem))
			return
		}
		s.confirmRestore(info)
	})
}

// confirmRestore asks before putting a backup in place of the data.
func (s *BackupScreen) confirmRestore(b backup.BackupInfo) {
	question := widget.NewLabel(fmt.Sprintf("Khôi phục bản sao lưu lúc %s (%d kế hoạch, %d nhiệm vụ)?\n\nDữ liệu hiện có sẽ được tự động sao lưu trước (nếu nó hỏng, tệp được đổi tên và giữ lại), rồi được thay bằng bản này.",
		b.Made.Format("02/01/2006 15:04"), b.Plans, b.Tasks))
	question.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Khôi phục dữ liệu", "Khôi phục", "Huỷ", question, func(ok bool) {
		if ok {
			s.restore(b.Path)
		}
	}, s.window)
	d.Resize(fyne.NewSize(520, 240))
	s.Asked = d
	d.Show()
}

func (s *BackupScreen) restore(path string) {
	if err := s.OnRestore(path); err != nil {
		s.showError(err)
		s.Reload()
	}
}
