package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"
)

// pdfPages returns the sizes of a PDF's pages as pdfinfo gives them.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "1000", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v (install poppler-utils)", path, err)
	}
	var sizes []string
	for _, m := range regexp.MustCompile(`Page\s+\d+ size:\s+(\S+ x \S+)`).FindAllStringSubmatch(string(out), -1) {
		sizes = append(sizes, m[1])
	}
	return sizes
}

const (
	portraitA4  = "595.28 x 841.89"
	landscapeA4 = "841.89 x 595.28"
)

// count returns how many pages have the size.
func count(sizes []string, size string) int {
	n := 0
	for _, s := range sizes {
		if s == size {
			n++
		}
	}
	return n
}

func TestExportPDFDocuments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	dir := t.TempDir()
	tests := []struct {
		name                string
		args                []string
		portrait, landscape bool
	}{
		{"plan.pdf", []string{"--doc", "plan", "--format", "pdf"}, true, true},
		{"plan-only.pdf", []string{"--doc", "plan", "--no-appendix"}, true, false},
		{"appendix.pdf", []string{"--doc", "appendix", "--format", "pdf"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name)
			args := append([]string{"--db", db, "export", "--plan", "2023", "-o", out}, tt.args...)
			code, stdout, stderr := cli(t, args...)
			if code != cmdline.ExitOK {
				t.Fatalf("%s: exit %d: %s", tt.name, code, stderr)
			}
			if !strings.Contains(stdout, "Đã ghi "+out) {
				t.Errorf("%s: stdout %q", tt.name, stdout)
			}
			wantWarning := tt.portrait // the plan's signer block has no name in the seed
			if got := strings.Contains(stderr, "cảnh báo: chưa có họ tên người ký"); got != wantWarning {
				t.Errorf("%s: stderr %q, warning wanted: %v", tt.name, stderr, wantWarning)
			}
			sizes := pdfPages(t, out)
			if (count(sizes, portraitA4) > 0) != tt.portrait || (count(sizes, landscapeA4) > 0) != tt.landscape ||
				count(sizes, portraitA4)+count(sizes, landscapeA4) != len(sizes) {
				t.Errorf("%s: page sizes %v", tt.name, sizes)
			}
		})
	}
}

func TestExportPDFWithSignerName(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := cli(t, "--db", db, "settings", "set", "signer.name", "Nguyễn Văn Bình"); code != cmdline.ExitOK {
		t.Fatalf("settings set: %s", stderr)
	}
	out := filepath.Join(t.TempDir(), "kh.pdf")
	code, _, stderr := cli(t, "--db", db, "export", "--plan", "122/KH-SKH", "-o", out)
	if code != cmdline.ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want a quiet export (format from the file name)", code, stderr)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Nguyễn Văn Bình") {
		t.Error("the signer's name is not in the PDF")
	}
}

func TestExportPDFLeavesEarlierFileWhenItCannotWrite(t *testing.T) {
	db := seededDB(t)
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ky.pdf")
	if err := os.WriteFile(readOnly, []byte("bản cũ"), 0o444); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, out, want string
	}{
		{"read-only file", readOnly, "chỉ đọc"},
		{"missing folder", filepath.Join(dir, "khong", "co", "kh.pdf"), "không tồn tại"},
		{"a folder", dir, "thư mục"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := cli(t, "--db", db, "export", "--plan", "2023", "--format", "pdf", "-o", tt.out)
			first, _, _ := strings.Cut(stderr, "\n")
			if code != cmdline.ExitError || !strings.Contains(first, tt.want) || !strings.HasPrefix(first, "cchc-cli: ") {
				t.Errorf("-o %s: exit %d, stderr %q; want exit 1 and %q", tt.out, code, stderr, tt.want)
			}
		})
	}
	if data, _ := os.ReadFile(readOnly); string(data) != "bản cũ" {
		t.Errorf("the read-only file now holds %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only the earlier file (no temporary left)", len(entries))
	}
}

func TestExportPDFUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"appendix without the appendix", []string{"--doc", "appendix", "--no-appendix"}, "--no-appendix"},
		{"one unit's PDF", []string{"--unit", "Văn phòng Sở"}, "--unit"},
		{"unknown document", []string{"--doc", "bao-cao"}, "--doc"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--db", db, "export", "--plan", "2023", "--format", "pdf", "-o", out}, tt.args...)
			code, _, stderr := cli(t, args...)
			if code != cmdline.ExitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("%v: exit %d, stderr %q", tt.args, code, stderr)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused export wrote a file")
	}
}

func TestExportPDFUsesMarginSettings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := cli(t, "--db", db, "settings", "set", "margins.left", "35"); code != cmdline.ExitOK {
		t.Fatal(stderr)
	}
	out := filepath.Join(t.TempDir(), "kh.pdf")
	if code, _, stderr := cli(t, "--db", db, "export", "--plan", "2023", "--no-appendix", "-o", out); code != cmdline.ExitOK {
		t.Fatal(stderr)
	}
	bbox, err := exec.Command("pdftotext", "-f", "2", "-l", "2", "-bbox", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Lines of running text start at the left margin: 35 mm is 99.21 pt.
	if !strings.Contains(string(bbox), `xMin="99.21`) {
		t.Error("no line of page 2 starts at the 35 mm left margin")
	}
}
