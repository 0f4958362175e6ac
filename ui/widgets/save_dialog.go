package widgets

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// saveDialog asks for a folder and a file name without touching the disk:
// Fyne's own file-save dialog creates (and so empties) the file it returns
// before the export has run, while the export writes to a temporary file and
// renames it, so that a failed export leaves an earlier file as it was.
type saveDialog struct {
	parent    fyne.Window
	extension string
	done      func(path string)

	folder     string
	folderText *widget.Label
	Name       *Entry
	dialog     *dialog.ConfirmDialog
	// confirmOverwrite, when not nil, is the question shown for an existing file.
	confirmOverwrite *dialog.ConfirmDialog
}

// AskSavePath asks, under title, where to save a file with the given
// extension (".pdf"), suggesting a name, and calls done with the full path
// once the officer has confirmed, after asking before replacing an existing
// file.
func AskSavePath(parent fyne.Window, title, suggested, extension string, done func(path string)) *saveDialog {
	d := &saveDialog{parent: parent, extension: extension, done: done, folder: startFolder()}
	d.folderText = widget.NewLabel(d.folder)
	d.folderText.Wrapping = fyne.TextWrapBreak
	d.Name = NewEntry()
	d.Name.SetText(suggested)
	d.Name.OnSubmitted = func(string) { d.dialog.Confirm() }
	change := widget.NewButton(lang.L("Đổi thư mục…"), d.onChangeFolder)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Thư mục"), container.NewBorder(nil, nil, nil, change, d.folderText)),
		widget.NewFormItem(lang.L("Tên tệp"), d.Name),
	)
	d.dialog = dialog.NewCustomConfirm(title, lang.L("Lưu"), lang.L("Huỷ"), form, d.onAnswer, parent)
	d.dialog.Resize(fyne.NewSize(640, 220))
	d.dialog.Show()
	parent.Canvas().Focus(d.Name)
	return d
}

func (d *saveDialog) onChangeFolder() {
	picker := dialog.NewFolderOpen(func(folder fyne.ListableURI, err error) {
		if err != nil || folder == nil {
			return
		}
		d.folder = folder.Path()
		d.folderText.SetText(d.folder)
	}, d.parent)
	if start, err := storage.ListerForURI(storage.NewFileURI(d.folder)); err == nil {
		picker.SetLocation(start)
	}
	picker.Resize(fyne.NewSize(900, 600))
	picker.Show()
}

func (d *saveDialog) onAnswer(save bool) {
	if !save {
		return
	}
	path, err := d.chosenPath()
	if err != nil {
		ShowError(d.parent, err)
		return
	}
	if _, statErr := os.Stat(path); statErr == nil {
		d.confirmOverwrite = AskFirst(d.parent, lang.L("Tệp đã có"),
			Localf("%s đã có trong thư mục này.\nThay bằng tệp mới?", filepath.Base(path)),
			lang.L("Thay thế"), lang.L("Không"), func() { d.finish(path) })
		return
	}
	d.finish(path)
}

func (d *saveDialog) finish(path string) {
	rememberFolder(path)
	d.done(path)
}

// chosenPath joins the folder and the name typed, adding the extension when
// it is missing and refusing names Windows cannot store.
func (d *saveDialog) chosenPath() (string, error) {
	name := strings.TrimSpace(d.Name.Text)
	if name == "" {
		return "", errors.New(lang.L("chưa nhập tên tệp"))
	}
	if strings.ContainsAny(name, `<>:"/\|?*`) {
		return "", errors.New(Localf("tên tệp %q chứa ký tự không được phép (< > : \" / \\ | ? *)", name))
	}
	name = FileFilter{Extensions: []string{d.extension}}.withExtension(name)
	if !isFolder(d.folder) {
		return "", errors.New(Localf("thư mục %s không tồn tại", d.folder))
	}
	return filepath.Join(d.folder, name), nil
}
