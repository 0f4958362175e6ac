package store

import (
	"strings"
	"testing"
)

func TestTimelineProblem(t *testing.T) {
	tests := []struct {
		text     string
		planYear int
		want     string
	}{
		{"Quý V/2023", 2023, "không đọc được “Quý V/2023”: quý chỉ từ I đến IV"},
		{"Quý 5 năm 2023", 2023, "không đọc được “Quý 5 năm 2023”: quý chỉ từ I đến IV"},
		{"Tháng 13/2023", 2023, "không đọc được “Tháng 13/2023”: tháng chỉ từ 1 đến 12"},
		{"13/2023", 2023, "không đọc được “13/2023”: tháng chỉ từ 1 đến 12"},
		{"15/13/2023", 2023, "không đọc được “15/13/2023”: tháng chỉ từ 1 đến 12"},
		{"31/02/2023", 2023, "không đọc được “31/02/2023”: tháng 2 năm 2023 chỉ có 28 ngày"},
		{"Trước ngày 31/4/2024", 2024, "không đọc được “Trước ngày 31/4/2024”: tháng 4 năm 2024 chỉ có 30 ngày"},
		{"ngày 30 tháng 2 năm 2024", 2024, "không đọc được “ngày 30 tháng 2 năm 2024”: tháng 2 năm 2024 chỉ có 29 ngày"},
		{"Năm 20233", 2023, "không đọc được “Năm 20233”: năm 20233 không hợp lệ, năm chỉ từ 1900 đến 2200"},
		{"Quý I/1800", 2023, "không đọc được “Quý I/1800”: năm 1800 không hợp lệ, năm chỉ từ 1900 đến 2200"},
		{"Quý IV/2026 - Quý II/2025", 2025, "không đọc được “Quý IV/2026 - Quý II/2025”: mốc kết thúc đứng trước mốc bắt đầu"},
		{"Tháng 12", 0, "không đọc được “Tháng 12”: không ghi năm và kế hoạch chưa có năm"},
		{"Theo yêu cầu của cấp trên", 2023, "không đọc được “Theo yêu cầu của cấp trên”: không nhận ra mốc thời gian"},
		{"Theo Quyết định số 1234/QĐ-UBND", 2023, "không đọc được “Theo Quyết định số 1234/QĐ-UBND”: không nhận ra mốc thời gian"},
		{"  Sau khi có hướng dẫn  ", 2023, "không đọc được “Sau khi có hướng dẫn”: không nhận ra mốc thời gian"},
		{"(chờ hướng dẫn)", 2023, "không đọc được “(chờ hướng dẫn)”: không nhận ra mốc thời gian"},
		{"Sau khi " + strings.Repeat("có hướng dẫn ", 6), 2023, "không đọc được “Sau khi có hướng dẫn có hướng dẫn có hướng dẫn có hướng dẫn…”: không nhận ra mốc thời gian"},
		{"Năm 2023" + strings.Repeat(" ", 300), 2023, "nội dung quá dài, không phải một mốc thời gian"},
		// Timelines that are read, and empty text, have no problem.
		{"", 2023, ""},
		{"   ", 2023, ""},
		{"Quý II/2023", 2023, ""},
		{"Thường xuyên", 0, ""},
		{"Tháng 12", 2023, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := ParseTimeline(tt.text, tt.planYear)
			if got.Problem != tt.want {
				t.Errorf("Problem = %q\nwant      %q", got.Problem, tt.want)
			}
		})
	}
}

func TestBadDateIsADateThatCannotBe(t *testing.T) {
	bad := []string{"31/02/2023", "Quý V/2023", "Tháng 13", "Năm 20233", "Quý IV/2026 - Quý II/2025", "ngày 30 tháng 2 năm 2024"}
	notBad := []string{"", "Quý II/2023", "Thường xuyên", "Theo yêu cầu của cấp trên", "Năm 2023" + strings.Repeat(" ", 300)}
	for _, text := range bad {
		if tl := ParseTimeline(text, 2023); !tl.BadDate() {
			t.Errorf("%q (%s) is not a bad date", text, tl.Problem)
		}
	}
	for _, text := range notBad {
		if tl := ParseTimeline(text, 2023); tl.BadDate() {
			t.Errorf("%q (%s) is a bad date", text, tl.Problem)
		}
	}
	if ParseTimeline("Tháng 12", 0).BadDate() {
		t.Error("a month without a year in a plan without one is a bad date")
	}
}

func TestDueLine(t *testing.T) {
	tests := map[string]string{
		"Quý IV/2025":  "Quý IV/2025 → 31/12/2025",
		"Thường xuyên": "Thường xuyên → đánh giá theo từng kỳ báo cáo",
		"Quý V/2025":   "không xác định được hạn: không đọc được “Quý V/2025”: quý chỉ từ I đến IV",
		"":             "",
	}
	for text, want := range tests {
		if got := ParseTimeline(text, 2025).DueLine(); got != want {
			t.Errorf("DueLine(%q) = %q, want %q", text, got, want)
		}
	}
}
