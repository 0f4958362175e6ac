package pdf

import "strings"

// signatureGap is the space between the closing lines and the signature block.
const signatureGap = 3.0

// signatureColumns splits the text width at the foot of the plan: the Nơi
// nhận list on the left, the signer on the right.
func (p planWriter) signatureColumns() (left, right pdfColumn) {
	width := p.l.page.contentWidth()
	right = pdfColumn{x: p.l.page.left() + width/2, w: width / 2}
	left = pdfColumn{x: p.l.page.left(), w: width/2 - columnGutter}
	return left, right
}

// distributionLines measures the Nơi nhận list, one recipient a line, each
// with its dash.
func (p planWriter) distributionLines(c pdfColumn) []pdfLine {
	var lines []pdfLine
	for _, item := range p.plan.Distribution {
		if item = strings.TrimSpace(item); item != "" {
			lines = append(lines, p.l.wrapItems("- "+item, toListStyle, c.w)...)
		}
	}
	return lines
}

// signerLines measures the signer's title lines, "KT. GIÁM ĐỐC" then
// "PHÓ GIÁM ĐỐC", each wrapping on its own in the column.
func (p planWriter) signerLines(c pdfColumn) []string {
	var lines []string
	for _, title := range p.plan.Signer.TitleLines() {
		lines = append(lines, p.l.wrap(title, signerStyle, c.w, c.w)...)
	}
	return lines
}

// signatureHeight returns the height of the signature block with the gap
// above it: the taller of its two columns.
func (p planWriter) signatureHeight() float64 {
	left, right := p.signatureColumns()
	leftHeight := toLabelStyle.lineHeight() + float64(len(p.distributionLines(left)))*toListStyle.lineHeight()
	rightHeight := float64(len(p.signerLines(right)))*signerStyle.lineHeight() + signatureSpace
	if p.plan.Signer.Name != "" {
		rightHeight += signerStyle.lineHeight()
	}
	return signatureGap + max(leftHeight, rightHeight)
}

// signature draws the Nơi nhận list on the left, level with the signer's
// title on the right; under the title, the empty room for signature and
// seal, then the name when there is one.
func (p planWriter) signature() {
	l := p.l
	l.room(p.signatureHeight())
	top := l.y + signatureGap
	left, right := p.signatureColumns()

	// The label and the title differ in size: share their first baseline.
	y := top + signerStyle.baseline() - toLabelStyle.baseline()
	l.drawText(left.x, y, left.w, toLabel, toLabelStyle, "L")
	l.record("distribution", left.x, y, l.textWidth(toLabel, toLabelStyle), toLabelStyle.lineHeight())
	y += toLabelStyle.lineHeight()
	for _, ln := range p.distributionLines(left) {
		l.drawText(left.x+ln.indent, y, left.w-ln.indent, ln.text, toListStyle, "L")
		l.record("distribution", left.x+ln.indent, y, l.textWidth(ln.text, toListStyle), toListStyle.lineHeight())
		y += toListStyle.lineHeight()
	}
	leftBottom := y

	y = top
	for _, title := range p.signerLines(right) {
		y, _ = l.centredLines("signer", right, y, title, signerStyle)
	}
	l.record("signature space", right.x, y, right.w, signatureSpace)
	y += signatureSpace
	if name := p.plan.Signer.Name; name != "" {
		y, _ = l.centredLines("signer name", right, y, name, signerStyle)
	}
	l.y = max(leftBottom, y)
}
