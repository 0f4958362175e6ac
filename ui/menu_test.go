package ui

import (
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/ui/tasks"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/ui/internal/uitest"
)

// menuItems are the window's menu items by label.
func menuItems(w *MainWindow) map[string]*fyne.MenuItem {
	items := map[string]*fyne.MenuItem{}
	for _, menu := range w.mainMenu().Items {
		for _, item := range menu.Items {
			items[item.Label] = item
		}
	}
	return items
}

func TestMenuCarriesTheShortcuts(t *testing.T) {
	w, _ := openWindow(t)
	var menus []string
	for _, m := range w.mainMenu().Items {
		menus = append(menus, m.Label)
	}
	if len(menus) != 4 || menus[0] != "Tệp" || menus[1] != "Sửa" || menus[2] != "Xem" || menus[3] != "Trợ giúp" {
		t.Errorf("menus %q", menus)
	}
	items := menuItems(w)
	want := map[string]string{
		"Lưu": "CustomDesktop:Control+S", "Xuất PDF…": "CustomDesktop:Control+P", "Xuất Excel…": "CustomDesktop:Control+E",
		"Tìm nhiệm vụ…": "CustomDesktop:Control+F", "Thêm nhiệm vụ": "CustomDesktop:Control+N",
		"Hướng dẫn sử dụng": "CustomDesktop:F1", "Tổng quan": "CustomDesktop:Control+1", "Nhiệm vụ": "CustomDesktop:Control+2",
		"Chỉ tiêu": "CustomDesktop:Control+3", "Báo cáo": "CustomDesktop:Control+4", "Sao lưu": "CustomDesktop:Control+5", "Cài đặt": "CustomDesktop:Control+6",
	}
	for label, shortcut := range want {
		item := items[label]
		if item == nil || item.Shortcut == nil || item.Shortcut.ShortcutName() != shortcut {
			t.Errorf("%s: %+v, want shortcut %s", label, item, shortcut)
		}
	}
	// The task screen offers searching and adding tasks.
	if items["Tìm nhiệm vụ…"].Disabled || items["Thêm nhiệm vụ"].Disabled {
		t.Error("search and new task are not offered although the task screen has both")
	}
}

func TestSaveShortcutSavesTheScreenShown(t *testing.T) {
	w, st := openWindow(t)
	items := menuItems(w)

	// On the task screen, Ctrl+S records the task shown.
	row := taskRow(t, w.Tasks, "I", "2")
	w.ShowTask(w.Tasks.TaskAt(row).ID)
	w.Tasks.Detail.Update.Status.SetSelected(string(store.StatusDone))
	w.Tasks.Detail.Update.Reason.SetText("Chờ ý kiến các sở") // I.2 is late by then
	items["Lưu"].Action()
	if got := w.Tasks.CellText(row, tasks.ColState); got != "Hoàn thành quá hạn" {
		t.Errorf("Ctrl+S on the task screen: status %q", got)
	}

	// On Cài đặt, it saves the settings.
	items["Cài đặt"].Action()
	retype(w.Settings.Input("agency.place").Entry, "Hà Giang")
	items["Lưu"].Action()
	if saved, _ := st.Settings(); saved.Agency.Place != "Hà Giang" {
		t.Errorf("Ctrl+S on Cài đặt saved %q", saved.Agency.Place)
	}
}

func TestWindowRemembersItsSizeAndPlan(t *testing.T) {
	a := test.NewTempApp(t)
	st := uitest.OpenSeeded(t, filepath.Join(t.TempDir(), "cchc.db"))
	defer st.Close()
	if _, err := st.CreateBundle(plan2024()); err != nil {
		t.Fatal(err)
	}

	// Given the window showing the 2023 plan at 1000×700, once closed,
	w := NewMainWindow(a, st, uitest.FixedToday)
	w.planSelect.SetSelectedIndex(1)
	w.Window.Resize(fyne.NewSize(1000, 700))
	w.Window.Close()

	// the next window opens on the same plan at the same size.
	w = NewMainWindow(a, st, uitest.FixedToday)
	defer w.Window.Close()
	if plan, _ := w.current.Plan(); plan.Year != 2023 {
		t.Errorf("reopened on the %d plan", plan.Year)
	}
	if got := w.Window.Title(); got != "Kế hoạch CCHC — 122/KH-SKH năm 2023" {
		t.Errorf("title %q", got)
	}
	if size := w.Window.Canvas().Size(); size.Width != 1000 || size.Height != 700 {
		t.Errorf("reopened at %v", size)
	}
}

func TestF1OpensTheGuideFromAField(t *testing.T) {
	w, _ := openWindow(t)
	opened := &uitest.FakeOpener{}
	w.opener = opened
	row := taskRow(t, w.Tasks, "I", "1")
	w.ShowTask(w.Tasks.TaskAt(row).ID)
	w.Window.Canvas().Focus(w.Tasks.Detail.Update.Note)

	w.Tasks.Detail.Update.Note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if len(opened.Files) != 1 || filepath.Base(opened.Files[0]) != "huong-dan-su-dung.md" {
		t.Errorf("F1 in a field opened %q", opened.Files)
	}
	if w.Tasks.Detail.Update.Note.Text != "" {
		t.Errorf("F1 typed %q into the field", w.Tasks.Detail.Update.Note.Text)
	}
}
