package ui

import (
	"fyne.io/fyne/v2/widget"
)

// exportPDFButton is a placeholder that a later change replaces.
func (w *MainWindow) exportPDFButton() *widget.Button {
	b := widget.NewButton("Xuất PDF", nil)
	b.Disable()
	return b
}
