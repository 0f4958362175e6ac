package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/assets"
	"github.com/kehoach/cchc/export/fonts"
)

// timesStandIn reads Liberation Serif's files under Times New Roman's names
// from a Windows Fonts folder made for the test.
func timesStandIn(t *testing.T) fonts.FontFamily {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"times.ttf": assets.SerifRegular, "timesbd.ttf": assets.SerifBold,
		"timesi.ttf": assets.SerifItalic, "timesbi.ttf": assets.SerifBoldItalic,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	font, err := fonts.TimesNewRoman(dir)
	if err != nil {
		t.Fatal(err)
	}
	return font
}

func TestFontRenamerAcrossWrites(t *testing.T) {
	font := fonts.BundledFont()
	var names []string
	for style := range fonts.StyleCount {
		names = append(names, "/utf8"+familyName(style, font.PostScriptName(style)))
	}
	input := []byte("<< /BaseFont " + names[0] + " >> /FontName " + names[3] + "\n/utf8cch /utf8cchcz " + names[1] + " end /utf8cc")
	want := "<< /BaseFont /CCHCAA+LiberationSerif >> /FontName /CCHCAD+LiberationSerif-BoldItalic\n/utf8cch /utf8cchcz /CCHCAB+LiberationSerif-Bold end /utf8cc"
	if len(want) != len(input) {
		t.Fatalf("the renamed text is %d bytes, the input %d: offsets would move", len(want), len(input))
	}
	for _, chunk := range []int{1, 2, 3, 7, 1000} {
		t.Run(fmt.Sprintf("chunks of %d", chunk), func(t *testing.T) {
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
		})
	}
}

func TestTimesNewRomanSubsetsKeepTheirNames(t *testing.T) {
	font := timesStandIn(t)
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
