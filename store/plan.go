package store

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/kehoach/cchc/store/timeline"
)

// DocType is the kind of an administrative document, by its abbreviation in
// the document symbol ("KH" for Kế hoạch).
type DocType string

// The document types of Decree 30/2020 that the app deals with.
const (
	DocPlan      DocType = "KH"
	DocReport    DocType = "BC"
	DocSubmittal DocType = "TTr"
	DocDecision  DocType = "QĐ"
	DocNotice    DocType = "TB"
	DocGuide     DocType = "HD"
	DocProgram   DocType = "CTr"
)

// DocTypes lists the document types, in the order Decree 30/2020 names them.
var DocTypes = []DocType{DocPlan, DocReport, DocSubmittal, DocDecision, DocNotice, DocGuide, DocProgram}

var docTypeNames = map[DocType]string{
	DocPlan:      "Kế hoạch",
	DocReport:    "Báo cáo",
	DocSubmittal: "Tờ trình",
	DocDecision:  "Quyết định",
	DocNotice:    "Thông báo",
	DocGuide:     "Hướng dẫn",
	DocProgram:   "Chương trình",
}

// Name returns the type's name as running text writes it, "Kế hoạch".
func (t DocType) Name() string {
	if name, ok := docTypeNames[t]; ok {
		return name
	}
	return string(t)
}

// ParseDocType finds the type named in running text, "Kế hoạch", in any
// case; "" when the name is none of DocTypes.
func ParseDocType(name string) DocType {
	for _, t := range DocTypes {
		if strings.EqualFold(strings.TrimSpace(name), t.Name()) {
			return t
		}
	}
	return ""
}

// Title returns the type's name as the document title prints it, "KẾ HOẠCH".
func (t DocType) Title() string { return strings.ToUpper(t.Name()) }

// Section is one heading of a document's body with the paragraphs under it.
// Level 1 headings carry Roman numerals ("I. MỤC ĐÍCH, YÊU CẦU"), level 2
// Arabic numbers ("1. Mục đích"), level 3 letters ("a) ...").
type Section struct {
	Level int `json:"level"`
	// Number is the heading's numbering without punctuation: "I", "1", "a".
	Number string `json:"number"`
	// Title is the heading text after its number.
	Title string `json:"title"`
	// Paragraphs are the body paragraphs under the heading, before the next one.
	Paragraphs []string `json:"paragraphs,omitempty"`
}

// Heading returns the heading as printed: "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
// "a) Nội dung"; just the title when it has no number.
func (s Section) Heading() string {
	switch {
	case s.Number == "":
		return s.Title
	case s.Level >= 3:
		return s.Number + ") " + s.Title
	default:
		return s.Number + ". " + s.Title
	}
}

// Appendix describes the detailed task table attached to a plan, with the
// headings the plan itself gives it.
type Appendix struct {
	// Heading is the first line, "BIỂU KẾ HOẠCH CHI TIẾT" or "Phụ lục I".
	Heading string `json:"heading"`
	// Title is the line under it, "Công tác cải cách hành chính năm 2023 của ...".
	Title string `json:"title"`
	// Columns are the table's column headings in the order TT, content,
	// product, lead unit, coordinating units, timeline.
	Columns [6]string `json:"columns"`
}

// DefaultColumns are the column headings of the seed plan's table.
var DefaultColumns = [6]string{"TT", "NỘI DUNG", "Sản phẩm", "Đơn vị chủ trì dự thảo", "Đơn vị phối hợp", "Thời gian thực hiện"}

// Plan is one issued plan document: its header, its body and its own copy of
// the agency lines and signer as they were when it was issued. Its areas,
// tasks and targets are stored beside it and read with their own methods.
type Plan struct {
	ID   uint64 `json:"id"`
	Year int    `json:"year"`
	// Number and Symbol make the reference "122/KH-SKH". Number is empty
	// while the plan has none yet (a draft, or a file that gives none).
	Number    string  `json:"number"`
	Symbol    string  `json:"symbol"`
	IssueDate Date    `json:"issueDate"`
	DocType   DocType `json:"docType"`
	// Summary is the trích yếu under the title.
	Summary string `json:"summary"`
	// LegalBasis are the "Căn cứ ..." lines before the body.
	LegalBasis []string `json:"legalBasis"`
	// Intro are the paragraphs between the legal basis and the first heading.
	Intro    []string  `json:"intro,omitempty"`
	Sections []Section `json:"sections"`
	// Closing are the paragraphs after the last section, ending with "./.".
	Closing      []string `json:"closing,omitempty"`
	Distribution []string `json:"distribution"`
	Agency       Agency   `json:"agency"`
	Signer       Signer   `json:"signer"`
	Appendix     Appendix `json:"appendix"`
}

// NoNumber is what running text writes for a plan that has no number yet.
const NoNumber = "chưa có số"

// blankNumber is the gap a document leaves for a number the văn thư writes
// by hand when the document is issued.
const blankNumber = "     "

// PrintedNumber returns the plan's number as every document writes it: with
// the leading zero Decree 30 wants for numbers below 10 ("05"), otherwise as
// stored; "" when the plan has none.
func (p Plan) PrintedNumber() string {
	if n, err := strconv.Atoi(p.Number); err == nil && n >= 0 && n < 10 {
		return fmt.Sprintf("%02d", n)
	}
	return p.Number
}

// Ref returns the document reference as running text writes it,
// "05/KH-SKH" or "122/KH-SKH"; NoNumber for a plan without a number.
func (p Plan) Ref() string {
	if p.Number == "" {
		return NoNumber
	}
	return p.printedRef()
}

// printedRef is the reference a document prints: the number, or a blank
// to fill by hand, then the symbol.
func (p Plan) printedRef() string {
	number := p.PrintedNumber()
	if number == "" {
		number = blankNumber
	}
	if p.Symbol == "" {
		return number
	}
	return number + "/" + p.Symbol
}

// NumberLine returns the number line of the header, "Số: 05/KH-SKH", or
// "Số:       /KH-SKH" with the number left blank, as a draft prints it.
func (p Plan) NumberLine() string { return "Số: " + p.printedRef() }

// SymbolFor returns the symbol Decree 30 gives a document of type t issued by
// the agency abbreviated abbrev, "KH-SKH"; "" without an abbreviation.
func SymbolFor(t DocType, abbrev string) string {
	if abbrev == "" {
		return ""
	}
	if t == "" {
		t = DocPlan
	}
	return string(t) + "-" + abbrev
}

// SameNumber reports whether two plan numbers are the same number, the way
// people write them: "5" and "05" are, "" is no number and matches none.
func SameNumber(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return false
	}
	return strings.EqualFold(numberKey(a), numberKey(b))
}

// numberKey drops the leading zeros of an all-digit number.
func numberKey(number string) string {
	if strings.Trim(number, "0123456789") != "" {
		return number
	}
	if trimmed := strings.TrimLeft(number, "0"); trimmed != "" {
		return trimmed
	}
	return "0"
}

// DateLine returns the place and date line, "Tuyên Quang, ngày 28 tháng 01 năm
// 2023": days below 10 and the months January and February get a leading zero.
func (p Plan) DateLine() string {
	d := p.IssueDate
	if d.IsZero() {
		return p.Agency.Place + ", ngày     tháng     năm " + strconv.Itoa(p.Year)
	}
	month := strconv.Itoa(int(d.Month))
	if d.Month <= 2 {
		month = fmt.Sprintf("%02d", int(d.Month))
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", p.Agency.Place, d.Day, month, d.Year)
}

// AppendixNote returns the italic reference line under the appendix title:
// "(Kèm theo Kế hoạch số 122/KH-SKH ngày 28/01/2023 của Sở Kế hoạch và Đầu tư)".
// A plan not yet numbered and dated leaves blanks to fill by hand.
func (p Plan) AppendixNote() string {
	date := p.IssueDate.String()
	if date == "" {
		date = "     /     /" + strconv.Itoa(p.Year)
	}
	return fmt.Sprintf("(Kèm theo %s số %s ngày %s của %s)", p.DocType.Name(), p.printedRef(), date, p.Agency.Name)
}

// ColumnHeadings returns the appendix table's column headings, the plan's
// own where it has them and the seed plan's for any left empty.
func (p Plan) ColumnHeadings() [6]string {
	headings := p.Appendix.Columns
	for i, heading := range headings {
		if strings.TrimSpace(heading) == "" {
			headings[i] = DefaultColumns[i]
		}
	}
	return headings
}

// Validate reports the first field that keeps the plan from being saved.
func (p Plan) Validate() error {
	switch {
	case !ValidYear(p.Year):
		return fmt.Errorf("%w: năm kế hoạch %d không hợp lệ", ErrInvalid, p.Year)
	case strings.IndexFunc(p.Number, unicode.IsSpace) >= 0 || strings.Contains(p.Number, "/"):
		return fmt.Errorf("%w: số kế hoạch %q không được chứa dấu cách hay dấu /", ErrInvalid, p.Number)
	}
	for i, s := range p.Sections {
		if s.Level < 1 || s.Level > 3 {
			return fmt.Errorf("%w: mục thứ %d có cấp %d, chỉ dùng cấp 1 đến 3", ErrInvalid, i+1, s.Level)
		}
	}
	return nil
}

// TakeIssuer copies the agency lines, the signer and, when the plan has none,
// the distribution list from the settings: what a new plan is issued under.
func (p *Plan) TakeIssuer(s Settings) {
	p.Agency = s.Agency
	p.Signer = s.Signer
	if len(p.Distribution) == 0 {
		p.Distribution = append([]string(nil), s.Distribution...)
	}
}

// The years a plan may be for.
const (
	MinYear = timeline.MinYear
	MaxYear = timeline.MaxYear
)

// ValidYear reports whether year is one a plan may be for. Every check of
// a plan's year, typed or read from a file, goes through it.
func ValidYear(year int) bool { return timeline.ValidYear(year) }
