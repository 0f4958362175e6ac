package reporting

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/kehoach/cchc/store"
)

// ReportStatus is where a report is in its life: a draft the officer edits,
// or sent, and then frozen.
type ReportStatus string

// The report statuses.
const (
	ReportDraft ReportStatus = "dự thảo"
	ReportSent  ReportStatus = "đã gửi"
)

// ReportParagraph is one paragraph of a report's body: the text printed,
// and the text the draft gave it, so that drafting again from newer data
// knows whether the officer changed it.
type ReportParagraph struct {
	// Key names a drafted paragraph so a redraft finds it again
	// ("area:3/done:45"); empty for a paragraph the officer added.
	Key  string `json:"key,omitempty"`
	Text string `json:"text"`
	// Drafted is the text the latest draft gave the paragraph.
	Drafted string `json:"drafted,omitempty"`
	// Edited says the officer changed the text: a redraft asks before it
	// replaces it.
	Edited bool `json:"edited,omitempty"`
}

// ReportSection is one heading of a report with the paragraphs under it.
// Level 1 headings carry Roman numerals ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU
// HÀNH"), level 2 Arabic numbers, level 3 letters; level 0 is text without
// a heading (the closing lines).
type ReportSection struct {
	// Key names the section so a redraft finds it again: "direction",
	// "area:3", "closing".
	Key    string `json:"key"`
	Level  int    `json:"level"`
	Number string `json:"number,omitempty"`
	Title  string `json:"title,omitempty"`
	// DraftedTitle is the heading the latest draft gave; TitleEdited says
	// the officer changed it.
	DraftedTitle string            `json:"draftedTitle,omitempty"`
	TitleEdited  bool              `json:"titleEdited,omitempty"`
	Paragraphs   []ReportParagraph `json:"paragraphs,omitempty"`
}

// The keys of the sections without a heading: the lines before the first
// heading, and the closing lines.
const (
	LeadKey    = "lead"
	ClosingKey = "closing"
)

// Report is a periodic report on the plan's administrative reform (Báo cáo
// kết quả thực hiện công tác CCHC quý, 6 tháng, 9 tháng, năm): a record
// saved with its period, its date and its text. Once sent it is frozen: a
// later edit saves a new version that replaces it.
type Report struct {
	ID     uint64       `json:"id"`
	PlanID uint64       `json:"planId"`
	Period store.Period `json:"period"`
	// AsOf is the day the report's data are counted to: the period's last
	// day unless the officer chose another.
	AsOf store.Date `json:"asOf"`
	// Number is blank until the văn thư assigns it; Symbol is "BC-SKH".
	Number string `json:"number,omitempty"`
	Symbol string `json:"symbol"`
	// Date is the document's date; zero leaves the day and month blank.
	Date         store.Date      `json:"date,omitzero"`
	Agency       store.Agency    `json:"agency"`
	Recipients   []string        `json:"recipients,omitempty"`
	Summary      string          `json:"summary"`
	Sections     []ReportSection `json:"sections"`
	Distribution []string        `json:"distribution,omitempty"`
	Signer       store.Signer    `json:"signer"`
	Status       ReportStatus    `json:"status"`
	// SentAt is when it was marked sent.
	SentAt time.Time `json:"sentAt,omitzero"`
	// Version counts the report's versions for its period from 1;
	// Replaces is the id of the version it replaces.
	Version  int    `json:"version"`
	Replaces uint64 `json:"replaces,omitempty"`
	// Drafted is when its text was last drafted from the data; Saved when
	// it was last saved.
	Drafted time.Time `json:"drafted,omitzero"`
	Saved   time.Time `json:"saved,omitzero"`
	// Tables, when set, are the tables of the appendices drafted with the
	// text, saved with it in a bucket of their own; reading a report leaves
	// them nil (Store.ReportTables reads them).
	Tables *ReportTables `json:"-"`
}

// ReportSummary is the trích yếu of a report of period p: "Kết quả thực
// hiện công tác cải cách hành chính quý I năm 2023".
func ReportSummary(p store.Period) string {
	return "Kết quả thực hiện công tác cải cách hành chính " + p.Name()
}

// Sent reports whether the report was sent, and is frozen.
func (r Report) Sent() bool { return r.Status == ReportSent }

// header is the report's number, symbol, agency and date as a plan's, for
// the number and date lines they share.
func (r Report) header() store.Plan {
	year := r.Date.Year
	if year == 0 {
		year = max(r.AsOf.Year, r.Period.Year)
	}
	return store.Plan{Number: r.Number, Symbol: r.Symbol, IssueDate: r.Date, Year: year, Agency: r.Agency, DocType: store.DocReport}
}

// Ref returns the report's reference, "15/BC-SKH", or NoNumber.
func (r Report) Ref() string { return r.header().Ref() }

// NumberLine returns "Số: 15/BC-SKH", or "Số:      /BC-SKH" with the number
// left blank.
func (r Report) NumberLine() string { return r.header().NumberLine() }

// DateLine returns the place and date line; blanks for a report not dated.
func (r Report) DateLine() string { return r.header().DateLine() }

// AppendixNote returns the line that ties an appendix to the report:
// "(Kèm theo Báo cáo số 15/BC-SKH ngày 20/03/2023 của Sở Kế hoạch và Đầu tư)".
func (r Report) AppendixNote() string { return r.header().AppendixNote() }

// Label names the report in lists: "Báo cáo quý I năm 2023 (bản 2, đã gửi)".
func (r Report) Label() string {
	return fmt.Sprintf("Báo cáo %s (bản %d, %s)", r.Period.Name(), r.Version, r.Status)
}

// Validate reports the first field that keeps the report from being saved.
func (r Report) Validate() error {
	if err := r.Period.Validate(); err != nil {
		return err
	}
	if r.AsOf.IsZero() || !store.ValidYear(r.AsOf.Year) {
		return fmt.Errorf("%w: báo cáo cần ngày chốt số liệu", store.ErrInvalid)
	}
	if strings.IndexFunc(r.Number, unicode.IsSpace) >= 0 || strings.Contains(r.Number, "/") {
		return fmt.Errorf("%w: số báo cáo %q không được chứa dấu cách hay dấu /", store.ErrInvalid, r.Number)
	}
	for i, s := range r.Sections {
		if s.Level < 0 || s.Level > 3 {
			return fmt.Errorf("%w: mục thứ %d có cấp %d, chỉ dùng cấp 0 đến 3", store.ErrInvalid, i+1, s.Level)
		}
	}
	if r.Sent() && (r.Number == "" || r.Date.IsZero()) {
		return fmt.Errorf("%w: báo cáo đã gửi phải có số và ngày", store.ErrInvalid)
	}
	return nil
}

// SectionPath returns the printed number of section i with its parents',
// "II.1", or its key when it has no number ("closing").
func (r Report) SectionPath(i int) string {
	s := r.Sections[i]
	if s.Number == "" {
		return s.Key
	}
	path := s.Number
	level := s.Level
	for j := i - 1; j >= 0 && level > 1; j-- {
		if p := r.Sections[j]; p.Level > 0 && p.Level < level {
			path = p.Number + "." + path
			level = p.Level
		}
	}
	return path
}

// FindSection finds a section by its printed path ("II.1", in any case) or
// its key ("closing").
func (r Report) FindSection(ref string) (int, error) {
	ref = strings.TrimSuffix(strings.TrimSpace(ref), ".")
	for i, s := range r.Sections {
		if strings.EqualFold(r.SectionPath(i), ref) || strings.EqualFold(s.Key, ref) {
			return i, nil
		}
	}
	paths := make([]string, len(r.Sections))
	for i := range r.Sections {
		paths[i] = r.SectionPath(i)
	}
	return -1, fmt.Errorf("%w: báo cáo không có mục %q; các mục: %s", store.ErrInvalid, ref, strings.Join(paths, ", "))
}

// EditParagraph sets the text of paragraph n (from 1) of section i, as the
// officer wrote it. n one past the last adds a paragraph. An empty text
// removes a paragraph the officer added, and blanks a drafted one (a
// redraft still asks before it fills it again).
func (r *Report) EditParagraph(i, n int, text string) error {
	if i < 0 || i >= len(r.Sections) {
		return fmt.Errorf("%w: mục thứ %d không có", store.ErrInvalid, i+1)
	}
	s := &r.Sections[i]
	text = strings.TrimSpace(store.CleanText(text))
	switch {
	case n == len(s.Paragraphs)+1 && text != "":
		s.Paragraphs = append(s.Paragraphs, ReportParagraph{Text: text, Edited: true})
	case n < 1 || n > len(s.Paragraphs):
		return fmt.Errorf("%w: mục %s có %d đoạn; ghi đoạn từ 1 đến %d (đoạn %d để thêm đoạn mới)",
			store.ErrInvalid, r.SectionPath(i), len(s.Paragraphs), len(s.Paragraphs), len(s.Paragraphs)+1)
	case text == "" && s.Paragraphs[n-1].Key == "":
		s.Paragraphs = append(s.Paragraphs[:n-1], s.Paragraphs[n:]...)
	default:
		p := &s.Paragraphs[n-1]
		p.Text, p.Edited = text, p.Key == "" || text != p.Drafted
	}
	return nil
}

// EditHeading sets the title of section i as the officer wrote it.
func (r *Report) EditHeading(i int, title string) error {
	if i < 0 || i >= len(r.Sections) || r.Sections[i].Level == 0 {
		return fmt.Errorf("%w: mục này không có đề mục để sửa", store.ErrInvalid)
	}
	title = strings.TrimSpace(store.CleanText(title))
	if title == "" {
		return fmt.Errorf("%w: đề mục không được để trống", store.ErrInvalid)
	}
	s := &r.Sections[i]
	s.Title, s.TitleEdited = title, title != s.DraftedTitle
	return nil
}

// Body returns the report's text as a document prints it: the lines
// before the first heading, the headed sections with their paragraphs, and
// the closing lines after the last; blank paragraphs are left out.
func (r Report) Body() (lead []string, sections []store.Section, closing []string) {
	for _, s := range r.Sections {
		var texts []string
		for _, p := range s.Paragraphs {
			if strings.TrimSpace(p.Text) != "" {
				texts = append(texts, p.Text)
			}
		}
		switch {
		case s.Level > 0:
			sections = append(sections, store.Section{Level: s.Level, Number: s.Number, Title: s.Title, Paragraphs: texts})
		case len(sections) == 0:
			lead = append(lead, texts...)
		default:
			closing = append(closing, texts...)
		}
	}
	return lead, sections, closing
}

// EditedCount counts the headings and paragraphs the officer changed.
func (r Report) EditedCount() int {
	n := 0
	for _, s := range r.Sections {
		if s.TitleEdited {
			n++
		}
		for _, p := range s.Paragraphs {
			if p.Edited {
				n++
			}
		}
	}
	return n
}

// PeriodOrder sorts periods as the year runs: by year, then in the order
// of PeriodKinds.
func PeriodOrder(a, b store.Period) int {
	if a.Year != b.Year {
		return a.Year - b.Year
	}
	return kindIndex(a.Kind) - kindIndex(b.Kind)
}

func kindIndex(k store.PeriodKind) int {
	for i, kind := range store.PeriodKinds {
		if kind == k {
			return i
		}
	}
	return len(store.PeriodKinds)
}

// ReportFileName is the name a save dialog offers for a report: "Báo cáo
// CCHC quý I năm 2023.pdf".
func ReportFileName(r Report, ext string) string {
	name := "Báo cáo CCHC " + r.Period.Name()
	if r.Version > 1 {
		name += " (bản " + strconv.Itoa(r.Version) + ")"
	}
	return name + "." + ext
}
