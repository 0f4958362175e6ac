package reporting

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/kehoach/cchc/store"
)

// FigureKey names one figure of the statistical appendix of a periodic
// report (domain.md): dossiers received, resolved, apologised for, and the
// shares the province asks for.
type FigureKey string

// The figures, in the order the appendix lists them.
const (
	FigReceivedOnline   FigureKey = "received.online"
	FigReceivedInPerson FigureKey = "received.inPerson"
	FigResolvedEarly    FigureKey = "resolved.early"
	FigResolvedOnTime   FigureKey = "resolved.onTime"
	FigResolvedLate     FigureKey = "resolved.late"
	FigApologies        FigureKey = "apologies"
	FigOnlineShare      FigureKey = "online.percent"
	FigOnlinePayment    FigureKey = "payment.percent"
	FigSatisfaction     FigureKey = "satisfaction.percent"
	FigDocumentsIssued  FigureKey = "documents.issued"
	FigDocumentsSigned  FigureKey = "documents.signed"
)

// FigureDef says what a figure holds and how it prints.
type FigureDef struct {
	Key FigureKey `json:"key"`
	// Label is the figure's name as the appendix prints it.
	Label string `json:"label"`
	// Unit is what it counts, "hồ sơ", or "%" for a share.
	Unit string `json:"unit"`
}

// Percent reports whether the figure is a share from 0 to 100.
func (d FigureDef) Percent() bool { return d.Unit == "%" }

// FigureDefs are the figures of the statistical appendix, in order.
var FigureDefs = []FigureDef{
	{FigReceivedOnline, "Số hồ sơ tiếp nhận trực tuyến", "hồ sơ"},
	{FigReceivedInPerson, "Số hồ sơ tiếp nhận trực tiếp", "hồ sơ"},
	{FigResolvedEarly, "Số hồ sơ giải quyết trước hạn", "hồ sơ"},
	{FigResolvedOnTime, "Số hồ sơ giải quyết đúng hạn", "hồ sơ"},
	{FigResolvedLate, "Số hồ sơ giải quyết quá hạn", "hồ sơ"},
	{FigApologies, "Số văn bản xin lỗi người dân, tổ chức", "văn bản"},
	{FigOnlineShare, "Tỷ lệ hồ sơ giải quyết trực tuyến", "%"},
	{FigOnlinePayment, "Tỷ lệ giao dịch thanh toán trực tuyến", "%"},
	{FigSatisfaction, "Mức độ hài lòng của người dân, tổ chức", "%"},
	{FigDocumentsIssued, "Số văn bản điện tử phát hành", "văn bản"},
	{FigDocumentsSigned, "Số văn bản được ký số", "văn bản"},
}

// FigureDefOf returns the definition of a key; false for an unknown key.
func FigureDefOf(key FigureKey) (FigureDef, bool) {
	for _, d := range FigureDefs {
		if d.Key == key {
			return d, true
		}
	}
	return FigureDef{}, false
}

// ParseFigureKey finds a figure by its key ("received.online"), in any case.
func ParseFigureKey(text string) (FigureKey, error) {
	want := strings.ToLower(strings.TrimSpace(text))
	for _, d := range FigureDefs {
		if strings.ToLower(string(d.Key)) == want {
			return d.Key, nil
		}
	}
	keys := make([]string, len(FigureDefs))
	for i, d := range FigureDefs {
		keys[i] = string(d.Key)
	}
	return "", fmt.Errorf("%w: không có số liệu %q; các số liệu: %s", store.ErrInvalid, text, strings.Join(keys, ", "))
}

// Figures are the statistical figures of one plan for one reporting period,
// as the officer enters them. A figure not entered is absent, not zero.
type Figures struct {
	PlanID uint64                `json:"planId"`
	Period store.Period          `json:"period"`
	Values map[FigureKey]float64 `json:"values,omitempty"`
	// Note says where the figures come from (the one-stop system's report ...).
	Note string `json:"note,omitempty"`
	// Recorded is when they were last saved.
	Recorded time.Time `json:"recorded,omitzero"`
}

// Get returns a figure as entered; false when it was not.
func (f Figures) Get(key FigureKey) (float64, bool) {
	v, ok := f.Values[key]
	return v, ok
}

// Set enters a figure.
func (f *Figures) Set(key FigureKey, value float64) {
	if f.Values == nil {
		f.Values = map[FigureKey]float64{}
	}
	f.Values[key] = value
}

// Unset removes a figure.
func (f *Figures) Unset(key FigureKey) { delete(f.Values, key) }

// Empty reports whether no figure is entered.
func (f Figures) Empty() bool { return len(f.Values) == 0 }

// Validate reports a figure that cannot be: a count that is negative or
// not whole, a share outside 0–100, more documents signed than issued.
func (f Figures) Validate() error {
	if err := f.Period.Validate(); err != nil {
		return err
	}
	for key, v := range f.Values {
		def, ok := FigureDefOf(key)
		switch {
		case !ok:
			return fmt.Errorf("%w: không có số liệu %q", store.ErrInvalid, key)
		case math.IsNaN(v) || math.IsInf(v, 0) || v < 0:
			return fmt.Errorf("%w: %s: %s không hợp lệ", store.ErrInvalid, def.Label, store.FormatNumber(v))
		case def.Percent() && v > 100:
			return fmt.Errorf("%w: %s: tỷ lệ %s%% phải từ 0 đến 100", store.ErrInvalid, def.Label, store.FormatNumber(v))
		case !def.Percent() && v != math.Trunc(v):
			return fmt.Errorf("%w: %s: %s phải là số nguyên", store.ErrInvalid, def.Label, store.FormatNumber(v))
		}
	}
	signed, hasSigned := f.Get(FigDocumentsSigned)
	if issued, ok := f.Get(FigDocumentsIssued); ok && hasSigned && signed > issued {
		return fmt.Errorf("%w: số văn bản được ký số (%s) nhiều hơn số văn bản phát hành (%s)", store.ErrInvalid, store.FormatNumber(signed), store.FormatNumber(issued))
	}
	return nil
}

// feedDef is how a feed is computed from the figures.
type feedDef struct {
	feed store.Feed
	// unit names what the numerator and denominator count.
	unit string
	// share returns the numerator and denominator, or the share itself as
	// entered (denominator 0), and whether the figures give it.
	share func(f Figures) (num, den float64, ok bool)
	// figure is the figure the share can be entered as, if any.
	figure FigureKey
}

var feedDefs = []feedDef{
	{store.FeedOnlineShare, "hồ sơ", onlineShare, FigOnlineShare},
	{store.FeedOnTimeShare, "hồ sơ", onTimeShare, ""},
	{store.FeedEarlyShare, "hồ sơ", earlyShare, ""},
	{store.FeedOnlinePayment, "", entered(FigOnlinePayment), FigOnlinePayment},
	{store.FeedSatisfaction, "", entered(FigSatisfaction), FigSatisfaction},
	{store.FeedDigitalSigning, "văn bản", signingShare, ""},
}

func feedDefOf(feed store.Feed) (feedDef, bool) {
	for _, d := range feedDefs {
		if d.feed == feed {
			return d, true
		}
	}
	return feedDef{}, false
}

// FeedValue is a share computed from the figures.
type FeedValue struct {
	// Value is the share in percent.
	Value float64
	// Detail is how it was computed, "152/160 hồ sơ"; empty when the
	// share was entered as it is.
	Detail string
}

// Feed computes a share from the figures; false when they do not give it.
func (f Figures) Feed(feed store.Feed) (FeedValue, bool) {
	d, ok := feedDefOf(feed)
	if !ok {
		return FeedValue{}, false
	}
	num, den, ok := d.share(f)
	if !ok {
		return FeedValue{}, false
	}
	if den == 0 {
		return FeedValue{Value: num}, true
	}
	detail := store.FormatNumber(num) + "/" + store.FormatNumber(den)
	if d.unit != "" {
		detail += " " + d.unit
	}
	return FeedValue{Value: 100 * num / den, Detail: detail}, true
}

// entered is a share the officer enters as it is.
func entered(key FigureKey) func(Figures) (float64, float64, bool) {
	return func(f Figures) (float64, float64, bool) {
		v, ok := f.Get(key)
		return v, 0, ok
	}
}

// onlineShare is the share entered, or the dossiers received online over
// all dossiers received.
func onlineShare(f Figures) (float64, float64, bool) {
	if v, ok := f.Get(FigOnlineShare); ok {
		return v, 0, true
	}
	return fraction(f, []FigureKey{FigReceivedOnline}, []FigureKey{FigReceivedOnline, FigReceivedInPerson})
}

func onTimeShare(f Figures) (float64, float64, bool) {
	resolved := []FigureKey{FigResolvedEarly, FigResolvedOnTime, FigResolvedLate}
	return fraction(f, resolved[:2], resolved)
}

func earlyShare(f Figures) (float64, float64, bool) {
	return fraction(f, []FigureKey{FigResolvedEarly}, []FigureKey{FigResolvedEarly, FigResolvedOnTime, FigResolvedLate})
}

func signingShare(f Figures) (float64, float64, bool) {
	return fraction(f, []FigureKey{FigDocumentsSigned}, []FigureKey{FigDocumentsIssued})
}

// fraction sums the figures of the numerator and of the denominator; false
// when one of them is missing or the denominator is nothing.
func fraction(f Figures, numKeys, denKeys []FigureKey) (float64, float64, bool) {
	sum := func(keys []FigureKey) (float64, bool) {
		total := 0.0
		for _, k := range keys {
			v, ok := f.Get(k)
			if !ok {
				return 0, false
			}
			total += v
		}
		return total, true
	}
	num, okNum := sum(numKeys)
	den, okDen := sum(denKeys)
	if !okNum || !okDen || den == 0 {
		return 0, 0, false
	}
	return num, den, true
}
