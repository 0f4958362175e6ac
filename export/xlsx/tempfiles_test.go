package xlsx

import (
	"context"
	"io"
	"testing"

	"github.com/kehoach/cchc/export/internal/scratch/scratchtest"
	"github.com/kehoach/cchc/seeds/demo"
)

func TestWorkbookLeavesNoTemporaryFile(t *testing.T) {
	tmp := scratchtest.TempDir(t)
	b := demo.Bundle(demo.Options{Tasks: 3000})
	if err := WriteXLSX(context.Background(), io.Discard, b, XLSXOptions{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	WriteXLSX(ctx, io.Discard, b, XLSXOptions{Progress: func(f float64) {
		if f > 0.3 {
			cancel()
		}
	}})
	scratchtest.AssertEmpty(t, tmp)
}
