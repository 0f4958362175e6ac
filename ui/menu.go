package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// mainMenu is the window's menu bar: Tệp, Sửa, Xem, Trợ giúp. Its items
// carry the shortcuts, which Fyne tries before the focused widget, so that
// Ctrl+S or Ctrl+P work while the cursor is in a text field.
func (w *MainWindow) mainMenu() *fyne.MainMenu {
	quit := fyne.NewMenuItem(lang.L("Thoát"), w.RequestClose)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("Tệp"),
		menuItem(lang.L("Lưu"), ctrl(fyne.KeyS), w.nav.Save),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Xuất PDF…"), ctrl(fyne.KeyP), w.pdf.start),
		menuItem(lang.L("Xuất Excel…"), ctrl(fyne.KeyE), w.excel.start),
		menuItem(lang.L("Nhập từ tệp…"), ctrl(fyne.KeyO), w.importer.start),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Tạo kế hoạch năm sau…"), w.rollover.start),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu(lang.L("Sửa"),
		w.taskItem(lang.L("Tìm nhiệm vụ…"), ctrl(fyne.KeyF), func() func() { return w.Tasks.OnFind }),
		w.taskItem(lang.L("Thêm nhiệm vụ"), ctrl(fyne.KeyN), func() func() { return w.Tasks.OnNewTask }),
	)
	view := fyne.NewMenu(lang.L("Xem"))
	for i, title := range w.nav.Titles() {
		var shortcut fyne.Shortcut
		if i < 9 {
			shortcut = ctrl(fyne.KeyName(fmt.Sprint(i + 1)))
		}
		view.Items = append(view.Items, menuItem(title, shortcut, func() { w.nav.Show(i) }))
	}
	help := fyne.NewMenu(lang.L("Trợ giúp"),
		menuItem(lang.L("Hướng dẫn sử dụng"), &desktop.CustomShortcut{KeyName: fyne.KeyF1}, w.openGuide),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// ctrl is Ctrl and key.
func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func menuItem(label string, shortcut fyne.Shortcut, action func()) *fyne.MenuItem {
	item := fyne.NewMenuItem(label, action)
	item.Shortcut = shortcut
	return item
}

// taskItem is an item that runs a hook of the task screen, shown first; it
// is greyed out while the screen has no such hook.
func (w *MainWindow) taskItem(label string, shortcut fyne.Shortcut, hook func() func()) *fyne.MenuItem {
	item := menuItem(label, shortcut, func() {
		if run := hook(); run != nil {
			w.nav.ShowTitle(lang.L(tasksScreenTitle))
			run()
		}
	})
	item.Disabled = hook() == nil
	return item
}

// onTypedKey catches F1 when no widget has the focus, and Esc and Enter
// for the dialog open; entries pass them on here themselves (entry.go).
func (w *MainWindow) onTypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyF1 {
		w.openGuide()
		return
	}
	w.keys.TypedKey(key)
}
