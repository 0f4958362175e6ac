package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/xuri/excelize/v2"
)

func TestExportWorkbook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	out := filepath.Join(t.TempDir(), "bieu.xlsx")
	code, stdout, errOut := cli(t, "--db", db, "export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "-o", out)
	if code != 0 || !strings.Contains(stdout, "Đã ghi "+out) {
		t.Fatalf("exit %d %s%s", code, stdout, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := strings.Join(f.GetSheetList(), "|"); sheets != "Biểu kế hoạch|Theo dõi|Tổng hợp" {
		t.Errorf("sheets %s", sheets)
	}
	rows, _ := f.GetRows("Theo dõi")
	if len(rows) != 4+7+21 {
		t.Errorf("%d tracking rows, want 3 title rows, the header, 7 areas and 21 tasks", len(rows))
	}
}

func TestExportWorkbookForAUnit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	out := filepath.Join(t.TempDir(), "vp.xlsx")
	code, _, errOut := cli(t, "--db", db, "export", "--plan", "2023", "--doc", "appendix", "--unit", "Văn phòng Sở", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Biểu kế hoạch")
	for _, r := range rows[6:] {
		if len(r) > 3 && r[3] != "" && r[3] != "Văn phòng Sở" {
			t.Errorf("row led by %q in the Văn phòng Sở workbook", r[3])
		}
	}

	os.WriteFile(out, []byte("bản cũ"), 0o644)
	code, _, errOut = cli(t, "--db", db, "export", "--plan", "2023", "--doc", "appendix", "--unit", "Phòng Không Có", "-o", out)
	if code != cmdline.ExitError || !strings.Contains(errOut, "không có nhiệm vụ nào") {
		t.Errorf("unknown unit: exit %d %s", code, errOut)
	}
	if data, _ := os.ReadFile(out); string(data) != "bản cũ" {
		t.Error("a failed export replaced the earlier file")
	}
	code, _, errOut = cli(t, "--db", db, "export", "--plan", "2023", "--format", "xlsx", "--no-appendix", "-o", out)
	if code != cmdline.ExitUsage || !strings.Contains(errOut, "--no-appendix") {
		t.Errorf("--no-appendix: exit %d %s", code, errOut)
	}
}
