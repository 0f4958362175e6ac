package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/storetest"
)

// unchanged fails when the file at path differs from before in content or
// modification time.
func unchanged(t *testing.T, path string, before []byte, modified time.Time, what string) {
	t.Helper()
	now, err := os.ReadFile(path)
	info, _ := os.Stat(path)
	if err != nil || !bytes.Equal(now, before) || !info.ModTime().Equal(modified) {
		t.Errorf("%s changed %s", what, path)
	}
}

func snapshot(t *testing.T, path string) ([]byte, time.Time) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	return data, info.ModTime()
}

// readingCommands are the command lines that only read, each of every
// command that does not declare that it writes.
func readingCommands(t *testing.T, dir string) map[string][]string {
	return map[string][]string{
		"plans":         {"plans"},
		"tasks":         {"tasks", "--plan", "2023", "--json"},
		"export":        {"export", "--plan", "2023", "--doc", "appendix", "--format", "xlsx", "-o", filepath.Join(dir, "bieu.xlsx")},
		"check":         {"check"},
		"backup":        {"backup", filepath.Join(dir, "sao-luu.zip")},
		"backups":       {"backups"},
		"path":          {"path"},
		"settings":      {"settings"},
		"get":           {"settings", "get", "units"},
		"dry-run":       {"import", "--plan", "2023", "--dry-run", "--replace", filepath.Join(dir, "bieu.xlsx")},
		"history":       {"history", "--plan", "2023", "--task", "I.1"},
		"evidence list": {"evidence", "list", "--plan", "2023", "--task", "I.1"},
		"targets":       {"targets", "--plan", "2023", "--period", "Q1"},
		"figures":       {"figures", "--plan", "2023", "--period", "Q1"},
		"report list":   {"report", "list", "--plan", "2023"},
		"report show":   {"report", "show", "--plan", "2023", "--period", "Q1"},
	}
}

func TestCommandsThatReadNeverWrite(t *testing.T) {
	db := seededDB(t)
	dir := t.TempDir()
	if code, _, stderr := cli(t, "--db", db, "report", "draft", "--plan", "2023", "--period", "Q1"); code != cmdline.ExitOK {
		t.Fatalf("report draft: %s", stderr) // a report for report show to read
	}
	os.Chmod(db, 0o444)
	before, modified := snapshot(t, db)
	time.Sleep(10 * time.Millisecond)
	lines := readingCommands(t, dir)
	for _, name := range []string{"plans", "tasks", "export", "check", "backup", "backups", "path", "settings", "get", "dry-run", "history", "evidence list", "targets", "figures", "report list", "report show"} {
		t.Run(name, func(t *testing.T) {
			if code, _, stderr := cli(t, append([]string{"--db", db}, lines[name]...)...); code != cmdline.ExitOK {
				t.Errorf("exit %d: %s", code, stderr)
			}
			unchanged(t, db, before, modified, name)
		})
	}
	for name, cmd := range commands {
		if _, tested := lines[name]; !cmd.Writes && !tested && name != "test-panic" {
			t.Errorf("command %s declares it only reads, but this test does not run it", name)
		}
	}
}

// damagedDB makes a seeded data file with a damaged page.
func damagedDB(t *testing.T) string {
	t.Helper()
	db := seededDB(t)
	storetest.Damage(t, db)
	return db
}

func TestDamagedAndUnexpectedFilesGetAMessageNotACrash(t *testing.T) {
	tests := []struct {
		name string
		db   func(t *testing.T) string
		want string
	}{
		{"damaged page", damagedDB, "cấu trúc tệp bị hỏng"},
		{"zero length", func(t *testing.T) string {
			db := filepath.Join(t.TempDir(), "cchc.db")
			os.WriteFile(db, nil, 0o600)
			return db
		}, "tệp rỗng (0 byte)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tt.db(t)
			before, modified := snapshot(t, db)
			for _, args := range [][]string{{"plans"}, {"tasks", "--plan", "2023"}, {"settings", "set", "signer.name", "A"}, {"backup"}} {
				code, _, stderr := cli(t, append([]string{"--db", db}, args...)...)
				if code != cmdline.ExitError || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.want) ||
					!strings.Contains(stderr, db) || !strings.Contains(stderr, "cchc-cli recover") {
					t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
				}
			}
			code, out, _ := cli(t, "--db", db, "check")
			if code != cmdline.ExitError || !strings.Contains(out, tt.want) {
				t.Errorf("check: exit %d\n%s", code, out)
			}
			unchanged(t, db, before, modified, "reading a damaged file")
		})
	}
}

func TestNamedFileInAMissingFolderIsNotCreated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "go-nham")
	code, _, stderr := cli(t, "--db", filepath.Join(dir, "cchc.db"), "plans")
	if code != cmdline.ExitError || !strings.Contains(stderr, "thư mục "+dir+" không tồn tại") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("the folder was made")
	}
	db := filepath.Join(t.TempDir(), "moi.db")
	if code, _, stderr := cli(t, "--db", db, "plans"); code != cmdline.ExitOK || !strings.Contains(stderr, "đã tạo tệp dữ liệu mới "+db) {
		t.Errorf("a new file in a folder that exists: exit %d, stderr %q", code, stderr)
	}
}

func TestBackupIntoTheBackupsFolderAndNeverOverAFile(t *testing.T) {
	db := seededDB(t)
	code, out, stderr := cli(t, "--db", db, "backup")
	if code != cmdline.ExitOK || !strings.Contains(out, filepath.Join(filepath.Dir(db), "backups", "cchc-sao-luu-")) || !strings.Contains(out, "21 nhiệm vụ") {
		t.Errorf("exit %d: %s%s", code, out, stderr)
	}
	target := filepath.Join(t.TempDir(), "usb.zip")
	cli(t, "--db", db, "backup", target)
	code, _, stderr = cli(t, "--db", db, "backup", target)
	if code != cmdline.ExitError || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", db, "backup", "--force", target); code != cmdline.ExitOK {
		t.Errorf("--force: exit %d %s", code, stderr)
	}
	code, out, _ = cli(t, "--db", db, "backups")
	if code != cmdline.ExitOK || !strings.Contains(out, "do người dùng") || !strings.Contains(out, "21") {
		t.Errorf("backups: exit %d\n%s", code, out)
	}
}

func TestRestoreOverADamagedFileKeepsItAside(t *testing.T) {
	target := filepath.Join(t.TempDir(), "usb.zip")
	cli(t, "--db", seededDB(t), "backup", target)
	damaged := damagedDB(t)
	code, out, stderr := cli(t, "--db", damaged, "restore", target)
	if code != cmdline.ExitOK || !strings.Contains(out, "x.hong-") {
		t.Fatalf("exit %d: %s%s", code, out, stderr)
	}
	if code, out, _ := cli(t, "--db", damaged, "check"); code != cmdline.ExitOK || !strings.Contains(out, "không có lỗi") {
		t.Errorf("check after restore: exit %d\n%s", code, out)
	}
}

func TestRecoverSavesWhatReads(t *testing.T) {
	damaged := damagedDB(t)
	code, out, stderr := cli(t, "--db", damaged, "recover")
	if code != cmdline.ExitOK || !strings.Contains(out, "Đã cứu") || !strings.Contains(out, "được giữ lại với tên") {
		t.Fatalf("exit %d: %s%s", code, out, stderr)
	}
	if code, _, stderr := cli(t, "--db", damaged, "check"); code != cmdline.ExitOK {
		t.Errorf("check after recover: exit %d %s", code, stderr)
	}
}

func TestEmptyingTheUnitsNeedsForce(t *testing.T) {
	db := seededDB(t)
	_, before, _ := cli(t, "--db", db, "settings", "get", "units")
	code, _, stderr := cli(t, "--db", db, "settings", "set", "units", "")
	if code != cmdline.ExitUsage || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, after, _ := cli(t, "--db", db, "settings", "get", "units"); after != before || strings.TrimSpace(before) == "" {
		t.Errorf("units %q became %q", before, after)
	}
	if code, _, stderr := cli(t, "--db", db, "settings", "set", "--force", "units", ""); code != cmdline.ExitOK {
		t.Errorf("--force: exit %d %s", code, stderr)
	}
	if _, after, _ := cli(t, "--db", db, "settings", "get", "units"); strings.TrimSpace(after) != "" {
		t.Errorf("units after --force: %q", after)
	}
}
