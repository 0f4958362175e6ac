package store

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// foldTable maps every letter of the Latin blocks (U+0080 to U+1EFF, where
// all Vietnamese letters are) to its base letter in lower case: "Ẫ" to 'a',
// "đ" and "Đ" to 'd'; 0 for a character that is not such a letter. Built
// once, so that folding costs a table look-up a character.
var foldTable = buildFoldTable()

func buildFoldTable() []rune {
	table := make([]rune, 0x1F00)
	for r := rune(0x80); r < 0x1F00; r++ {
		base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
		if base < utf8.RuneSelf && unicode.IsLetter(base) {
			table[r] = unicode.ToLower(base)
		}
	}
	table['đ'], table['Đ'] = 'd', 'd'
	return table
}

// Fold returns text the way search compares it: lower case, without tone
// marks or the other diacritics, "đ" as "d", combining marks (Unikey's
// decomposed text) dropped. "Cải cách" and "cai cach" fold alike, and so do
// "đăng ký" and "dang ky".
func Fold(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(unicode.ToLower(r)))
		case r < rune(len(foldTable)) && foldTable[r] != 0:
			b.WriteRune(foldTable[r])
		case unicode.Is(unicode.Mn, r):
			// a combining mark of decomposed text
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Query is search text, folded (Fold) and split into words: a task matches
// when every word is found in its text.
type Query struct {
	words []string
}

// ParseQuery reads what the officer typed into a search box.
func ParseQuery(text string) Query {
	return Query{words: strings.Fields(Fold(text))}
}

// Empty reports whether the query has no words: it matches everything.
func (q Query) Empty() bool { return len(q.words) == 0 }

// MatchKey reports whether a SearchKey holds every word of the query.
func (q Query) MatchKey(key string) bool {
	for _, w := range q.words {
		if !strings.Contains(key, w) {
			return false
		}
	}
	return true
}

// Match reports whether the task's text holds every word of the query.
func (q Query) Match(t Task) bool { return q.Empty() || q.MatchKey(SearchKey(t)) }

// SearchKey is the folded text a task is searched in: its number, content,
// product, lead and coordinating units, and timeline. A screen that searches
// on every keystroke computes the keys once and matches them with MatchKey.
func SearchKey(t Task) string {
	return Fold(strings.Join([]string{t.Ordinal, t.Content, t.Product, t.Lead, strings.Join(t.Coordinating, "\n"), t.Timeline.Text}, "\n"))
}

// Matches reports whether the task holds every word of the search text,
// ignoring case and diacritics: "cai cach" finds "Cải cách".
func (t Task) Matches(text string) bool { return ParseQuery(text).Match(t) }

// vietnameseOrder compares text in Vietnamese alphabetical order, ignoring case.
func vietnameseOrder() *collate.Collator {
	return collate.New(language.Vietnamese, collate.IgnoreCase)
}

// SortNames sorts names in Vietnamese alphabetical order (a ă â b c d đ e ê
// …, tones after the letter), the order an officer expects in a list of
// units; byte order would put "Đ" after "Z".
func SortNames(names []string) {
	vietnameseOrder().SortStrings(names)
}

// SortTasksBy sorts tasks, stably, by the text key gives each in Vietnamese
// alphabetical order: a column of the task table sorted by its header.
func SortTasksBy(tasks []Task, key func(Task) string) {
	c := vietnameseOrder()
	type keyed struct {
		key  []byte
		task Task
	}
	rows := make([]keyed, len(tasks))
	var buf collate.Buffer
	for i, t := range tasks {
		rows[i] = keyed{append([]byte(nil), c.KeyFromString(&buf, key(t))...), t}
		buf.Reset()
	}
	slices.SortStableFunc(rows, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i, r := range rows {
		tasks[i] = r.task
	}
}
