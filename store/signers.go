package store

import (
	"fmt"
	"strings"
)

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

// Signers returns everyone who may sign the agency's documents: first the
// signer new plans take (the signer.* keys), then the others.
func (s Settings) Signers() []Signer {
	return append([]Signer{s.Signer}, s.OtherSigners...)
}

// SetSigners replaces the signers: the first becomes the one new plans take.
// It refuses an empty list and a signer that cannot be printed.
func (s *Settings) SetSigners(signers []Signer) error {
	if len(signers) == 0 {
		return fmt.Errorf("%w: cần ít nhất một người ký", ErrInvalid)
	}
	for i, signer := range signers {
		if err := signer.Validate(); err != nil {
			return fmt.Errorf("người ký thứ %d: %w", i+1, err)
		}
	}
	s.Signer = signers[0]
	s.OtherSigners = append([]Signer(nil), signers[1:]...)
	return nil
}

// Validate reports a signer whose block cannot be printed: an unknown
// authority or no title of the head.
func (s Signer) Validate() error {
	if _, err := ParseAuthority(string(s.Authority)); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if strings.TrimSpace(s.HeadTitle) == "" {
		return fmt.Errorf("%w: chức danh người đứng đầu không được để trống", ErrInvalid)
	}
	return nil
}

// Label is the signer in one line, as a choice of signer lists it:
// "KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC – Nguyễn Văn Bình".
func (s Signer) Label() string {
	parts := s.TitleLines()
	if name := strings.TrimSpace(s.Name); name != "" {
		parts = append(parts, name)
	} else {
		parts = append(parts, "(chưa có họ tên)")
	}
	return strings.Join(parts, " – ")
}

// Issued reports whether the plan has been issued, with a number and a
// date: an issued plan keeps the signer it was issued with, a draft takes
// the one chosen when it is printed.
func (p Plan) Issued() bool {
	return p.Number != "" && !p.IssueDate.IsZero()
}

// signerSeparator divides the fields of a signer written on one line.
const signerSeparator = "|"

// formatSigners writes signers one a line: "KT. | GIÁM ĐỐC | PHÓ GIÁM ĐỐC |
// Nguyễn Văn Bình".
func formatSigners(signers []Signer) string {
	lines := make([]string, len(signers))
	for i, s := range signers {
		lines[i] = strings.Join([]string{string(s.Authority), s.HeadTitle, s.OwnTitle, s.Name}, " "+signerSeparator+" ")
	}
	return strings.Join(lines, "\n")
}

// parseSigners reads what formatSigners writes: one signer a line, its
// authority, head's title, own title and name divided by "|". Empty lines
// are skipped; a line with another number of fields is refused.
func parseSigners(text string) ([]Signer, error) {
	var signers []Signer
	for n, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, signerSeparator)
		if len(fields) != 4 {
			return nil, fmt.Errorf("%w: dòng %d: mỗi người ký ghi bốn phần cách nhau bởi %q: thẩm quyền | chức danh người đứng đầu | chức vụ | họ tên", ErrInvalid, n+1, signerSeparator)
		}
		for i := range fields {
			fields[i] = strings.Join(strings.Fields(fields[i]), " ")
		}
		authority, err := ParseAuthority(fields[0])
		if err != nil {
			return nil, fmt.Errorf("%w: dòng %d: %v", ErrInvalid, n+1, err)
		}
		signer := Signer{Authority: authority, HeadTitle: fields[1], OwnTitle: fields[2], Name: fields[3]}
		if err := signer.Validate(); err != nil {
			return nil, fmt.Errorf("dòng %d: %w", n+1, err)
		}
		signers = append(signers, signer)
	}
	return signers, nil
}

// otherSignersSetting is the key of the signers after the first, one a line.
func otherSignersSetting(key string) settingField {
	return settingField{
		key:  key,
		list: true,
		get:  func(s *Settings) string { return formatSigners(s.OtherSigners) },
		set: func(s *Settings, value string) error {
			signers, err := parseSigners(value)
			if err != nil {
				return err
			}
			s.OtherSigners = signers
			return nil
		},
	}
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
