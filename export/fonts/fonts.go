package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/kehoach/cchc/assets"
)

// Style is one of the four styles a document is set in.
type Style int

// The styles, in the order FontFamily keeps their files.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
	StyleCount
)

// FontFamily is the typeface documents are set in: Times New Roman, which
// Decree 30/2020 requires, or a face with its metrics.
type FontFamily struct {
	// Name is the typeface's name as people know it, "Times New Roman".
	Name string
	// PostScriptNames are the names the embedded subsets carry in the PDF,
	// regular, bold, italic and bold-italic.
	PostScriptNames [StyleCount]string
	// Files are the TrueType files of the four styles, in the same order.
	Files [StyleCount][]byte
}

// timesFiles are the Windows file names of Times New Roman's four styles.
var timesFiles = [StyleCount]string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}

// BundledFont returns Liberation Serif, carried inside the program (package
// assets, SIL Open Font License): the metrics of Times New Roman, so a
// document breaks its lines where Word would.
func BundledFont() FontFamily {
	return FontFamily{
		Name: "Liberation Serif",
		PostScriptNames: [StyleCount]string{
			"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic",
		},
		Files: [StyleCount][]byte{assets.SerifRegular, assets.SerifBold, assets.SerifItalic, assets.SerifBoldItalic},
	}
}

// TimesNewRoman reads Times New Roman's four styles from a Windows Fonts
// folder (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf). It fails when
// any of them is missing or is not a TrueType font.
func TimesNewRoman(fontsDir string) (FontFamily, error) {
	family := FontFamily{
		Name: "Times New Roman",
		PostScriptNames: [StyleCount]string{
			"TimesNewRomanPSMT", "TimesNewRomanPS-BoldMT", "TimesNewRomanPS-ItalicMT", "TimesNewRomanPS-BoldItalicMT",
		},
	}
	for style, name := range timesFiles {
		path := filepath.Join(fontsDir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			return FontFamily{}, err
		}
		if err := CheckTrueType(data); err != nil {
			return FontFamily{}, fmt.Errorf("%s: %w", path, err)
		}
		family.Files[style] = data
	}
	return family, nil
}

// WindowsFontsDir returns the Windows Fonts folder, %WINDIR%\Fonts, or ""
// on a system that has none.
func WindowsFontsDir() string {
	for _, name := range []string{"WINDIR", "SystemRoot"} {
		if dir := os.Getenv(name); dir != "" {
			return filepath.Join(dir, "Fonts")
		}
	}
	if runtime.GOOS == "windows" {
		return `C:\Windows\Fonts`
	}
	return ""
}

// DocumentFont returns the font documents are printed in: Times New Roman
// from the Windows Fonts folder when all four of its styles are there,
// otherwise the bundled Liberation Serif.
func DocumentFont() FontFamily {
	if dir := WindowsFontsDir(); dir != "" {
		if family, err := TimesNewRoman(dir); err == nil {
			return family
		}
	}
	return BundledFont()
}

// requiredTables are the TrueType tables the PDF writer reads.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"}

// CheckTrueType reports whether data is a TrueType font with outlines the
// PDF writer can embed: it refuses collections (.ttc) and CFF fonts (.otf),
// which the writer would misread without saying so.
func CheckTrueType(data []byte) error {
	if len(data) < 12 {
		return errors.New("not a font file")
	}
	version := binary.BigEndian.Uint32(data)
	if version != 0x00010000 && string(data[:4]) != "true" {
		return errors.New("not a TrueType font")
	}
	numTables := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*numTables {
		return errors.New("truncated font table directory")
	}
	found := make(map[string]bool, numTables)
	for i := 0; i < numTables; i++ {
		found[string(data[12+16*i:16+16*i])] = true
	}
	for _, tag := range requiredTables {
		if !found[tag] {
			return fmt.Errorf("font has no %s table", tag)
		}
	}
	return nil
}

// PostScriptName returns the PostScript name of a style, made from the
// family name when the family gives none, with only the characters a PDF
// name may carry unescaped.
func (family FontFamily) PostScriptName(style Style) string {
	name := family.PostScriptNames[style]
	if name == "" {
		suffixes := [StyleCount]string{"", "-Bold", "-Italic", "-BoldItalic"}
		name = family.Name + suffixes[style]
	}
	name = strings.Map(func(r rune) rune {
		if r == '-' || ('0' <= r && r <= '9') || ('A' <= r && r <= 'Z') || ('a' <= r && r <= 'z') {
			return r
		}
		return -1
	}, name)
	if len(name) < len("Serif") {
		name = "Serif" + name
	}
	return name
}
