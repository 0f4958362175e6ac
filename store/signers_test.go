package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSignersListTheFirstThenTheOthers(t *testing.T) {
	s := seedLikeSettings()
	deputy := Signer{Authority: AuthorityKT, HeadTitle: "GIÁM ĐỐC", OwnTitle: "PHÓ GIÁM ĐỐC", Name: "Lê Văn An"}
	head := Signer{HeadTitle: "GIÁM ĐỐC", Name: "Nguyễn Văn Bình"}
	if err := s.SetSigners([]Signer{head, deputy}); err != nil {
		t.Fatal(err)
	}
	if s.Signer != head || !slices.Equal(s.OtherSigners, []Signer{deputy}) {
		t.Errorf("first %+v, others %+v", s.Signer, s.OtherSigners)
	}
	if got := s.Signers(); !slices.Equal(got, []Signer{head, deputy}) {
		t.Errorf("Signers() = %+v", got)
	}
	if err := s.Validate(); err != nil {
		t.Errorf("two good signers refused: %v", err)
	}
	if got := deputy.Label(); got != "KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC – Lê Văn An" {
		t.Errorf("Label = %q", got)
	}
}

func TestSetSignersRefusesWhatCannotBePrinted(t *testing.T) {
	tests := []struct {
		name    string
		signers []Signer
		want    string
	}{
		{"no signer", nil, "ít nhất một người ký"},
		{"no head title", []Signer{{HeadTitle: "GIÁM ĐỐC"}, {Name: "Lê Văn An"}}, "người ký thứ 2: dữ liệu không hợp lệ: chức danh người đứng đầu"},
		{"unknown authority", []Signer{{Authority: "PGĐ", HeadTitle: "GIÁM ĐỐC"}}, "thẩm quyền ký"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := seedLikeSettings()
			before := s.Signers()
			err := s.SetSigners(tt.signers)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if !slices.Equal(s.Signers(), before) {
				t.Errorf("the signers changed although refused: %+v", s.Signers())
			}
		})
	}
}

func TestOtherSignersKeyReadsBackOneALine(t *testing.T) {
	s := seedLikeSettings()
	value := "KT. | GIÁM ĐỐC | PHÓ GIÁM ĐỐC | Lê  Văn An\n\n tuq|GIÁM ĐỐC|CHÁNH VĂN PHÒNG| "
	if err := s.SetSetting("signers.more", value); err != nil {
		t.Fatal(err)
	}
	want := []Signer{
		{Authority: AuthorityKT, HeadTitle: "GIÁM ĐỐC", OwnTitle: "PHÓ GIÁM ĐỐC", Name: "Lê Văn An"},
		{Authority: AuthorityTUQ, HeadTitle: "GIÁM ĐỐC", OwnTitle: "CHÁNH VĂN PHÒNG"},
	}
	if !slices.Equal(s.OtherSigners, want) {
		t.Errorf("others = %+v", s.OtherSigners)
	}
	got, _ := s.Setting("signers.more")
	if got != "KT. | GIÁM ĐỐC | PHÓ GIÁM ĐỐC | Lê Văn An\nTUQ. | GIÁM ĐỐC | CHÁNH VĂN PHÒNG | " {
		t.Errorf("reads back %q", got)
	}
	if err := s.SetSetting("signers.more", ""); err != nil || len(s.OtherSigners) != 0 {
		t.Errorf("emptying the others: %v, %+v", err, s.OtherSigners)
	}
	if s.Signer != seedLikeSettings().Signer {
		t.Error("the first signer changed")
	}
}

func TestBadOtherSignersRefused(t *testing.T) {
	for _, value := range []string{"GIÁM ĐỐC | Lê Văn An", "PGĐ | GIÁM ĐỐC | | Lê Văn An", "KT. | | PHÓ GIÁM ĐỐC | Lê Văn An"} {
		s := seedLikeSettings()
		if err := s.SetSetting("signers.more", value); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "dòng 1") {
			t.Errorf("%q: err = %v", value, err)
		}
	}
}

func TestRecipientsDefaultToHomeAffairs(t *testing.T) {
	s := seedLikeSettings()
	if got, _ := s.Setting("recipients"); got != "Sở Nội vụ tỉnh Tuyên Quang" {
		t.Errorf("default Kính gửi = %q", got)
	}
	if err := s.SetSetting("recipients", "UBND tỉnh Tuyên Quang; Sở Nội vụ tỉnh Tuyên Quang"); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.RecipientsOrDefault(), []string{"UBND tỉnh Tuyên Quang", "Sở Nội vụ tỉnh Tuyên Quang"}) {
		t.Errorf("recipients = %q", s.Recipients)
	}
}

func TestRequiredSettingsRefuseToBeEmptied(t *testing.T) {
	for key, want := range map[string]string{
		"agency.name": "tên cơ quan", "agency.abbrev": "tên viết tắt", "signer.headTitle": "chức danh người đứng đầu",
	} {
		s := seedLikeSettings()
		before, _ := s.Setting(key)
		err := s.SetSetting(key, "   ")
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s emptied: err = %v", key, err)
		}
		if after, _ := s.Setting(key); after != before {
			t.Errorf("%s changed to %q although refused", key, after)
		}
	}
}

func TestIssuedPlansHaveANumberAndADate(t *testing.T) {
	tests := []struct {
		name string
		plan Plan
		want bool
	}{
		{"issued", Plan{Number: "122", IssueDate: NewDate(2023, 1, 28)}, true},
		{"no number yet", Plan{IssueDate: NewDate(2023, 1, 28)}, false},
		{"no date yet", Plan{Number: "5"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.plan.Issued(); got != tt.want {
				t.Errorf("Issued() = %v", got)
			}
		})
	}
}
