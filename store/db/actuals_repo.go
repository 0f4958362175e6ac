package db

import (
	"fmt"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/reporting"

	bolt "go.etcd.io/bbolt"
)

// actualKey is the key of a target's actual for a period: the plan's id,
// the target's, then the period's key.
func actualKey(planID, targetID uint64, p store.Period) []byte {
	return append(datafile.ChildKey(planID, targetID), p.Key()...)
}

// SetActual stores what a target reached in a period, replacing what was
// entered for it before, and returns it as stored.
func (s *Store) SetActual(a reporting.Actual) (reporting.Actual, error) {
	if err := a.Validate(); err != nil {
		return reporting.Actual{}, err
	}
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		var target store.Target
		if err := datafile.GetJSON(tx.Bucket(datafile.BucketTargets), datafile.ChildKey(a.PlanID, a.TargetID), &target); err != nil {
			return wrapRecord("chỉ tiêu", a.TargetID, err)
		}
		if target.Unit == "%" && a.Value > 100 {
			return fmt.Errorf("%w: chỉ tiêu %s: tỷ lệ %s%% phải từ 0 đến 100", store.ErrInvalid, target.Code, store.FormatNumber(a.Value))
		}
		a.Recorded = s.clock()
		return datafile.PutJSON(tx.Bucket(datafile.BucketActuals), actualKey(a.PlanID, a.TargetID, a.Period), &a)
	})
	return a, err
}

// ClearActual removes what was entered for a target in a period; nothing
// entered is no error.
func (s *Store) ClearActual(planID, targetID uint64, p store.Period) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		return tx.Bucket(datafile.BucketActuals).Delete(actualKey(planID, targetID, p))
	})
}

// Actuals returns the actuals entered for a plan's targets in a period.
func (s *Store) Actuals(planID uint64, p store.Period) ([]reporting.Actual, error) {
	return viewing(s, func(tx *bolt.Tx) ([]reporting.Actual, error) { return readActuals(tx, planID, p) })
}

func readActuals(tx *bolt.Tx, planID uint64, p store.Period) ([]reporting.Actual, error) {
	all, err := datafile.ListChildren[reporting.Actual](tx, datafile.BucketActuals, planID)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, a := range all {
		if a.Period == p {
			out = append(out, a)
		}
	}
	return out, nil
}

// TargetResults returns every target of a plan with its actual in the
// period (entered, or computed from the period's figures) and its verdict.
func (s *Store) TargetResults(planID uint64, p store.Period) ([]reporting.TargetResult, error) {
	return viewing(s, func(tx *bolt.Tx) ([]reporting.TargetResult, error) {
		targets, err := readTargets(tx, planID)
		if err != nil {
			return nil, err
		}
		actuals, err := readActuals(tx, planID, p)
		if err != nil {
			return nil, err
		}
		figures, err := readFigures(tx, planID, p)
		return reporting.EvaluateTargets(targets, actuals, figures), err
	})
}

// figuresKey is the key of a plan's figures for a period.
func figuresKey(planID uint64, p store.Period) []byte {
	return append(datafile.Key8(planID), p.Key()...)
}

// Figures returns a plan's figures for a period; none entered gives
// Figures with no values.
func (s *Store) Figures(planID uint64, p store.Period) (reporting.Figures, error) {
	return viewing(s, func(tx *bolt.Tx) (reporting.Figures, error) {
		if _, err := readPlan(tx, planID); err != nil {
			return reporting.Figures{}, err
		}
		return readFigures(tx, planID, p)
	})
}

func readFigures(tx *bolt.Tx, planID uint64, p store.Period) (reporting.Figures, error) {
	f := reporting.Figures{PlanID: planID, Period: p}
	data := tx.Bucket(datafile.BucketFigures).Get(figuresKey(planID, p))
	if data == nil {
		return f, nil
	}
	err := datafile.GetJSON(tx.Bucket(datafile.BucketFigures), figuresKey(planID, p), &f)
	return f, err
}

// SaveFigures stores a plan's figures for a period, replacing those saved
// before; figures with no values remove the record.
func (s *Store) SaveFigures(f reporting.Figures) (reporting.Figures, error) {
	if err := f.Validate(); err != nil {
		return reporting.Figures{}, err
	}
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
		if _, err := readPlan(tx, f.PlanID); err != nil {
			return err
		}
		key := figuresKey(f.PlanID, f.Period)
		if f.Empty() && f.Note == "" {
			return tx.Bucket(datafile.BucketFigures).Delete(key)
		}
		f.Recorded = s.clock()
		return datafile.PutJSON(tx.Bucket(datafile.BucketFigures), key, &f)
	})
	return f, err
}
