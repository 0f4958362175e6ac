package importer

import "testing"

func TestGroupNumeralsGoPastXXXIX(t *testing.T) {
	for _, s := range []string{"I", "IV", "IX", "XXXIX", "XL", "XLIV", "L", "XC", "XCIX", "C", "CXCIX", "CC", "MMXXIII", "A", "Đ"} {
		if !isGroupNumeral(s) {
			t.Errorf("%q is not read as a group numeral", s)
		}
	}
	for _, s := range []string{"", "IIII", "VV", "XXXX", "IC", "Ab", "ABC"} {
		if isGroupNumeral(s) {
			t.Errorf("%q is read as a group numeral", s)
		}
	}
}
