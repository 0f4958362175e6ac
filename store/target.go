package store

import (
	"fmt"
	"strconv"
	"strings"
)

// Comparator says how a target's value is to be met.
type Comparator string

// The comparators plans use.
const (
	AtLeast    Comparator = "≥"  // "đạt từ 70% trở lên", "tối thiểu 95%"
	AtMost     Comparator = "≤"  // "tối đa 25 phút"
	Exactly    Comparator = "="  // "100% thủ tục hành chính ..."
	MoreThan   Comparator = ">"  // "trên 22%"
	IncreaseBy Comparator = "+≥" // "tăng thêm 20% so với năm 2022": at least this much over a baseline year
)

var comparatorNames = map[Comparator]string{
	AtLeast:    "tối thiểu",
	AtMost:     "tối đa",
	Exactly:    "bằng",
	MoreThan:   "trên",
	IncreaseBy: "tăng ít nhất",
}

// Comparators lists the valid comparators.
var Comparators = []Comparator{AtLeast, AtMost, Exactly, MoreThan, IncreaseBy}

// Name returns the comparator in words, "tối thiểu".
func (c Comparator) Name() string { return comparatorNames[c] }

// Target is one numeric indicator a plan sets, such as "tỷ lệ hồ sơ giải quyết
// theo dịch vụ công trực tuyến ... đạt từ 70% trở lên".
type Target struct {
	ID     uint64 `json:"id"`
	PlanID uint64 `json:"planId"`
	// Indicator is the sentence or clause of the plan that states the target.
	Indicator  string     `json:"indicator"`
	Comparator Comparator `json:"comparator"`
	Value      float64    `json:"value"`
	// Unit is "%", "phút" ...
	Unit string `json:"unit"`
	// BaselineYear is the year an IncreaseBy target is measured against.
	BaselineYear int `json:"baselineYear,omitempty"`
	// Ref says where the target stands in the plan: "II.1", "III.2".
	Ref string `json:"ref"`
	// Order places the target within its plan, from 1.
	Order int `json:"order"`
	// Code names the target uniquely within its plan: its Ref and its
	// place among the targets of that Ref, "III.2.4". The store computes it
	// whenever a plan's targets are written (see TargetCodes).
	Code string `json:"code,omitempty"`
	// Baseline is the value in the baseline year an IncreaseBy target is
	// measured against; nil until the officer enters it.
	Baseline *float64 `json:"baseline,omitempty"`
	// Ratio says the target is measured as a share, entered as a numerator
	// and a denominator (152 of 160 dossiers on time gives 95%).
	Ratio bool `json:"ratio,omitempty"`
	// Feed is the statistical figure the target's actual is computed from
	// when no actual is entered; FeedNone when there is none.
	Feed Feed `json:"feed,omitempty"`
}

// Goal returns the target in short: "≥ 70%", "100%" (exactly),
// "tăng ≥ 20% so với năm 2022".
func (t Target) Goal() string {
	value := strconv.FormatFloat(t.Value, 'f', -1, 64)
	value = strings.Replace(value, ".", ",", 1)
	unit := t.Unit
	if unit != "%" && unit != "" {
		unit = " " + unit
	}
	switch t.Comparator {
	case IncreaseBy:
		return fmt.Sprintf("tăng ≥ %s%s so với năm %d", value, unit, t.BaselineYear)
	case Exactly:
		return value + unit
	}
	return fmt.Sprintf("%s %s%s", t.Comparator, value, unit)
}

// Validate reports the first field that keeps the target from being saved.
func (t Target) Validate() error {
	if strings.TrimSpace(t.Indicator) == "" {
		return fmt.Errorf("%w: chỉ tiêu %s: nội dung không được để trống", ErrInvalid, t.Ref)
	}
	if _, ok := comparatorNames[t.Comparator]; !ok {
		return fmt.Errorf("%w: chỉ tiêu %s: phép so sánh %q không hợp lệ", ErrInvalid, t.Ref, t.Comparator)
	}
	if t.Comparator == IncreaseBy && t.BaselineYear == 0 {
		return fmt.Errorf("%w: chỉ tiêu %s: chỉ tiêu tăng thêm cần năm gốc để so sánh", ErrInvalid, t.Ref)
	}
	if t.Feed != FeedNone && t.Feed.Name() == "" {
		return fmt.Errorf("%w: chỉ tiêu %s: không có số liệu thống kê %q để tính; dùng %s", ErrInvalid, t.Ref, t.Feed, feedList())
	}
	return nil
}

// RecordIDs and SetRecordID give the ids the store keys a target by.
func (t *Target) RecordIDs() (uint64, uint64) { return t.PlanID, t.ID }
func (t *Target) SetRecordID(id uint64)       { t.ID = id }

// BaselineText returns the baseline as printed, "năm 2022: 45%"; "" when
// the target has no baseline year.
func (t Target) BaselineText() string {
	if t.BaselineYear == 0 {
		return ""
	}
	text := "năm " + strconv.Itoa(t.BaselineYear) + ": "
	if t.Baseline == nil {
		return text + "chưa nhập"
	}
	return text + FormatNumber(*t.Baseline) + UnitSuffix(t.Unit)
}

// ShortIndicator returns the target's words cut to about n runes at a
// word boundary, with "…" when cut.
func (t Target) ShortIndicator(n int) string {
	runes := []rune(t.Indicator)
	if len(runes) <= n {
		return t.Indicator
	}
	cut := string(runes[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// UnitSuffix writes a unit after a number: "%" close, others after a space.
func UnitSuffix(unit string) string {
	if unit == "" || unit == "%" {
		return unit
	}
	return " " + unit
}
