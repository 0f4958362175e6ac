package store

import "fmt"

// Bundle is a whole plan with its areas, tasks and targets, before it has
// ids: what seeding and import build and then save in one transaction.
type Bundle struct {
	Plan    Plan        `json:"plan"`
	Areas   []AreaTasks `json:"areas"`
	Targets []Target    `json:"targets"`
	// Evidence are the tasks' evidence records by task id, as Store.Bundle
	// reads them; saving a bundle ignores them.
	Evidence map[uint64][]Evidence `json:"evidence,omitempty"`
}

// AreaTasks is an area with its tasks in order.
type AreaTasks struct {
	Area
	Tasks []Task `json:"tasks"`
}

// TaskCount returns the number of tasks in the bundle.
func (b Bundle) TaskCount() int {
	n := 0
	for _, a := range b.Areas {
		n += len(a.Tasks)
	}
	return n
}

// Validate checks the plan and every area, task and target, and reports the
// first problem with where it is.
func (b Bundle) Validate() error {
	if err := b.Plan.Validate(); err != nil {
		return err
	}
	for i, a := range b.Areas {
		if a.Name == "" {
			return fmt.Errorf("%w: lĩnh vực thứ %d chưa có tên", ErrInvalid, i+1)
		}
		for _, t := range a.Tasks {
			if err := t.Validate(); err != nil {
				return fmt.Errorf("lĩnh vực %s: %w", a.Label(), err)
			}
		}
	}
	for _, t := range b.Targets {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// ReadTimelines reads every task's timeline against the plan's year (see
// Task.ReadTimeline).
func (b *Bundle) ReadTimelines() {
	for i := range b.Areas {
		for j := range b.Areas[i].Tasks {
			b.Areas[i].Tasks[j].ReadTimeline(b.Plan.Year)
		}
	}
}

// Tasks returns the bundle's tasks in print order: area by area.
func (b Bundle) Tasks() []Task {
	tasks := make([]Task, 0, b.TaskCount())
	for _, a := range b.Areas {
		tasks = append(tasks, a.Tasks...)
	}
	return tasks
}
