package store

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

func TestCleanTextDropsWhatEmojiLeaveBehind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Văn phòng Sở\uFE0F", "Văn phòng Sở"},
		{"Văn phòng Sở👍🏽", "Văn phòng Sở"},
		{"Thanh tra\u200d Sở\u2060", "Thanh tra Sở"},
		{"\u202aSở Nội vụ\u202c", "Sở Nội vụ"},
		{"xã\u00adhội", "xãhội"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
