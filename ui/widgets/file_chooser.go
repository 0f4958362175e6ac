package widgets

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
)

// FileChooser asks the officer for a file: one to read (OpenFile) or where
// to write one (SaveFile, which asks before replacing a file and never
// creates it: the export writes it whole or not at all). done runs on the UI
// goroutine with the path chosen, and not at all when the officer cancels.
// Windows has its own Open and Save As dialogs; elsewhere Fyne's are used.
type FileChooser interface {
	OpenFile(parent fyne.Window, title string, filter FileFilter, done func(path string))
	SaveFile(parent fyne.Window, title, suggested string, filter FileFilter, done func(path string))
}

// FileFilter is a kind of file a dialog offers: its name and extensions,
// the first the one a saved file gets.
type FileFilter struct {
	Name       string
	Extensions []string // ".xlsx"
}

// PDFFiles are the PDF documents the window writes.
func PDFFiles() FileFilter {
	return FileFilter{Localf("Văn bản PDF (%s)", "*.pdf"), []string{".pdf"}}
}

// ExcelFiles are the workbooks the window writes.
func ExcelFiles() FileFilter {
	return FileFilter{Localf("Bảng tính Excel (%s)", "*.xlsx"), []string{".xlsx"}}
}

// ImportFiles are the files the window imports a plan or its progress from.
func ImportFiles() FileFilter {
	return FileFilter{Localf("Excel hoặc Word (%s)", "*.xlsx, *.docx"), []string{".xlsx", ".docx"}}
}

// BackupFiles are the backups the window writes and restores.
func BackupFiles() FileFilter {
	return FileFilter{Localf("Bản sao lưu (%s)", "*.zip"), []string{".zip"}}
}

// withExtension adds the filter's first extension to a name that has none
// of its extensions.
func (f FileFilter) withExtension(path string) string {
	for _, ext := range f.Extensions {
		if strings.EqualFold(filepath.Ext(path), ext) {
			return path
		}
	}
	return path + f.Extensions[0]
}

// prefLastSaveFolder remembers the folder the officer last saved into.
const prefLastSaveFolder = "lastSaveFolder"

// startFolder is the folder saved into last time, else Documents, else home.
func startFolder() string {
	if app := fyne.CurrentApp(); app != nil {
		if last := app.Preferences().String(prefLastSaveFolder); isFolder(last) {
			return last
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if documents := filepath.Join(home, "Documents"); isFolder(documents) {
		return documents
	}
	return home
}

// rememberFolder keeps the folder of a file saved, for the next dialog.
func rememberFolder(path string) {
	if app := fyne.CurrentApp(); app != nil {
		app.Preferences().SetString(prefLastSaveFolder, filepath.Dir(path))
	}
}

func isFolder(path string) bool {
	info, err := os.Stat(path)
	return path != "" && err == nil && info.IsDir()
}
