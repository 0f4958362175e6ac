package db

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/usererr"
)

// The messages a user reads for the store's own errors.

func TestMessageOfARealDamagedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cchc.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("không phải cơ sở dữ liệu "), 400), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil {
		t.Fatal("Open of a text file succeeded")
	}
	got := usererr.Message(err)
	if !strings.Contains(got, path) || !strings.Contains(got, "không phải tệp dữ liệu của chương trình") {
		t.Errorf("usererr.Message(%q) = %q", err, got)
	}
}

func TestMessageKeepsTheAppsOwnWords(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"option names", errors.New("--format: định dạng \"docx\" không hỗ trợ: dùng pdf hoặc xlsx"), "--format: định dạng \"docx\" không hỗ trợ: dùng pdf hoặc xlsx"},
		{"setting keys", errors.New("các khóa: agency.name, agency.parent, signer.name"), "các khóa: agency.name, agency.parent, signer.name"},
		{"setting keys after a sentinel", fmt.Errorf("%w: không có mục %q; các mục: %s", store.ErrInvalid, "nope", "agency.name, units, margins.left"),
			"dữ liệu không hợp lệ: không có mục \"nope\"; các mục: agency.name, units, margins.left"},
		{"key after a sentinel", fmt.Errorf("%w: %s: %v", store.ErrInvalid, "margins.left", errors.New("“abc” không phải số milimét")),
			"dữ liệu không hợp lệ: margins.left: “abc” không phải số milimét"},
		{"sentence after a semicolon", fmt.Errorf("%w: %s; thêm --replace để thay", ErrHasTasks, "kế hoạch có 21 nhiệm vụ"),
			"kế hoạch đã có nhiệm vụ: kế hoạch có 21 nhiệm vụ; thêm --replace để thay"},
		{"log named after a panic", fmt.Errorf("%w; chi tiết đã ghi vào %s", usererr.Unexpected("boom"), "/x/cchc-cli.log"),
			"Chương trình gặp lỗi không mong đợi" + "; chi tiết đã ghi vào /x/cchc-cli.log"},
		{"english around ours", fmt.Errorf("decode tasks %x: %w", []byte{1}, fmt.Errorf("nhiệm vụ %d: %w", 3, store.ErrNotFound)), "nhiệm vụ 3: không tìm thấy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := usererr.Message(tt.err); got != tt.want {
				t.Errorf("usererr.Message(%q)\n = %q\nwant %q", tt.err, got, tt.want)
			}
		})
	}
}

// TestMessageLeavesTheStoresOwnErrorsAlone feeds Message the errors the
// store's rules give, all in the app's own words: none may lose a word.
func TestMessageLeavesTheStoresOwnErrorsAlone(t *testing.T) {
	st := openTemp(t)
	if _, err := st.CreateBundle(testBundle(2023, "5")); err != nil {
		t.Fatal(err)
	}
	st.CreateBundle(testBundle(2023, "6"))
	var settings store.Settings
	errs := map[string]func() error{
		"plan year":      func() error { return store.Plan{Year: 3000}.Validate() },
		"plan number":    func() error { return store.Plan{Year: 2023, Number: "5/KH"}.Validate() },
		"task progress":  func() error { return store.Task{Ordinal: "2", Content: "x", Progress: 130}.Validate() },
		"status":         func() error { _, err := store.ParseStatus("xong"); return err },
		"setting key":    func() error { return settings.SetSetting("nope", "1") },
		"margin":         func() error { return settings.SetSetting("margins.left", "abc") },
		"margin range":   func() error { return settings.SetSetting("margins.left", "300") },
		"authority":      func() error { return settings.SetSetting("signer.authority", "XYZ") },
		"date":           func() error { _, err := store.ParseISODate("28/01/2023"); return err },
		"not found":      func() error { _, err := st.FindPlan("2030"); return err },
		"ambiguous":      func() error { _, err := st.FindPlan("2023"); return err },
		"number taken":   func() error { _, err := st.CreateBundle(testBundle(2023, "05")); return err },
		"missing task":   func() error { _, err := st.Task(1, 99); return err },
		"unit not found": func() error { b, _ := st.Bundle(1); _, err := b.LedBy("Phòng Không Có"); return err },
	}
	for name, makeErr := range errs {
		t.Run(name, func(t *testing.T) {
			err := makeErr()
			if err == nil {
				t.Fatal("no error")
			}
			if got := usererr.Message(err); got != err.Error() {
				t.Errorf("Message changed the store's own words:\n got %q\nfrom %q", got, err.Error())
			}
		})
	}
}
