package scratch

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/export/internal/scratch/scratchtest"
)

func TestDirIsRemovedAndStaleOnesGo(t *testing.T) {
	tmp := scratchtest.TempDir(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(tmp, fmt.Sprintf("%s%d-123", prefix, cmd.Process.Pid))
	os.MkdirAll(filepath.Join(stale, "x"), 0o700)
	other := filepath.Join(tmp, "cua-nguoi-khac")
	os.Mkdir(other, 0o700)
	dir, remove, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "excelize-1"), []byte("x"), 0o600)
	remove()
	for path, want := range map[string]bool{stale: false, dir: false, other: true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(path), err == nil, want)
		}
	}
}
