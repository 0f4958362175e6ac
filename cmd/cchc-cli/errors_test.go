package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"
)

func TestUsageErrorsNameTheArgumentAndShowTheUsageLine(t *testing.T) {
	db := seededDB(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	tests := []struct {
		args        []string
		first, then string
	}{
		{[]string{"export", "--plan", "2023"}, "thiếu -o TỆP", "Cách dùng: cchc-cli " + commands["export"].Usage},
		{[]string{"export", "--plan", "2023", "-o", out, "--format", "docx"}, "--format", "Cách dùng: cchc-cli export --plan"},
		{[]string{"export", "-o", out}, "thiếu --plan", "Cách dùng: cchc-cli export --plan"},
		{[]string{"tasks", "--plan", "2023", "--json=maybe"}, "giá trị \"maybe\" của tuỳ chọn -json không hợp lệ", "Cách dùng: cchc-cli tasks --plan"},
		{[]string{"tasks", "--plan"}, "tuỳ chọn -plan cần một giá trị", "Cách dùng: cchc-cli tasks --plan"},
		{[]string{"restore"}, "thiếu TỆP: lệnh restore cần đúng 1 tham số", "Cách dùng: cchc-cli restore TỆP"},
		{[]string{"backup", "a.zip", "b.zip"}, "thừa tham số “b.zip”", "Cách dùng: cchc-cli backup [--force] [TỆP.zip|THƯ_MỤC]"},
		{[]string{"plans", "2023"}, "thừa tham số “2023”: lệnh plans không nhận tham số nào", "Cách dùng: cchc-cli plans"},
		{[]string{"import", "--plan", "2023"}, "thiếu TỆP", "Cách dùng: cchc-cli import --plan"},
		{[]string{"settings", "set", "signer.name"}, "settings set cần KHÓA và một GIÁ_TRỊ", "Cách dùng: cchc-cli settings"},
		{[]string{"frobnicate"}, "không có lệnh \"frobnicate\"", "Gõ “cchc-cli help” để xem cách dùng."},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := cli(t, append([]string{"--db", db}, tt.args...)...)
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if code != cmdline.ExitUsage || len(lines) != 2 {
				t.Fatalf("exit %d, stderr %q; want exit %d and two lines", code, stderr, cmdline.ExitUsage)
			}
			if !strings.HasPrefix(lines[0], "cchc-cli: ") || !strings.Contains(lines[0], tt.first) {
				t.Errorf("first line %q, want it to say %q", lines[0], tt.first)
			}
			if !strings.HasPrefix(lines[1], tt.then) {
				t.Errorf("second line %q, want %q", lines[1], tt.then)
			}
		})
	}
}

// withPanickingCommand adds, for one test, a command that panics once it
// has opened the store.
func withPanickingCommand(t *testing.T) {
	t.Helper()
	commands["test-panic"] = cmdline.Command{
		Usage: "test-panic",
		Setup: func(*flag.FlagSet) func(*cmdline.Env, []string) error {
			return func(e *cmdline.Env, _ []string) error {
				if _, err := e.Store(); err != nil {
					return err
				}
				words := strings.Fields(e.DBFlag + " ")
				fmt.Fprintln(e.Stdout, words[5]) // index out of range
				return nil
			}
		},
	}
	t.Cleanup(func() { delete(commands, "test-panic") })
}

func TestPanicIsLoggedAndSaidInVietnamese(t *testing.T) {
	withPanickingCommand(t)
	db := seededDB(t)
	dir := filepath.Dir(db)
	code, _, stderr := cli(t, "--db", db, "test-panic")
	logPath := filepath.Join(dir, cmdline.LogFileName)
	want := "cchc-cli: Chương trình gặp lỗi không mong đợi; chi tiết đã ghi vào " + logPath + ", hãy gửi tệp này cho người hỗ trợ\n"
	if code != cmdline.ExitError || stderr != want {
		t.Errorf("exit %d, stderr %q\nwant exit %d, %q", code, stderr, cmdline.ExitError, want)
	}
	log, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("no log: %v", err)
	}
	for _, want := range []string{"cchc-cli --db " + db + " test-panic", "index out of range [5] with length 1", "goroutine", "withPanickingCommand"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	// The store was closed: the next command opens it.
	if code, _, stderr := cli(t, "--db", db, "plans"); code != cmdline.ExitOK {
		t.Errorf("after the panic: exit %d %s", code, stderr)
	}
}

func TestPanicWithoutALogStillSaysSo(t *testing.T) {
	withPanickingCommand(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if err := os.Mkdir(filepath.Join(dir, cmdline.LogFileName), 0o700); err != nil {
		t.Fatal(err) // a folder where the log should go: it cannot be written
	}
	code, _, stderr := cli(t, "--db", db, "test-panic")
	if code != cmdline.ExitError || !strings.Contains(stderr, "Chương trình gặp lỗi không mong đợi; không ghi được nhật ký lỗi") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
