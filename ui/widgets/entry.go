package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field that passes to its window the keys the window
// answers: F1, so that the guide opens from any field (Fyne gives a focused
// field every key that is not a shortcut, and F1 has no modifier to make it
// one); Esc, and Enter in a one-line field that does nothing with it, so
// that they answer an open dialog (dialog_keys.go). Tab leaves the field,
// even one of several lines, for the next one.
type Entry struct {
	widget.Entry
}

// NewEntry is a one-line field.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry is a field of several lines.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// AcceptsTab is false: Tab moves to the next field, so that the buttons
// after a field of several lines can be reached from the keyboard.
func (e *Entry) AcceptsTab() bool { return false }

// TypedKey hands the window's keys to the window and every other key to
// the field.
func (e *Entry) TypedKey(key *fyne.KeyEvent) {
	if e.forWindow(key) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(key)
			return
		}
	}
	e.Entry.TypedKey(key)
}

// forWindow reports whether a key is one the window answers.
func (e *Entry) forWindow(key *fyne.KeyEvent) bool {
	switch key.Name {
	case fyne.KeyF1, fyne.KeyEscape:
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		return !e.MultiLine && e.OnSubmitted == nil
	}
	return false
}
