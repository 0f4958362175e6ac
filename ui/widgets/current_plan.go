package widgets

import (
	"github.com/kehoach/cchc/store"
)

// PlanLister is what the current plan needs of the data: the list of plans,
// newest first.
type PlanLister interface {
	Plans() ([]store.Plan, error)
}

// CurrentPlan is the plan the window shows, shared by every screen and
// action: it holds the list of plans and the one chosen, and tells each
// listener when the plan changes or is read again, so that no screen
// reloads another by hand.
type CurrentPlan struct {
	source    PlanLister
	plans     []store.Plan
	selected  int // index in plans, -1 when there is none
	listeners []func(store.Plan)
}

// NewCurrentPlan returns a current plan over source with no plan chosen
// yet; Reload or Select fills it.
func NewCurrentPlan(source PlanLister) *CurrentPlan {
	return &CurrentPlan{source: source, selected: -1}
}

// OnChanged adds a listener, told of the plan each time Select or Reload
// has run: a plan with ID 0 when there is no plan at all.
func (c *CurrentPlan) OnChanged(listener func(store.Plan)) {
	c.listeners = append(c.listeners, listener)
}

// Plans returns the plans as last read, newest first.
func (c *CurrentPlan) Plans() []store.Plan { return c.plans }

// Plan returns the plan chosen, and false when there is none.
func (c *CurrentPlan) Plan() (store.Plan, bool) {
	if c.selected < 0 {
		return store.Plan{}, false
	}
	return c.plans[c.selected], true
}

// Index returns the position of the plan chosen in Plans, or -1.
func (c *CurrentPlan) Index() int { return c.selected }

// Select reads the plans again, so that a plan just written shows as it is
// stored, chooses the plan with the given id (the newest when there is no
// such plan) and tells every listener.
func (c *CurrentPlan) Select(id uint64) error {
	plans, err := c.source.Plans()
	if err != nil {
		return err
	}
	c.plans, c.selected = plans, indexOfPlan(plans, id)
	plan, _ := c.Plan()
	for _, listener := range c.listeners {
		listener(plan)
	}
	return nil
}

// Reload reads the plans again and tells every listener, keeping the plan
// chosen: after something changed the plan or its tasks.
func (c *CurrentPlan) Reload() error {
	plan, _ := c.Plan()
	return c.Select(plan.ID)
}

// indexOfPlan is the position of the plan with the given id, else 0 for
// the newest, else -1 when there are no plans.
func indexOfPlan(plans []store.Plan, id uint64) int {
	if len(plans) == 0 {
		return -1
	}
	for i, p := range plans {
		if p.ID == id {
			return i
		}
	}
	return 0
}
