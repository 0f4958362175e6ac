package store

import (
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// SortNames sorts names in Vietnamese alphabetical order (a ă â b c d đ e ê
// …, tones after the letter), the order an officer expects in a list of
// units; byte order would put "Đ" after "Z".
func SortNames(names []string) {
	collate.New(language.Vietnamese, collate.IgnoreCase).SortStrings(names)
}
