package reporting

import (
	"errors"
	"testing"

	"github.com/kehoach/cchc/store"
)

func ptr(v float64) *float64 { return &v }

func TestEvaluateEachComparator(t *testing.T) {
	tests := []struct {
		name   string
		target store.Target
		value  float64
		want   Verdict
	}{
		{"≥ reached", store.Target{Comparator: store.AtLeast, Value: 70}, 70, VerdictMet},
		{"≥ missed", store.Target{Comparator: store.AtLeast, Value: 70}, 69.99, VerdictNotMet},
		{"≤ reached", store.Target{Comparator: store.AtMost, Value: 25}, 25, VerdictMet},
		{"≤ missed", store.Target{Comparator: store.AtMost, Value: 25}, 26, VerdictNotMet},
		{"= reached", store.Target{Comparator: store.Exactly, Value: 100}, 100, VerdictMet},
		{"= missed just under", store.Target{Comparator: store.Exactly, Value: 100}, 99.5, VerdictNotMet},
		{"= of a fraction", store.Target{Comparator: store.Exactly, Value: 95}, NewFraction(152, 160).Value, VerdictMet},
		{"> not when equal", store.Target{Comparator: store.MoreThan, Value: 22}, 22, VerdictNotMet},
		{"> reached", store.Target{Comparator: store.MoreThan, Value: 22}, 22.5, VerdictMet},
		{"increase in points reached", store.Target{Comparator: store.IncreaseBy, Value: 20, Unit: "%", BaselineYear: 2022, Baseline: ptr(45)}, 65, VerdictMet},
		{"increase in points missed", store.Target{Comparator: store.IncreaseBy, Value: 20, Unit: "%", BaselineYear: 2022, Baseline: ptr(45)}, 64, VerdictNotMet},
		{"increase without a baseline", store.Target{Comparator: store.IncreaseBy, Value: 20, Unit: "%", BaselineYear: 2022}, 90, VerdictNoData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Evaluate(tt.target, tt.value); got != tt.want {
				t.Errorf("Evaluate(%s, %v) = %q, want %q", tt.target.Goal(), tt.value, got, tt.want)
			}
		})
	}
}

func TestFractionGivesTheShare(t *testing.T) {
	a := NewFraction(152, 160)
	if a.Value != 95 || a.Detail() != "152/160" || !a.Fraction() {
		t.Errorf("152 of 160 = %+v", a)
	}
	q1 := store.Period{Kind: store.PeriodQ1, Year: 2023}
	for _, tt := range []struct {
		name   string
		actual Actual
	}{
		{"numerator over denominator", Actual{Period: q1, Numerator: 170, Denominator: 160, Value: 106}},
		{"numerator without denominator", Actual{Period: q1, Numerator: 3}},
		{"negative", Actual{Period: q1, Value: -1}},
		{"no period", Actual{Value: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.actual.Validate(); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("Validate(%+v) = %v, want ErrInvalid", tt.actual, err)
			}
		})
	}
}

func TestEvaluateTargetsTakesEnteredThenFigures(t *testing.T) {
	targets := []store.Target{
		{ID: 1, Comparator: store.AtLeast, Value: 70, Unit: "%", Feed: store.FeedOnlineShare},
		{ID: 2, Comparator: store.AtLeast, Value: 95, Unit: "%", Feed: store.FeedSatisfaction},
		{ID: 3, Comparator: store.Exactly, Value: 100, Unit: "%"},
		{ID: 4, Comparator: store.IncreaseBy, Value: 20, Unit: "%", BaselineYear: 2022},
	}
	entered := NewFraction(60, 100)
	entered.TargetID = 1
	figures := Figures{}
	figures.Set(FigReceivedOnline, 152)
	figures.Set(FigReceivedInPerson, 8)
	figures.Set(FigSatisfaction, 97)
	results := EvaluateTargets(targets, []Actual{entered, {TargetID: 4, Value: 70}}, figures)
	want := []struct {
		verdict Verdict
		source  string
		text    string
	}{
		{VerdictNotMet, SourceEntered, "60% (60/100)"},
		{VerdictMet, SourceFigures, "97%"},
		{VerdictNoData, "", ""},
		{VerdictNoData, SourceEntered, "70%"},
	}
	for i, w := range want {
		r := results[i]
		if r.Verdict != w.verdict || r.Source != w.source || r.ValueText() != w.text {
			t.Errorf("target %d: %q %q %q, want %q %q %q", i+1, r.Verdict, r.Source, r.ValueText(), w.verdict, w.source, w.text)
		}
	}
	if results[3].Why != "chưa nhập giá trị năm gốc 2022" {
		t.Errorf("why = %q", results[3].Why)
	}
	if c := CountVerdicts(results); c[VerdictMet] != 1 || c[VerdictNotMet] != 1 || c[VerdictNoData] != 2 {
		t.Errorf("counts = %v", c)
	}
}

func TestFiguresFeedShares(t *testing.T) {
	f := Figures{}
	for key, v := range map[FigureKey]float64{
		FigReceivedOnline: 152, FigReceivedInPerson: 8, FigResolvedEarly: 120, FigResolvedOnTime: 38,
		FigResolvedLate: 2, FigDocumentsIssued: 400, FigDocumentsSigned: 396, FigOnlinePayment: 12.5,
	} {
		f.Set(key, v)
	}
	tests := []struct {
		feed   store.Feed
		value  string
		detail string
	}{
		{store.FeedOnlineShare, "95", "152/160 hồ sơ"},
		{store.FeedOnTimeShare, "98,75", "158/160 hồ sơ"},
		{store.FeedEarlyShare, "75", "120/160 hồ sơ"},
		{store.FeedDigitalSigning, "99", "396/400 văn bản"},
		{store.FeedOnlinePayment, "12,5", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.feed), func(t *testing.T) {
			got, ok := f.Feed(tt.feed)
			if !ok || store.FormatNumber(got.Value) != tt.value || got.Detail != tt.detail {
				t.Errorf("%s = %+v %v, want %s (%s)", tt.feed, got, ok, tt.value, tt.detail)
			}
		})
	}
	if _, ok := f.Feed(store.FeedSatisfaction); ok {
		t.Error("satisfaction not entered, yet computed")
	}
	f.Set(FigOnlineShare, 90)
	if got, _ := f.Feed(store.FeedOnlineShare); got.Value != 90 || got.Detail != "" {
		t.Errorf("an entered share wins over the counts: %+v", got)
	}
}

func TestFiguresRefuseImpossibleValues(t *testing.T) {
	q1 := store.Period{Kind: store.PeriodQ1, Year: 2023}
	for _, tt := range []struct {
		name  string
		key   FigureKey
		value float64
	}{
		{"share over 100", FigSatisfaction, 101},
		{"count not whole", FigApologies, 1.5},
		{"negative count", FigReceivedOnline, -3},
		{"more signed than issued", FigDocumentsSigned, 20},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := Figures{Period: q1}
			f.Set(FigDocumentsIssued, 10)
			f.Set(tt.key, tt.value)
			if err := f.Validate(); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("Validate = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestSuggestFeedOnTheSeedWords(t *testing.T) {
	tests := map[string]store.Feed{
		"100% thủ tục hành chính được giải quyết đúng hạn":                                              store.FeedOnTimeShare,
		"80% thủ tục hành chính trở lên được giải quyết trước thời hạn":                                 store.FeedEarlyShare,
		"Phấn đấu mức độ hài lòng của người dân đạt tối thiểu 95% trở lên":                              store.FeedSatisfaction,
		"trong đó tỷ lệ giao dịch thanh toán trực tuyến đạt từ 10% trở lên":                             store.FeedOnlinePayment,
		"100% văn bản trao đổi giữa Sở và các cơ quan nhà nước được ký số":                              store.FeedDigitalSigning,
		"Tối thiểu 60% hồ sơ có yêu cầu nghĩa vụ tài chính thanh toán trực tuyến":                       store.FeedNone,
		"tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, 4 trên tổng số hồ sơ giải quyết": store.FeedOnlineShare,
		"100% TTHC tiếp tục được tiếp nhận và giải quyết theo cơ chế một cửa":                           store.FeedNone,
	}
	for words, want := range tests {
		t.Run(words, func(t *testing.T) {
			if got := store.SuggestFeed(words); got != want {
				t.Errorf("SuggestFeed = %q, want %q", got, want)
			}
		})
	}
}

func TestPeriodKeysAndNext(t *testing.T) {
	for _, kind := range store.PeriodKinds {
		p := store.Period{Kind: kind, Year: 2023}
		back, err := store.ParsePeriodKey(p.Key())
		if err != nil || back != p {
			t.Errorf("%s: key %q reads back %+v, %v", kind, p.Key(), back, err)
		}
	}
	tests := []struct {
		kind store.PeriodKind
		end  store.Date
		name string
	}{
		{store.PeriodQ1, store.NewDate(2023, 6, 30), "quý II năm 2023"},
		{store.PeriodH1, store.NewDate(2023, 12, 31), "6 tháng cuối năm 2023"},
		{store.Period9M, store.NewDate(2023, 12, 31), "quý IV năm 2023"},
		{store.PeriodQ4, store.NewDate(2024, 3, 31), "quý I năm 2024"},
		{store.PeriodYear, store.NewDate(2024, 12, 31), "năm 2024"},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			end, name := store.Period{Kind: tt.kind, Year: 2023}.Next()
			if end != tt.end || name != tt.name {
				t.Errorf("next = %s %q, want %s %q", end, name, tt.end, tt.name)
			}
		})
	}
}
