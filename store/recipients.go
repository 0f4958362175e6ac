package store

import "strings"

// The Kính gửi setting. The window helper's branch (win) adds the same
// field, key and functions in store/signers.go; when both are merged, keep
// that file and delete this one.

// DefaultRecipients is the Kính gửi of a report sent upward unless the
// settings name others: reports go up through the Department of Home Affairs.
var DefaultRecipients = []string{"Sở Nội vụ tỉnh Tuyên Quang"}

// RecipientsOrDefault returns the Kính gửi list, DefaultRecipients when the
// settings have none.
func (s Settings) RecipientsOrDefault() []string {
	if len(s.Recipients) == 0 {
		return append([]string(nil), DefaultRecipients...)
	}
	return append([]string(nil), s.Recipients...)
}

// recipientsSetting is the key of the Kính gửi list, which reads as
// DefaultRecipients while the settings have none.
func recipientsSetting(key string) settingField {
	return settingField{
		key:  key,
		list: true,
		get:  func(s *Settings) string { return strings.Join(s.RecipientsOrDefault(), "\n") },
		set: func(s *Settings, value string) error {
			s.Recipients = SplitUnits(value)
			return nil
		},
	}
}
