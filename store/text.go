package store

import (
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CleanText prepares text for storage and layout: NFC composition (Unikey's
// "Unicode tổ hợp" writes decomposed marks, which measure and draw wrongly),
// no-break spaces and tabs as plain spaces, Windows line ends as "\n", and
// no control characters, characters outside the Basic Multilingual Plane
// (emoji), or the invisible joiners, selectors and marks that emoji and
// copied web text leave behind ("Văn phòng Sở\uFE0F" is "Văn phòng Sở").
func CleanText(s string) string {
	if isClean(s) {
		return s
	}
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
		case r > 0xFFFF, unicode.IsControl(r), invisible(r):
			return -1
		}
		return r
	}, s)
}

// isClean reports, without allocating, whether s is printable ASCII and
// line feeds only: most text is, and needs no work.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || (c < 0x20 && c != '\n') {
			return false
		}
	}
	return true
}

// invisible reports whether r draws nothing and means nothing in a
// document: zero-width spaces and joiners, direction marks, the byte-order
// mark, variation selectors (U+FE0F turns a character into an emoji) and
// the other format characters.
func invisible(r rune) bool {
	switch {
	case r >= 0xFE00 && r <= 0xFE0F: // variation selectors
		return true
	case r == '\u00ad': // soft hyphen
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// cleanRecord runs CleanText over every string a record holds, at any
// depth (fields, lists, nested records), in place. putJSON calls it on
// every record written, so no field, old or new, is stored uncleaned.
func cleanRecord(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			cleanRecord(v.Elem())
		}
	case reflect.String:
		if v.CanSet() {
			if s := v.String(); !isClean(s) {
				v.SetString(CleanText(s))
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				cleanRecord(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			cleanRecord(v.Index(i))
		}
	}
}

// Cleaned returns v with every string through CleanText: v itself when it
// is a pointer, otherwise a Cleaned copy.
func Cleaned(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		cleanRecord(rv)
		return v
	}
	cp := reflect.New(rv.Type())
	cp.Elem().Set(rv)
	cleanRecord(cp)
	return cp.Interface()
}
