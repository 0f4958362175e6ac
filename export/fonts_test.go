package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
	if font.Name != "Times New Roman" || !bytes.Equal(font.Files[styleBold], assets.SerifBold) {
		t.Fatalf("font = %s, want Times New Roman from the Fonts folder", font.Name)
	}
	if got := postScriptName(font, styleBoldItalic); got != "TimesNewRomanPS-BoldItalicMT" {
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
		if err := checkTrueType(file); err != nil {
			t.Errorf("style %d: %v", style, err)
		}
	}
	if !bytes.Contains(assets.SerifLicence, []byte("SIL OPEN FONT LICENSE")) {
		t.Error("the OFL licence does not ship with the font")
	}
}

func TestFontRenamerAcrossWrites(t *testing.T) {
	font := BundledFont()
	var names []string
	for style := range styleCount {
		names = append(names, "/utf8"+familyName(style, postScriptName(font, style)))
	}
	input := []byte("<< /BaseFont " + names[0] + " >> /FontName " + names[3] + "\n/utf8cch /utf8cchcz " + names[1] + " end /utf8cc")
	want := "<< /BaseFont /CCHCAA+LiberationSerif >> /FontName /CCHCAD+LiberationSerif-BoldItalic\n/utf8cch /utf8cchcz /CCHCAB+LiberationSerif-Bold end /utf8cc"
	if len(want) != len(input) {
		t.Fatalf("the renamed text is %d bytes, the input %d: offsets would move", len(want), len(input))
	}
	for _, chunk := range []int{1, 2, 3, 7, 1000} {
		var out bytes.Buffer
		r := newFontRenamer(&out, font)
		for rest := input; len(rest) > 0; {
			n := min(chunk, len(rest))
			if written, err := r.Write(rest[:n]); err != nil || written != n {
				t.Fatalf("Write: %d, %v", written, err)
			}
			rest = rest[n:]
		}
		if err := r.Flush(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("chunks of %d:\n got %q\nwant %q", chunk, out.String(), want)
		}
	}
}

func TestTimesNewRomanSubsetsKeepTheirNames(t *testing.T) {
	windowsWithFonts(t, timesStandIns())
	font := DocumentFont()
	opts := testOptions(WithAppendix)
	opts.Font = &font
	path, _ := writePDF(t, seedPlanDocument(t), opts)
	out := poppler(t, "pdffonts", path)
	for _, name := range []string{"CCHCAA+TimesNewRomanPSMT", "CCHCAB+TimesNewRomanPS-BoldMT",
		"CCHCAC+TimesNewRomanPS-ItalicMT", "CCHCAD+TimesNewRomanPS-BoldItalicMT"} {
		if !strings.Contains(out, name) {
			t.Errorf("pdffonts does not list %s:\n%s", name, out)
		}
	}
	if strings.Contains(out, "utf8") {
		t.Errorf("a font kept fpdf's own name:\n%s", out)
	}
}
