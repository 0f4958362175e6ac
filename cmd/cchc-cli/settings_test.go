package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/db"
)

func TestSettingsListsEveryKey(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	code, out, stderr := cli(t, "--db", dbPath, "settings")
	if code != cmdline.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, key := range store.SettingKeys() {
		if !strings.Contains(out, "\n"+key+" ") && !strings.HasPrefix(out, key+" ") {
			t.Errorf("settings does not list %s:\n%s", key, out)
		}
	}
	for _, want := range []string{"UBND TỈNH TUYÊN QUANG", "Sở Kế hoạch và Đầu tư", "Phòng Kinh tế đối ngoại",
		"UBND tỉnh; (báo cáo)", "Lưu: VT, VP.", "GIÁM ĐỐC", "(trống)", "margins.left      30"} {
		if !strings.Contains(out, want) {
			t.Errorf("settings lacks %q:\n%s", want, out)
		}
	}
}

func TestSettingsSetEveryKey(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	tests := []struct{ key, value, want string }{
		{"agency.parent", "UBND TỈNH HÀ GIANG", "UBND TỈNH HÀ GIANG"},
		{"agency.name", "Sở Tài chính", "Sở Tài chính"},
		{"agency.abbrev", "STC", "STC"},
		{"agency.place", "Hà Giang", "Hà Giang"},
		{"units", "Văn phòng; Thanh tra", "Văn phòng\nThanh tra"},
		{"distribution", "UBND tỉnh;\nSở Nội vụ;\nLưu: VT, TC.", "UBND tỉnh;\nSở Nội vụ;\nLưu: VT, TC."},
		{"signer.authority", "KT", "KT."},
		{"signer.headTitle", "GIÁM ĐỐC", "GIÁM ĐỐC"},
		{"signer.ownTitle", "PHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},
		{"signer.name", "Lê Văn An", "Lê Văn An"},
		{"recipients", "UBND tỉnh Tuyên Quang; Sở Nội vụ tỉnh Tuyên Quang", "UBND tỉnh Tuyên Quang\nSở Nội vụ tỉnh Tuyên Quang"},
		{"signers.more", "TUQ. | GIÁM ĐỐC | CHÁNH VĂN PHÒNG | Trần Thị Hoa", "TUQ. | GIÁM ĐỐC | CHÁNH VĂN PHÒNG | Trần Thị Hoa"},
		{"margins.top", "25", "25"},
		{"margins.bottom", "22", "22"},
		{"margins.left", "35", "35"},
		{"margins.right", "20", "20"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if code, out, stderr := cli(t, "--db", dbPath, "settings", "set", tt.key, tt.value); code != cmdline.ExitOK || !strings.HasPrefix(out, "Đã lưu") {
				t.Errorf("set %s: exit %d, %q %q", tt.key, code, out, stderr)
				return
			}
			if code, out, _ := cli(t, "--db", dbPath, "settings", "get", tt.key); code != cmdline.ExitOK || out != tt.want+"\n" {
				t.Errorf("get %s = %q, want %q", tt.key, out, tt.want)
			}
		})
	}
}

func TestSignerNameFillsPlansWithoutOne(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	code, out, _ := cli(t, "--db", dbPath, "settings", "set", "signer.name", "  Nguyễn   Văn Bình ")
	if code != cmdline.ExitOK || !strings.Contains(out, "1 kế hoạch") {
		t.Fatalf("exit %d: %q", code, out)
	}
	st, err := db.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	plan, err := st.FindPlan("2023")
	if err != nil {
		t.Fatal(err)
	}
	if plan.Signer.Name != "Nguyễn Văn Bình" {
		t.Errorf("the seed plan's signer is %q", plan.Signer.Name)
	}
}

func TestSettingsErrors(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"margin out of range", []string{"settings", "set", "margins.top", "10"}, cmdline.ExitError, "lề trên 10 mm nằm ngoài khoảng 20–25 mm"},
		{"unknown key", []string{"settings", "set", "agency.colour", "đỏ"}, cmdline.ExitError, "không có mục cài đặt"},
		{"empty agency name", []string{"settings", "set", "agency.name", ""}, cmdline.ExitError, "tên cơ quan không được để trống"},
		{"blank signer name", []string{"settings", "set", "signer.name", " "}, cmdline.ExitUsage, "họ tên người ký"},
		{"set without a value", []string{"settings", "set", "agency.name"}, cmdline.ExitUsage, "ngoặc kép"},
		{"unknown subcommand", []string{"settings", "frob"}, cmdline.ExitUsage, "settings get KHÓA"},
		{"get an unknown key", []string{"settings", "get", "nope"}, cmdline.ExitError, "không có mục cài đặt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := cli(t, append([]string{"--db", dbPath}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
			}
		})
	}
	_, out, _ := cli(t, "--db", dbPath, "settings", "get", "margins.top")
	if out != "20\n" {
		t.Errorf("a refused margin was saved: %q", out)
	}
}
