package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/store"
)

// bigBundle is a plan of n tasks in 20 areas, their texts taken from the
// seed's so that they wrap as real ones do.
func bigBundle(t testing.TB, n int) store.Bundle {
	seed := seedBundle(t)
	var pool []store.Task
	for _, a := range seed.Areas {
		pool = append(pool, a.Tasks...)
	}
	b := store.Bundle{Plan: seed.Plan}
	perArea := n / 20
	id := uint64(0)
	for i := range 20 {
		area := store.AreaTasks{Area: store.Area{ID: uint64(i + 1), Numeral: romanNumerals[i], Name: fmt.Sprintf("Lĩnh vực số %d của kế hoạch", i+1)}}
		for j := range perArea {
			id++
			task := pool[int(id)%len(pool)]
			task.ID, task.Ordinal, task.Order = id, fmt.Sprint(j+1), j+1
			task.Content = fmt.Sprintf("%s (%d)", task.Content, id)
			area.Tasks = append(area.Tasks, task)
		}
		b.Areas = append(b.Areas, area)
	}
	return b
}

var romanNumerals = strings.Fields("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX")

// importHeapPeakMB runs fn and returns the highest live heap it reached above the
// heap before it, in MB, sampled every millisecond.
func importHeapPeakMB(fn func()) float64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		ticker := time.NewTicker(time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				if v := read(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	fn()
	close(done)
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	return float64(peak.Load()-min(base, peak.Load())) / 1e6
}

func BenchmarkWriteXLSX10k(b *testing.B) {
	bundle := bigBundle(b, 10_000)
	opts := XLSXOptions{Today: testToday}
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		peak = max(peak, importHeapPeakMB(func() {
			if err := WriteXLSX(context.Background(), io.Discard, bundle, opts); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}

func BenchmarkReadXLSX10k(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteXLSX(context.Background(), &buf, bigBundle(b, 10_000), XLSXOptions{Today: testToday}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	var peak float64
	b.ResetTimer()
	for b.Loop() {
		peak = max(peak, importHeapPeakMB(func() {
			im, err := ReadPlan(bytes.NewReader(data), "big.xlsx", 2023)
			if err != nil || im.Bundle.TaskCount() != 10_000 {
				b.Fatalf("read %v: %v", im, err)
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
		peak = max(peak, importHeapPeakMB(func() {
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
		{"Theo dõi", trackingCells},
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
