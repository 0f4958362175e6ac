package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
)

// step is one command line of a scripted session and what its output holds.
type step struct {
	args []string
	want []string
}

// runSteps runs each step against dbPath, which must exit 0 and print what it wants.
func runSteps(t *testing.T, dbPath string, steps []step) {
	t.Helper()
	for _, s := range steps {
		code, out, errOut := cli(t, append([]string{"--db", dbPath}, s.args...)...)
		if code != cmdline.ExitOK {
			t.Fatalf("%v: exit %d %s", s.args, code, errOut)
		}
		for _, want := range s.want {
			if !strings.Contains(out, want) {
				t.Errorf("%v: output lacks %q:\n%s", s.args, want, out)
			}
		}
	}
}

func TestEditingThePlanFromTheCLI(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	runSteps(t, dbPath, []step{
		{[]string{"task", "add", "--plan", "2023", "--area", "vii", "--content", "Tổng kết công tác cải cách hành chính", "--lead", "Văn phòng Sở",
			"--coordinating", "Thanh tra Sở; Phòng Tổng hợp", "--timeline", "Quý IV/2023"}, []string{"Đã thêm nhiệm vụ VII.4", "Quý IV/2023 → 31/12/2023"}},
		{[]string{"task", "add", "--plan", "2023", "--area", "VII", "--content", "Việc chưa rõ hạn", "--timeline", "Quý V/2023"},
			[]string{"VII.5", "không xác định được hạn: không đọc được “Quý V/2023”: quý chỉ từ I đến IV"}},
		{[]string{"task", "edit", "--plan", "2023", "--task", "VII.5", "--timeline", "Tháng 11/2023", "--product", "Báo cáo"}, []string{"Đã sửa nhiệm vụ VII.5", "Tháng 11/2023 → 30/11/2023"}},
		{[]string{"task", "move", "--plan", "2023", "--task", "VII.5", "--to", "1"}, []string{"nay là nhiệm vụ VII.1"}},
		{[]string{"task", "duplicate", "--plan", "2023", "--task", "VII.1"}, []string{"thành nhiệm vụ VII.2"}},
		{[]string{"task", "delete", "--plan", "2023", "--task", "VII.2"}, []string{"Đã xoá nhiệm vụ VII.2", "cchc-cli task undo"}},
		{[]string{"task", "undo"}, []string{"Đã khôi phục nhiệm vụ VII.2"}},
		{[]string{"area", "move", "--plan", "2023", "--area", "VII", "--to", "1"}, []string{"nay là lĩnh vực I"}},
		{[]string{"plan", "edit", "--plan", "2023", "--number", "5", "--date", "03/02/2023", "--summary", "Kế hoạch CCHC năm 2023 (sửa)"},
			[]string{"Đã sửa kế hoạch 05/KH-SKH ngày 03/02/2023: Kế hoạch CCHC năm 2023 (sửa)"}},
	})
	st, err := seeds.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkEditedPlan(t, st)
}

// checkEditedPlan checks the seed plan after TestEditingThePlanFromTheCLI:
// area VII first, its tasks in their new order.
func checkEditedPlan(t *testing.T, st *db.Store) {
	t.Helper()
	plan, err := st.FindPlan("5/KH-SKH")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := st.Bundle(plan.ID)
	first := b.Areas[0]
	var lines []string
	for _, task := range first.Tasks {
		lines = append(lines, task.Ordinal+" "+cmdline.Shorten(task.Content, 30))
	}
	want := []string{"1 Việc chưa rõ hạn", "2 Việc chưa rõ hạn", "3 Xây dựng và tổ chức thực hiện…", "4 Ban hành Kế hoạch tuyên truyề…", "5 Tổ chức đánh giá, chấm điểm x…", "6 Tổng kết công tác cải cách hà…"}
	if first.Numeral != "I" || strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("area %s: %q\nwant %q", first.Numeral, lines, want)
	}
	if b.Areas[1].Numeral != "II" || b.Areas[1].Name != "Cải cách thể chế" || plan.IssueDate != store.NewDate(2023, 2, 3) {
		t.Errorf("areas after the move: %s %s; plan dated %s", b.Areas[1].Numeral, b.Areas[1].Name, plan.IssueDate)
	}
	last := first.Tasks[5]
	if last.Lead != "Văn phòng Sở" || strings.Join(last.Coordinating, ";") != "Thanh tra Sở;Phòng Tổng hợp" {
		t.Errorf("added task %+v", last)
	}
}

func TestEditRefusalsNameTheArgument(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"task", "add", "--plan", "2023", "--area", "I"}, "thiếu --content"},
		{[]string{"task", "add", "--plan", "2023", "--area", "XX", "--content", "x"}, "--area: kế hoạch không có lĩnh vực “XX”"},
		{[]string{"task", "move", "--plan", "2023", "--task", "I.1"}, "thiếu --to"},
		{[]string{"plan", "edit", "--plan", "2023"}, "plan edit cần ít nhất một trường"},
		{[]string{"plan", "edit", "--plan", "2023", "--date", "2023-02-03"}, "--date: ngày “2023-02-03”"},
		{[]string{"task", "frob"}, "lệnh task cần một việc ngay sau tên lệnh: add, delete, duplicate, edit, move, undo"},
		{[]string{"evidence", "add", "--plan", "2023", "--task", "I.1"}, "thiếu --ref và --title"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := cli(t, append([]string{"--db", dbPath}, tt.args...)...)
			if code != cmdline.ExitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, cmdline.ExitUsage, tt.want)
			}
		})
	}
}

func TestEvidenceWithAFile(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "x.db")
	file := filepath.Join(t.TempDir(), "ke-hoach.pdf")
	if err := os.WriteFile(file, []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	runSteps(t, dbPath, []step{
		{[]string{"evidence", "add", "--plan", "2023", "--task", "VII.1", "--ref", "15/KH-TTr", "--date", "10/03/2023", "--title", "Kế hoạch kiểm tra", "--issuer", "Thanh tra Sở", "--file", file},
			[]string{"Kế hoạch kiểm tra (15/KH-TTr ngày 10/03/2023)", filepath.Join(dir, "evidence")}},
		{[]string{"evidence", "add", "--plan", "2023", "--task", "I.1", "--title", "Báo cáo rà soát"}, []string{"Báo cáo rà soát"}},
		{[]string{"evidence", "list", "--plan", "2023"}, []string{"VII.1", "15/KH-TTr", "Thanh tra Sở", ".pdf", "I.1", "Báo cáo rà soát"}},
		{[]string{"evidence", "list", "--plan", "2023", "--task", "II.1"}, []string{"Chưa có tài liệu kiểm chứng nào."}},
	})
}

func TestDemoRefusesToOverwrite(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "demo.db")
	runSteps(t, dbPath, []step{
		{[]string{"demo", "--tasks", "60"}, []string{"999/KH-DEMO năm 2023 với 60 nhiệm vụ"}},
		{[]string{"tasks", "--plan", "999/KH-DEMO", "--as-of", "31/12/2023"}, []string{"Tình trạng ngày 31/12/2023", "hoàn thành đúng hạn"}},
	})
	code, _, errOut := cli(t, "--db", dbPath, "demo", "--tasks", "60")
	if code != cmdline.ExitUsage || !strings.Contains(errOut, "đã có; thêm --force để ghi đè") {
		t.Errorf("second demo: exit %d %s", code, errOut)
	}
	runSteps(t, dbPath, []step{{[]string{"demo", "--tasks", "30", "--force"}, []string{"với 30 nhiệm vụ"}}})
	if code, _, errOut := cli(t, "demo", "--tasks", "10"); code != cmdline.ExitUsage || !strings.Contains(errOut, "thiếu --db") {
		t.Errorf("demo without --db: exit %d %s", code, errOut)
	}
}
