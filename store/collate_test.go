package store

import (
	"slices"
	"testing"
)

func TestSortNamesIsVietnamese(t *testing.T) {
	names := []string{"Văn phòng Sở", "Đoàn thanh niên", "Thanh tra Sở", "Ban giám đốc", "Phòng Đăng ký kinh doanh", "Phòng Đấu thầu", "Phòng Kinh tế ngành", "Ăn uống", "Dân vận"}
	SortNames(names)
	want := []string{"Ăn uống", "Ban giám đốc", "Dân vận", "Đoàn thanh niên", "Phòng Đăng ký kinh doanh", "Phòng Đấu thầu", "Phòng Kinh tế ngành", "Thanh tra Sở", "Văn phòng Sở"}
	if !slices.Equal(names, want) {
		t.Errorf("SortNames = %q\nwant        %q", names, want)
	}
}
