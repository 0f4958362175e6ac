package store

import (
	"errors"
)

// Sentinel errors; wrap them with context, test for them with errors.Is.
var (
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("không tìm thấy")
	// ErrInvalid: a record breaks a rule of the domain; the wrapping text says which.
	ErrInvalid = errors.New("dữ liệu không hợp lệ")
	// ErrLocked: another process holds the database file.
	ErrLocked = errors.New("dữ liệu đang được mở ở một cửa sổ hoặc chương trình khác; hãy đóng nó rồi thử lại")
	// ErrNewerSchema: the file was written by a newer version of the app.
	ErrNewerSchema = errors.New("tệp dữ liệu được tạo bởi phiên bản mới hơn của chương trình; hãy cập nhật chương trình")
	// ErrAmbiguous: a plan reference matches more than one plan.
	ErrAmbiguous = errors.New("có nhiều kế hoạch khớp")
)
