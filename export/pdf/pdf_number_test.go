package pdf

import (
	"regexp"
	"strings"
	"testing"
)

// TestPlanNumberReadsTheSameEverywhere prints plan 5 and a plan without a
// number and reads back the number line, the appendix note and the title
// in the metadata: each writes the number one way.
func TestPlanNumberReadsTheSameEverywhere(t *testing.T) {
	tests := []struct {
		number string
		want   []string
		// stray matches a reference written another way.
		stray *regexp.Regexp
	}{
		{"5", []string{"Số: 05/KH-SKH", "(Kèm theo Kế hoạch số 05/KH-SKH ngày 28/01/2023", "Title: Kế hoạch 05/KH-SKH"}, regexp.MustCompile(`(^|[^0-9])5/KH-SKH`)},
		{"", []string{"Số: /KH-SKH", "(Kèm theo Kế hoạch số /KH-SKH ngày 28/01/2023", "Title: Kế hoạch chưa có số"}, regexp.MustCompile(`(^|[^0-9])00/KH-SKH`)},
	}
	for _, tt := range tests {
		t.Run("số "+tt.number, func(t *testing.T) {
			doc := seedPlanDocument(t)
			doc.Plan.Number = tt.number
			path, _ := writePDF(t, doc, testOptions(WithAppendix))
			text := normalizeSpace(poppler(t, "pdftotext", "-raw", path, "-") + "\n" + poppler(t, "pdfinfo", path))
			for _, want := range tt.want {
				if !strings.Contains(text, want) {
					t.Errorf("the PDF lacks %q", want)
				}
			}
			if m := tt.stray.FindString(text); m != "" {
				t.Errorf("the PDF writes the number another way: %q", m)
			}
		})
	}
}
