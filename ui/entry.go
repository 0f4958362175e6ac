package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// entry is a text field that passes F1 on to its window, so that the guide
// opens from any field: Fyne gives a focused field every key that is not a
// shortcut, and F1 has no modifier to make it one.
type entry struct {
	widget.Entry
}

// newEntry is a one-line field.
func newEntry() *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	return e
}

// newMultiLineEntry is a field of several lines.
func newMultiLineEntry() *entry {
	e := newEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey hands F1 to the window and every other key to the field.
func (e *entry) TypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyF1 {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(key)
			return
		}
	}
	e.Entry.TypedKey(key)
}
