package usererr

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"unicode"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/files"

	bolterrors "go.etcd.io/bbolt/errors"
)

// What a user reads of an error. Errors keep their English causes for the
// log, wrapped in Vietnamese context ("không ghi được %s: %w"); Message walks
// the chain, keeps the Vietnamese context, puts the foreign errors it knows
// into Vietnamese and every other foreign cause into one generic sentence.

// unexpectedText is what a user reads for a cause the app does not know.
const unexpectedText = "lỗi không mong đợi"

// damagedData is what a user reads when stored data cannot be decoded.
const damagedData = "dữ liệu trong tệp bị hỏng hoặc không đọc được"

// Message returns the Vietnamese text a user reads for err: the app's own
// context, layer by layer, with each foreign cause in Vietnamese words (files
// named where the error names them) and no English fragment. nil gives "".
func Message(err error) string {
	if err == nil {
		return ""
	}
	return describe(err, "")
}

// UnexpectedError is a panic recovered where a program meets its user: the
// value it panicked with and the stack, for the log.
type UnexpectedError struct {
	Value any
	Stack []byte
}

// Error gives the panic value, as a log writes it.
func (e *UnexpectedError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Unwrap returns the value when it is an error.
func (e *UnexpectedError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Unexpected turns a value recovered from a panic into an error, with the
// stack of the panicking goroutine when it is called in the deferred
// function that recovered. Message says of it only that the program met an
// unexpected error: the caller adds where the log is.
func Unexpected(recovered any) error {
	return &UnexpectedError{Value: recovered, Stack: debug.Stack()}
}

// unexpectedPanicText is what Message says of an UnexpectedError.
const unexpectedPanicText = "Chương trình gặp lỗi không mong đợi"

// describe says one layer of an error chain and what it wraps. context is
// the Vietnamese text of the layers above, so that a file they name is not
// named twice.
func describe(err error, context string) string {
	if text, ok := translate(err, context); ok {
		return text
	}
	full := err.Error()
	switch inner := unwrapped(err); len(inner) {
	case 0:
		return describeLeaf(full)
	case 1:
		return describeLayer(full, inner[0], context)
	default:
		return describeJoined(full, inner, context)
	}
}

// unwrapped returns what err wraps, one error or several.
func unwrapped(err error) []error {
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		if inner := u.Unwrap(); inner != nil {
			return []error{inner}
		}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

// describeLeaf says an error that wraps nothing: the app's own Vietnamese
// text as it is, or a foreign text it recognises.
func describeLeaf(text string) string {
	if IsVietnamese(text) {
		return text
	}
	return translateText(text)
}

// describeLayer says an error that wraps one: its own Vietnamese words
// around the wrapped error's message.
func describeLayer(full string, inner error, context string) string {
	innerText := inner.Error()
	at := strings.Index(full, innerText)
	if at < 0 {
		if IsVietnamese(full) {
			return describeLeaf(full)
		}
		return describe(inner, context)
	}
	prefix := keepVietnamese(full[:at])
	message := describe(inner, context+prefix)
	if prefix != "" {
		message = prefix + separator(strings.TrimRight(full[:at], " "), true) + message
	}
	if suffix := keepVietnamese(full[at+len(innerText):]); suffix != "" {
		message += separator(strings.TrimLeft(full[at+len(innerText):], " "), false) + suffix
	}
	return message
}

// separator returns what stood between a layer's own text and the text it
// wraps: ": ", "; " or ", " when the raw text ends (before) or starts
// (after) with one, otherwise a space, as in "có nhiều kế hoạch khớp với".
func separator(raw string, before bool) string {
	for _, mark := range []string{":", ";", ","} {
		if (before && strings.HasSuffix(raw, mark)) || (!before && strings.HasPrefix(raw, mark)) {
			return mark + " "
		}
	}
	return " "
}

// describeJoined says an error that wraps several: its own Vietnamese
// words, then each wrapped error's message.
func describeJoined(full string, inner []error, context string) string {
	own := full
	parts := make([]string, 0, len(inner))
	for _, e := range inner {
		own = strings.Replace(own, e.Error(), "", 1)
		if part := describe(e, context); !containsString(parts, part) {
			parts = append(parts, part)
		}
	}
	message := strings.Join(parts, "; ")
	if prefix := keepVietnamese(own); prefix != "" {
		message = prefix + ": " + message
	}
	return message
}

func containsString(list []string, s string) bool {
	for _, item := range list {
		if item == s {
			return true
		}
	}
	return false
}

var englishParenthetical = regexp.MustCompile(`\s*\(([^()]*)\)`)

// keepVietnamese returns the pieces of a layer's own text worth showing:
// the ": "-separated pieces and bracketed remarks that are Vietnamese or
// name a file, without the separators at either end.
func keepVietnamese(text string) string {
	text = englishParenthetical.ReplaceAllStringFunc(text, func(group string) string {
		inside := englishParenthetical.FindStringSubmatch(group)[1]
		if isForeign(inside) {
			return ""
		}
		return group
	})
	var kept []string
	for _, piece := range strings.Split(text, ": ") {
		piece = strings.Trim(piece, " :;\n\t")
		if piece != "" && !isForeign(piece) {
			kept = append(kept, piece)
		}
	}
	return strings.Join(kept, ": ")
}

// IsVietnamese reports whether text holds a letter outside ASCII: the mark
// of the app's own words, where foreign causes are English.
func IsVietnamese(text string) bool {
	for _, r := range text {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

var lowerWord = regexp.MustCompile(`[a-z]{2,}`)

// isForeign reports whether a piece of text is English: lower-case words
// besides a file's extension, no Vietnamese letter, and not a file's name,
// a path or an identifier ("--format", "margins.left") on its own.
func isForeign(piece string) bool {
	if IsVietnamese(piece) || isFileName(piece) || isIdentifier(piece) {
		return false
	}
	return lowerWord.MatchString(strings.TrimSuffix(piece, filepath.Ext(piece)))
}

// documentExtensions are the kinds of file a message may name on their own.
var documentExtensions = map[string]bool{
	".xlsx": true, ".xls": true, ".docx": true, ".doc": true, ".pdf": true, ".db": true,
	".zip": true, ".json": true, ".csv": true, ".log": true, ".bak": true, ".txt": true,
}

// isIdentifier reports whether a piece of text names options or keys, one
// or a list of them: "--plan", "margins.left", "agency.name, units": single
// words, at least one of them with a dot, an underscore or a leading dash.
func isIdentifier(piece string) bool {
	marked := false
	for item := range strings.SplitSeq(piece, ",") {
		item = strings.TrimSpace(item)
		if item == "" || strings.ContainsAny(item, " \t") {
			return false
		}
		marked = marked || strings.HasPrefix(item, "-") || strings.ContainsAny(item, "._")
	}
	return marked
}

// isFileName reports whether a piece of text is a path, or a file's name
// without spaces.
func isFileName(piece string) bool {
	if documentExtensions[strings.ToLower(filepath.Ext(piece))] && !strings.Contains(piece, " ") {
		return true
	}
	return strings.HasPrefix(piece, "/") || strings.HasPrefix(piece, `\\`) || strings.HasPrefix(piece, "~") ||
		(len(piece) > 2 && piece[1] == ':' && (piece[2] == '\\' || piece[2] == '/'))
}

// translate puts the foreign errors the app knows into Vietnamese, by type
// or identity at this layer of the chain.
func translate(err error, context string) (string, bool) {
	if text, ok := translateOwnTypes(err); ok {
		return text, true
	}
	if text, ok := translateFileError(err, context); ok {
		return text, true
	}
	if text, ok := translateSentinel(err); ok {
		return text, true
	}
	if text, ok := translateJSON(err); ok {
		return text, true
	}
	return translateExec(err, context)
}

func translateOwnTypes(err error) (string, bool) {
	switch e := err.(type) {
	case *UnexpectedError:
		return unexpectedPanicText, true
	case *files.Explained:
		return e.Text, true
	}
	return "", false
}

// sentinelTexts are the foreign errors known by identity.
var sentinelTexts = []struct {
	err  error
	text string
}{
	{bolterrors.ErrTimeout, store.ErrLocked.Error()},
	{bolterrors.ErrInvalid, "tệp này không phải tệp dữ liệu của chương trình, hoặc đã bị hỏng"},
	{bolterrors.ErrVersionMismatch, "tệp dữ liệu được ghi theo một định dạng khác, chương trình không đọc được"},
	{bolterrors.ErrChecksum, "tệp dữ liệu đã bị hỏng (sai mã kiểm tra)"},
	{bolterrors.ErrInvalidMapping, "tệp dữ liệu đã bị hỏng"},
	{bolterrors.ErrDatabaseReadOnly, "tệp dữ liệu đang được mở chỉ để đọc"},
	{bolterrors.ErrDatabaseNotOpen, "tệp dữ liệu đã đóng"},
	{bolterrors.ErrTxClosed, "tệp dữ liệu đã đóng"},
	{bolterrors.ErrMaxSizeReached, "tệp dữ liệu đã lớn đến mức tối đa"},
	{context.Canceled, "đã huỷ"},
	{context.DeadlineExceeded, "quá thời gian chờ"},
	{zip.ErrFormat, "tệp không đúng định dạng: không phải tệp nén (zip, xlsx, docx) hợp lệ"},
	{zip.ErrChecksum, "tệp nén bị hỏng (sai mã kiểm tra)"},
	{zip.ErrAlgorithm, "tệp nén dùng cách nén chương trình không đọc được"},
	{zip.ErrInsecurePath, "tệp nén chứa đường dẫn không an toàn"},
	{io.ErrUnexpectedEOF, "tệp bị cắt cụt hoặc chưa ghi xong"},
	{io.EOF, "tệp bị cắt cụt hoặc chưa ghi xong"},
	{exec.ErrNotFound, "không tìm thấy chương trình để mở tệp trên máy này"},
}

func translateSentinel(err error) (string, bool) {
	for _, s := range sentinelTexts {
		if err == s.err { // this layer only: errors.Is would skip the context above
			return s.text, true
		}
	}
	return "", false
}

// translateJSON says the errors of encoding/json: reading damaged data, or
// a value that cannot be written (NaN).
func translateJSON(err error) (string, bool) {
	switch err.(type) {
	case *json.SyntaxError, *json.UnmarshalTypeError, *json.InvalidUnmarshalError:
		return damagedData, true
	case *json.UnsupportedValueError, *json.UnsupportedTypeError, *json.MarshalerError:
		return "dữ liệu có giá trị không hợp lệ nên không ghi được", true
	}
	return "", false
}

// translateExec says the errors of starting another program.
func translateExec(err error, context string) (string, bool) {
	switch e := err.(type) {
	case *exec.Error:
		if errors.Is(e.Err, exec.ErrNotFound) {
			return "không tìm thấy chương trình để mở tệp trên máy này", true
		}
		return "không chạy được chương trình " + e.Name + ": " + describe(e.Err, context), true
	case *exec.ExitError:
		return fmt.Sprintf("chương trình mở tệp báo lỗi (mã %d)", e.ExitCode()), true
	}
	return "", false
}

// translateFileError says the errors of the file system, naming the file
// unless the context above already does.
func translateFileError(err error, context string) (string, bool) {
	var path string
	var cause error
	switch e := err.(type) {
	case *fs.PathError:
		path, cause = e.Path, e.Err
	case *os.LinkError:
		path, cause = e.New, e.Err
	case *os.SyscallError:
		cause = e.Err
	case syscall.Errno:
		return fileProblem(e)
	default:
		if err == fs.ErrNotExist || err == fs.ErrPermission || err == fs.ErrExist {
			return fileProblem(err)
		}
		return "", false
	}
	text, ok := fileProblem(cause)
	if !ok {
		text = describe(cause, context)
	}
	if path == "" || strings.Contains(context, path) {
		return text, true
	}
	return "tệp " + path + ": " + text, true
}

// fileProblem says the file-system errors an officer meets.
func fileProblem(err error) (string, bool) {
	if text, ok := files.DescribePlatformError(err); ok {
		return text, true
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không tìm thấy tệp hoặc thư mục", true
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền truy cập", true
	case errors.Is(err, fs.ErrExist):
		return "tệp đã có", true
	}
	return "", false
}

// foreignTexts are foreign messages known by their words, for errors that
// reach the app as text only.
var foreignTexts = []struct{ words, text string }{
	{"no space left on device", "ổ đĩa đã đầy"},
	{"file too large", "tệp đã lớn đến mức hệ thống không cho ghi thêm (hoặc ổ đĩa đã đầy)"},
	{"not enough space on the disk", "ổ đĩa đã đầy"},
	{"read-only file system", "ổ đĩa chỉ cho phép đọc"},
	{"permission denied", "không có quyền truy cập"},
	{"access is denied", "không có quyền truy cập"},
	{"no such file or directory", "không tìm thấy tệp hoặc thư mục"},
	{"file does not exist", "không tìm thấy tệp hoặc thư mục"},
	{"cannot find the file", "không tìm thấy tệp hoặc thư mục"},
	{"being used by another process", "tệp đang được mở trong một chương trình khác; hãy đóng nó rồi thử lại"},
	{"executable file not found", "không tìm thấy chương trình để mở tệp trên máy này"},
	{"invalid database", "tệp này không phải tệp dữ liệu của chương trình, hoặc đã bị hỏng"},
	{"checksum error", "tệp dữ liệu đã bị hỏng (sai mã kiểm tra)"},
	{"not a valid zip file", "tệp không đúng định dạng: không phải tệp nén (zip, xlsx, docx) hợp lệ"},
	{"unexpected end of json input", damagedData},
	{"invalid character", damagedData},
	{"context canceled", "đã huỷ"},
}

// translateText recognises a foreign message by its words, or gives the
// generic sentence.
func translateText(text string) string {
	lower := strings.ToLower(text)
	for _, f := range foreignTexts {
		if strings.Contains(lower, f.words) {
			return f.text
		}
	}
	return unexpectedText
}
