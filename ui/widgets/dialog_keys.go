package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// DialogKeys lets the keyboard answer the window's dialogs: Esc closes the
// dialog on top as its cancel button does, Enter presses its default
// button. Fyne's dialogs take no keys of their own; the window hands Esc
// and Enter here when no field takes them (entry.go passes them on).
type DialogKeys struct {
	open []*keyedDialog
}

// keyedDialog is an open dialog with what Enter and Esc do to it.
type keyedDialog struct {
	confirm, dismiss func()
}

// Add registers a dialog until it closes: Enter runs confirm (when not
// nil) and Esc runs dismiss. Call it before showing the dialog.
func (k *DialogKeys) Add(d dialog.Dialog, confirm, dismiss func()) {
	if k == nil {
		return
	}
	entry := &keyedDialog{confirm: confirm, dismiss: dismiss}
	k.open = append(k.open, entry)
	d.SetOnClosed(func() { k.open = slices.DeleteFunc(k.open, func(e *keyedDialog) bool { return e == entry }) })
}

// AddConfirm registers a confirm dialog: Enter confirms, Esc dismisses.
func (k *DialogKeys) AddConfirm(d *dialog.ConfirmDialog) {
	k.Add(d, d.Confirm, d.Dismiss)
}

// TypedKey answers Esc or Enter for the dialog on top, and reports
// whether there was one to answer.
func (k *DialogKeys) TypedKey(key *fyne.KeyEvent) bool {
	if k == nil || len(k.open) == 0 {
		return false
	}
	top := k.open[len(k.open)-1]
	switch key.Name {
	case fyne.KeyEscape:
		top.dismiss()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if top.confirm != nil {
			top.confirm()
		}
		return true
	}
	return false
}

// Open returns how many keyed dialogs are open, for tests.
func (k *DialogKeys) Open() int { return len(k.open) }

// ConfirmFirst asks a question before an action, as askFirst does, and
// lets Enter answer yes and Esc no.
func ConfirmFirst(parent fyne.Window, keys *DialogKeys, title, question, yes string, action func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, question, func(ok bool) {
		if ok {
			action()
		}
	}, parent)
	d.SetConfirmText(yes)
	d.SetDismissText(lang.L("Huỷ"))
	keys.AddConfirm(d)
	d.Show()
	return d
}

// Choice is one answer to a question: its button, and what it does.
type Choice struct {
	Label  string
	Action func()
}

// Question is a dialog with several answers, the last the default (Enter),
// and "Huỷ" (Esc), which closes it and runs its own action, if any.
type Question struct {
	dialog  *dialog.CustomDialog
	buttons []*widget.Button
}

// Ask shows a question with "Huỷ" first, which runs cancelled (when not
// nil), then its answers left to right, the last one the default.
func Ask(parent fyne.Window, keys *DialogKeys, title, text string, cancelled func(), answers ...Choice) *Question {
	message := widget.NewLabel(text)
	message.Wrapping = fyne.TextWrapWord
	q := &Question{dialog: dialog.NewCustomWithoutButtons(title, message, parent)}
	if cancelled == nil {
		cancelled = func() {}
	}
	cancel := widget.NewButton(lang.L("Huỷ"), q.answer(cancelled))
	objects := []fyne.CanvasObject{cancel}
	for i, a := range answers {
		b := widget.NewButton(a.Label, q.answer(a.Action))
		if i == len(answers)-1 {
			b.Importance = widget.HighImportance
		}
		q.buttons = append(q.buttons, b)
		objects = append(objects, b)
	}
	q.dialog.SetButtons([]fyne.CanvasObject{container.NewHBox(objects...)})
	keys.Add(q.dialog, q.answer(answers[len(answers)-1].Action), q.answer(cancelled))
	q.dialog.Resize(fyne.NewSize(min(560, parent.Canvas().Size().Width-40), 0))
	q.dialog.Show()
	return q
}

// answer closes the question, then does what the answer says.
func (q *Question) answer(action func()) func() {
	return func() {
		q.dialog.Hide()
		action()
	}
}

// Answer presses the answer with the given label, as a click does.
func (q *Question) Answer(label string) bool {
	for _, b := range q.buttons {
		if b.Text == label {
			b.OnTapped()
			return true
		}
	}
	return false
}

// AskToSave asks what becomes of unsaved edits before going on: "Lưu"
// saves them and goes on once saved, "Không lưu" drops them and goes on,
// "Huỷ" stays, running stay. save calls its argument once everything is
// saved.
func AskToSave(parent fyne.Window, keys *DialogKeys, text string, save func(then func()), discard, goOn, stay func()) *Question {
	return Ask(parent, keys, lang.L("Chưa lưu thay đổi"), text, stay,
		Choice{lang.L("Không lưu"), func() { discard(); goOn() }},
		Choice{lang.L("Lưu"), func() { save(goOn) }},
	)
}
