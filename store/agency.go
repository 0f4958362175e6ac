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
	Signer       Signer   `json:"signer"`
}

// Validate reports the first setting that cannot be used in a document.
func (s Settings) Validate() error {
	switch {
	case strings.TrimSpace(s.Agency.Name) == "":
		return fmt.Errorf("%w: tên cơ quan không được để trống", ErrInvalid)
	case strings.TrimSpace(s.Agency.Abbrev) == "":
		return fmt.Errorf("%w: tên viết tắt của cơ quan không được để trống", ErrInvalid)
	case strings.TrimSpace(s.Signer.HeadTitle) == "":
		return fmt.Errorf("%w: chức danh người đứng đầu không được để trống", ErrInvalid)
	}
	if _, err := ParseAuthority(string(s.Signer.Authority)); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}
