package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kehoach/cchc/export/importer/docx"

	"github.com/kehoach/cchc/store"
)

// A Word plan opens with the agency and the Quốc hiệu side by side (often in
// a borderless table), then the number and the place and date, the type
// ("KẾ HOẠCH") and the trích yếu, the legal basis, the body under its
// headings, the closing paragraphs, the Nơi nhận list beside the signer, and
// the appendix. readDocxPlan reads these, in order, into a plan.

// docxLine is one line of the document before the task table.
type docxLine struct {
	text     string
	centered bool
	bold     bool
	inTable  bool
}

// docxLines flattens paragraphs and the cells of tables into lines.
func docxLines(blocks []docx.Block) []docxLine {
	var lines []docxLine
	add := func(p docx.Para, inTable bool) {
		for _, text := range strings.Split(p.Text, "\n") {
			if text, _ = cleanCell(text); text != "" {
				lines = append(lines, docxLine{text: text, centered: p.Centered, bold: p.Bold, inTable: inTable})
			}
		}
	}
	for _, b := range blocks {
		if b.Para != nil {
			add(*b.Para, false)
			continue
		}
		for _, r := range b.Table {
			for _, c := range r.Cells {
				for _, p := range c.Paras {
					add(p, true)
				}
			}
		}
	}
	return lines
}

var (
	numberLine   = regexp.MustCompile(`^Số\s*:\s*([0-9]*)\s*/?\s*([^\s]*)\s*$`)
	level1       = regexp.MustCompile(`^([IVXL]+)\s*[.)]\s*(\S.*)$`)
	level2       = regexp.MustCompile(`^(\d{1,2})\s*[.)]\s*(\S.*)$`)
	level3       = regexp.MustCompile(`^([a-zđ])\s*\)\s*(\S.*)$`)
	ruleLine     = regexp.MustCompile(`^[-_–—=.*\s]+$`)
	nationalLine = []string{"cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc"}
)

// bodyReader reads the lines of a plan into its fields.
type bodyReader struct {
	plan        store.Plan
	state       int
	agencyLines []string
	closing     bool
	signer      []string
}

// The parts of a plan in order.
const (
	partHeader = iota
	partSummary
	partBody
	partSignature
	partAppendix
)

// readDocxPlan reads the header and body of a Word plan into p.
func readDocxPlan(blocks []docx.Block, p store.Plan) store.Plan {
	r := &bodyReader{plan: p}
	lines := docxLines(blocks)
	for i, line := range lines {
		if r.state != partHeader && isAppendixHeading(line.text) {
			r.plan = mergeTitleLines(r.plan, texts(lines[i:]))
			break
		}
		r.read(line)
	}
	r.finish(lines)
	return r.plan
}

func texts(lines []docxLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
	}
	return out
}

// read takes one line in the current part.
func (r *bodyReader) read(line docxLine) {
	switch r.state {
	case partHeader:
		r.headerLine(line)
	case partSummary:
		if line.centered && !isBodyStart(line.text) {
			if !ruleLine.MatchString(line.text) {
				r.plan.Summary = strings.TrimSpace(r.plan.Summary + " " + line.text)
			}
			return
		}
		r.state = partBody
		r.bodyLine(line)
	case partBody:
		r.bodyLine(line)
	case partSignature:
		r.signatureLine(line)
	}
}

// headerLine reads the agency, number, date and type lines.
func (r *bodyReader) headerLine(line docxLine) {
	key := headingKey(line.text)
	switch {
	case strings.HasPrefix(key, nationalLine[0]) || strings.HasPrefix(key, nationalLine[1]) || ruleLine.MatchString(line.text):
	case numberLine.MatchString(line.text):
		m := numberLine.FindStringSubmatch(line.text)
		r.plan.Number, r.plan.Symbol = m[1], m[2]
	case strings.Contains(key, " ngay ") && wordedDate.MatchString(line.text):
		if d, ok := parseDateText(line.text); ok {
			r.plan.IssueDate = d
		}
		place, _, _ := strings.Cut(line.text, ",")
		r.plan.Agency.Place = strings.TrimSpace(place)
	case isDocTypeTitle(line.text) != "":
		r.plan.DocType = isDocTypeTitle(line.text)
		r.state = partSummary
	case line.text == strings.ToUpper(line.text) && r.plan.Number == "":
		r.agencyLines = append(r.agencyLines, line.text)
	}
}

// isDocTypeTitle returns the type a title line names, "KẾ HOẠCH".
func isDocTypeTitle(text string) store.DocType {
	for _, t := range store.DocTypes {
		if strings.TrimSpace(text) == t.Title() {
			return t
		}
	}
	return ""
}

// isBodyStart reports whether a line opens the body: the legal basis or
// the first heading.
func isBodyStart(text string) bool {
	key := headingKey(text)
	return strings.HasPrefix(key, "can cu") || strings.HasPrefix(key, "thuc hien") || level1.MatchString(text)
}

// bodyLine reads the legal basis, intro, headings and paragraphs.
func (r *bodyReader) bodyLine(line docxLine) {
	key := headingKey(line.text)
	p := &r.plan
	switch {
	case strings.HasPrefix(key, "noi nhan"):
		r.state = partSignature
		if _, rest, ok := strings.Cut(line.text, ":"); ok && strings.TrimSpace(rest) != "" {
			r.signatureLine(docxLine{text: strings.TrimSpace(rest), inTable: line.inTable})
		}
	case r.heading(line):
	case len(p.Sections) == 0 && (strings.HasPrefix(key, "can cu") || strings.HasPrefix(key, "thuc hien")) && len(p.Intro) == 0:
		p.LegalBasis = append(p.LegalBasis, line.text)
	case len(p.Sections) == 0:
		p.Intro = append(p.Intro, line.text)
	case r.closing || strings.HasPrefix(key, "tren day") || isAttachmentNote(line.text):
		r.closing = true
		p.Closing = append(p.Closing, line.text)
	default:
		last := &p.Sections[len(p.Sections)-1]
		last.Paragraphs = append(last.Paragraphs, line.text)
	}
}

// isAttachmentNote reports whether a line is "(Có Biểu chi tiết ... kèm theo)".
func isAttachmentNote(text string) bool {
	return strings.HasPrefix(text, "(") && strings.Contains(headingKey(text), "kem theo")
}

// heading takes a heading line as a new section and reports whether it was
// one: "I. ..." at level 1, "1. ..." and "a) ..." at levels 2 and 3 when
// bold or short, since numbered body paragraphs are neither.
func (r *bodyReader) heading(line docxLine) bool {
	if r.closing {
		return false
	}
	short := utf8.RuneCountInString(line.text) <= 120 && !strings.HasSuffix(line.text, ".") && !strings.HasSuffix(line.text, ";")
	patterns := []struct {
		level int
		re    *regexp.Regexp
		ok    bool
	}{
		{1, level1, true},
		{2, level2, line.bold || short},
		{3, level3, line.bold || short},
	}
	for _, pt := range patterns {
		if m := pt.re.FindStringSubmatch(line.text); m != nil && pt.ok {
			r.plan.Sections = append(r.plan.Sections, store.Section{Level: pt.level, Number: m[1], Title: m[2]})
			return true
		}
	}
	return false
}

// signatureLine reads the Nơi nhận list and the signer's lines.
func (r *bodyReader) signatureLine(line docxLine) {
	text := line.text
	switch {
	case strings.HasPrefix(text, "-") || strings.HasPrefix(text, "+"):
		r.plan.Distribution = append(r.plan.Distribution, strings.TrimSpace(strings.TrimLeft(text, "-+")))
	case strings.HasPrefix(headingKey(text), "noi nhan"):
	default:
		r.signer = append(r.signer, text)
	}
}

// finish settles what can only be known at the end: the agency lines, its
// name as running text writes it, its abbreviation, and the signer.
func (r *bodyReader) finish(lines []docxLine) {
	p := &r.plan
	switch len(r.agencyLines) {
	case 0:
	case 1:
		p.Agency.Name = r.agencyLines[0]
	default:
		p.Agency.Parent = r.agencyLines[len(r.agencyLines)-2]
		p.Agency.Name = r.agencyLines[len(r.agencyLines)-1]
	}
	if p.Agency.Name != "" {
		p.Agency.Name = runningCase(p.Agency.Name, lines)
	}
	if _, abbrev, ok := strings.Cut(p.Symbol, "-"); ok {
		p.Agency.Abbrev = abbrev
	}
	p.Signer = readSigner(r.signer)
}

// runningCase finds how the body writes an agency name printed in capitals
// in the header ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch và Đầu tư"); the
// capitals stay when the body never names it.
func runningCase(upper string, lines []docxLine) string {
	for _, l := range lines {
		folded := strings.ToUpper(l.text)
		if len(folded) != len(l.text) {
			continue
		}
		if i := strings.Index(folded, upper); i >= 0 && l.text[i:i+len(upper)] != upper {
			return l.text[i : i+len(upper)]
		}
	}
	return upper
}

// readSigner reads the signer's lines: titles in capitals, the first with
// its authority ("KT. GIÁM ĐỐC"), then the name.
func readSigner(lines []string) store.Signer {
	var s store.Signer
	var titles []string
	for _, line := range lines {
		if line == strings.ToUpper(line) {
			titles = append(titles, line)
		} else {
			s.Name = line
		}
	}
	if len(titles) == 0 {
		return s
	}
	head := titles[0]
	if prefix, rest, ok := strings.Cut(head, " "); ok && strings.HasSuffix(prefix, ".") {
		if authority, err := store.ParseAuthority(prefix); err == nil {
			s.Authority, head = authority, strings.TrimSpace(rest)
		}
	}
	s.HeadTitle = head
	if len(titles) > 1 && s.Authority != store.AuthorityNone {
		s.OwnTitle = titles[1]
	}
	return s
}
