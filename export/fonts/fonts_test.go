package fonts

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/assets"
)

// windowsWithFonts makes a Windows folder whose Fonts hold the given files,
// and points WINDIR at it.
func windowsWithFonts(t *testing.T, files map[string][]byte) {
	t.Helper()
	windir := t.TempDir()
	fonts := filepath.Join(windir, "Fonts")
	if err := os.Mkdir(fonts, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(fonts, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("WINDIR", windir)
	t.Setenv("SystemRoot", "")
}

// timesStandIns are Liberation Serif's files under Times New Roman's names.
func timesStandIns() map[string][]byte {
	return map[string][]byte{
		"times.ttf": assets.SerifRegular, "timesbd.ttf": assets.SerifBold,
		"timesi.ttf": assets.SerifItalic, "timesbi.ttf": assets.SerifBoldItalic,
	}
}

func TestDocumentFontPrefersTimesNewRoman(t *testing.T) {
	windowsWithFonts(t, timesStandIns())
	font := DocumentFont()
	if font.Name != "Times New Roman" || !bytes.Equal(font.Files[Bold], assets.SerifBold) {
		t.Fatalf("font = %s, want Times New Roman from the Fonts folder", font.Name)
	}
	if got := font.PostScriptName(BoldItalic); got != "TimesNewRomanPS-BoldItalicMT" {
		t.Errorf("PostScript name %q", got)
	}
}

func TestDocumentFontFallsBackToLiberationSerif(t *testing.T) {
	broken := timesStandIns()
	broken["timesbi.ttf"] = []byte("not a font at all")
	missing := timesStandIns()
	delete(missing, "timesi.ttf")
	collection := timesStandIns()
	collection["times.ttf"] = append([]byte("ttcf"), assets.SerifRegular[4:]...)
	for name, files := range map[string]map[string][]byte{"broken": broken, "missing": missing, "collection": collection, "empty": {}} {
		t.Run(name, func(t *testing.T) {
			windowsWithFonts(t, files)
			if font := DocumentFont(); font.Name != "Liberation Serif" {
				t.Errorf("font = %s, want the bundled Liberation Serif", font.Name)
			}
		})
	}
}

func TestBundledFontIsTrueType(t *testing.T) {
	for style, file := range BundledFont().Files {
		if err := CheckTrueType(file); err != nil {
			t.Errorf("style %d: %v", style, err)
		}
	}
	if !bytes.Contains(assets.SerifLicence, []byte("SIL OPEN FONT LICENSE")) {
		t.Error("the OFL licence does not ship with the font")
	}
}
