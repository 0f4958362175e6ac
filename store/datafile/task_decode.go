package datafile

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/kehoach/cchc/store"
)

// Listing a plan reads every task record; encoding/json spends about 20 µs
// on each (it validates the whole record, then walks it by reflection), so
// 10,000 tasks took 200 ms. decodeRecord reads a task as PutJSON writes it
// with a small scanner that knows its fields, about ten times faster, and
// hands anything it does not know (an unknown key, a null where a value
// belongs, a number with a fraction, broken JSON) back to encoding/json, so
// the result is always encoding/json's: the same value or the same error.

// decodeRecord decodes one stored record into v: a task through the fast
// scanner, anything else (and any task the scanner declines) with
// encoding/json.
func decodeRecord(data []byte, v any) error {
	if t, ok := v.(*store.Task); ok {
		before := *t
		if scanTask(data, t) {
			return nil
		}
		*t = before
	}
	return json.Unmarshal(data, v)
}

// scanTask reads data into t; false when data holds anything the fast path
// does not know, t then half-written.
func scanTask(data []byte, t *store.Task) bool {
	if !utf8.Valid(data) {
		return false
	}
	s := scanner{data: data, text: string(data)}
	if !s.object(func(key []byte) bool {
		field, ok := taskFields[string(key)]
		return ok && field(&s, t)
	}) {
		return false
	}
	s.space()
	return s.pos == len(s.data)
}

// taskFields read the fields of a task, by their JSON key.
var taskFields = map[string]func(*scanner, *store.Task) bool{
	"id":           func(s *scanner, t *store.Task) bool { return s.uint(&t.ID) },
	"planId":       func(s *scanner, t *store.Task) bool { return s.uint(&t.PlanID) },
	"areaId":       func(s *scanner, t *store.Task) bool { return s.uint(&t.AreaID) },
	"ordinal":      func(s *scanner, t *store.Task) bool { return s.string(&t.Ordinal) },
	"order":        func(s *scanner, t *store.Task) bool { return s.int(&t.Order) },
	"content":      func(s *scanner, t *store.Task) bool { return s.string(&t.Content) },
	"product":      func(s *scanner, t *store.Task) bool { return s.string(&t.Product) },
	"lead":         func(s *scanner, t *store.Task) bool { return s.string(&t.Lead) },
	"coordinating": func(s *scanner, t *store.Task) bool { return s.strings(&t.Coordinating) },
	"timeline":     func(s *scanner, t *store.Task) bool { return s.timeline(&t.Timeline) },
	"status":       func(s *scanner, t *store.Task) bool { return scanText(s, &t.Status) },
	"progress":     func(s *scanner, t *store.Task) bool { return s.int(&t.Progress) },
	"result":       func(s *scanner, t *store.Task) bool { return s.string(&t.Result) },
	"track":        func(s *scanner, t *store.Task) bool { return s.track(&t.Track) },
}

// timelineFields read the fields of a task's timeline.
var timelineFields = map[string]func(*scanner, *store.Timeline) bool{
	"text":       func(s *scanner, tl *store.Timeline) bool { return s.string(&tl.Text) },
	"kind":       func(s *scanner, tl *store.Timeline) bool { return scanText(s, &tl.Kind) },
	"start":      func(s *scanner, tl *store.Timeline) bool { return s.date(&tl.Start) },
	"due":        func(s *scanner, tl *store.Timeline) bool { return s.date(&tl.Due) },
	"recurrence": func(s *scanner, tl *store.Timeline) bool { return scanText(s, &tl.Recurrence) },
	"recurMonth": func(s *scanner, tl *store.Timeline) bool { return s.int(&tl.RecurMonth) },
	"qualifier":  func(s *scanner, tl *store.Timeline) bool { return s.string(&tl.Qualifier) },
	"problem":    func(s *scanner, tl *store.Timeline) bool { return s.string(&tl.Problem) },
}

// trackFields read the fields of a task's track.
var trackFields = map[string]func(*scanner, *store.TaskTrack) bool{
	"lastUpdate": func(s *scanner, tr *store.TaskTrack) bool { return s.date(&tr.LastUpdate) },
	"doneOn":     func(s *scanner, tr *store.TaskTrack) bool { return s.date(&tr.DoneOn) },
	"latestNote": func(s *scanner, tr *store.TaskTrack) bool { return s.string(&tr.LatestNote) },
	"noteOn":     func(s *scanner, tr *store.TaskTrack) bool { return s.date(&tr.NoteOn) },
	"lateReason": func(s *scanner, tr *store.TaskTrack) bool { return s.string(&tr.LateReason) },
	"updates":    func(s *scanner, tr *store.TaskTrack) bool { return s.int(&tr.Updates) },
	"evidence":   func(s *scanner, tr *store.TaskTrack) bool { return s.int(&tr.Evidence) },
}

func (s *scanner) timeline(tl *store.Timeline) bool {
	return s.object(func(key []byte) bool {
		field, ok := timelineFields[string(key)]
		return ok && field(s, tl)
	})
}

func (s *scanner) track(tr *store.TaskTrack) bool {
	return s.object(func(key []byte) bool {
		field, ok := trackFields[string(key)]
		return ok && field(s, tr)
	})
}

// scanText reads a string into a field of a string type (Status, Kind...).
func scanText[T ~string](s *scanner, dst *T) bool {
	var v string
	if !s.string(&v) {
		return false
	}
	*dst = T(v)
	return true
}

// scanner walks a JSON record that is valid UTF-8; each method reads one
// value at pos, after any white space, and reports false on anything it
// does not know. The strings it reads share text, the record copied once.
type scanner struct {
	data []byte
	text string
	pos  int
}

func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// next skips white space and consumes c when it comes next.
func (s *scanner) next(c byte) bool {
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

// object reads {"key": value, ...}, calling field for each key with pos at
// its value; field reads the value.
func (s *scanner) object(field func(key []byte) bool) bool {
	if !s.next('{') {
		return false
	}
	if s.next('}') {
		return true
	}
	for {
		key, ok := s.rawString()
		if !ok || !s.next(':') || !field(key) {
			return false
		}
		if s.next('}') {
			return true
		}
		if !s.next(',') {
			return false
		}
	}
}

// rawString reads a string without escapes or control characters and
// returns its bytes, still inside data.
func (s *scanner) rawString() ([]byte, bool) {
	if !s.next('"') {
		return nil, false
	}
	start := s.pos
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return s.data[start : s.pos-1], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
		s.pos++
	}
	return nil, false
}

// string reads a string. One with escapes is handed to encoding/json,
// which reads it as it always would.
func (s *scanner) string(dst *string) bool {
	s.space()
	start := s.pos
	raw, ok := s.rawString()
	if ok {
		end := s.pos - 1
		*dst = s.text[end-len(raw) : end]
		return true
	}
	s.pos = start
	return s.quotedString(dst)
}

// quotedString finds the end of a string with escapes and decodes it with
// encoding/json.
func (s *scanner) quotedString(dst *string) bool {
	if !s.next('"') {
		return false
	}
	start := s.pos - 1
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\\':
			s.pos += 2
			continue
		case '"':
			s.pos++
			return json.Unmarshal(s.data[start:s.pos], dst) == nil
		}
		s.pos++
	}
	return false
}

// strings reads a list of strings, or null (no list).
func (s *scanner) strings(dst *[]string) bool {
	if s.literal("null") {
		*dst = nil
		return true
	}
	if !s.next('[') {
		return false
	}
	out := make([]string, 0, 2)
	if s.next(']') {
		*dst = out
		return true
	}
	for {
		var v string
		if !s.string(&v) {
			return false
		}
		out = append(out, v)
		if s.next(']') {
			*dst = out
			return true
		}
		if !s.next(',') {
			return false
		}
	}
}

// literal consumes word (null) when it comes next.
func (s *scanner) literal(word string) bool {
	s.space()
	if bytes.HasPrefix(s.data[s.pos:], []byte(word)) {
		s.pos += len(word)
		return true
	}
	return false
}

// date reads a date as Date.MarshalJSON writes it: "2023-06-30" or null.
func (s *scanner) date(dst *store.Date) bool {
	if s.literal("null") {
		*dst = store.Date{}
		return true
	}
	var text string
	if !s.string(&text) {
		return false
	}
	if d, ok := isoDate(text); ok {
		*dst = d
		return true
	}
	d, err := store.ParseISODate(text)
	if err != nil {
		return false
	}
	*dst = d
	return true
}

// isoDate reads "2023-06-30" without time.Parse: digits in their places,
// a month of the year and a day of that month; false sends anything else
// to store.ParseISODate.
func isoDate(text string) (store.Date, bool) {
	if len(text) != 10 || text[4] != '-' || text[7] != '-' {
		return store.Date{}, false
	}
	year, okY := smallNumber(text[:4])
	month, okM := smallNumber(text[5:7])
	day, okD := smallNumber(text[8:])
	if !okY || !okM || !okD || month < 1 || month > 12 || day < 1 {
		return store.Date{}, false
	}
	d := store.Date{Year: year, Month: time.Month(month), Day: day}
	if day > 28 && store.DateOf(time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)) != d {
		return store.Date{}, false
	}
	return d, true
}

// smallNumber reads a run of decimal digits.
func smallNumber(text string) (int, bool) {
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// digits reads an integer without fraction or exponent, as text.
func (s *scanner) digits() ([]byte, bool) {
	s.space()
	start := s.pos
	if s.pos < len(s.data) && s.data[s.pos] == '-' {
		s.pos++
	}
	for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
		s.pos++
	}
	if s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '.', 'e', 'E':
			return nil, false
		}
	}
	return s.data[start:s.pos], s.pos > start
}

func (s *scanner) int(dst *int) bool {
	text, ok := s.digits()
	if !ok || !validNumber(text) {
		return false
	}
	v, err := strconv.ParseInt(string(text), 10, strconv.IntSize)
	*dst = int(v)
	return err == nil
}

func (s *scanner) uint(dst *uint64) bool {
	text, ok := s.digits()
	if !ok || !validNumber(text) || text[0] == '-' {
		return false
	}
	v, err := strconv.ParseUint(string(text), 10, 64)
	*dst = v
	return err == nil
}

// validNumber rejects what JSON does not allow and strconv would: a
// leading zero ("01"), a lone minus.
func validNumber(text []byte) bool {
	digits := bytes.TrimPrefix(text, []byte("-"))
	return len(digits) > 0 && (digits[0] != '0' || len(digits) == 1)
}
