package db

import (
	"errors"
	"testing"

	"github.com/kehoach/cchc/store"
)

func TestPlanNumberIsWrittenOneWay(t *testing.T) {
	agency := store.Agency{Name: "Sở Kế hoạch và Đầu tư"}
	tests := []struct {
		number, symbol           string
		ref, numberLine, noteRef string
	}{
		{"5", "KH-SKH", "05/KH-SKH", "Số: 05/KH-SKH", "số 05/KH-SKH ngày"},
		{"05", "KH-SKH", "05/KH-SKH", "Số: 05/KH-SKH", "số 05/KH-SKH ngày"},
		{"0", "KH-SKH", "00/KH-SKH", "Số: 00/KH-SKH", "số 00/KH-SKH ngày"},
		{"10", "KH-SKH", "10/KH-SKH", "Số: 10/KH-SKH", "số 10/KH-SKH ngày"},
		{"122", "KH-SKH", "122/KH-SKH", "Số: 122/KH-SKH", "số 122/KH-SKH ngày"},
		{"12a", "KH-SKH", "12a/KH-SKH", "Số: 12a/KH-SKH", "số 12a/KH-SKH ngày"},
		{"7", "", "07", "Số: 07", "số 07 ngày"},
		// A plan without a number says so in running text and leaves the
		// gap a draft leaves, for the văn thư to fill by hand.
		{"", "KH-SKH", "chưa có số", "Số:      /KH-SKH", "số      /KH-SKH ngày"},
	}
	for _, tt := range tests {
		t.Run(tt.number+"/"+tt.symbol, func(t *testing.T) {
			p := store.Plan{Number: tt.number, Symbol: tt.symbol, DocType: store.DocPlan, IssueDate: store.NewDate(2023, 1, 28), Agency: agency}
			if got := p.Ref(); got != tt.ref {
				t.Errorf("Ref() = %q, want %q", got, tt.ref)
			}
			if got := p.NumberLine(); got != tt.numberLine {
				t.Errorf("NumberLine() = %q, want %q", got, tt.numberLine)
			}
			want := "(Kèm theo Kế hoạch " + tt.noteRef + " 28/01/2023 của Sở Kế hoạch và Đầu tư)"
			if got := p.AppendixNote(); got != want {
				t.Errorf("AppendixNote() = %q, want %q", got, want)
			}
		})
	}
}

func TestFindPlanByAnyWritingOfItsNumber(t *testing.T) {
	st := openTemp(t)
	p5, err := st.CreateBundle(testBundle(2023, "5"))
	if err != nil {
		t.Fatal(err)
	}
	p122, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		ref  string
		want uint64
	}{
		{"5", p5.ID}, {"05", p5.ID}, {"5/KH-SKH", p5.ID}, {"05/KH-SKH", p5.ID}, {" 05/kh-skh ", p5.ID},
		{"122", p122.ID}, {"122/KH-SKH", p122.ID},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			got, err := st.FindPlan(tt.ref)
			if err != nil || got.ID != tt.want {
				t.Errorf("FindPlan(%q) = #%d, %v; want #%d", tt.ref, got.ID, err, tt.want)
			}
		})
	}
	for _, ref := range []string{"50", "5/KH-UBND", "15", "/KH-SKH", "chưa có số"} {
		t.Run(ref, func(t *testing.T) {
			if got, err := st.FindPlan(ref); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("FindPlan(%q) = #%d, %v; want ErrNotFound", ref, got.ID, err)
			}
		})
	}
}

func TestPlanNumbersClashWhateverTheirZeros(t *testing.T) {
	st := openTemp(t)
	if _, err := st.CreateBundle(testBundle(2023, "5")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		year    int
		number  string
		wantErr error
	}{
		{2023, "05", store.ErrInvalid},
		{2023, "005", store.ErrInvalid},
		{2024, "05", nil}, // another year starts its own run of numbers
		{2023, "", nil},   // plans without a number never clash
		{2023, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			b := testBundle(tt.year, tt.number)
			if _, err := st.CreateBundle(b); !errors.Is(err, tt.wantErr) {
				t.Errorf("CreateBundle(%d, %q) = %v, want %v", tt.year, tt.number, err, tt.wantErr)
			}
		})
	}
	// Changing a plan's number to one taken is refused too.
	plans, _ := st.Plans()
	for _, p := range plans {
		if p.Year == 2023 && p.Number == "" {
			p.Number = "5"
			if err := st.UpdatePlan(p); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("UpdatePlan to a taken number: %v", err)
			}
			break
		}
	}
}

func TestPlanWithoutNumberIsValid(t *testing.T) {
	tests := []struct {
		number string
		valid  bool
	}{{"", true}, {"5", true}, {"05", true}, {"5 6", false}, {"5/KH", false}}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			err := store.Plan{Year: 2023, Number: tt.number}.Validate()
			if (err == nil) != tt.valid {
				t.Errorf("Validate(%q) = %v, want valid %v", tt.number, err, tt.valid)
			}
		})
	}
}
