package export

import "testing"

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Qu\u0079\u0301 II", "Quý II"},
		{"Sở\u00a0Nội vụ", "Sở Nội vụ"},
		{"dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"},
		{"Hoàn thành 🎉", "Hoàn thành "},
		{"\ufeffKẾ HOẠCH\u200b", "KẾ HOẠCH"},
		{"a\tb\x00c", "a bc"},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
