package store

// validSettings are settings that pass Validate, with two units and a
// Nơi nhận list: the least the rules of settings are tried on.
func validSettings() Settings {
	return Settings{
		Agency:       Agency{Name: "Sở Kế hoạch và Đầu tư", Abbrev: "SKH"},
		Units:        []string{"Văn phòng Sở", "Thanh tra Sở"},
		Distribution: []string{"UBND tỉnh;", "Lưu: VT, VP."},
		Signer:       Signer{HeadTitle: "GIÁM ĐỐC"},
	}
}
