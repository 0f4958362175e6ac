package export

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CleanText prepares text for layout and storage: NFC composition (Unikey's
// "Unicode tổ hợp" writes decomposed marks, which measure and draw wrongly),
// no-break spaces as plain spaces, Windows line ends as "\n", and characters
// outside the Basic Multilingual Plane (emoji) and other control characters
// dropped, since the document fonts have no glyphs for them.
func CleanText(s string) string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\u202f' || r == '\t':
			return ' '
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r > 0xFFFF, unicode.IsControl(r), r == '\ufeff', r == '\u200b':
			return -1
		}
		return r
	}, s)
}
