package db

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// AssignTargetCodes gives each target, in plan order, its code: its Ref
// and its place among the targets of that Ref, "III.2.4"; a target
// without a Ref is numbered among those without one. Two targets of a plan
// never share a code.
func AssignTargetCodes(targets []store.Target) {
	seen := map[string]int{}
	for i := range targets {
		ref := strings.TrimSpace(targets[i].Ref)
		seen[ref]++
		code := strconv.Itoa(seen[ref])
		if ref != "" {
			code = ref + "." + code
		}
		targets[i].Code = code
	}
}

// Targets returns a plan's targets in order, each with its code.
func (s *Store) Targets(planID uint64) ([]store.Target, error) {
	return viewing(s, func(tx *bolt.Tx) ([]store.Target, error) { return readTargets(tx, planID) })
}

// FindTarget finds a target of a plan by its code ("III.2.4", in any
// case) or its id ("12").
func (s *Store) FindTarget(planID uint64, ref string) (store.Target, error) {
	targets, err := s.Targets(planID)
	if err != nil {
		return store.Target{}, err
	}
	ref = strings.TrimSpace(ref)
	for _, t := range targets {
		if strings.EqualFold(t.Code, ref) {
			return t, nil
		}
	}
	if id, err := strconv.ParseUint(ref, 10, 64); err == nil {
		for _, t := range targets {
			if t.ID == id {
				return t, nil
			}
		}
	}
	return store.Target{}, fmt.Errorf("chỉ tiêu %q: %w; ghi mã chỉ tiêu như III.2.4 (xem lệnh targets)", ref, store.ErrNotFound)
}

// CreateTarget adds a target to a plan and gives it an id; a target without
// an order goes last. The codes of the plan's targets are computed again.
func (s *Store) CreateTarget(t *store.Target) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		if t.Order == 0 {
			existing, err := readTargets(tx, t.PlanID)
			if err != nil {
				return err
			}
			t.Order = len(existing) + 1
			if n := len(existing); n > 0 {
				t.Order = existing[n-1].Order + 1
			}
		}
		if err := datafile.InsertChild(tx, datafile.BucketTargets, t); err != nil {
			return err
		}
		if err := recodeTargets(tx, t.PlanID); err != nil {
			return err
		}
		return datafile.GetJSON(tx.Bucket(datafile.BucketTargets), datafile.ChildKey(t.PlanID, t.ID), t)
	})
}

// UpdateTarget saves changes to a target; the codes of the plan's targets
// are computed again.
func (s *Store) UpdateTarget(t store.Target) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		if err := wrapRecord("chỉ tiêu", t.ID, datafile.ReplaceChild(tx, datafile.BucketTargets, &t)); err != nil {
			return err
		}
		return recodeTargets(tx, t.PlanID)
	})
}

// DeleteTarget removes a target with its actuals; the codes of the others
// are computed again.
func (s *Store) DeleteTarget(planID, targetID uint64) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		if err := wrapRecord("chỉ tiêu", targetID, datafile.DeleteChild(tx, datafile.BucketTargets, planID, targetID)); err != nil {
			return err
		}
		if err := datafile.DeletePrefix(tx, datafile.BucketActuals, datafile.ChildKey(planID, targetID)); err != nil {
			return err
		}
		return recodeTargets(tx, planID)
	})
}

// recodeTargets computes the codes of a plan's targets again and stores
// those that changed.
func recodeTargets(tx *bolt.Tx, planID uint64) error {
	targets, err := readTargets(tx, planID)
	if err != nil {
		return err
	}
	old := make([]string, len(targets))
	for i, t := range targets {
		old[i] = t.Code
	}
	AssignTargetCodes(targets)
	for i := range targets {
		if targets[i].Code == old[i] {
			continue
		}
		if err := datafile.PutJSON(tx.Bucket(datafile.BucketTargets), datafile.ChildKey(planID, targets[i].ID), &targets[i]); err != nil {
			return err
		}
	}
	return nil
}

// insertTargets stores a new bundle's targets under its plan, each with its
// code and, when it has none, the feed its words suggest (SuggestFeed).
func insertTargets(tx *bolt.Tx, planID uint64, targets []store.Target) error {
	order := make([]int, len(targets))
	for i := range targets {
		targets[i].PlanID = planID
		if targets[i].Order == 0 {
			targets[i].Order = i + 1
		}
		if targets[i].Feed == store.FeedNone {
			targets[i].Feed = store.SuggestFeed(targets[i].Indicator)
		}
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(targets[a].Order, targets[b].Order) })
	sorted := make([]store.Target, len(targets))
	for i, at := range order {
		sorted[i] = targets[at]
	}
	AssignTargetCodes(sorted)
	for i, at := range order {
		targets[at].Code = sorted[i].Code
	}
	for i := range targets {
		if err := datafile.InsertChild(tx, datafile.BucketTargets, &targets[i]); err != nil {
			return err
		}
	}
	return nil
}
