package widgets

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// periodKindLabel is what the window calls a reporting period of the plan's
// year: "Quý I", "6 tháng", "Cả năm".
func periodKindLabel(kind store.PeriodKind) string {
	switch kind {
	case store.PeriodQ1:
		return lang.L("Quý I")
	case store.PeriodQ2:
		return lang.L("Quý II")
	case store.PeriodQ3:
		return lang.L("Quý III")
	case store.PeriodQ4:
		return lang.L("Quý IV")
	case store.PeriodH1:
		return lang.L("6 tháng")
	case store.Period9M:
		return lang.L("9 tháng")
	}
	return lang.L("Cả năm")
}

// PeriodChoice is the choice of a reporting period of the plan's year, in
// the order of the year: Quý I, Quý II, 6 tháng, Quý III, 9 tháng, Quý IV,
// Cả năm.
type PeriodChoice struct {
	Select *widget.Select
	year   int
	// quiet is set while the choice is filled from the code, so that it
	// does not tell onChanged.
	quiet     bool
	onChanged func(store.Period)
}

// NewPeriodChoice returns the choice, telling onChanged of each period the
// officer chooses.
func NewPeriodChoice(onChanged func(store.Period)) *PeriodChoice {
	c := &PeriodChoice{onChanged: onChanged}
	labels := make([]string, len(store.PeriodKinds))
	for i, kind := range store.PeriodKinds {
		labels[i] = periodKindLabel(kind)
	}
	c.Select = widget.NewSelect(labels, func(string) {
		if !c.quiet && c.onChanged != nil {
			c.onChanged(c.Period())
		}
	})
	return c
}

// Set shows period p, without telling onChanged.
func (c *PeriodChoice) Set(p store.Period) {
	c.quiet = true
	defer func() { c.quiet = false }()
	c.year = p.Year
	c.Select.SetSelectedIndex(slices.Index(store.PeriodKinds, p.Kind))
}

// Period returns the period chosen; the zero period before any.
func (c *PeriodChoice) Period() store.Period {
	i := c.Select.SelectedIndex()
	if i < 0 || c.year == 0 {
		return store.Period{}
	}
	return store.Period{Kind: store.PeriodKinds[i], Year: c.year}
}

// CurrentPeriod is the quarter that holds today when it falls in the plan's
// year, else the plan's whole year.
func CurrentPeriod(plan store.Plan, today store.Date, ps store.PeriodSettings) store.Period {
	if p := store.PeriodOf(store.PeriodQ1, today, ps); p.Year == plan.Year {
		return p
	}
	return store.Period{Kind: store.PeriodYear, Year: plan.Year}
}

// ParseDay reads a day typed in a field, "14/03/2023" or "14/3/2023".
func ParseDay(text string) (store.Date, error) {
	d, err := store.ParseVNDate(strings.TrimSpace(text))
	if err != nil || d.IsZero() || !store.ValidYear(d.Year) {
		return store.Date{}, errors.New(lang.L("Ghi ngày theo dạng ngày/tháng/năm, ví dụ 14/03/2023"))
	}
	return d, nil
}
