package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/store"
)

// TestSamples writes the seed plan's PDFs for looking at them:
// CCHC_PDF_SAMPLES=DIR go test ./export/pdf -run Samples, then
// pdftoppm -png -r 80 DIR/plan.pdf DIR/plan.
func TestSamples(t *testing.T) {
	dir := os.Getenv("CCHC_PDF_SAMPLES")
	if dir == "" {
		t.Skip("set CCHC_PDF_SAMPLES=DIR to write sample PDFs")
	}
	samples := map[string]struct {
		doc  store.Bundle
		mode AppendixMode
	}{
		"plan.pdf":       {seedPlanDocument(t), WithAppendix},
		"appendix.pdf":   {seedPlanDocument(t), AppendixOnly},
		"long-names.pdf": {longNamesDocument(t), WithoutAppendix},
		"stress.pdf":     {stressPlan(t), WithAppendix},
	}
	for name, sample := range samples {
		t.Run(name, func(t *testing.T) {
			path, _ := writePDF(t, sample.doc, testOptions(sample.mode))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
