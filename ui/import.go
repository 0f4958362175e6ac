package ui

import (
	"fyne.io/fyne/v2/widget"
)

// importButton is a placeholder that a later change replaces.
func (w *MainWindow) importButton() *widget.Button {
	b := widget.NewButton("Nhập từ tệp…", nil)
	b.Disable()
	return b
}
