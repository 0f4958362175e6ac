package store

import (
	"fmt"
	"strings"
)

// ConfirmChange says whether changing a setting to value destroys what the
// officer typed and so must be asked first: emptying a list that holds
// items (the units, Nơi nhận). It returns the question to ask, "" when the
// change needs no asking. The window asks it in a dialog; the CLI needs
// --force. An unknown key or a value that does not read needs no asking:
// SetSetting refuses it.
func (s Settings) ConfirmChange(key, value string) string {
	found, err := findSetting(key)
	if err != nil || !found.list {
		return ""
	}
	changed := s
	if changed.SetSetting(key, value) != nil {
		return ""
	}
	before, _ := s.Setting(key)
	after, _ := changed.Setting(key)
	if before == "" || after != "" {
		return ""
	}
	return fmt.Sprintf("Xoá hết danh sách “%s” (%d mục)? Các mục đã nhập sẽ mất.", found.key, len(strings.Split(before, "\n")))
}
