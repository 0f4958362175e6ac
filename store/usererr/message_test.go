package usererr

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/files"

	bolterrors "go.etcd.io/bbolt/errors"
)

// realErrors are errors made the way the libraries make them.
func realJSONEncodeError() error {
	_, err := json.Marshal(store.Settings{Margins: store.Margins{Top: math.NaN()}})
	return err
}

func realJSONDecodeError() error {
	var t store.Task
	return json.Unmarshal([]byte(`{"id": 1, "content": "Rà so`), &t)
}

func realZipError() error {
	_, err := zip.NewReader(bytes.NewReader([]byte("PK không phải zip")), 17)
	return err
}

func realMissingFile() error {
	_, err := os.Open("/không/có/kế-hoạch.xlsx")
	return err
}

func TestMessageSaysEveryErrorInVietnamese(t *testing.T) {
	dbPath := "/home/cb/.config/vn.kehoach.cchc/cchc.db"
	pdfPath := "/home/cb/Tài liệu/Kế hoạch 05-KH-SKH năm 2023.pdf"
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"our own words stay", fmt.Errorf("kế hoạch %q: %w", "2030", store.ErrNotFound), `kế hoạch "2030": không tìm thấy`},
		{"locked", fmt.Errorf("mở %s: %w", dbPath, store.ErrLocked), "mở " + dbPath + ": " + store.ErrLocked.Error()},
		{"bbolt invalid database", fmt.Errorf("mở tệp dữ liệu %s: %w", dbPath, bolterrors.ErrInvalid),
			"mở tệp dữ liệu " + dbPath + ": tệp này không phải tệp dữ liệu của chương trình, hoặc đã bị hỏng"},
		{"bbolt version mismatch", fmt.Errorf("mở tệp dữ liệu %s: %w", dbPath, bolterrors.ErrVersionMismatch),
			"mở tệp dữ liệu " + dbPath + ": tệp dữ liệu được ghi theo một định dạng khác, chương trình không đọc được"},
		{"bbolt checksum", fmt.Errorf("database check: %w", bolterrors.ErrChecksum), "tệp dữ liệu đã bị hỏng (sai mã kiểm tra)"},
		{"bbolt timeout", bolterrors.ErrTimeout, store.ErrLocked.Error()},
		{"no space left on device", fmt.Errorf("không ghi được %s: %w", pdfPath, &fs.PathError{Op: "write", Path: pdfPath + ".tmp", Err: syscall.ENOSPC}),
			"không ghi được " + pdfPath + ": tệp " + pdfPath + ".tmp: ổ đĩa đã đầy"},
		{"no space, bare errno", fmt.Errorf("sao lưu dữ liệu: %w", syscall.ENOSPC), "sao lưu dữ liệu: ổ đĩa đã đầy"},
		{"permission denied", &fs.PathError{Op: "open", Path: dbPath, Err: syscall.EACCES}, "tệp " + dbPath + ": không có quyền truy cập"},
		{"file not found", realMissingFile(), "tệp /không/có/kế-hoạch.xlsx: không tìm thấy tệp hoặc thư mục"},
		{"file not found, named above", fmt.Errorf("không mở được %s: %w", "/không/có/kế-hoạch.xlsx", realMissingFile()),
			"không mở được /không/có/kế-hoạch.xlsx: không tìm thấy tệp hoặc thư mục"},
		{"read-only file system", fmt.Errorf("không ghi được %s: %w", pdfPath, &fs.PathError{Op: "open", Path: pdfPath, Err: syscall.EROFS}),
			"không ghi được " + pdfPath + ": ổ đĩa chỉ cho phép đọc"},
		{"rename", &os.LinkError{Op: "rename", Old: "/tmp/a.tmp", New: pdfPath, Err: syscall.EACCES}, "tệp " + pdfPath + ": không có quyền truy cập"},
		{"xdg-open missing", fmt.Errorf("mở tệp %s: %w", pdfPath, &exec.Error{Name: "xdg-open", Err: exec.ErrNotFound}),
			"mở tệp " + pdfPath + ": không tìm thấy chương trình để mở tệp trên máy này"},
		{"json NaN", fmt.Errorf("encode record %T: %w", store.Settings{}, realJSONEncodeError()), "dữ liệu có giá trị không hợp lệ nên không ghi được"},
		{"json NaN under our words", fmt.Errorf("lưu cài đặt: %w", fmt.Errorf("encode record %T: %w", store.Settings{}, realJSONEncodeError())),
			"lưu cài đặt: dữ liệu có giá trị không hợp lệ nên không ghi được"},
		{"decode tasks", fmt.Errorf("mở tệp dữ liệu %s: %w", dbPath, fmt.Errorf("decode %s %x: %w", "tasks", []byte{0, 1}, realJSONDecodeError())),
			"mở tệp dữ liệu " + dbPath + ": " + damagedData},
		{"decode tasks by text only", errors.New("decode tasks 0001: invalid character 'x' looking for beginning of value"), damagedData},
		{"canceled", fmt.Errorf("xuất PDF kế hoạch 05/KH-SKH: %w", context.Canceled), "xuất PDF kế hoạch 05/KH-SKH: đã huỷ"},
		{"zip", fmt.Errorf("%s: %w", "ke-hoach.xlsx", realZipError()), "ke-hoach.xlsx: tệp không đúng định dạng: không phải tệp nén (zip, xlsx, docx) hợp lệ"},
		{"zip, Vietnamese name", fmt.Errorf("%s: %w", "Kế hoạch 2023.xlsx", realZipError()), "Kế hoạch 2023.xlsx: tệp không đúng định dạng: không phải tệp nén (zip, xlsx, docx) hợp lệ"},
		{"zip, name in capitals", fmt.Errorf("%s: %w", "KH 122 CCHC.xlsx", realZipError()), "KH 122 CCHC.xlsx: tệp không đúng định dạng: không phải tệp nén (zip, xlsx, docx) hợp lệ"},
		{"zip named in English context", fmt.Errorf("open workbook %s: %w", "ke-hoach.xlsx", realZipError()), "tệp không đúng định dạng: không phải tệp nén (zip, xlsx, docx) hợp lệ"},
		{"english in brackets dropped", fmt.Errorf("%s: %w: không giải nén được (%v)", "ke-hoach.xlsx", errors.New("tệp bị hỏng"), realZipError()),
			"ke-hoach.xlsx: tệp bị hỏng: không giải nén được"},
		{"english after our words dropped", fmt.Errorf("%s, trang tính “%s”: %w: %v", "kh.xlsx", "Biểu", errors.New("tệp bị hỏng"), errors.New("xml: unexpected EOF")),
			"kh.xlsx, trang tính “Biểu”: tệp bị hỏng"},
		{"our suffix kept", fmt.Errorf("%w (phiên bản dữ liệu %d, chương trình đọc được đến %d)", store.ErrNewerSchema, 9, 3),
			store.ErrNewerSchema.Error() + " (phiên bản dữ liệu 9, chương trình đọc được đến 3)"},
		{"unknown cause", errors.New("something strange happened"), unexpectedText},
		{"unknown cause under our words", fmt.Errorf("không ghi được %s: %w", pdfPath, errors.New("fpdf: font not loaded")),
			"không ghi được " + pdfPath + ": " + unexpectedText},
		{"unknown errno", &fs.PathError{Op: "read", Path: dbPath, Err: syscall.EIO}, "tệp " + dbPath + ": " + unexpectedText},
		{"joined", errors.Join(fmt.Errorf("dòng 3: %w", store.ErrInvalid), context.Canceled), "dòng 3: dữ liệu không hợp lệ; đã huỷ"},
		{"panic", Unexpected("index out of range [3] with length 3"), unexpectedPanicText},
		{"panic with an error", fmt.Errorf("xuất Excel: %w", Unexpected(errors.New("nil map"))), "xuất Excel: " + unexpectedPanicText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Message(tt.err)
			if got != tt.want {
				t.Errorf("Message(%q)\n = %q\nwant %q", errText(tt.err), got, tt.want)
			}
			if english := englishIn(got); english != "" {
				t.Errorf("Message(%q) = %q: English %q reaches the user", errText(tt.err), got, english)
			}
		})
	}
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

var (
	messagePath = regexp.MustCompile(`/[^:;]*?\.(?:db|pdf|xlsx|tmp)|[\w-]+\.xlsx`)
	// englishWords are the words of the English causes the tests feed in.
	englishWords = strings.Fields(`invalid database version mismatch checksum error timeout space left device
		permission denied open write read rename file directory such exec executable found path encode decode
		record json unsupported value nan tasks context canceled not valid workbook something strange happened
		fpdf font loaded input output panic index range length nil map xml unexpected eof check store settings
		character looking beginning`)
)

// englishIn returns the first word of msg, outside the files it names,
// that comes from an English cause.
func englishIn(msg string) string {
	msg = messagePath.ReplaceAllString(msg, "")
	words := strings.FieldsFunc(strings.ToLower(msg), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, word := range words {
		if slices.Contains(englishWords, word) {
			return word
		}
	}
	return ""
}

func TestWriteErrorsKeepTheirCause(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "không-có")
	err := files.WriteFileAtomic(filepath.Join(dir, "a.pdf"), func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(Message(err), "thư mục") {
		t.Errorf("writing into a missing folder: %v → %q", err, Message(err))
	}
	blocked := files.ExplainWriteError(&fs.PathError{Op: "open", Path: "/x/a.pdf", Err: syscall.ENOSPC})
	if !errors.Is(blocked, syscall.ENOSPC) || Message(fmt.Errorf("không ghi được /x/a.pdf: %w", blocked)) != "không ghi được /x/a.pdf: ổ đĩa đã đầy" {
		t.Errorf("explained write error = %v, %q", blocked, Message(blocked))
	}
}
