package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func seedLikeSettings() Settings {
	return Settings{
		Agency:       Agency{Parent: "UBND TỈNH TUYÊN QUANG", Name: "Sở Kế hoạch và Đầu tư", Abbrev: "SKH", Place: "Tuyên Quang"},
		Units:        []string{"Văn phòng Sở", "Thanh tra Sở"},
		Distribution: []string{"UBND tỉnh; (báo cáo)", "Sở Nội vụ;", "Lưu: VT, VP."},
		Signer:       Signer{HeadTitle: "GIÁM ĐỐC"},
	}
}

func TestEverySettingReadsBackWhatWasSet(t *testing.T) {
	tests := []struct{ key, value, want string }{
		{"agency.parent", "UBND TỈNH HÀ GIANG", "UBND TỈNH HÀ GIANG"},
		{"agency.name", "  Sở Tài chính ", "Sở Tài chính"},
		{"agency.abbrev", "STC", "STC"},
		{"agency.place", "Hà Giang", "Hà Giang"},
		{"units", "Văn phòng; Phòng Công chức, viên chức", "Văn phòng\nPhòng Công chức, viên chức"},
		{"units", "- Văn phòng\n- Thanh tra.", "Văn phòng\nThanh tra"},
		{"distribution", "UBND tỉnh (báo cáo); Sở Nội vụ; Lưu: VT, VP.", "UBND tỉnh (báo cáo);\nSở Nội vụ;\nLưu: VT, VP."},
		{"distribution", "- UBND tỉnh; (báo cáo)\r\n- Lưu: VT, TC.", "UBND tỉnh; (báo cáo)\nLưu: VT, TC."},
		{"signer.authority", "kt", "KT."},
		{"signer.authority", "", ""},
		{"signer.headTitle", "GIÁM ĐỐC", "GIÁM ĐỐC"},
		{"SIGNER.OWNTITLE", "PHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},
		{"signer.name", "Nguyễn Văn Bình", "Nguyễn Văn Bình"},
		{"margins.top", "25", "25"},
		{"margins.left", "32,5 mm", "32.5"},
		{"margins.right", "20mm", "20"},
		{"margins.bottom", "22.5", "22.5"},
		{"dueSoon.days", " 10 ", "10"},
		{"periods.cutoff", "31", "31"},
		{"periods.cutoff", "20", "20"},
	}
	for _, tt := range tests {
		s := seedLikeSettings()
		if err := s.SetSetting(tt.key, tt.value); err != nil {
			t.Errorf("set %s %q: %v", tt.key, tt.value, err)
			continue
		}
		if got, err := s.Setting(tt.key); err != nil || got != tt.want {
			t.Errorf("set %s %q: reads back %q, %v; want %q", tt.key, tt.value, got, err, tt.want)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("set %s %q: settings no longer valid: %v", tt.key, tt.value, err)
		}
	}
}

func TestSettingKeysCoverEveryField(t *testing.T) {
	keys := SettingKeys()
	want := []string{"agency.parent", "agency.name", "agency.abbrev", "agency.place", "units", "distribution", "recipients",
		"signer.authority", "signer.headTitle", "signer.ownTitle", "signer.name", "signers.more",
		"margins.top", "margins.bottom", "margins.left", "margins.right", "dueSoon.days", "periods.cutoff"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys = %v", keys)
	}
	if !IsListSetting("units") || !IsListSetting("distribution") || !IsListSetting("recipients") || !IsListSetting("signers.more") || IsListSetting("agency.name") {
		t.Error("IsListSetting is wrong")
	}
}

func TestUnsetMarginsReadAsDefaults(t *testing.T) {
	s := seedLikeSettings()
	for key, want := range map[string]string{"margins.top": "20", "margins.bottom": "20", "margins.left": "30", "margins.right": "15"} {
		if got, _ := s.Setting(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	for key, want := range map[string]string{"dueSoon.days": "15", "periods.cutoff": "14"} {
		if got, _ := s.Setting(key); got != want {
			t.Errorf("%s = %q, want the default %q", key, got, want)
		}
	}
	if err := s.SetSetting("margins.top", "21"); err != nil {
		t.Fatal(err)
	}
	if s.Margins != (Margins{Top: 21, Bottom: 20, Left: 30, Right: 15}) {
		t.Errorf("margins = %+v, want the defaults with the top changed", s.Margins)
	}
}

func TestBadSettingsRefused(t *testing.T) {
	tests := []struct{ key, value, want string }{
		{"agency.colour", "đỏ", "không có mục cài đặt"},
		{"margins.top", "10", "lề trên"},
		{"margins.left", "năm", "không phải một số"},
		{"margins.right", "25", "lề phải"},
		{"signer.authority", "PGĐ", "thẩm quyền ký"},
		{"dueSoon.days", "0", "số ngày báo sắp đến hạn"},
		{"dueSoon.days", "mười", "số ngày báo sắp đến hạn"},
		{"periods.cutoff", "32", "ngày chốt số liệu kỳ báo cáo"},
	}
	for _, tt := range tests {
		s := seedLikeSettings()
		before := s.Margins
		err := s.SetSetting(tt.key, tt.value)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("set %s %q: err = %v, want %q", tt.key, tt.value, err, tt.want)
		}
		if s.Margins != before {
			t.Errorf("set %s %q: the margins changed although refused", tt.key, tt.value)
		}
	}
}
