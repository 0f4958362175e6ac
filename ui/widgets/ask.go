package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// AskFirst asks a question before an action, with buttons named for what
// they do, and runs the action when the officer says yes.
func AskFirst(parent fyne.Window, title, question, yes, no string, action func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, question, func(ok bool) {
		if ok {
			action()
		}
	}, parent)
	d.SetConfirmText(yes)
	d.SetDismissText(no)
	d.Show()
	return d
}
