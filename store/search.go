package store

import (
	"bytes"
	"math/bits"
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

func buildFoldTable() []byte {
	table := make([]byte, 0x1F00)
	for r := rune(0x80); r < 0x1F00; r++ {
		base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
		if base < utf8.RuneSelf && unicode.IsLetter(base) {
			table[r] = byte(unicode.ToLower(base))
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
	folded := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			folded = append(folded, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r < rune(len(foldTable)) && foldTable[r] != 0:
			folded = append(folded, foldTable[r])
		case unicode.Is(unicode.Mn, r):
			// a combining mark of decomposed text
		default:
			folded = utf8.AppendRune(folded, unicode.ToLower(r))
		}
	}
	return string(folded)
}

// Query is search text, folded (Fold) and split into words: a task matches
// when every word is found in its text.
type Query struct {
	words []string
}

// ParseQuery reads what the officer typed into a search box. The longest
// words are tried first: they rule most tasks out soonest.
func ParseQuery(text string) Query {
	words := strings.Fields(Fold(text))
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	return Query{words: slices.Compact(words)}
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

// SearchIndex finds, among many tasks, those whose text holds every word of
// a query, as fast as a search box needs over a whole plan: it keeps each
// distinct word of the tasks' folded text (SearchKey) with the tasks that
// hold it. A query word matches the tasks holding any word it is part of;
// since neither has a space in it, that is exactly what MatchKey finds.
type SearchIndex struct {
	words []string
	// tasks[i] are the positions of the tasks holding words[i], in order.
	tasks [][]int32
	count int
}

// NewSearchIndex indexes tasks, which Find then names by their position.
func NewSearchIndex(tasks []Task) *SearchIndex {
	x := &SearchIndex{count: len(tasks)}
	index := map[string]int{}
	for i, t := range tasks {
		for _, w := range strings.Fields(SearchKey(t)) {
			at, ok := index[w]
			if !ok {
				at = len(x.words)
				index[w] = at
				x.words = append(x.words, w)
				x.tasks = append(x.tasks, nil)
			}
			if list := x.tasks[at]; len(list) == 0 || list[len(list)-1] != int32(i) {
				x.tasks[at] = append(list, int32(i))
			}
		}
	}
	return x
}

// Find returns the positions, in order, of the tasks whose text holds every
// word of the search text: one keystroke of a search box.
func (x *SearchIndex) Find(text string) []int {
	q := ParseQuery(text)
	var found []uint64
	for i, w := range q.words {
		holding := x.holding(w)
		if i == 0 {
			found = holding
			continue
		}
		for j := range found {
			found[j] &= holding[j]
		}
	}
	if q.Empty() {
		found = x.all()
	}
	return positions(found, x.count)
}

// holding returns, as a bit set, the tasks holding a word that contains w.
func (x *SearchIndex) holding(w string) []uint64 {
	set := make([]uint64, (x.count+63)/64)
	for i, word := range x.words {
		if strings.Contains(word, w) {
			for _, task := range x.tasks[i] {
				set[task/64] |= 1 << (task % 64)
			}
		}
	}
	return set
}

func (x *SearchIndex) all() []uint64 {
	set := make([]uint64, (x.count+63)/64)
	for i := range set {
		set[i] = ^uint64(0)
	}
	return set
}

// positions lists the bits set in a bit set, below count.
func positions(set []uint64, count int) []int {
	var out []int
	for i, word := range set {
		for ; word != 0; word &= word - 1 {
			if at := i*64 + bits.TrailingZeros64(word); at < count {
				out = append(out, at)
			}
		}
	}
	return out
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
