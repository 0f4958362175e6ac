//go:build !windows

package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// fyneChooser asks with Fyne's own dialogs, in the window's language: the
// open dialog, and for saving a folder and a name (save_dialog.go).
type fyneChooser struct {
	onError func(error)
}

// NewFileChooser is the file chooser of this system.
func NewFileChooser(onError func(error)) FileChooser { return fyneChooser{onError: onError} }

func (c fyneChooser) SaveFile(parent fyne.Window, title, suggested string, filter FileFilter, done func(string)) {
	AskSavePath(parent, title, suggested, filter.Extensions[0], done)
}

func (c fyneChooser) OpenFile(parent fyne.Window, title string, filter FileFilter, done func(string)) {
	d := dialog.NewFileOpen(func(file fyne.URIReadCloser, err error) {
		if err != nil {
			c.onError(fmt.Errorf(lang.L("không mở được tệp")+": %w", err))
			return
		}
		if file == nil {
			return // cancelled
		}
		path := file.URI().Path()
		file.Close()
		done(path)
	}, parent)
	d.SetTitleText(title)
	var extensions []string
	for _, ext := range filter.Extensions {
		extensions = append(extensions, ext, strings.ToUpper(ext))
	}
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	if start, err := storage.ListerForURI(storage.NewFileURI(startFolder())); err == nil {
		d.SetLocation(start)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
