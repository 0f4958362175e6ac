package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/store"
)

// What an imported file says about the plan itself, besides its tasks: the
// reference line under an appendix's title, the heading and title lines, the
// agency line above them.

var (
	// appendixNote reads "(Kèm theo Kế hoạch số 122/KH-SKH ngày 28/01/2023
	// của Sở Kế hoạch và Đầu tư)".
	appendixNote = regexp.MustCompile(`(?i)^\(?\s*kèm theo\s+(.+?)\s+số\s*:?\s*([0-9]+)(?:\s*/\s*([^\s,)]+))?,?(?:\s+ngày\s+(.+?))?(?:\s+của\s+(.+?))?\s*\)?\s*$`)
	// numericDate reads "28/01/2023", "28-1-2023", "28.01.2023".
	numericDate = regexp.MustCompile(`(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)
	// wordedDate reads "ngày 28 tháng 01 năm 2023" without its first word.
	wordedDate = regexp.MustCompile(`(?i)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	// yearInTitle finds the year a plan is for: "... năm 2023".
	yearInTitle = regexp.MustCompile(`(?i)năm\s+(\d{4})`)
)

// parseDateText reads a date written with numbers or in words.
func parseDateText(s string) (store.Date, bool) {
	m := numericDate.FindStringSubmatch(s)
	if m == nil {
		m = wordedDate.FindStringSubmatch(s)
	}
	if m == nil {
		return store.Date{}, false
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	d := store.NewDate(year, time.Month(month), day)
	if d.Day != day || int(d.Month) != month || !store.ValidYear(year) {
		return store.Date{}, false
	}
	return d, true
}

// applyAppendixNote reads a reference line into p and reports whether it
// was one.
func applyAppendixNote(p *store.Plan, line string) bool {
	m := appendixNote.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	if t := store.ParseDocType(m[1]); t != "" {
		p.DocType = t
	}
	p.Number, p.Symbol = m[2], m[3]
	if d, ok := parseDateText(m[4]); ok {
		p.IssueDate = d
	}
	if agency := strings.TrimSpace(m[5]); agency != "" {
		p.Agency.Name = agency
	}
	return true
}

// isAppendixHeading reports whether a line heads an appendix: "BIỂU KẾ
// HOẠCH CHI TIẾT", "Phụ lục I", "PHỤ LỤC".
func isAppendixHeading(line string) bool {
	key := headingKey(line)
	return strings.HasPrefix(key, "bieu ") || key == "phu luc" || strings.HasPrefix(key, "phu luc ")
}

// agencyWords start the names of agencies: "UBND TỈNH ...", "SỞ NỘI VỤ".
var agencyWords = []string{"ubnd ", "uy ban ", "so ", "bo ", "cuc ", "chi cuc ", "tong cuc ", "ban ", "phong ", "van phong ", "thanh tra ", "trung tam ", "hoi dong "}

// isAgencyLine reports whether a line names an agency.
func isAgencyLine(line string) bool {
	key := headingKey(line) + " "
	for _, w := range agencyWords {
		if strings.HasPrefix(key, w) {
			return true
		}
	}
	return false
}

// mergeTitleLines reads the lines above a task table into p: the agency
// lines, the appendix heading ("BIỂU KẾ HOẠCH CHI TIẾT", "PHỤ LỤC") and
// the title under it (or, without a heading, the first other line), and
// the reference line.
func mergeTitleLines(p store.Plan, lines []string) store.Plan {
	var agencies, others []string
	headingAt := -1
	for i, line := range lines {
		switch {
		case applyAppendixNote(&p, line):
		case strings.HasPrefix(line, xlsx.UnitLinePrefix):
		case isAppendixHeading(line) && headingAt < 0:
			p.Appendix.Heading, headingAt = line, i
		case headingAt >= 0 && i == headingAt+1:
			p.Appendix.Title = line
		case headingAt < 0 && isAgencyLine(line):
			agencies = append(agencies, line)
		default:
			others = append(others, line)
		}
	}
	if p.Appendix.Title == "" && len(others) > 0 {
		p.Appendix.Title = others[0]
	}
	if p.Agency.Name == "" && len(agencies) > 0 {
		p.Agency.Name = agencies[len(agencies)-1]
		if len(agencies) > 1 {
			p.Agency.Parent = agencies[len(agencies)-2]
		}
	}
	return p
}

// GuessYear returns the year the imported plan is for: the year its title
// names ("... năm 2023"), else the year it was issued, else fallback.
func (im *Imported) GuessYear(fallback int) int {
	p := im.Bundle.Plan
	for _, text := range []string{p.Appendix.Title, p.Summary, p.Appendix.Heading} {
		if m := yearInTitle.FindStringSubmatch(text); m != nil {
			if year, err := strconv.Atoi(m[1]); err == nil && store.ValidYear(year) {
				return year
			}
		}
	}
	if !p.IssueDate.IsZero() {
		return p.IssueDate.Year
	}
	return fallback
}

// NewPlanBundle returns the bundle to create a new plan from. A plan the
// file gives no number has none until the officer enters it, and the symbol
// of its agency ("KH-SKH") when the file gives none; one without a trích yếu
// takes its table's title. An agency that is the officer's own (or none) is
// left to the store to fill from the settings, with its parent line and place.
func (im *Imported) NewPlanBundle(settings store.Settings) store.Bundle {
	b := im.bundleFor(settings.Agency)
	if b.Plan.Symbol == "" {
		abbrev := b.Plan.Agency.Abbrev
		if b.Plan.Agency == (store.Agency{}) {
			abbrev = settings.Agency.Abbrev
		}
		b.Plan.Symbol = store.SymbolFor(b.Plan.DocType, abbrev)
	}
	if b.Plan.Summary == "" {
		b.Plan.Summary = b.Plan.Appendix.Title
	}
	if b.Plan.Summary == "" {
		b.Plan.Summary = "Nhập từ tệp " + im.File
	}
	return b
}

// ReplacementBundle returns the bundle to replace an existing plan's
// contents with: fields the file leaves out keep the plan's values, and the
// plan's own agency keeps the way it is written.
func (im *Imported) ReplacementBundle(existing store.Plan) store.Bundle {
	b := im.bundleFor(existing.Agency)
	b.Plan.Year = existing.Year
	return b
}

// bundleFor drops the file's agency when it is own, whose fuller details
// (parent line, place, running-text case) the app already has.
func (im *Imported) bundleFor(own store.Agency) store.Bundle {
	b := im.Bundle
	if name := b.Plan.Agency.Name; name == "" || strings.EqualFold(strings.ToUpper(name), strings.ToUpper(own.Name)) {
		b.Plan.Agency = store.Agency{}
	}
	return b
}

// noteMissingNumber tells the officer when the file gives no plan number.
func (im *Imported) noteMissingNumber() {
	if im.Bundle.Plan.Number == "" {
		im.Notes = append(im.Notes, "Tệp không ghi số kế hoạch: nếu tạo kế hoạch mới, kế hoạch "+store.NoNumber+" (văn bản in để trống chỗ ghi số); hãy ghi số và ngày ban hành khi có.")
	}
}
