package reporting

import (
	"fmt"
	"math"
	"time"

	"github.com/kehoach/cchc/store"
)

// Actual is what a target reached in one reporting period: a number, or a
// share entered as a numerator and a denominator (152 of 160 dossiers on
// time is 95%), with where it comes from.
type Actual struct {
	PlanID   uint64       `json:"planId"`
	TargetID uint64       `json:"targetId"`
	Period   store.Period `json:"period"`
	// Value is the number reached, in the target's unit; for a share
	// entered as a fraction, 100 × Numerator / Denominator.
	Value float64 `json:"value"`
	// Numerator and Denominator are the fraction a share was entered as;
	// Denominator 0 means the value was entered as it is.
	Numerator   float64 `json:"numerator,omitempty"`
	Denominator float64 `json:"denominator,omitempty"`
	// Note is the source of the figure ("Hệ thống một cửa điện tử, quý I").
	Note string `json:"note,omitempty"`
	// Evidence is the document behind it, "15/BC-VP ngày 10/03/2023".
	Evidence string `json:"evidence,omitempty"`
	// Recorded is when it was entered.
	Recorded time.Time `json:"recorded,omitzero"`
}

// NewFraction returns an actual entered as num of den: its value is the
// share in percent.
func NewFraction(num, den float64) Actual {
	a := Actual{Numerator: num, Denominator: den}
	if den > 0 {
		a.Value = 100 * num / den
	}
	return a
}

// Fraction reports whether the actual was entered as a fraction.
func (a Actual) Fraction() bool { return a.Denominator > 0 }

// Detail returns the fraction, "152/160"; "" for a value entered as it is.
func (a Actual) Detail() string {
	if !a.Fraction() {
		return ""
	}
	return store.FormatNumber(a.Numerator) + "/" + store.FormatNumber(a.Denominator)
}

// Validate reports an actual that cannot be saved.
func (a Actual) Validate() error {
	if err := a.Period.Validate(); err != nil {
		return err
	}
	for _, v := range []float64{a.Value, a.Numerator, a.Denominator} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: giá trị thực hiện không phải một số", store.ErrInvalid)
		}
	}
	switch {
	case a.Value < 0 || a.Denominator < 0 || a.Numerator < 0:
		return fmt.Errorf("%w: giá trị thực hiện, tử số và mẫu số không được âm", store.ErrInvalid)
	case a.Fraction() && a.Numerator > a.Denominator:
		return fmt.Errorf("%w: tử số %s lớn hơn mẫu số %s", store.ErrInvalid, store.FormatNumber(a.Numerator), store.FormatNumber(a.Denominator))
	case !a.Fraction() && a.Numerator != 0:
		return fmt.Errorf("%w: có tử số %s mà thiếu mẫu số", store.ErrInvalid, store.FormatNumber(a.Numerator))
	}
	return nil
}

// Verdict is whether a target was reached in a period.
type Verdict string

// The verdicts.
const (
	VerdictMet    Verdict = "đạt"
	VerdictNotMet Verdict = "không đạt"
	VerdictNoData Verdict = "chưa có số liệu"
)

// Title returns the verdict as a table prints it, "Đạt".
func (v Verdict) Title() string { return upperFirst(string(v)) }

// closeEnough is how far apart two values may be and still be equal: the
// rounding of a share computed from a fraction.
const closeEnough = 1e-9

// Evaluate judges value against the target's comparator. An IncreaseBy
// target compares the increase over its baseline value, in the target's
// unit: percentage points for a share. Without a baseline value it cannot
// be judged (VerdictNoData).
func Evaluate(t store.Target, value float64) Verdict {
	goal := t.Value
	if t.Comparator == store.IncreaseBy {
		if t.Baseline == nil {
			return VerdictNoData
		}
		value -= *t.Baseline
	}
	var met bool
	switch t.Comparator {
	case store.AtLeast, store.IncreaseBy:
		met = value >= goal-closeEnough
	case store.AtMost:
		met = value <= goal+closeEnough
	case store.Exactly:
		met = math.Abs(value-goal) <= closeEnough
	case store.MoreThan:
		met = value > goal+closeEnough
	}
	if met {
		return VerdictMet
	}
	return VerdictNotMet
}

// Where a target's actual came from.
const (
	SourceEntered = "nhập trực tiếp"
	SourceFigures = "tính từ số liệu thống kê"
)

// TargetResult is a target with its actual in a period and the verdict.
type TargetResult struct {
	Target store.Target `json:"target"`
	// Value is the actual, valid when Source is not empty.
	Value float64 `json:"value"`
	// Detail is the fraction behind a share, "152/160".
	Detail string `json:"detail,omitempty"`
	// Source is SourceEntered, SourceFigures, or "" when there is no actual.
	Source string `json:"source,omitempty"`
	// Actual is the entered actual, nil when none was entered.
	Actual  *Actual `json:"actual,omitempty"`
	Verdict Verdict `json:"verdict"`
	// Why says what is missing when there is no verdict.
	Why string `json:"why,omitempty"`
}

// FromFigures reports whether the actual was computed from the period's
// statistical figures.
func (r TargetResult) FromFigures() bool { return r.Source == SourceFigures }

// EnteredOverFigures reports whether a target the figures could feed has
// an actual typed in by hand instead, which the figures then leave alone.
func (r TargetResult) EnteredOverFigures() bool {
	return r.Target.Feed != store.FeedNone && r.Source == SourceEntered
}

// ValueText returns the actual as printed, "95% (152/160)"; "" when there
// is none.
func (r TargetResult) ValueText() string {
	if r.Source == "" {
		return ""
	}
	text := store.FormatNumber(r.Value) + store.UnitSuffix(r.Target.Unit)
	if r.Detail != "" {
		text += " (" + r.Detail + ")"
	}
	return text
}

// EvaluateTargets judges each target by its entered actual for the
// period, or, when it has none and a feed, by the share the period's
// figures give.
func EvaluateTargets(targets []store.Target, actuals []Actual, figures Figures) []TargetResult {
	byTarget := make(map[uint64]Actual, len(actuals))
	for _, a := range actuals {
		byTarget[a.TargetID] = a
	}
	out := make([]TargetResult, len(targets))
	for i, t := range targets {
		r := TargetResult{Target: t}
		if a, ok := byTarget[t.ID]; ok {
			r.Actual = &a
			r.Value, r.Detail, r.Source = a.Value, a.Detail(), SourceEntered
		} else if fv, ok := figures.Feed(t.Feed); ok {
			r.Value, r.Detail, r.Source = fv.Value, fv.Detail, SourceFigures
		}
		r.Verdict, r.Why = judgeResult(t, r.Source != "", r.Value)
		out[i] = r
	}
	return out
}

// judgeResult is the verdict of a target with or without an actual, and
// what is missing for one.
func judgeResult(t store.Target, hasValue bool, value float64) (Verdict, string) {
	if !hasValue {
		why := "chưa nhập số liệu thực hiện"
		if t.Feed != store.FeedNone {
			why += " hay số liệu thống kê để tính " + t.Feed.Name()
		}
		return VerdictNoData, why
	}
	if t.Comparator == store.IncreaseBy && t.Baseline == nil {
		return VerdictNoData, fmt.Sprintf("chưa nhập giá trị năm gốc %d", t.BaselineYear)
	}
	return Evaluate(t, value), ""
}

// CountVerdicts counts results by verdict.
func CountVerdicts(results []TargetResult) map[Verdict]int {
	counts := map[Verdict]int{VerdictMet: 0, VerdictNotMet: 0, VerdictNoData: 0}
	for _, r := range results {
		counts[r.Verdict]++
	}
	return counts
}
