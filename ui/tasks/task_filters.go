package tasks

import (
	"errors"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// buildFilters makes the search box, the filters and the reporting date.
func (s *Screen) buildFilters() {
	s.Search = widgets.NewEntry()
	s.Search.SetPlaceHolder(lang.L("Tìm nhiệm vụ (có dấu hay không dấu đều được)"))
	s.Search.OnChanged = s.onSearchChanged
	s.AreaFilter = widget.NewSelect(nil, func(string) { s.onAreaChosen() })
	s.LeadFilter = widget.NewSelect(nil, func(string) { s.onLeadChosen() })
	s.StateFilter = widget.NewSelect(nil, func(string) { s.onStateChosen() })
	s.DueFilter = widget.NewSelect(nil, func(string) { s.onDueChosen() })
	setOptions(s.StateFilter, append([]string{lang.L("Mọi trạng thái")}, stateNames()...), 0)
	s.AsOf = newDateEntry()
	s.AsOf.SetText(s.asOf.String())
	s.AsOf.OnChanged = s.onAsOfChanged
}

// stateNames are the computed states by name.
func stateNames() []string {
	names := make([]string, len(store.States))
	for i, st := range store.States {
		names[i] = string(st)
	}
	return names
}

// dueChoices are the deadline filter's choices, in the order of dueFilter.
func dueChoices(dueSoonDays int) []string {
	return []string{lang.L("Mọi thời hạn"), lang.L("Quá hạn"), widgets.Localf("Sắp đến hạn (trong %d ngày)", dueSoonDays),
		lang.L("Quá hạn hoặc sắp đến hạn"), lang.L("Chưa báo cáo kỳ này")}
}

// fillFilterOptions offers the plan's areas and lead units, keeping what
// was chosen when it is still there.
func (s *Screen) fillFilterOptions() {
	areas := []string{lang.L("Mọi lĩnh vực")}
	chosenArea := 0
	for i, a := range s.list.areas {
		areas = append(areas, a.Label())
		if a.ID == s.filter.area {
			chosenArea = i + 1
		}
	}
	if chosenArea == 0 {
		s.filter.area = 0
	}
	setOptions(s.AreaFilter, areas, chosenArea)

	leads := []string{lang.L("Mọi đơn vị chủ trì")}
	s.leads = []string{""}
	chosenLead := 0
	for _, u := range s.list.leadUnits() {
		key := store.UnitKey(u)
		if key == s.filter.lead {
			chosenLead = len(leads)
		}
		leads = append(leads, u)
		s.leads = append(s.leads, key)
	}
	if chosenLead == 0 {
		s.filter.lead = ""
	}
	setOptions(s.LeadFilter, leads, chosenLead)
	setOptions(s.DueFilter, dueChoices(s.settings.Rules().DueSoonDays), int(s.filter.due))
}

// setOptions fills a choice and chooses one without running its OnChanged:
// the filter it sets stays as it is.
func setOptions(choice *widget.Select, options []string, chosen int) {
	changed := choice.OnChanged
	choice.OnChanged = nil
	defer func() { choice.OnChanged = changed }()
	choice.Options = options
	choice.SetSelectedIndex(chosen)
}

func (s *Screen) onSearchChanged(text string) {
	s.filter.text = text
	s.apply()
}

func (s *Screen) onAreaChosen() {
	s.filter.area = 0
	if i := s.AreaFilter.SelectedIndex(); i > 0 && i <= len(s.list.areas) {
		s.filter.area = s.list.areas[i-1].ID
	}
	s.apply()
}

func (s *Screen) onLeadChosen() {
	s.filter.lead = ""
	if i := s.LeadFilter.SelectedIndex(); i > 0 && i < len(s.leads) {
		s.filter.lead = s.leads[i]
	}
	s.apply()
}

func (s *Screen) onStateChosen() {
	s.filter.state = ""
	if i := s.StateFilter.SelectedIndex(); i > 0 {
		s.filter.state = store.States[i-1]
	}
	s.apply()
}

func (s *Screen) onDueChosen() {
	s.filter.due = dueFilter(max(s.DueFilter.SelectedIndex(), 0))
	s.apply()
}

// onAsOfChanged judges the tasks on the reporting date typed, once it is a
// whole date.
func (s *Screen) onAsOfChanged(text string) {
	day, err := store.ParseVNDate(strings.TrimSpace(text))
	if err != nil || day.IsZero() || !store.ValidYear(day.Year) || day == s.asOf {
		return
	}
	s.asOf = day
	s.reload()
}

// SetAsOf judges the tasks on another reporting date, as typing it does.
func (s *Screen) SetAsOf(day store.Date) { s.AsOf.SetText(day.String()) }

// newDateEntry is a field for a date written day/month/year, refused in
// red while it is not one.
func newDateEntry() *widgets.Entry {
	e := widgets.NewEntry()
	e.SetPlaceHolder(lang.L("ngày/tháng/năm"))
	e.Validator = func(text string) error {
		day, err := store.ParseVNDate(strings.TrimSpace(text))
		switch {
		case err != nil:
			return err
		case day.IsZero():
			return errDateMissing()
		case !store.ValidYear(day.Year):
			return errDateOutOfRange()
		}
		return nil
	}
	return e
}

// errDateMissing and errDateOutOfRange say why a date field is refused.
func errDateMissing() error    { return errors.New(lang.L("hãy ghi ngày, ví dụ 15/07/2023")) }
func errDateOutOfRange() error { return errors.New(lang.L("năm không hợp lệ")) }
