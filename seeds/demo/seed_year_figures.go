package demo

import (
	"fmt"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/draft"
)

// scriptedActual is a target's actual in a period: num of den when den is
// set, else value.
type scriptedActual struct {
	code     string
	kind     store.PeriodKind
	num, den float64
	value    float64
	note     string
}

// seedActuals are the actuals the officer enters; the targets fed by the
// figures (on-time, early, online, satisfaction, payment, signing) are
// computed from them instead.
var seedActuals = []scriptedActual{
	{"II.1.1", store.PeriodQ1, 160, 160, 0, "Hệ thống thông tin giải quyết TTHC tỉnh"},
	{"II.1.1", store.PeriodH1, 346, 346, 0, "Hệ thống thông tin giải quyết TTHC tỉnh"},
	{"II.1.1", store.Period9M, 521, 521, 0, "Hệ thống thông tin giải quyết TTHC tỉnh"},
	{"II.1.1", store.PeriodYear, 685, 685, 0, "Hệ thống thông tin giải quyết TTHC tỉnh"},
	{"II.1.2", store.PeriodQ1, 0, 0, 100, "Bộ phận một cửa"},
	{"II.1.2", store.PeriodYear, 0, 0, 100, "Bộ phận một cửa"},
	{"III.1.1", store.PeriodYear, 2, 2, 0, "Quyết định số 45/2023/QĐ-UBND, 46/2023/QĐ-UBND"},
	{"III.2.2", store.PeriodH1, 0, 0, 60, "Cổng dịch vụ công quốc gia"},
	{"III.2.2", store.PeriodYear, 0, 0, 68, "Cổng dịch vụ công quốc gia"},
	{"III.2.3", store.PeriodQ1, 9, 10, 0, "Cổng dịch vụ công quốc gia"},
	{"III.2.3", store.PeriodYear, 10, 10, 0, "Cổng dịch vụ công quốc gia"},
	{"III.2.5", store.PeriodQ1, 11, 20, 0, "Hệ thống thanh toán trực tuyến"},
	{"III.2.5", store.PeriodYear, 52, 80, 0, "Hệ thống thanh toán trực tuyến"},
	{"III.4.2", store.PeriodYear, 10, 40, 0, "Văn phòng Sở"},
	{"III.6.1", store.PeriodQ1, 0, 0, 100, "Hệ thống quản lý văn bản và điều hành"},
	{"III.6.1", store.PeriodYear, 0, 0, 100, "Hệ thống quản lý văn bản và điều hành"},
}

// quarterFigures are each quarter's dossiers and documents; the half year,
// nine months and year add them up.
var quarterFigures = [4]map[reporting.FigureKey]float64{
	{reporting.FigReceivedOnline: 152, reporting.FigReceivedInPerson: 8, reporting.FigResolvedEarly: 120, reporting.FigResolvedOnTime: 38, reporting.FigResolvedLate: 2,
		reporting.FigApologies: 2, reporting.FigDocumentsIssued: 410, reporting.FigDocumentsSigned: 402},
	{reporting.FigReceivedOnline: 180, reporting.FigReceivedInPerson: 6, reporting.FigResolvedEarly: 160, reporting.FigResolvedOnTime: 25, reporting.FigResolvedLate: 1,
		reporting.FigApologies: 1, reporting.FigDocumentsIssued: 450, reporting.FigDocumentsSigned: 450},
	{reporting.FigReceivedOnline: 170, reporting.FigReceivedInPerson: 5, reporting.FigResolvedEarly: 150, reporting.FigResolvedOnTime: 24, reporting.FigResolvedLate: 1,
		reporting.FigApologies: 1, reporting.FigDocumentsIssued: 430, reporting.FigDocumentsSigned: 428},
	{reporting.FigReceivedOnline: 160, reporting.FigReceivedInPerson: 4, reporting.FigResolvedEarly: 140, reporting.FigResolvedOnTime: 24, reporting.FigResolvedLate: 0,
		reporting.FigApologies: 0, reporting.FigDocumentsIssued: 440, reporting.FigDocumentsSigned: 440},
}

// periodShares are the shares entered for each period: online payment and
// satisfaction.
var periodShares = map[store.PeriodKind][2]float64{
	store.PeriodQ1: {12.5, 97}, store.PeriodQ2: {14, 98}, store.PeriodQ3: {15, 98.5}, store.PeriodQ4: {16, 99},
	store.PeriodH1: {13.3, 97.5}, store.Period9M: {13.9, 97.8}, store.PeriodYear: {14.4, 98.1},
}

// periodQuarters are the quarters each period adds up.
var periodQuarters = map[store.PeriodKind][]int{
	store.PeriodQ1: {0}, store.PeriodQ2: {1}, store.PeriodQ3: {2}, store.PeriodQ4: {3},
	store.PeriodH1: {0, 1}, store.Period9M: {0, 1, 2}, store.PeriodYear: {0, 1, 2, 3},
}

func (s *SeedScript) addActuals(b store.Bundle) error {
	codes := map[string]store.Target{}
	for _, t := range b.Targets {
		codes[t.Code] = t
	}
	for _, a := range seedActuals {
		t, ok := codes[a.code]
		if !ok {
			return fmt.Errorf("seed year: no target %s", a.code)
		}
		actual := reporting.Actual{Value: a.value}
		if a.den > 0 {
			actual = reporting.NewFraction(a.num, a.den)
		}
		actual.PlanID, actual.TargetID, actual.Note = b.Plan.ID, t.ID, a.note
		actual.Period = store.Period{Kind: a.kind, Year: b.Plan.Year}
		s.Actuals = append(s.Actuals, actual)
	}
	return nil
}

func (s *SeedScript) addFigures(planID uint64) {
	for _, kind := range store.PeriodKinds {
		f := reporting.Figures{PlanID: planID, Period: store.Period{Kind: kind, Year: 2023}, Note: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh"}
		for _, q := range periodQuarters[kind] {
			for key, v := range quarterFigures[q] {
				old, _ := f.Get(key)
				f.Set(key, old+v)
			}
		}
		shares := periodShares[kind]
		f.Set(reporting.FigOnlinePayment, shares[0])
		f.Set(reporting.FigSatisfaction, shares[1])
		s.Figures = append(s.Figures, f)
	}
}

// SeedStore is what StoreSeedYear writes through.
type SeedStore interface {
	Bundle(planID uint64) (store.Bundle, error)
	AddUpdates(updates []store.Update) error
	AddEvidenceRecords(list []store.Evidence) error
	UpdateTarget(t store.Target) error
	SetActual(a reporting.Actual) (reporting.Actual, error)
	SaveFigures(f reporting.Figures) (reporting.Figures, error)
}

// StoreSeedYear writes the scripted year into the seed plan of st.
func StoreSeedYear(st SeedStore, planID uint64) (SeedScript, error) {
	b, err := st.Bundle(planID)
	if err != nil {
		return SeedScript{}, err
	}
	s, err := SeedYear(b)
	if err != nil {
		return SeedScript{}, err
	}
	if err := st.AddUpdates(s.Updates); err != nil {
		return SeedScript{}, err
	}
	if err := st.AddEvidenceRecords(s.Evidence); err != nil {
		return SeedScript{}, err
	}
	if err := storeBaselines(st, b.Targets, s.Baselines); err != nil {
		return SeedScript{}, err
	}
	for _, a := range s.Actuals {
		if _, err := st.SetActual(a); err != nil {
			return SeedScript{}, fmt.Errorf("seed year: actual of target #%d: %w", a.TargetID, err)
		}
	}
	for _, f := range s.Figures {
		if _, err := st.SaveFigures(f); err != nil {
			return SeedScript{}, err
		}
	}
	return s, nil
}

func storeBaselines(st SeedStore, targets []store.Target, baselines map[string]float64) error {
	for _, t := range targets {
		if v, ok := baselines[t.Code]; ok {
			t.Baseline = &v
			if err := st.UpdateTarget(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// OpenSeedYear opens (creating) the database at path with the seed plan
// and its scripted year: what the tests of the periodic reports read.
func OpenSeedYear(path string) (*db.Store, store.Plan, error) {
	st, err := seeds.Open(path)
	if err != nil {
		return nil, store.Plan{}, err
	}
	plan, err := st.FindPlan("122/KH-SKH")
	if err == nil {
		_, err = StoreSeedYear(st, plan.ID)
	}
	if err != nil {
		st.Close()
		return nil, store.Plan{}, err
	}
	return st, plan, nil
}

// SeedYearInput opens (creating) the database at path with the seed plan
// and its scripted year, and reads what its report of the period of kind
// in 2023 is drafted from, as of the period's last day.
func SeedYearInput(path string, kind store.PeriodKind) (draft.Input, error) {
	st, plan, err := OpenSeedYear(path)
	if err != nil {
		return draft.Input{}, err
	}
	defer st.Close()
	p := store.Period{Kind: kind, Year: 2023}
	_, end := p.Bounds(store.PeriodSettings{})
	return draft.Read(st, plan.ID, p, end)
}
