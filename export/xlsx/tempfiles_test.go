package xlsx

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/kehoach/cchc/seeds/demo"
)

func TestWorkbookLeavesNoTemporaryFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("TMP", tmp)
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
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("the temporary folder holds %d entries, first %s", len(entries), entries[0].Name())
	}
}
