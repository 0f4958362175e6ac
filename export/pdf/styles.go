package pdf

import "github.com/kehoach/cchc/export/fonts"

// The Decree 30 frame: the sizes, styles and places Decree 30/2020, Appendix I
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

// Distances of the frame, in millimetres.
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

// The paragraph styles of the body.
var (
	bodyParagraph = paragraphStyle{text: bodyStyle, indent: firstLineIndent, align: "J", spaceAfter: paragraphGap}
	headingPara   = paragraphStyle{text: headingStyle, indent: firstLineIndent, align: "J", spaceAfter: paragraphGap}
	minorHeading  = paragraphStyle{text: bodyStyle, indent: firstLineIndent, align: "J", spaceAfter: paragraphGap}
)
