package pdf

import (
	"bytes"
	"io"
	"strings"

	"github.com/kehoach/cchc/export/fonts"
)

// fpdf names an embedded UTF-8 font "utf8" + its lower-cased family, and
// writes no subset tag although it embeds only the glyphs a document uses.
// Readers (and pdffonts) tell a subset by the tag: six capitals and "+"
// before the PostScript name. So each style is registered under a family
// name of exactly the right length, and fontRenamer swaps the name fpdf
// writes, "/utf8cchcb…", for "/CCHCAB+LiberationSerif-Bold" as the document
// goes out. The two have the same length, so no offset in the file moves.

// fontNameMarker starts every font name fpdf writes for our families.
const fontNameMarker = "/utf8cchc"

// familyName returns the family a style is registered under in fpdf: it is
// as long as the subset name that replaces it in the output.
func familyName(style fonts.Style, postScriptName string) string {
	prefix := "cchc" + string(rune('a'+style))
	// "/utf8" + family must be as long as "/" + tag + postScriptName.
	length := len(subsetTag(style)) + len(postScriptName) - len("utf8")
	return prefix + strings.Repeat("x", length-len(prefix))
}

// subsetTag returns the subset tag of a style, "CCHCAA+" for regular.
func subsetTag(style fonts.Style) string {
	return "CCHCA" + string(rune('A'+style)) + "+"
}

// fontRenamer writes through to w, replacing the font names fpdf writes
// with subset names of the same length.
type fontRenamer struct {
	w       io.Writer
	from    [][]byte
	to      [][]byte
	longest int
	// carry holds the end of the last write when it may begin a name.
	carry []byte
}

// newFontRenamer prepares the replacements for a font family.
func newFontRenamer(w io.Writer, family fonts.FontFamily) *fontRenamer {
	r := &fontRenamer{w: w}
	for style := range fonts.StyleCount {
		ps := family.PostScriptName(style)
		from := []byte("/utf8" + familyName(style, ps))
		r.from = append(r.from, from)
		r.to = append(r.to, []byte("/"+subsetTag(style)+ps))
		r.longest = max(r.longest, len(from))
	}
	return r
}

// Write replaces the names in p and passes the rest through unchanged.
func (r *fontRenamer) Write(p []byte) (int, error) {
	n := len(p)
	if len(r.carry) > 0 {
		p = append(r.carry, p...)
		r.carry = nil
	}
	for {
		i := bytes.Index(p, []byte(fontNameMarker))
		if i < 0 {
			break
		}
		if len(p)-i < r.longest {
			return n, r.keep(p, i)
		}
		if _, err := r.w.Write(p[:i]); err != nil {
			return 0, err
		}
		p = p[i:]
		skip, err := r.replaceAt(p)
		if err != nil {
			return 0, err
		}
		p = p[skip:]
	}
	return n, r.keep(p, len(p)-partialMarker(p))
}

// replaceAt writes the subset name for the font name p starts with, or just
// p's first byte when it is none of ours, and returns how much of p it used.
func (r *fontRenamer) replaceAt(p []byte) (int, error) {
	for k, from := range r.from {
		if bytes.HasPrefix(p, from) {
			_, err := r.w.Write(r.to[k])
			return len(from), err
		}
	}
	_, err := r.w.Write(p[:1])
	return 1, err
}

// keep writes p up to at and holds the rest back for the next write.
func (r *fontRenamer) keep(p []byte, at int) error {
	r.carry = append([]byte(nil), p[at:]...)
	_, err := r.w.Write(p[:at])
	return err
}

// Flush writes what is held back; call it after the last Write.
func (r *fontRenamer) Flush() error {
	_, err := r.w.Write(r.carry)
	r.carry = nil
	return err
}

// partialMarker returns the length of the longest end of p that is a
// beginning of fontNameMarker.
func partialMarker(p []byte) int {
	for n := min(len(fontNameMarker)-1, len(p)); n > 0; n-- {
		if bytes.HasSuffix(p, []byte(fontNameMarker[:n])) {
			return n
		}
	}
	return 0
}
