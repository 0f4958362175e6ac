package main

import "fmt"

// messageTitle heads the message shown when the window cannot start.
const messageTitle = "Kế hoạch CCHC"

// crashMessage tells the officer that the program stopped on an error, that
// what was saved is kept, and where the details are.
func crashMessage(logPath string) string {
	return fmt.Sprintf(`Kế hoạch CCHC gặp lỗi và phải đóng. Những gì đã lưu vẫn còn nguyên.

Chi tiết lỗi đã được ghi vào tệp dưới đây; xin gửi tệp này cho người hỗ trợ:
%s`, logPath)
}
