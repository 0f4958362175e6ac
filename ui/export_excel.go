package ui

import (
	"fyne.io/fyne/v2/widget"
)

// exportExcelButton is a placeholder that a later change replaces.
func (w *MainWindow) exportExcelButton() *widget.Button {
	b := widget.NewButton("Xuất Excel", nil)
	b.Disable()
	return b
}
