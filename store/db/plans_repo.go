package db

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// Plans returns every plan, newest year first.
func (s *Store) Plans() ([]store.Plan, error) {
	var plans []store.Plan
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		var err error
		plans, err = readPlans(tx)
		return err
	})
	return plans, err
}

func readPlans(tx *bolt.Tx) ([]store.Plan, error) {
	var plans []store.Plan
	err := tx.Bucket(datafile.BucketPlans).ForEach(func(k, v []byte) error {
		var p store.Plan
		if err := json.Unmarshal(v, &p); err != nil {
			return fmt.Errorf("decode plan %x: %w", k, err)
		}
		plans = append(plans, p)
		return nil
	})
	sort.SliceStable(plans, func(i, j int) bool {
		if plans[i].Year != plans[j].Year {
			return plans[i].Year > plans[j].Year
		}
		return plans[i].ID < plans[j].ID
	})
	return plans, err
}

// Plan returns the plan with the given id.
func (s *Store) Plan(id uint64) (store.Plan, error) {
	var p store.Plan
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		var err error
		p, err = readPlan(tx, id)
		return err
	})
	return p, err
}

func readPlan(tx *bolt.Tx, id uint64) (store.Plan, error) {
	var p store.Plan
	if err := datafile.GetJSON(tx.Bucket(datafile.BucketPlans), datafile.Key8(id), &p); err != nil {
		return store.Plan{}, fmt.Errorf("kế hoạch #%d: %w", id, err)
	}
	return p, nil
}

// FindPlan finds a plan by its year ("2023"), when only one plan has that
// year, or by its reference ("122/KH-SKH", "05/KH-SKH" or "5/KH-SKH") or
// number ("122", "05" or "5").
func (s *Store) FindPlan(ref string) (store.Plan, error) {
	plans, err := s.Plans()
	if err != nil {
		return store.Plan{}, err
	}
	ref = strings.TrimSpace(ref)
	var matches []store.Plan
	for _, p := range plans {
		if planMatches(p, ref) {
			matches = append(matches, p)
		}
	}
	switch len(matches) {
	case 0:
		return store.Plan{}, fmt.Errorf("kế hoạch %q: %w", ref, store.ErrNotFound)
	case 1:
		return matches[0], nil
	}
	refs := make([]string, len(matches))
	for i, p := range matches {
		refs[i] = p.Ref()
	}
	return store.Plan{}, fmt.Errorf("%w với %q: %s; hãy ghi số kế hoạch", store.ErrAmbiguous, ref, strings.Join(refs, ", "))
}

func planMatches(p store.Plan, ref string) bool {
	if year, err := strconv.Atoi(ref); err == nil && len(ref) == 4 {
		return p.Year == year
	}
	number, symbol, hasSymbol := strings.Cut(ref, "/")
	if hasSymbol && !strings.EqualFold(strings.TrimSpace(symbol), p.Symbol) {
		return false
	}
	return store.SameNumber(number, p.Number)
}

// CreatePlan stores a new plan and gives it an id. Agency lines, signer and
// distribution list it leaves empty are taken from the settings: a plan keeps
// the names it was issued under.
func (s *Store) CreatePlan(p *store.Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error { return insertPlan(tx, p) })
}

func insertPlan(tx *bolt.Tx, p *store.Plan) error {
	settings, err := readSettings(tx)
	if err != nil {
		return err
	}
	fillIssuer(p, settings)
	if err := checkRefFree(tx, *p); err != nil {
		return err
	}
	b := tx.Bucket(datafile.BucketPlans)
	id, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("next plan id: %w", err)
	}
	p.ID = id
	return datafile.PutJSON(b, datafile.Key8(id), p)
}

func fillIssuer(p *store.Plan, settings store.Settings) {
	if p.Agency == (store.Agency{}) {
		p.Agency = settings.Agency
	}
	if p.Signer == (store.Signer{}) {
		p.Signer = settings.Signer
	}
	if len(p.Distribution) == 0 {
		p.Distribution = append([]string(nil), settings.Distribution...)
	}
	if p.DocType == "" {
		p.DocType = store.DocPlan
	}
	if p.Appendix.Columns == ([6]string{}) {
		p.Appendix.Columns = store.DefaultColumns
	}
}

// checkRefFree refuses a second plan with the same number in the same year:
// Decree 30 numbers an agency's documents in one run a year. "5" and "05"
// are the same number; plans without a number never clash.
func checkRefFree(tx *bolt.Tx, p store.Plan) error {
	plans, err := readPlans(tx)
	if err != nil {
		return err
	}
	for _, other := range plans {
		if other.ID != p.ID && other.Year == p.Year && store.SameNumber(other.Number, p.Number) {
			return fmt.Errorf("%w: số %s đã là số của kế hoạch %s năm %d", store.ErrInvalid, p.PrintedNumber(), other.Ref(), p.Year)
		}
	}
	return nil
}

// UpdatePlan saves changes to an existing plan's own fields. A new year
// reads all of the plan's timelines again against it.
func (s *Store) UpdatePlan(p store.Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		old, err := readPlan(tx, p.ID)
		if err != nil {
			return err
		}
		if err := checkRefFree(tx, p); err != nil {
			return err
		}
		if err := datafile.PutJSON(tx.Bucket(datafile.BucketPlans), datafile.Key8(p.ID), p); err != nil {
			return err
		}
		if old.Year == p.Year {
			return nil
		}
		return readTimelinesAgain(tx, p.ID, p.Year)
	})
}

// planBuckets are the buckets whose records belong to a plan, keyed by its id first.
var planBuckets = [][]byte{datafile.BucketAreas, datafile.BucketTasks, datafile.BucketTargets, datafile.BucketUpdates, datafile.BucketEvidence,
	datafile.BucketActuals, datafile.BucketFigures, datafile.BucketReports, datafile.BucketReportTables}

// DeletePlan removes a plan with all its areas, tasks, targets, updates,
// evidence, actuals, figures and reports.
func (s *Store) DeletePlan(id uint64) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		if _, err := readPlan(tx, id); err != nil {
			return err
		}
		for _, bucket := range planBuckets {
			if err := datafile.DeleteChildren(tx, bucket, id); err != nil {
				return fmt.Errorf("delete plan %d from %s: %w", id, bucket, err)
			}
		}
		return tx.Bucket(datafile.BucketPlans).Delete(datafile.Key8(id))
	})
}

// CreateBundle validates a whole plan and stores it with its areas, tasks and
// targets in one transaction: all of it or nothing. It returns the stored plan.
func (s *Store) CreateBundle(b store.Bundle) (store.Plan, error) {
	if err := b.Validate(); err != nil {
		return store.Plan{}, err
	}
	err := s.Bolt().Update(func(tx *bolt.Tx) error { return insertBundle(tx, &b) })
	return b.Plan, err
}

func insertBundle(tx *bolt.Tx, b *store.Bundle) error {
	if err := insertPlan(tx, &b.Plan); err != nil {
		return err
	}
	return insertContents(tx, b)
}

// insertContents stores a bundle's areas, tasks and targets under b.Plan.ID,
// every timeline read against b.Plan.Year. The tasks start with no updates,
// not started, whatever the bundle says of their tracking.
func insertContents(tx *bolt.Tx, b *store.Bundle) error { return insertContentsKeeping(tx, b, nil) }

// insertContentsKeeping is insertContents where the tasks at the places of
// kept carry on stored tasks (see carryOn) instead of starting afresh.
func insertContentsKeeping(tx *bolt.Tx, b *store.Bundle, kept map[taskPlace]store.Task) error {
	b.ReadTimelines()
	for i := range b.Areas {
		area := &b.Areas[i]
		area.PlanID = b.Plan.ID
		if area.Order == 0 {
			area.Order = i + 1
		}
		if err := datafile.InsertChild(tx, datafile.BucketAreas, &area.Area); err != nil {
			return err
		}
		for j := range area.Tasks {
			task := &area.Tasks[j]
			task.PlanID, task.AreaID = b.Plan.ID, area.ID
			if task.Order == 0 {
				task.Order = j + 1
			}
			if err := insertTask(tx, task, kept, taskPlace{i, j}); err != nil {
				return err
			}
		}
	}
	return insertTargets(tx, b.Plan.ID, b.Targets)
}

// insertTask stores a task of a bundle: a new one, not started, or the
// continuation of the stored task kept names for its place.
func insertTask(tx *bolt.Tx, task *store.Task, kept map[taskPlace]store.Task, place taskPlace) error {
	if from, ok := kept[place]; ok {
		carryOn(task, from)
		return datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(task.PlanID, task.ID), task)
	}
	task.Status, task.Progress, task.Track = store.StatusNotStarted, 0, store.TaskTrack{}
	return datafile.InsertChild(tx, datafile.BucketTasks, task)
}

// Seed stores a shipped plan once: the first call with a key saves the
// settings (when the store has none yet) and creates the bundle, in one
// transaction; later calls with the same key do nothing and return false,
// even if the plan was since deleted.
func (s *Store) Seed(key string, settings store.Settings, b store.Bundle) (bool, error) {
	if err := b.Validate(); err != nil {
		return false, err
	}
	created := false
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(datafile.BucketMeta)
		seedKey := []byte("seed:" + key)
		if meta.Get(seedKey) != nil {
			return nil
		}
		if err := seedSettings(tx, settings); err != nil {
			return err
		}
		if err := insertBundle(tx, &b); err != nil {
			return err
		}
		created = true
		return meta.Put(seedKey, []byte(strconv.Itoa(int(b.Plan.ID))))
	})
	return created, err
}

func seedSettings(tx *bolt.Tx, settings store.Settings) error {
	if tx.Bucket(datafile.BucketMeta).Get(datafile.KeySettings) != nil {
		return nil
	}
	if err := settings.Validate(); err != nil {
		return err
	}
	return datafile.PutJSON(tx.Bucket(datafile.BucketMeta), datafile.KeySettings, settings)
}
