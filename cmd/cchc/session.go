package main

import (
	"errors"
	"fmt"
	"log"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui"
)

// session is the window's hold on the data file: it opens it for writing
// (which writes nothing until the officer changes something), shows the
// main window or, for a damaged file, the recovery window, lets go of the
// file for a restore and takes it again, and makes the automatic backup
// when the program closes.
type session struct {
	app  fyne.App
	loc  datafile.Location
	st   *db.Store
	main *ui.MainWindow
	// recovery is the window shown for a damaged file, nil when none was.
	recovery *ui.RecoveryWindow
}

// start opens the data and shows the window that fits what it found. It
// returns false when the data is open in a first window, which it brought
// forward: the program has nothing more to show.
func (s *session) start() bool {
	st, err := seeds.OpenWith(s.loc.Path, s.loc.Options(false))
	if _, damaged := datafile.AsDamaged(err); damaged {
		s.recovery = ui.ShowRecovery(s.app, err, backup.ListBackups(s.loc.Path), ui.RecoveryActions{Restore: s.restore, Salvage: s.salvage})
		return true
	}
	switch {
	case errors.Is(err, store.ErrLocked) && bringFirstWindowForward():
		return false
	case errors.Is(err, store.ErrLocked):
		ui.ShowAlreadyOpen(s.app)
		return true
	case err != nil:
		ui.ShowStartupError(s.app, err)
		return true
	}
	s.show(st)
	if st.Created() && s.loc.Named {
		dialog.ShowInformation("Tệp dữ liệu mới", fmt.Sprintf("Chưa có tệp dữ liệu %s nên chương trình đã tạo tệp mới, kèm kế hoạch mẫu 122/KH-SKH năm 2023.", s.loc.Path), s.main.Window)
	}
	return true
}

// show opens the main window on st, in place of the one shown before.
func (s *session) show(st *db.Store) {
	old := s.main
	s.st = st
	s.main = ui.NewMainWindow(s.app, st, store.Today)
	s.main.Backups.OnRestore = s.restoreOpen
	s.main.Backups.Reload()
	s.main.Window.Show()
	if old != nil {
		old.Window.Close()
	}
}

// restoreOpen lets go of the open data, restores the backup and opens the
// data again: the restored data, or the data as it was when the restore
// was refused.
func (s *session) restoreOpen(path string) error {
	s.st.Close()
	s.st = nil
	restoreErr := s.restore(path)
	if restoreErr == nil {
		return nil
	}
	st, err := seeds.OpenWith(s.loc.Path, s.loc.Options(false))
	if err != nil {
		return fmt.Errorf("%w; mở lại dữ liệu: %w", restoreErr, err)
	}
	s.show(st)
	return restoreErr
}

// restore puts a backup in place of the data file, which no one holds,
// and opens the window on it.
func (s *session) restore(path string) error {
	res, err := backup.Restore(s.loc.Path, path)
	if err != nil {
		return err
	}
	if res.MovedAside != "" {
		log.Printf("khôi phục %s: tệp dữ liệu hỏng được giữ lại với tên %s", path, res.MovedAside)
	}
	return s.open()
}

// salvage saves what still reads of the damaged file and opens it.
func (s *session) salvage() (backup.SalvageReport, string, error) {
	rep, aside, err := backup.RecoverInPlace(s.loc.Path)
	if err != nil {
		return rep, aside, err
	}
	return rep, aside, s.open()
}

// open opens the data file and shows the main window on it.
func (s *session) open() error {
	st, err := seeds.OpenWith(s.loc.Path, s.loc.Options(false))
	if err != nil {
		return err
	}
	s.show(st)
	return nil
}

// close makes the automatic backup of the data and lets go of the file.
func (s *session) close() {
	if s.st == nil {
		return
	}
	if err := export.BackupBefore(s.st, backup.ReasonClose); err != nil {
		log.Printf("sao lưu khi đóng: %v", err)
	}
	s.st.Close()
	s.st = nil
}
