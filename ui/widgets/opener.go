package widgets

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Opener hands a written file to the system: OpenFile opens it in the
// program the system uses for its kind, ShowInFolder opens its folder with
// the file picked out. Where the system has no way to do either, the error
// says so in Vietnamese.
type Opener interface {
	OpenFile(path string) error
	ShowInFolder(path string) error
}

// ExportDone is the message after an export: where the file went, anything
// to check before signing, and buttons to open the file or its folder.
type ExportDone struct {
	Dialog           *dialog.CustomDialog
	OpenFileButton   *widget.Button
	OpenFolderButton *widget.Button
}

// showExportDone tells the officer that path was written and offers to open
// it or its folder through open; a failure to open goes to onError.
func showExportDone(parent fyne.Window, title, message, path string, open Opener, onError func(error)) *ExportDone {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	d := &ExportDone{Dialog: dialog.NewCustomWithoutButtons(title, text, parent)}
	run := func(action func(string) error) func() {
		return func() {
			d.Dialog.Hide()
			if err := action(path); err != nil {
				onError(err)
			}
		}
	}
	d.OpenFileButton = widget.NewButton(lang.L("Mở tệp"), run(open.OpenFile))
	d.OpenFileButton.Importance = widget.HighImportance
	d.OpenFolderButton = widget.NewButton(lang.L("Mở thư mục"), run(open.ShowInFolder))
	d.Dialog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Đóng"), d.Dialog.Hide), d.OpenFolderButton, d.OpenFileButton})
	d.Dialog.Resize(fyne.NewSize(min(560, parent.Canvas().Size().Width-40), 0))
	d.Dialog.Show()
	return d
}

// errNoOpener is what the officer reads where the system has no program to
// open a file or a folder with: where the file is, so it can be found by hand.
func errNoOpener(path string) error {
	return errors.New(Localf("Máy này không có chương trình để mở tệp hay thư mục. Tệp đã được ghi ở: %s (thư mục %s).", path, filepath.Dir(path)))
}
