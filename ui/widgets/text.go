package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"
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

// FieldProblem is what is wrong with a field, without the words that say
// only that something is.
func FieldProblem(err error) string {
	return Capitalize(strings.TrimPrefix(usererr.Message(err), store.ErrInvalid.Error()+": "))
}
