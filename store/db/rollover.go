package db

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store"

	bolt "go.etcd.io/bbolt"
)

// RolloverChoice is what the officer sees before next year's plan is
// started from this one: the recurring tasks, which carry over; the
// unfinished ones, to keep or drop; and how many are closed and stay behind.
type RolloverChoice struct {
	From store.Plan `json:"from"`
	// AsOf is the day the tasks are judged on.
	AsOf       store.Date     `json:"asOf"`
	Recurring  []TaskStanding `json:"recurring"`
	Unfinished []TaskStanding `json:"unfinished"`
	Closed     int            `json:"closed"`
}

// RolloverRequest starts next year's plan from a plan.
type RolloverRequest struct {
	FromPlanID uint64
	// Year is the new plan's year; Number and Date its number and issue
	// date, which a new plan needs.
	Year   int
	Number string
	Date   store.Date
	// AsOf is the day the tasks are judged on, to tell the unfinished.
	AsOf store.Date
	// Keep are the unfinished tasks to carry over; the others are dropped.
	Keep []uint64
}

// RolloverResult tells what the new plan took.
type RolloverResult struct {
	Plan                              store.Plan
	Recurring, Kept, Dropped, Targets int
}

// RolloverChoice sorts a plan's tasks as a rollover treats them on day asOf.
func (s *Store) RolloverChoice(fromPlanID uint64, asOf store.Date) (RolloverChoice, error) {
	return viewing(s, func(tx *bolt.Tx) (RolloverChoice, error) { return rolloverChoice(tx, fromPlanID, asOf) })
}

func rolloverChoice(tx *bolt.Tx, planID uint64, asOf store.Date) (RolloverChoice, error) {
	plan, err := readPlan(tx, planID)
	if err != nil {
		return RolloverChoice{}, err
	}
	rules, err := readRules(tx)
	if err != nil {
		return RolloverChoice{}, err
	}
	tasks, err := readTasks(tx, planID)
	if err != nil {
		return RolloverChoice{}, err
	}
	c := RolloverChoice{From: plan, AsOf: asOf}
	for _, t := range tasks {
		ts, err := standingOf(tx, t, asOf, rules)
		if err != nil {
			return RolloverChoice{}, err
		}
		switch {
		case t.Timeline.Recurring():
			c.Recurring = append(c.Recurring, ts)
		case ts.Standing.State.Closed():
			c.Closed++
		default:
			c.Unfinished = append(c.Unfinished, ts)
		}
	}
	return c, nil
}

// Validate reports what keeps the rollover from being done.
func (req RolloverRequest) Validate(from store.Plan) error {
	switch {
	case !store.ValidYear(req.Year):
		return fmt.Errorf("%w: năm kế hoạch mới %d không hợp lệ", store.ErrInvalid, req.Year)
	case req.Year == from.Year:
		return fmt.Errorf("%w: kế hoạch mới phải cho năm khác năm %d", store.ErrInvalid, from.Year)
	case strings.TrimSpace(req.Number) == "":
		return fmt.Errorf("%w: kế hoạch mới cần số", store.ErrInvalid)
	case req.Date.IsZero():
		return fmt.Errorf("%w: kế hoạch mới cần ngày ban hành", store.ErrInvalid)
	}
	return nil
}

// Rollover starts next year's plan from a plan, in one transaction: the
// plan's text, areas and targets (without their actuals, baselines to
// enter again) with the year moved on, its recurring tasks, and the
// unfinished tasks req.Keep names; it needs a new number and date. The
// new plan takes the agency lines and signer of the settings.
func (s *Store) Rollover(req RolloverRequest) (RolloverResult, error) {
	var result RolloverResult
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		choice, err := rolloverChoice(tx, req.FromPlanID, req.AsOf)
		if err != nil {
			return err
		}
		if err := req.Validate(choice.From); err != nil {
			return err
		}
		if err := checkKept(choice, req.Keep); err != nil {
			return err
		}
		from, err := readBundle(tx, req.FromPlanID)
		if err != nil {
			return err
		}
		settings, err := readSettings(tx)
		if err != nil {
			return err
		}
		b := nextYearBundle(from, choice, req, settings)
		if err := b.Validate(); err != nil {
			return err
		}
		if err := insertBundle(tx, &b); err != nil {
			return err
		}
		result = RolloverResult{Plan: b.Plan, Recurring: len(choice.Recurring), Kept: len(req.Keep),
			Dropped: len(choice.Unfinished) - len(req.Keep), Targets: len(b.Targets)}
		return nil
	})
	return result, err
}

// checkKept refuses a kept task that is not one of the unfinished.
func checkKept(c RolloverChoice, keep []uint64) error {
	for _, id := range keep {
		if !slices.ContainsFunc(c.Unfinished, func(ts TaskStanding) bool { return ts.Task.ID == id }) {
			return fmt.Errorf("%w: nhiệm vụ #%d không phải nhiệm vụ chưa hoàn thành của kế hoạch %s", store.ErrInvalid, id, c.From.Ref())
		}
	}
	return nil
}

// nextYearBundle builds the new plan from the old one.
func nextYearBundle(from store.Bundle, c RolloverChoice, req RolloverRequest, settings store.Settings) store.Bundle {
	carried := map[uint64]bool{}
	for _, ts := range c.Recurring {
		carried[ts.Task.ID] = true
	}
	for _, id := range req.Keep {
		carried[id] = true
	}
	shift := yearShifter(from.Plan.Year, req.Year)
	b := store.Bundle{Plan: nextYearPlan(from.Plan, req, settings, shift)}
	for _, a := range from.Areas {
		if a.Name == "" {
			continue // tasks of a missing area (a damaged file) stay behind
		}
		area := store.AreaTasks{Area: store.Area{Numeral: a.Numeral, Name: a.Name, Order: a.Order}}
		renumber := numbered(a.Tasks)
		for _, t := range a.Tasks {
			if carried[t.ID] {
				area.Tasks = append(area.Tasks, nextYearTask(t, len(area.Tasks)+1, renumber, shift, req.Year-from.Plan.Year))
			}
		}
		b.Areas = append(b.Areas, area)
	}
	for _, t := range from.Targets {
		b.Targets = append(b.Targets, nextYearTarget(t, req.Year-from.Plan.Year))
	}
	return b
}

// nextYearPlan is the plan's header and body for the new year: its text
// with the year moved on, its legal basis as it was (the officer cites the
// new year's documents), a new number and date, today's issuer.
func nextYearPlan(p store.Plan, req RolloverRequest, settings store.Settings, shift func(string) string) store.Plan {
	next := store.Plan{
		Year: req.Year, Number: strings.TrimSpace(req.Number), Symbol: p.Symbol, IssueDate: req.Date, DocType: p.DocType,
		Summary: shift(p.Summary), LegalBasis: slices.Clone(p.LegalBasis), Intro: shiftAll(p.Intro, shift),
		Closing: shiftAll(p.Closing, shift), Distribution: slices.Clone(p.Distribution), Appendix: p.Appendix,
	}
	next.Appendix.Title = shift(p.Appendix.Title)
	for _, s := range p.Sections {
		s.Title, s.Paragraphs = shift(s.Title), shiftAll(s.Paragraphs, shift)
		next.Sections = append(next.Sections, s)
	}
	next.TakeIssuer(settings)
	if settings.Agency.Name == "" {
		next.Agency, next.Signer = p.Agency, p.Signer
	}
	return next
}

// nextYearTask copies a task into the new plan: what it asks, with the
// year moved on in its content, product and timeline; no tracking.
func nextYearTask(t store.Task, order int, renumber bool, shift func(string) string, years int) store.Task {
	next := store.Task{Ordinal: t.Ordinal, Order: order, Content: shift(t.Content), Product: shift(t.Product),
		Lead: t.Lead, Coordinating: slices.Clone(t.Coordinating), Timeline: store.Timeline{Text: shiftTimeline(t.Timeline.Text, years)}}
	if renumber {
		next.Ordinal = strconv.Itoa(order)
	}
	return next
}

// nextYearTarget copies a target without its code, its actuals or its
// baseline value; an increase is measured against the year before the new
// plan's.
func nextYearTarget(t store.Target, years int) store.Target {
	next := store.Target{Indicator: t.Indicator, Comparator: t.Comparator, Value: t.Value, Unit: t.Unit,
		Ref: t.Ref, Order: t.Order, Ratio: t.Ratio, Feed: t.Feed}
	if t.BaselineYear != 0 {
		next.BaselineYear = t.BaselineYear + years
		next.Indicator = yearShifter(t.BaselineYear, next.BaselineYear)(t.Indicator)
	}
	return next
}

// yearShifter returns a function that moves "năm 2023" on to "năm 2024" in
// running text, leaving other numbers (the years of cited documents) alone.
func yearShifter(from, to int) func(string) string {
	pattern := regexp.MustCompile(`(?i)(năm\s+)` + strconv.Itoa(from) + `\b`)
	replacement := "${1}" + strconv.Itoa(to)
	return func(text string) string {
		return pattern.ReplaceAllString(text, replacement)
	}
}

// yearTokens are the years a timeline names.
var yearTokens = regexp.MustCompile(`\b\d{4}\b`)

// shiftTimeline moves every year a timeline names on by years: "Quý
// II/2023", "Trước ngày 30/11/2023", "Tháng 12/2022" of a 2023 plan.
func shiftTimeline(text string, years int) string {
	return yearTokens.ReplaceAllStringFunc(text, func(token string) string {
		year, _ := strconv.Atoi(token)
		if !store.ValidYear(year) {
			return token
		}
		return strconv.Itoa(year + years)
	})
}

func shiftAll(texts []string, shift func(string) string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = shift(t)
	}
	return out
}
