package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/kehoach/cchc/ui/widgets"
)

// pressKey types a key on the window with no field focused, as an officer
// does while a dialog is open.
func pressKey(w *MainWindow, name fyne.KeyName) {
	w.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name})
}

func TestEnterAndEscAnswerTheExportAndImportDialogs(t *testing.T) {
	w, _ := openWindow(t)

	t.Run("Enter on Xuất Excel goes on to where to save", func(t *testing.T) {
		asked := ""
		w.excel.ChooseFile = func(suggested string, _ widgets.FileFilter, _ func(string)) { asked = suggested }
		w.excel.start()
		pressKey(w, fyne.KeyReturn)
		if asked == "" {
			t.Fatal("Enter did not press Chọn nơi lưu…")
		}
		if n := w.keys.Open(); n != 0 {
			t.Errorf("%d keyed dialogs still open", n)
		}
	})
	t.Run("Esc on Xuất PDF closes it and asks nothing", func(t *testing.T) {
		asked := false
		w.pdf.ChooseFile = func(string, widgets.FileFilter, func(string)) { asked = true }
		w.pdf.start()
		if w.pdf.signer != nil {
			w.pdf.signer.form.Dismiss() // the seed has no signer's name: skip it
		}
		pressKey(w, fyne.KeyEscape)
		if asked || w.keys.Open() != 0 {
			t.Errorf("Esc: asked where to save %v, %d keyed dialogs open", asked, w.keys.Open())
		}
	})
	t.Run("Esc on Nhập từ tệp closes it, Enter goes on to the file", func(t *testing.T) {
		chosen := 0
		w.importer.chooseFile = func(func(string)) { chosen++ }
		w.importer.start()
		pressKey(w, fyne.KeyEscape)
		if chosen != 0 || w.keys.Open() != 0 {
			t.Fatalf("Esc: %d files asked, %d keyed dialogs open", chosen, w.keys.Open())
		}
		w.importer.start()
		pressKey(w, fyne.KeyReturn)
		if chosen != 1 {
			t.Errorf("Enter: %d files asked, want 1", chosen)
		}
	})
}
