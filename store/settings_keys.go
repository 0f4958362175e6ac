package store

import (
	"fmt"
	"strconv"
	"strings"
)

// A settingField is one field of Settings named by a key, "agency.name", read and
// written as text: what `cchc-cli settings` lists and sets, and what a
// settings form edits.
type settingField struct {
	key string
	// list: the value is a list, one item a line.
	list bool
	get  func(s *Settings) string
	set  func(s *Settings, value string) error
}

// settingFields are every setting, in the order they are listed.
var settingFields = []settingField{
	textSetting("agency.parent", func(s *Settings) *string { return &s.Agency.Parent }),
	requiredSetting("agency.name", "tên cơ quan", func(s *Settings) *string { return &s.Agency.Name }),
	requiredSetting("agency.abbrev", "tên viết tắt của cơ quan", func(s *Settings) *string { return &s.Agency.Abbrev }),
	textSetting("agency.place", func(s *Settings) *string { return &s.Agency.Place }),
	listSetting("units", func(s *Settings) *[]string { return &s.Units }, SplitUnits),
	listSetting("distribution", func(s *Settings) *[]string { return &s.Distribution }, SplitDistribution),
	recipientsSetting("recipients"),
	{key: "signer.authority", get: func(s *Settings) string { return string(s.Signer.Authority) }, set: setAuthority},
	requiredSetting("signer.headTitle", "chức danh người đứng đầu", func(s *Settings) *string { return &s.Signer.HeadTitle }),
	textSetting("signer.ownTitle", func(s *Settings) *string { return &s.Signer.OwnTitle }),
	textSetting("signer.name", func(s *Settings) *string { return &s.Signer.Name }),
	otherSignersSetting("signers.more"),
	marginSetting("margins.top", func(m *Margins) *float64 { return &m.Top }),
	marginSetting("margins.bottom", func(m *Margins) *float64 { return &m.Bottom }),
	marginSetting("margins.left", func(m *Margins) *float64 { return &m.Left }),
	marginSetting("margins.right", func(m *Margins) *float64 { return &m.Right }),
	dayCountSetting("dueSoon.days", "số ngày báo sắp đến hạn", DefaultDueSoonDays, 1, MaxDueSoonDays,
		func(s *Settings) *int { return &s.DueSoonDays }),
	dayCountSetting("periods.cutoff", "ngày chốt số liệu kỳ báo cáo (31: hết tháng)", DefaultCutoffDay, 1, CalendarCutoff,
		func(s *Settings) *int { return &s.Periods.CutoffDay }),
}

// SettingKeys returns every settings key, in the order they are listed.
func SettingKeys() []string {
	keys := make([]string, len(settingFields))
	for i, s := range settingFields {
		keys[i] = s.key
	}
	return keys
}

// IsListSetting reports whether the key holds a list, written one item a line.
func IsListSetting(key string) bool {
	s, err := findSetting(key)
	return err == nil && s.list
}

// Setting returns the value of a key as text: a list one item a line, a
// margin in millimetres (the default when none is set).
func (s Settings) Setting(key string) (string, error) {
	found, err := findSetting(key)
	if err != nil {
		return "", err
	}
	return found.get(&s), nil
}

// SetSetting sets a key from text. A list takes one item a line, or items
// separated by ";"; a margin takes millimetres within the range Decree
// 30/2020 allows. The caller saves the settings.
func (s *Settings) SetSetting(key, value string) error {
	found, err := findSetting(key)
	if err != nil {
		return err
	}
	return found.set(s, value)
}

// findSetting finds a setting by its key, in any case.
func findSetting(key string) (settingField, error) {
	for _, s := range settingFields {
		if strings.EqualFold(s.key, strings.TrimSpace(key)) {
			return s, nil
		}
	}
	return settingField{}, fmt.Errorf("%w: không có mục cài đặt %q; các mục: %s", ErrInvalid, key, strings.Join(SettingKeys(), ", "))
}

func textSetting(key string, field func(*Settings) *string) settingField {
	return settingField{
		key: key,
		get: func(s *Settings) string { return *field(s) },
		set: func(s *Settings, value string) error {
			*field(s) = strings.Join(strings.Fields(value), " ")
			return nil
		},
	}
}

// requiredSetting is a text setting that refuses to be emptied: what names
// it in the message, "tên cơ quan".
func requiredSetting(key, what string, field func(*Settings) *string) settingField {
	setting := textSetting(key, field)
	setText := setting.set
	setting.set = func(s *Settings, value string) error {
		if strings.TrimSpace(value) == "" {
			return fmt.Errorf("%w: %s không được để trống", ErrInvalid, what)
		}
		return setText(s, value)
	}
	return setting
}

func listSetting(key string, field func(*Settings) *[]string, split func(string) []string) settingField {
	return settingField{
		key:  key,
		list: true,
		get:  func(s *Settings) string { return strings.Join(*field(s), "\n") },
		set: func(s *Settings, value string) error {
			*field(s) = split(value)
			return nil
		},
	}
}

func marginSetting(key string, field func(*Margins) *float64) settingField {
	return settingField{
		key: key,
		get: func(s *Settings) string {
			m := s.Margins.OrDefault()
			return strconv.FormatFloat(*field(&m), 'f', -1, 64)
		},
		set: func(s *Settings, value string) error {
			mm, err := parseMillimetres(value)
			if err != nil {
				return fmt.Errorf("%w: %s: %v", ErrInvalid, key, err)
			}
			m := s.Margins.OrDefault()
			*field(&m) = mm
			if err := m.Validate(); err != nil {
				return err
			}
			s.Margins = m
			return nil
		},
	}
}

func setAuthority(s *Settings, value string) error {
	authority, err := ParseAuthority(value)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	s.Signer.Authority = authority
	return nil
}

// parseMillimetres reads "20", "22,5", "22.5 mm".
func parseMillimetres(value string) (float64, error) {
	clean := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.ToLower(value)), "mm"))
	mm, err := strconv.ParseFloat(strings.ReplaceAll(clean, ",", "."), 64)
	if err != nil {
		return 0, fmt.Errorf("%q không phải một số milimét", value)
	}
	return mm, nil
}

// SplitDistribution reads a Nơi nhận list: one recipient a line, or
// recipients separated by ";". Leading dashes go. Separated by ";", each
// recipient but the last keeps its ";", as the list prints them: "Sở Nội
// vụ;" ... "Lưu: VT, VP.". A recipient with a ";" of its own ("UBND tỉnh;
// (báo cáo)") must be given one a line.
func SplitDistribution(value string) []string {
	value = strings.ReplaceAll(value, "\r\n", "\n")
	var items []string
	if strings.Contains(value, "\n") {
		items = strings.Split(value, "\n")
	} else {
		items = strings.Split(value, ";")
		for i := range len(items) - 1 {
			items[i] += ";"
		}
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		item = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(item), "-–•"))
		if item != "" && item != ";" {
			out = append(out, item)
		}
	}
	return out
}

// dayCountSetting is a whole number of days from least to most, named in
// messages by name; unset (0) reads as the default.
func dayCountSetting(key, name string, defaultValue, least, most int, field func(*Settings) *int) settingField {
	return settingField{
		key: key,
		get: func(s *Settings) string {
			if v := *field(s); v != 0 {
				return strconv.Itoa(v)
			}
			return strconv.Itoa(defaultValue)
		},
		set: func(s *Settings, value string) error {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < least || n > most {
				return fmt.Errorf("%w: %s: %s %q phải là số nguyên từ %d đến %d", ErrInvalid, key, name, value, least, most)
			}
			*field(s) = n
			return nil
		},
	}
}
