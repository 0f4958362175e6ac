package importer

import (
	"fmt"
	"unicode"
)

// Before Unicode, Vietnamese offices typed in TCVN3 (ABC, the ".VnTime"
// fonts) or VNI (the "VNI-Times" fonts): each Vietnamese letter is a byte
// (TCVN3) or a letter and a mark byte (VNI) that the special font draws as
// the letter. Opened without those fonts, or read as text, they are Latin-1
// garbage: "C¶i c¸ch hµnh chÝnh" (TCVN3), "Caûi caùch haønh chính" (VNI).
// Such text is recognised and refused with its name, not imported.

// The legacy encodings detectLegacyEncoding names.
const (
	encodingTCVN3 = "TCVN3"
	encodingVNI   = "VNI"
)

// isTCVN3Mark reports whether r is a character TCVN3 text is full of and
// Unicode Vietnamese never has: "¸" for "á", "µ" for "à", "®" for "đ" ...
func isTCVN3Mark(r rune) bool {
	switch {
	case r >= 0xA1 && r <= 0xAF, r >= 0xB4 && r <= 0xBF:
		return true
	}
	switch r {
	case 'Ë', 'Î', 'Ð', '×', 'Ü', 'Þ', 'ß', 'ä', 'å', 'ç', 'ë', 'î', '÷', 'ü', 'þ':
		return true
	}
	return false
}

// isVNIMark reports whether r is a mark byte of VNI that Unicode Vietnamese
// never has: "ø" (huyền), "û" (hỏi), "ï" (nặng), "ö" (ư), "ñ" (đ) ...
func isVNIMark(r rune) bool {
	switch r {
	case 'ø', 'û', 'ï', 'ö', 'ñ', 'æ', 'Ø', 'Û', 'Ï', 'Ö', 'Ñ', 'Æ':
		return true
	}
	return false
}

// isVietnameseUnicode reports whether r is a Vietnamese letter only Unicode
// has: ă, đ, ơ, ư and the letters of the Latin Extended Additional block.
func isVietnameseUnicode(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ă', 'đ', 'ơ', 'ư', 'ĩ', 'ũ':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}

// detectLegacyEncoding names the legacy encoding text is typed in, TCVN3 or
// VNI, or returns "" for Unicode (or too little text to tell).
func detectLegacyEncoding(text string) string {
	var letters, tcvn, vni, unicodeVN int
	for _, r := range text {
		switch {
		case isVietnameseUnicode(r):
			unicodeVN++
		case isTCVN3Mark(r):
			tcvn++
		case isVNIMark(r):
			vni++
		}
		if unicode.IsLetter(r) || r > 0xA0 && r <= 0xFF {
			letters++
		}
	}
	legacy := tcvn + vni
	if legacy < 3 || legacy*40 < letters || unicodeVN >= legacy {
		return ""
	}
	if tcvn >= vni {
		return encodingTCVN3
	}
	return encodingVNI
}

// legacyEncodingError tells the officer which encoding a file is typed in
// and how to convert it.
func legacyEncodingError(name, encoding string) error {
	source := "TCVN3 (ABC)"
	fonts := "phông .VnTime"
	if encoding == encodingVNI {
		source, fonts = "VNI Windows", "phông VNI-Times"
	}
	return fmt.Errorf("%s: %w: văn bản được gõ bằng bảng mã %s (%s); hãy mở tệp, chọn toàn bộ, dùng Unikey (Công cụ chuyển mã, nguồn %s, đích Unicode) để chuyển sang Unicode, lưu lại rồi nhập lại",
		name, ErrLegacyEncoding, encoding, fonts, source)
}
