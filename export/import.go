package export

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/export/importer"
	"github.com/kehoach/cchc/store"
)

// ImportStore is what importing a plan needs of the store.
type ImportStore interface {
	Plans() ([]store.Plan, error)
	Plan(id uint64) (store.Plan, error)
	FindPlan(ref string) (store.Plan, error)
	Tasks(planID uint64) ([]store.Task, error)
	Settings() (store.Settings, error)
	CreateBundle(b store.Bundle) (store.Plan, error)
	ReplacePlanContents(planID uint64, b store.Bundle) (store.Plan, error)
	AutoBackuper
	ReplaceMatch(planID uint64, b store.Bundle) (db.ReplaceReport, error)
}

// ImportTarget is the plan an imported task table goes into: an existing
// plan, or a new plan of a year that has none.
type ImportTarget struct {
	// Plan is the existing plan, or, with ID 0, the year of a new one.
	Plan store.Plan
	// Tasks is how many tasks the existing plan has: importing replaces them.
	Tasks int
}

// Exists reports whether the target is a plan already stored.
func (t ImportTarget) Exists() bool { return t.Plan.ID != 0 }

// FindImportTarget applies the one rule both programs choose an import's
// plan by. ref is a year ("2024") or a plan's number ("122/KH-SKH"). A year
// names the open plan (preferred, 0 for none) when that plan is of the
// year, else the year's only plan, else a new plan of that year; a year
// with several plans and none open asks for the number.
func FindImportTarget(st ImportStore, ref string, preferred uint64) (ImportTarget, error) {
	ref = strings.TrimSpace(ref)
	year, isYear := parseYear(ref)
	if isYear && preferred != 0 {
		if plan, err := st.Plan(preferred); err == nil && plan.Year == year {
			return targetOf(st, plan)
		}
	}
	plan, err := st.FindPlan(ref)
	switch {
	case errors.Is(err, store.ErrNotFound) && isYear:
		return ImportTarget{Plan: store.Plan{Year: year}}, nil
	case err != nil:
		return ImportTarget{}, err
	}
	return targetOf(st, plan)
}

// parseYear reads a plan year, within the years the store accepts.
func parseYear(ref string) (int, bool) {
	year, err := strconv.Atoi(ref)
	return year, err == nil && len(ref) == 4 && store.ValidYear(year)
}

func targetOf(st ImportStore, plan store.Plan) (ImportTarget, error) {
	tasks, err := st.Tasks(plan.ID)
	if err != nil {
		return ImportTarget{}, err
	}
	return ImportTarget{Plan: plan, Tasks: len(tasks)}, nil
}

// StoreImport stores an imported plan in one transaction: a new plan for a
// new target, or the existing plan's tasks replaced by the file's. Replacing
// tasks a plan already has needs replace; without it the answer wraps
// store.ErrHasTasks and says what would be lost. Replacing is preceded by
// the automatic backup.
func StoreImport(st ImportStore, im *importer.Imported, target ImportTarget, replace bool) (store.Plan, error) {
	im.SetYear(target.Plan.Year)
	if !target.Exists() {
		settings, err := st.Settings()
		if err != nil {
			return store.Plan{}, err
		}
		return st.CreateBundle(im.NewPlanBundle(settings))
	}
	if target.Tasks > 0 && !replace {
		return store.Plan{}, fmt.Errorf("%w: %s", db.ErrHasTasks, ReplaceWarning(target, im))
	}
	if target.Tasks > 0 {
		if err := BackupBefore(st, backup.ReasonImport); err != nil {
			return store.Plan{}, err
		}
	}
	return st.ReplacePlanContents(target.Plan.ID, im.ReplacementBundle(target.Plan))
}

// ReplaceWarning says what replacing the target's tasks with the file's
// would do.
func ReplaceWarning(target ImportTarget, im *importer.Imported) string {
	return fmt.Sprintf("kế hoạch %s năm %d đã có %d nhiệm vụ; nhập sẽ thay bằng %d nhiệm vụ trong tệp %s",
		target.Plan.Ref(), target.Plan.Year, target.Tasks, im.Bundle.TaskCount(), im.File)
}

// ReplaceMatch says, without writing, what replacing the target's tasks
// with the file's keeps: the history, evidence and results of the tasks the
// file's match by content, and how many tasks lose theirs.
func ReplaceMatch(st ImportStore, im *importer.Imported, target ImportTarget) (db.ReplaceReport, error) {
	if !target.Exists() {
		return db.ReplaceReport{New: im.Bundle.TaskCount()}, nil
	}
	im.SetYear(target.Plan.Year)
	return st.ReplaceMatch(target.Plan.ID, im.ReplacementBundle(target.Plan))
}
