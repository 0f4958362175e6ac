package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Plans returns every plan, newest year first.
func (s *Store) Plans() ([]Plan, error) {
	var plans []Plan
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		plans, err = readPlans(tx)
		return err
	})
	return plans, err
}

func readPlans(tx *bolt.Tx) ([]Plan, error) {
	var plans []Plan
	err := tx.Bucket(BucketPlans).ForEach(func(k, v []byte) error {
		var p Plan
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
func (s *Store) Plan(id uint64) (Plan, error) {
	var p Plan
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		p, err = readPlan(tx, id)
		return err
	})
	return p, err
}

func readPlan(tx *bolt.Tx, id uint64) (Plan, error) {
	var p Plan
	if err := GetJSON(tx.Bucket(BucketPlans), Key8(id), &p); err != nil {
		return Plan{}, fmt.Errorf("kế hoạch #%d: %w", id, err)
	}
	return p, nil
}

// FindPlan finds a plan by its year ("2023"), when only one plan has that
// year, or by its reference ("122/KH-SKH", "05/KH-SKH" or "5/KH-SKH") or
// number ("122", "05" or "5").
func (s *Store) FindPlan(ref string) (Plan, error) {
	plans, err := s.Plans()
	if err != nil {
		return Plan{}, err
	}
	ref = strings.TrimSpace(ref)
	var matches []Plan
	for _, p := range plans {
		if planMatches(p, ref) {
			matches = append(matches, p)
		}
	}
	switch len(matches) {
	case 0:
		return Plan{}, fmt.Errorf("kế hoạch %q: %w", ref, ErrNotFound)
	case 1:
		return matches[0], nil
	}
	refs := make([]string, len(matches))
	for i, p := range matches {
		refs[i] = p.Ref()
	}
	return Plan{}, fmt.Errorf("%w với %q: %s; hãy ghi số kế hoạch", ErrAmbiguous, ref, strings.Join(refs, ", "))
}

func planMatches(p Plan, ref string) bool {
	if year, err := strconv.Atoi(ref); err == nil && len(ref) == 4 {
		return p.Year == year
	}
	number, symbol, hasSymbol := strings.Cut(ref, "/")
	if hasSymbol && !strings.EqualFold(strings.TrimSpace(symbol), p.Symbol) {
		return false
	}
	return SameNumber(number, p.Number)
}

// CreatePlan stores a new plan and gives it an id. Agency lines, signer and
// distribution list it leaves empty are taken from the settings: a plan keeps
// the names it was issued under.
func (s *Store) CreatePlan(p *Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error { return insertPlan(tx, p) })
}

func insertPlan(tx *bolt.Tx, p *Plan) error {
	settings, err := readSettings(tx)
	if err != nil {
		return err
	}
	fillIssuer(p, settings)
	if err := checkRefFree(tx, *p); err != nil {
		return err
	}
	b := tx.Bucket(BucketPlans)
	id, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("next plan id: %w", err)
	}
	p.ID = id
	return PutJSON(b, Key8(id), p)
}

func fillIssuer(p *Plan, settings Settings) {
	if p.Agency == (Agency{}) {
		p.Agency = settings.Agency
	}
	if p.Signer == (Signer{}) {
		p.Signer = settings.Signer
	}
	if len(p.Distribution) == 0 {
		p.Distribution = append([]string(nil), settings.Distribution...)
	}
	if p.DocType == "" {
		p.DocType = DocPlan
	}
	if p.Appendix.Columns == ([6]string{}) {
		p.Appendix.Columns = DefaultColumns
	}
}

// checkRefFree refuses a second plan with the same number in the same year:
// Decree 30 numbers an agency's documents in one run a year. "5" and "05"
// are the same number; plans without a number never clash.
func checkRefFree(tx *bolt.Tx, p Plan) error {
	plans, err := readPlans(tx)
	if err != nil {
		return err
	}
	for _, other := range plans {
		if other.ID != p.ID && other.Year == p.Year && SameNumber(other.Number, p.Number) {
			return fmt.Errorf("%w: số %s đã là số của kế hoạch %s năm %d", ErrInvalid, p.PrintedNumber(), other.Ref(), p.Year)
		}
	}
	return nil
}

// UpdatePlan saves changes to an existing plan's own fields. A new year
// reads all of the plan's timelines again against it.
func (s *Store) UpdatePlan(p Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		old, err := readPlan(tx, p.ID)
		if err != nil {
			return err
		}
		if err := checkRefFree(tx, p); err != nil {
			return err
		}
		if err := PutJSON(tx.Bucket(BucketPlans), Key8(p.ID), p); err != nil {
			return err
		}
		if old.Year == p.Year {
			return nil
		}
		return readTimelinesAgain(tx, p.ID, p.Year)
	})
}

// planBuckets are the buckets whose records belong to a plan, keyed by its id first.
var planBuckets = [][]byte{BucketAreas, BucketTasks, BucketTargets, BucketUpdates, BucketEvidence,
	BucketActuals, BucketFigures, BucketReports, BucketReportTables}

// DeletePlan removes a plan with all its areas, tasks, targets, updates,
// evidence, actuals, figures and reports.
func (s *Store) DeletePlan(id uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		if _, err := readPlan(tx, id); err != nil {
			return err
		}
		for _, bucket := range planBuckets {
			if err := DeleteChildren(tx, bucket, id); err != nil {
				return fmt.Errorf("delete plan %d from %s: %w", id, bucket, err)
			}
		}
		return tx.Bucket(BucketPlans).Delete(Key8(id))
	})
}

// CreateBundle validates a whole plan and stores it with its areas, tasks and
// targets in one transaction: all of it or nothing. It returns the stored plan.
func (s *Store) CreateBundle(b Bundle) (Plan, error) {
	if err := b.Validate(); err != nil {
		return Plan{}, err
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return insertBundle(tx, &b) })
	return b.Plan, err
}

func insertBundle(tx *bolt.Tx, b *Bundle) error {
	if err := insertPlan(tx, &b.Plan); err != nil {
		return err
	}
	return insertContents(tx, b)
}

// insertContents stores a bundle's areas, tasks and targets under b.Plan.ID,
// every timeline read against b.Plan.Year. The tasks start with no updates,
// not started, whatever the bundle says of their tracking.
func insertContents(tx *bolt.Tx, b *Bundle) error { return insertContentsKeeping(tx, b, nil) }

// insertContentsKeeping is insertContents where the tasks at the places of
// kept carry on stored tasks (see carryOn) instead of starting afresh.
func insertContentsKeeping(tx *bolt.Tx, b *Bundle, kept map[taskPlace]Task) error {
	b.ReadTimelines()
	for i := range b.Areas {
		area := &b.Areas[i]
		area.PlanID = b.Plan.ID
		if area.Order == 0 {
			area.Order = i + 1
		}
		if err := InsertChild(tx, BucketAreas, &area.Area); err != nil {
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
func insertTask(tx *bolt.Tx, task *Task, kept map[taskPlace]Task, place taskPlace) error {
	if from, ok := kept[place]; ok {
		carryOn(task, from)
		return PutJSON(tx.Bucket(BucketTasks), ChildKey(task.PlanID, task.ID), task)
	}
	task.Status, task.Progress, task.Track = StatusNotStarted, 0, TaskTrack{}
	return InsertChild(tx, BucketTasks, task)
}

// Seed stores a shipped plan once: the first call with a key saves the
// settings (when the store has none yet) and creates the bundle, in one
// transaction; later calls with the same key do nothing and return false,
// even if the plan was since deleted.
func (s *Store) Seed(key string, settings Settings, b Bundle) (bool, error) {
	if err := b.Validate(); err != nil {
		return false, err
	}
	created := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(BucketMeta)
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

func seedSettings(tx *bolt.Tx, settings Settings) error {
	if tx.Bucket(BucketMeta).Get(KeySettings) != nil {
		return nil
	}
	if err := settings.Validate(); err != nil {
		return err
	}
	return PutJSON(tx.Bucket(BucketMeta), KeySettings, settings)
}
