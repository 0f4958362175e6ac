package pdf

import "strings"

// signatureGap is the space between the closing lines and the signature block.
const signatureGap = 3.0

// signatureColumns splits the text width at the foot of the plan: the Nơi
// nhận list on the left, the signer on the right.
func (f frameWriter) signatureColumns() (left, right column) {
	width := f.l.page.contentWidth()
	right = column{x: f.l.page.left() + width/2, w: width / 2}
	left = column{x: f.l.page.left(), w: width/2 - columnGutter}
	return left, right
}

// distributionLines measures the Nơi nhận list, one recipient a line, each
// with its dash; a recipient too long for the column breaks into even lines
// that keep word groups whole, hanging under the text after the dash.
func (f frameWriter) distributionLines(c column) []line {
	hang := f.l.textWidth("- ", toListStyle)
	var lines []line
	for _, item := range f.doc.Distribution {
		item = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(item), "- "))
		if item == "" {
			continue
		}
		for i, text := range f.l.phraseLines(item, toListStyle, c.w-hang) {
			if i == 0 {
				lines = append(lines, line{text: "- " + text})
			} else {
				lines = append(lines, line{text: text, indent: hang})
			}
		}
	}
	return lines
}

// signerLines measures the signer's title lines, "KT. GIÁM ĐỐC" then
// "PHÓ GIÁM ĐỐC", each breaking on its own in the column into even lines
// that keep word groups whole and leave no word alone.
func (f frameWriter) signerLines(c column) []string {
	var lines []string
	for _, title := range f.doc.Signer.TitleLines() {
		lines = append(lines, f.l.phraseLines(title, signerStyle, c.w)...)
	}
	return lines
}

// signatureHeight returns the height of the signature block with the gap
// above it: the taller of its two columns.
func (f frameWriter) signatureHeight() float64 {
	left, right := f.signatureColumns()
	leftHeight := toLabelStyle.lineHeight() + float64(len(f.distributionLines(left)))*toListStyle.lineHeight()
	rightHeight := float64(len(f.signerLines(right)))*signerStyle.lineHeight() + signatureSpace
	if f.doc.Signer.Name != "" {
		rightHeight += signerStyle.lineHeight()
	}
	return signatureGap + max(leftHeight, rightHeight)
}

// signature draws the Nơi nhận list on the left, level with the signer's
// title on the right; under the title, the empty room for signature and
// seal, then the name when there is one.
func (f frameWriter) signature() {
	l := f.l
	l.room(f.signatureHeight())
	top := l.y + signatureGap
	left, right := f.signatureColumns()

	// The label and the title differ in size: share their first baseline.
	y := top + signerStyle.baseline() - toLabelStyle.baseline()
	l.drawText(left.x, y, left.w, toLabel, toLabelStyle, "L")
	l.record("distribution", left.x, y, l.textWidth(toLabel, toLabelStyle), toLabelStyle.lineHeight())
	y += toLabelStyle.lineHeight()
	for _, ln := range f.distributionLines(left) {
		l.drawText(left.x+ln.indent, y, left.w-ln.indent, ln.text, toListStyle, "L")
		l.record("distribution", left.x+ln.indent, y, l.textWidth(ln.text, toListStyle), toListStyle.lineHeight())
		y += toListStyle.lineHeight()
	}
	leftBottom := y

	y = top
	for _, title := range f.signerLines(right) {
		y, _ = l.centredLines("signer", right, y, title, signerStyle)
	}
	l.record("signature space", right.x, y, right.w, signatureSpace)
	y += signatureSpace
	if name := f.doc.Signer.Name; name != "" {
		y, _ = l.centredLines("signer name", right, y, name, signerStyle)
	}
	l.y = max(leftBottom, y)
}
