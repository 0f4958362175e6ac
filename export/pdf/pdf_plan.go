package pdf

import (
	"strings"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/store"
)

// The plan document: the sizes, styles and places Decree 30/2020, Appendix I
// gives each element.
var (
	parentStyle  = textStyle{fonts.Regular, 12}    // UBND TỈNH TUYÊN QUANG
	agencyStyle  = textStyle{fonts.Bold, 12}       // SỞ KẾ HOẠCH VÀ ĐẦU TƯ
	nationStyle  = textStyle{fonts.Bold, 12}       // CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	mottoStyle   = textStyle{fonts.Bold, 13}       // Độc lập - Tự do - Hạnh phúc
	numberStyle  = textStyle{fonts.Regular, 13}    // Số: 122/KH-SKH
	dateStyle    = textStyle{fonts.Italic, 14}     // Tuyên Quang, ngày 28 tháng 01 năm 2023
	titleStyle   = textStyle{fonts.Bold, 14}       // KẾ HOẠCH and the trích yếu
	bodyStyle    = textStyle{fonts.Regular, 14}    // running text
	headingStyle = textStyle{fonts.Bold, 14}       // I. ..., 1. ...
	signerStyle  = textStyle{fonts.Bold, 14}       // KT. GIÁM ĐỐC, the name
	toLabelStyle = textStyle{fonts.BoldItalic, 12} // Nơi nhận:
	toListStyle  = textStyle{fonts.Regular, 11}    // - UBND tỉnh;
)

// The fixed strings of the header.
const (
	nationLine = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	mottoLine  = "Độc lập - Tự do - Hạnh phúc"
	toLabel    = "Nơi nhận:"
)

// Distances of the plan's layout, in millimetres.
const (
	// firstLineIndent is the body's first-line indent, 1.27 cm.
	firstLineIndent = 12.7
	// paragraphGap is the space between paragraphs: 6 pt.
	paragraphGap = 6 * ptMM
	// ruleGap is the distance from the last line above a rule to the rule.
	ruleGap = 1.0
	// shortRule is the length of the rules under the agency name and the
	// trích yếu, as a share of their text: Decree 30 asks 1/3 to 1/2.
	shortRule = 0.4
	// columnGutter keeps the two columns of the header and of the signature
	// block apart, so that no line of one runs into a line of the other,
	// for the eye or for text extraction.
	columnGutter = 6.0
	// signatureSpace is the room left for the signature and the seal
	// between the signer's title and name.
	signatureSpace = 30.0
)

// planWriter lays out the plan document on l.
type planWriter struct {
	l    *layout
	plan store.Plan
}

// writePlan lays out the plan on new portrait pages and returns the
// warnings the officer should see.
func writePlan(l *layout, plan store.Plan) []Warning {
	l.startPart(pagePortrait)
	p := planWriter{l: l, plan: plan}
	p.header()
	p.title()
	p.body()
	p.signature()
	if strings.TrimSpace(plan.Signer.Name) == "" {
		return []Warning{WarningNoSignerName}
	}
	return nil
}

// headerColumns splits the text width between the agency (left) and the
// national title (right): the right column is as wide as its widest line
// needs, the left takes the rest but a gutter.
func (p planWriter) headerColumns() (left, right pdfColumn) {
	l := p.l
	width := max(l.textWidth(nationLine, nationStyle), l.textWidth(mottoLine, mottoStyle),
		l.textWidth(p.plan.DateLine(), dateStyle)) + 2
	width = min(width, 0.62*l.page.contentWidth())
	right = pdfColumn{x: l.page.right() - width, w: width}
	left = pdfColumn{x: l.page.left(), w: l.page.contentWidth() - width - columnGutter}
	return left, right
}

// header draws the two columns at the top of page 1 (the agency on the
// left, the national title on the right, each with its rule), then the
// number under the agency and the place and date under the motto, on one
// line.
func (p planWriter) header() {
	l := p.l
	left, right := p.headerColumns()
	top := l.y
	y, _ := l.centredLines("parent", left, top, strings.ToUpper(p.plan.Agency.Parent), parentStyle)
	y, widest := l.centredLines("agency", left, y, strings.ToUpper(p.plan.Agency.Name), agencyStyle)
	leftBottom := y + ruleGap
	l.rule(left.centre(), leftBottom, shortRule*widest)

	y, _ = l.centredLines("nation", right, top, nationLine, nationStyle)
	y, widest = l.centredLines("motto", right, y, mottoLine, mottoStyle)
	rightBottom := y + ruleGap
	l.rule(right.centre(), rightBottom, widest)

	y = max(leftBottom, rightBottom) + 3
	// The number and the date differ in size: share their baseline.
	shift := dateStyle.baseline() - numberStyle.baseline()
	l.centredLines("number", left, y+shift, p.plan.NumberLine(), numberStyle)
	l.y, _ = l.centredLines("date", right, y, p.plan.DateLine(), dateStyle)
}

// title draws the document type and the trích yếu, centred, with the short
// rule under them.
func (p planWriter) title() {
	l := p.l
	c := pdfColumn{x: l.page.left(), w: l.page.contentWidth()}
	y, _ := l.centredLines("type", c, l.y+10, p.plan.DocType.Title(), titleStyle)
	y, widest := l.centredLines("summary", c, y, p.plan.Summary, titleStyle)
	y += ruleGap
	l.rule(c.centre(), y, shortRule*widest)
	l.y = y + 8
}

// The paragraph styles of the body.
var (
	bodyParagraph = paragraphStyle{text: bodyStyle, indent: firstLineIndent, align: "J", spaceAfter: paragraphGap}
	headingPara   = paragraphStyle{text: headingStyle, indent: firstLineIndent, align: "J", spaceAfter: paragraphGap}
	minorHeading  = paragraphStyle{text: bodyStyle, indent: firstLineIndent, align: "J", spaceAfter: paragraphGap}
)

// body sets the legal basis, the introduction, the sections and the closing
// lines. The last closing paragraph is kept on the page of the signature.
func (p planWriter) body() {
	for _, text := range p.plan.LegalBasis {
		p.l.paragraph(text, bodyParagraph)
	}
	for _, text := range p.plan.Intro {
		p.l.paragraph(text, bodyParagraph)
	}
	for _, s := range p.plan.Sections {
		p.section(s)
	}
	closing := p.plan.Closing
	for i, text := range closing {
		if i == len(closing)-1 {
			p.l.room(p.l.paragraphHeight(text, bodyParagraph) + p.signatureHeight())
		}
		p.l.paragraph(text, bodyParagraph)
	}
}

// section sets a heading and its paragraphs. A heading is never the last
// line of a page: it goes with the first two lines under it.
func (p planWriter) section(s store.Section) {
	style := headingStyleOf(s.Level)
	heading := s.Heading()
	if s.Level == 1 {
		heading = strings.ToUpper(heading)
	}
	p.l.room(p.l.paragraphHeight(heading, style) + 2*bodyStyle.lineHeight())
	p.l.paragraph(heading, style)
	for _, text := range s.Paragraphs {
		p.l.paragraph(text, bodyParagraph)
	}
}

// headingStyleOf returns the style of a heading level: "I. ..." and "1. ..."
// bold, "a) ..." upright.
func headingStyleOf(level int) paragraphStyle {
	if level >= 3 {
		return minorHeading
	}
	return headingPara
}
