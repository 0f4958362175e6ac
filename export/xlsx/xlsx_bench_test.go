package xlsx

import (
	"context"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/export/internal/heappeak"
	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// bigBundle is a plan of n tasks in 20 areas.
func bigBundle(_ testing.TB, n int) store.Bundle {
	return demo.Bundle(demo.Options{Tasks: n, PerArea: n / 20})
}

func BenchmarkWriteXLSX10k(b *testing.B) {
	bundle := bigBundle(b, 10_000)
	opts := XLSXOptions{Today: testToday}
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		peak = max(peak, heappeak.MB(func() {
			if err := WriteXLSX(context.Background(), io.Discard, bundle, opts); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}

// BenchmarkBaselineXLSX10k writes the same cells with excelize alone, the
// least any writer must do: both table sheets through StreamWriter,
// wrapped bordered cells, a height per row from a character count. Our
// writer should stay within 1.3 times its time.
func BenchmarkBaselineXLSX10k(b *testing.B) {
	bundle := bigBundle(b, 10_000)
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		peak = max(peak, heappeak.MB(func() {
			if err := baselineWorkbook(io.Discard, bundle); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}

func baselineWorkbook(w io.Writer, bundle store.Bundle) error {
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(styleSpec{size: tableSize, horizontal: "left", vertical: "top", bordered: true}.style())
	if err != nil {
		return err
	}
	if _, err := f.NewSheet("Theo dõi"); err != nil {
		return err
	}
	sheets := []struct {
		name  string
		cells func(store.Task) []any
	}{
		{"Sheet1", planCells},
		{"Theo dõi", func(t store.Task) []any { return trackingCells(t, store.Standing{}, bundle.Evidence[t.ID]) }},
	}
	for _, sheet := range sheets {
		sw, err := f.NewStreamWriter(sheet.name)
		if err != nil {
			return err
		}
		row := 0
		for _, a := range bundle.Areas {
			row++
			if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: style, Value: a.Numeral}, excelize.Cell{StyleID: style, Value: a.Name}}); err != nil {
				return err
			}
			for _, t := range a.Tasks {
				row++
				values := sheet.cells(t)
				cells := make([]any, len(values))
				lines := 1
				for i, v := range values {
					cells[i] = excelize.Cell{StyleID: style, Value: v}
					if s, ok := v.(string); ok {
						lines = max(lines, len([]rune(s))/40+1)
					}
				}
				if err := sw.SetRow(cellName(1, row), cells, excelize.RowOpts{Height: float64(lines) * excelLineHeight}); err != nil {
					return err
				}
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}
