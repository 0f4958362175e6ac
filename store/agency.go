package store

import (
	"fmt"
	"strings"
)

// Agency names the issuing department as the header of its documents prints it.
type Agency struct {
	// Parent is the line above the agency name, "UBND TỈNH TUYÊN QUANG".
	Parent string `json:"parent"`
	// Name is the agency's own name, "Sở Kế hoạch và Đầu tư". Documents print
	// it in capitals in the header and as written in running text.
	Name string `json:"name"`
	// Abbrev is the short form used in document symbols, "SKH".
	Abbrev string `json:"abbrev"`
	// Place is the place name in the date line, "Tuyên Quang".
	Place string `json:"place"`
}

// Authority is the prefix that says on whose behalf a document is signed.
type Authority string

// The signing authorities of Decree 30/2020.
const (
	AuthorityNone Authority = ""     // the head signs in person
	AuthorityKT   Authority = "KT."  // a deputy signs for the head (ký thay)
	AuthorityTM   Authority = "TM."  // on behalf of a collective (thay mặt)
	AuthorityQ    Authority = "Q."   // acting head (quyền)
	AuthorityTL   Authority = "TL."  // by order (thừa lệnh)
	AuthorityTUQ  Authority = "TUQ." // by delegation (thừa ủy quyền)
)

// Authorities lists every valid Authority, the empty one first.
var Authorities = []Authority{AuthorityNone, AuthorityKT, AuthorityTM, AuthorityQ, AuthorityTL, AuthorityTUQ}

// ParseAuthority accepts a prefix with or without its dot, in any case;
// "" and "không" mean none.
func ParseAuthority(s string) (Authority, error) {
	clean := strings.ToUpper(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if clean == "" || clean == "KHÔNG" {
		return AuthorityNone, nil
	}
	for _, a := range Authorities[1:] {
		if strings.TrimSuffix(string(a), ".") == clean {
			return a, nil
		}
	}
	return "", fmt.Errorf("thẩm quyền ký %q không hợp lệ: dùng một trong KT., TM., Q., TL., TUQ. hoặc để trống", s)
}

// Signer is the person and titles of the signature block.
type Signer struct {
	Authority Authority `json:"authority"`
	// HeadTitle is the title of the head of the agency, "GIÁM ĐỐC".
	HeadTitle string `json:"headTitle"`
	// OwnTitle is the signer's own title when it differs from the head's,
	// "PHÓ GIÁM ĐỐC" under "KT. GIÁM ĐỐC"; empty when the head signs.
	OwnTitle string `json:"ownTitle"`
	// Name is the signer's full name; empty until the officer enters it.
	Name string `json:"name"`
}

// TitleLines returns the title lines of the signature block as printed:
// "KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC", or just "GIÁM ĐỐC".
func (s Signer) TitleLines() []string {
	first := strings.TrimSpace(string(s.Authority) + " " + s.HeadTitle)
	lines := []string{strings.ToUpper(first)}
	if own := strings.TrimSpace(s.OwnTitle); own != "" && s.Authority != AuthorityNone {
		lines = append(lines, strings.ToUpper(own))
	}
	return lines
}

// Settings are the agency as it is today. New plans copy the agency lines,
// the distribution list and the signer from here; existing plans keep the
// names they were issued under.
type Settings struct {
	Agency Agency `json:"agency"`
	// Units are the agency's own units, offered as lead and coordinating units.
	Units []string `json:"units"`
	// Distribution is the default Nơi nhận list, one recipient a line.
	Distribution []string `json:"distribution"`
	// Signer is the first signer, the one new plans take.
	Signer Signer `json:"signer"`
	// OtherSigners are the others who may sign, one chosen for each
	// document (Signers lists them all).
	OtherSigners []Signer `json:"otherSigners,omitempty"`
	// Recipients are the Kính gửi of reports sent upward; none means
	// DefaultRecipients.
	Recipients []string `json:"recipients,omitempty"`
	// Margins are the page margins of printed documents.
	Margins Margins `json:"margins"`
	// DueSoonDays is how many days ahead a due date is flagged "sắp đến
	// hạn"; 0 means DefaultDueSoonDays.
	DueSoonDays int `json:"dueSoonDays,omitempty"`
	// Periods are the bounds of the reporting periods.
	Periods PeriodSettings `json:"periods,omitzero"`
}

// MaxDueSoonDays bounds the due-soon window: a year ahead.
const MaxDueSoonDays = 366

// Margins are page margins in millimetres.
type Margins struct {
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
}

// DefaultMargins are the margins documents print with unless the settings
// say otherwise: the smallest Decree 30/2020 allows on top, bottom and right,
// and 30 mm on the left for binding.
var DefaultMargins = Margins{Top: 20, Bottom: 20, Left: 30, Right: 15}

// MarginRanges are the limits Decree 30/2020 sets for each margin, in mm.
var MarginRanges = struct{ Top, Bottom, Left, Right [2]float64 }{
	Top: [2]float64{20, 25}, Bottom: [2]float64{20, 25}, Left: [2]float64{30, 35}, Right: [2]float64{15, 20},
}

// OrDefault returns m, or DefaultMargins when m is unset.
func (m Margins) OrDefault() Margins {
	if m == (Margins{}) {
		return DefaultMargins
	}
	return m
}

// Validate reports a margin outside the range Decree 30/2020 allows.
func (m Margins) Validate() error {
	if m == (Margins{}) {
		return nil
	}
	checks := []struct {
		name  string
		value float64
		limit [2]float64
	}{
		{"lề trên", m.Top, MarginRanges.Top},
		{"lề dưới", m.Bottom, MarginRanges.Bottom},
		{"lề trái", m.Left, MarginRanges.Left},
		{"lề phải", m.Right, MarginRanges.Right},
	}
	for _, c := range checks {
		if c.value < c.limit[0] || c.value > c.limit[1] {
			return fmt.Errorf("%w: %s %g mm nằm ngoài khoảng %g–%g mm mà Nghị định 30/2020 cho phép", ErrInvalid, c.name, c.value, c.limit[0], c.limit[1])
		}
	}
	return nil
}

// Validate reports the first setting that cannot be used in a document.
func (s Settings) Validate() error {
	switch {
	case strings.TrimSpace(s.Agency.Name) == "":
		return fmt.Errorf("%w: tên cơ quan không được để trống", ErrInvalid)
	case strings.TrimSpace(s.Agency.Abbrev) == "":
		return fmt.Errorf("%w: tên viết tắt của cơ quan không được để trống", ErrInvalid)
	}
	for _, signer := range s.Signers() {
		if err := signer.Validate(); err != nil {
			return err
		}
	}
	if s.DueSoonDays < 0 || s.DueSoonDays > MaxDueSoonDays {
		return fmt.Errorf("%w: số ngày báo sắp đến hạn %d phải từ 1 đến %d", ErrInvalid, s.DueSoonDays, MaxDueSoonDays)
	}
	if err := s.Periods.Validate(); err != nil {
		return err
	}
	return s.Margins.Validate()
}
