package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/usererr"
)

// Localf is fmt.Sprintf over the translation of format: the format, with its
// verbs, is the message id.
func Localf(format string, args ...any) string {
	return fmt.Sprintf(lang.L(format), args...)
}

// Capitalize starts a message with a capital letter.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// OneLine is text with its runs of spaces and line breaks made one space.
func OneLine(text string) string { return strings.Join(strings.Fields(text), " ") }

// ShortText is text on one line, cut to n letters with "…" when longer.
func ShortText(text string, n int) string {
	r := []rune(OneLine(text))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// Enable enables b when on holds, and disables it otherwise.
func Enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// WrappedLabel is a label whose text wraps between words.
func WrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// FieldProblem is what is wrong with a field, without the words that say
// only that something is.
func FieldProblem(err error) string {
	return Capitalize(strings.TrimPrefix(usererr.Message(err), store.ErrInvalid.Error()+": "))
}

// NewCellLabel is an empty table cell whose text ends in "…" when it
// does not fit.
func NewCellLabel() fyne.CanvasObject {
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	return label
}
