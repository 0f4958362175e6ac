package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"
	"github.com/kehoach/cchc/cmd/cchc-cli/internal/reports"
	"github.com/kehoach/cchc/cmd/cchc-cli/internal/tasks"
)

// mustRun runs a command line that must succeed and returns its stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, args...)
	if code != cmdline.ExitOK {
		t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
	}
	return out
}

func TestTargetsActualsAndFiguresThroughTheCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "chi-tieu.db")
	out := mustRun(t, "--db", db, "actual", "--plan", "2023", "--target", "III.2.1", "--period", "Q1", "--value", "152", "--of", "160", "--note", "Hệ thống một cửa")
	if !strings.Contains(out, "Thực hiện: 95% (152/160) · Đánh giá: đạt") {
		t.Errorf("actual: %s", out)
	}
	mustRun(t, "--db", db, "target", "edit", "--plan", "2023", "--target", "III.2.2", "--baseline", "45")
	out = mustRun(t, "--db", db, "actual", "--plan", "2023", "--target", "iii.2.2", "--period", "năm", "--value", "64%")
	if !strings.Contains(out, "(năm 2022: 45%) · Thực hiện: 64% · Đánh giá: không đạt") {
		t.Errorf("increase in points: %s", out)
	}
	out = mustRun(t, "--db", db, "figures", "--plan", "2023", "--period", "Q1", "--set", "resolved.early=120",
		"--set", "resolved.onTime=38", "--set", "resolved.late=2", "--set", "satisfaction.percent=97,5")
	for _, want := range []string{"Số hồ sơ giải quyết trước hạn", "120", "Chỉ tiêu tính từ số liệu thống kê:",
		"II.2.1: 98,75% (158/160 hồ sơ), không đạt", "III.2.4: 97,5%, đạt", "III.2.1: đã nhập trực tiếp 95% (152/160)"} {
		if !strings.Contains(out, want) {
			t.Errorf("figures lack %q:\n%s", want, out)
		}
	}
	var rows []reports.TargetJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "targets", "--plan", "2023", "--period", "Q1", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 26 || rows[6].Code != "III.2.1" || rows[6].Actual == nil || *rows[6].Actual != 95 || rows[6].Verdict != "đạt" {
		t.Errorf("targets --json: %d rows, %+v", len(rows), rows[6])
	}
	if rows[2].Source != "tính từ số liệu thống kê" || rows[2].Verdict != "không đạt" {
		t.Errorf("a fed target: %+v", rows[2])
	}
}

func TestTargetCommandErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "loi.db")
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no period", []string{"targets", "--plan", "2023"}, cmdline.ExitUsage, "thiếu --period"},
		{"bad period", []string{"targets", "--plan", "2023", "--period", "Q5"}, cmdline.ExitUsage, "kỳ báo cáo"},
		{"unknown target", []string{"actual", "--plan", "2023", "--target", "IX.1.1", "--period", "Q1", "--value", "1"}, cmdline.ExitError, "IX.1.1"},
		{"value and clear", []string{"actual", "--plan", "2023", "--target", "II.1.1", "--period", "Q1", "--value", "1", "--clear"}, cmdline.ExitUsage, "--value"},
		{"over the total", []string{"actual", "--plan", "2023", "--target", "II.1.1", "--period", "Q1", "--value", "170", "--of", "160"}, cmdline.ExitError, "tử số"},
		{"unknown figure", []string{"figures", "--plan", "2023", "--period", "Q1", "--set", "dossiers=3"}, cmdline.ExitUsage, "received.online"},
		{"unknown feed", []string{"target", "edit", "--plan", "2023", "--target", "II.1.1", "--feed", "x"}, cmdline.ExitUsage, "online-share"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := cli(t, append([]string{"--db", db}, tc.args...)...)
			if code != tc.code || !strings.Contains(errOut, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d with %q", code, errOut, tc.code, tc.msg)
			}
		})
	}
}

func TestReportCommandsKeepEditsAndFreeze(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bao-cao.db")
	dir := t.TempDir()
	mustRun(t, "--db", db, "update", "--plan", "2023", "--task", "VII.1", "--date", "28/01/2023", "--status", "hoan thanh", "--note", "Đã ban hành Kế hoạch số 122/KH-SKH")
	out := mustRun(t, "--db", db, "report", "--plan", "2023", "--period", "Q1", "--format", "pdf", "-o", filepath.Join(dir, "q1.pdf"))
	if !strings.Contains(out, "đã soạn và lưu Báo cáo quý I năm 2023 (bản 1, dự thảo) từ số liệu đến ngày 14/03/2023") {
		t.Errorf("report: %s", out)
	}
	mustRun(t, "--db", db, "report", "edit", "--plan", "2023", "--period", "Q1", "--section", "II.1", "--paragraph", "1", "--text", "Đoạn sửa tay.")
	mustRun(t, "--db", db, "update", "--plan", "2023", "--task", "I.1", "--date", "02/03/2023", "--status", "dang thuc hien", "--progress", "25")
	code, _, errOut := cli(t, "--db", db, "report", "draft", "--plan", "2023", "--period", "Q1")
	if code != cmdline.ExitError || !strings.Contains(errOut, "mục II.1, đoạn 1") || !strings.Contains(errOut, "--overwrite") {
		t.Errorf("redraft over an edit: exit %d %s", code, errOut)
	}
	out = mustRun(t, "--db", db, "report", "draft", "--plan", "2023", "--period", "Q1", "--keep-edited")
	if !strings.Contains(out, "mục II.1, đoạn 1: giữ đoạn đã sửa tay") {
		t.Errorf("keep edited: %s", out)
	}
	show := mustRun(t, "--db", db, "report", "show", "--plan", "2023", "--period", "Q1")
	if !strings.Contains(show, "1. [đã sửa] Đoạn sửa tay.") || !strings.Contains(show, "đang thực hiện 1") {
		t.Errorf("show after keeping the edit:\n%s", show)
	}
	checkFreezeAndNewVersion(t, db, dir)
}

// checkFreezeAndNewVersion freezes the Q1 report, edits it (a new version)
// and prints the workbook of the new version.
func checkFreezeAndNewVersion(t *testing.T, db, dir string) {
	t.Helper()
	code, _, errOut := cli(t, "--db", db, "report", "freeze", "--plan", "2023", "--period", "Q1", "--date", "20/03/2023")
	if code != cmdline.ExitUsage || !strings.Contains(errOut, "--number") {
		t.Errorf("freeze without a number: exit %d %s", code, errOut)
	}
	mustRun(t, "--db", db, "report", "freeze", "--plan", "2023", "--period", "Q1", "--number", "15", "--date", "20/03/2023")
	file := filepath.Join(dir, "them.txt")
	if err := os.WriteFile(file, []byte("Bổ sung từ tệp.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--db", db, "report", "edit", "--plan", "2023", "--period", "Q1", "--section", "V", "--paragraph", "2", "--file", file)
	if !strings.Contains(out, "lưu thành bản 2") {
		t.Errorf("edit after freezing: %s", out)
	}
	list := mustRun(t, "--db", db, "report", "list", "--plan", "2023")
	if !strings.Contains(list, "đã gửi      15/BC-SKH") || !strings.Contains(list, "2    dự thảo") {
		t.Errorf("list:\n%s", list)
	}
	mustRun(t, "--db", db, "report", "--plan", "2023", "--period", "Q1", "-o", filepath.Join(dir, "q1.xlsx"))
	if info, err := os.Stat(filepath.Join(dir, "q1.xlsx")); err != nil || info.Size() < 5000 {
		t.Errorf("workbook: %v", err)
	}
}

func TestRolloverThroughTheCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nam-moi.db")
	mustRun(t, "--db", db, "update", "--plan", "2023", "--task", "VII.3", "--date", "10/06/2023", "--status", "hoan thanh")
	base := []string{"--db", db, "rollover", "--from", "2023", "--to", "2024", "--number", "5", "--date", "20/01/2024", "--as-of", "10/01/2024"}
	code, _, errOut := cli(t, base...)
	if code != cmdline.ExitUsage || !strings.Contains(errOut, "còn 9 nhiệm vụ chưa hoàn thành: I.1") || strings.Contains(errOut, "VII.3") {
		t.Errorf("rollover without keep or drop: exit %d %s", code, errOut)
	}
	out := mustRun(t, append(base, "--drop", "I.2,VII.2")...)
	if !strings.Contains(out, "11 nhiệm vụ thường xuyên, 7 nhiệm vụ chưa hoàn thành mang sang, 2 bỏ lại, 26 chỉ tiêu") {
		t.Errorf("rollover: %s", out)
	}
	var rows []tasks.TaskJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "tasks", "--plan", "2024", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 18 || rows[0].Timeline != "Năm 2024" || rows[0].Status != "Chưa thực hiện" {
		t.Errorf("the new plan: %d tasks, first %+v", len(rows), rows[0])
	}
}
