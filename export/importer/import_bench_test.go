package importer

import (
	"bytes"
	"context"
	"testing"

	"github.com/kehoach/cchc/export/internal/heappeak"
	"github.com/kehoach/cchc/export/xlsx"
	"github.com/kehoach/cchc/seeds/demo"
)

func BenchmarkReadXLSX10k(b *testing.B) {
	var buf bytes.Buffer
	if err := xlsx.WriteXLSX(context.Background(), &buf, demo.Bundle(demo.Options{Tasks: 10_000, PerArea: 500}), xlsx.XLSXOptions{}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		peak = max(peak, heappeak.MB(func() {
			im, err := ReadPlan(bytes.NewReader(data), "big.xlsx", 2023)
			if err != nil || im.Bundle.TaskCount() != 10_000 {
				b.Fatalf("read %v: %v", im, err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}
