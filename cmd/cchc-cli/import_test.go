package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/xuri/excelize/v2"

	"github.com/kehoach/cchc/seeds"
)

// exportSeedWorkbook writes the seed plan's workbook and returns its path.
func exportSeedWorkbook(t *testing.T, db string, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "kehoach.xlsx")
	args := append([]string{"--db", db, "export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "-o", out}, extra...)
	if code, _, errOut := cli(t, args...); code != 0 {
		t.Fatalf("export: exit %d %s", code, errOut)
	}
	return out
}

func tasksJSON(t *testing.T, db, plan string) []map[string]any {
	t.Helper()
	code, out, errOut := cli(t, "--db", db, "tasks", "--plan", plan, "--json")
	if code != 0 {
		t.Fatalf("tasks: exit %d %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestImportWorkbookIntoANewYear(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := exportSeedWorkbook(t, db)

	code, out, errOut := cli(t, "--db", db, "import", file, "--plan", "2024", "--dry-run")
	if code != 0 || !strings.Contains(out, "7 lĩnh vực, 21 nhiệm vụ") || !strings.Contains(out, "Chạy thử") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if _, plans, _ := cli(t, "--db", db, "plans"); strings.Contains(plans, "2024") {
		t.Fatal("a dry run created the plan")
	}
	code, out, errOut = cli(t, "--db", db, "import", "--plan", "2024", file)
	if code != 0 || !strings.Contains(out, "Đã nhập 21 nhiệm vụ vào kế hoạch 122/KH-SKH năm 2024") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	got, want := tasksJSON(t, db, "2024"), tasksJSON(t, db, "2023")
	if len(got) != 21 {
		t.Fatalf("%d tasks imported", len(got))
	}
	for i := range want {
		for _, field := range []string{"area", "ordinal", "content", "product", "lead", "timeline"} {
			if got[i][field] != want[i][field] {
				t.Errorf("task %d %s = %v, want %v", i, field, got[i][field], want[i][field])
			}
		}
	}
}

func TestImportIntoAPlanWithTasksNeedsReplace(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := filepath.Join("..", "..", "export", "importer", "testdata", "xlsx", "two-row-header.xlsx")

	code, _, errOut := cli(t, "--db", db, "import", "--plan", "2023", file)
	if code != cmdline.ExitError || !strings.Contains(errOut, "--replace") || !strings.Contains(errOut, "21 nhiệm vụ") {
		t.Fatalf("without --replace: exit %d %s", code, errOut)
	}
	code, out, _ := cli(t, "--db", db, "import", "--plan", "2023", "--dry-run", file)
	if code != 0 || !strings.Contains(out, "--replace") {
		t.Errorf("dry run without --replace: exit %d %s", code, out)
	}
	code, out, errOut = cli(t, "--db", db, "import", file, "--replace", "--plan", "2023")
	if code != 0 || !strings.Contains(out, "Đã nhập 4 nhiệm vụ vào kế hoạch 122/KH-SKH năm 2023") {
		t.Fatalf("with --replace: exit %d\n%s%s", code, out, errOut)
	}
	if rows := tasksJSON(t, db, "2023"); len(rows) != 4 || rows[0]["ordinal"] != "1.1" {
		t.Errorf("tasks after replace: %v", rows)
	}
}

func TestImportListsRowsItCannotRead(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := filepath.Join("..", "..", "export", "importer", "testdata", "xlsx", "messy.xlsx")
	code, out, errOut := cli(t, "--db", db, "import", "--plan", "2025", file)
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	for _, want := range []string{"Không đọc được 3 dòng", "dòng 16: ô TT", "dòng 17: nhiệm vụ “4” không có nội dung", "kế hoạch chưa có số (văn bản in để trống chỗ ghi số)", "Đã nhập 5 nhiệm vụ vào kế hoạch chưa có số năm 2025"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestImportErrorsAreClear(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	dir := t.TempDir()
	old := filepath.Join(dir, "kehoach.doc")
	os.WriteFile(old, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), 0o644)
	empty := filepath.Join(dir, "rong.xlsx")
	os.WriteFile(empty, nil, 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"old Word file", []string{"import", "--plan", "2023", old}, cmdline.ExitError, "Lưu thành"},
		{"empty file", []string{"import", "--plan", "2023", empty}, cmdline.ExitError, "rỗng"},
		{"missing file", []string{"import", "--plan", "2023", filepath.Join(dir, "khong-co.xlsx")}, cmdline.ExitError, "không mở được"},
		{"no file", []string{"import", "--plan", "2023"}, cmdline.ExitUsage, "đúng 1 tham số"},
		{"progress with replace", []string{"import", "--plan", "2023", "--progress", "--replace", old}, cmdline.ExitUsage, "--replace"},
		{"allow-lower without progress", []string{"import", "--plan", "2023", "--allow-lower", old}, cmdline.ExitUsage, "--allow-lower"},
		{"no plan", []string{"import", old}, cmdline.ExitUsage, "thiếu --plan"},
		{"no such plan", []string{"import", "--plan", "122/KH-XYZ", old}, cmdline.ExitError, "không tìm thấy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := cli(t, append([]string{"--db", db}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
				t.Errorf("%v: exit %d %q; want exit %d with %q", tt.args, code, errOut, tt.code, tt.want)
			}
		})
	}
}

func TestProgressFromADivision(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := exportSeedWorkbook(t, db, "--unit", "Thanh tra Sở")

	// The division fills in its three tasks; the officer meanwhile edits I.2.
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for cell, value := range map[string]any{"F6": "Hoàn thành", "H6": "Đã ban hành", "F7": "Đang thực hiện", "G7": 30, "F8": "Đang thực hiện", "G8": 50} {
		f.SetCellValue("Theo dõi", cell, value)
	}
	f.SetCellValue("Theo dõi", "K8", "99999")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, err := seeds.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := st.FindPlan("2023")
	tasks, _ := st.Tasks(plan.ID)
	edited := tasks[1]
	edited.Content += " (sửa)"
	if err := st.UpdateTask(edited); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, errOut := cli(t, "--db", db, "import", "--plan", "2023", "--progress", file, "--dry-run")
	if code != 0 || !strings.Contains(out, "Sẽ cập nhật 1 nhiệm vụ") || !strings.Contains(out, "Chạy thử") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = cli(t, "--db", db, "import", "--progress", "--plan", "2023", file)
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	for _, want := range []string{"Đã cập nhật 1 nhiệm vụ", "Không khớp nhiệm vụ nào của kế hoạch (bỏ qua): dòng 8 (mã 99999)", "sau khi xuất tệp (bỏ qua, hãy xuất lại cho đơn vị): dòng 7"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	rows := tasksJSON(t, db, "2023")
	if rows[0]["status"] != "Hoàn thành" || rows[1]["status"] == "Đang thực hiện" || rows[1]["content"] == tasks[1].Content {
		t.Errorf("after the import: I.1 %v, I.2 %v %v", rows[0]["status"], rows[1]["status"], rows[1]["content"])
	}
}

// TestReturnedSheetNeverGoesBack: a sheet row no newer than what a task
// already has changes nothing and is listed; one that says 100% "not
// started" is listed too.
func TestReturnedSheetNeverGoesBack(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	file := exportSeedWorkbook(t, db, "--unit", "Thanh tra Sở")
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for cell, value := range map[string]any{"F6": "Chưa thực hiện", "G6": 0, "F7": "Chưa thực hiện", "G7": 100} {
		f.SetCellValue("Theo dõi", cell, value)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	runSteps(t, db, []step{{[]string{"update", "--plan", "2023", "--task", "I.1", "--status", "hoan thanh", "--note", "Đã ban hành"}, nil}})
	runSteps(t, db, []step{{[]string{"import", "--plan", "2023", "--progress", file}, []string{
		"Đã cập nhật 0 nhiệm vụ",
		"cập nhật mới hơn hoặc cùng ngày (bỏ qua, không ghi đè tin mới bằng tin cũ): dòng 6",
		"“Chưa thực hiện” (bỏ qua: hãy hỏi đơn vị nhiệm vụ đã hoàn thành hay chưa bắt đầu): dòng 7",
	}}})
	if rows := standingsAt(t, db, "15/07/2023"); rows["I.1"].State != "Hoàn thành đúng hạn" || rows["I.1"].LatestNote != "Đã ban hành" {
		t.Errorf("I.1 after an old sheet: %+v", rows["I.1"])
	}
}
