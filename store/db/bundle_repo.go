package db

import (
	"sort"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// Bundle returns a whole plan as its documents print it: the plan, its
// areas in order each with its tasks in order, its targets in order, and
// its tasks' evidence.
// Tasks whose area is missing (a damaged file) come last, under an area
// with no id and no name.
func (s *Store) Bundle(planID uint64) (store.Bundle, error) {
	var b store.Bundle
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		var err error
		b, err = readBundle(tx, planID)
		return err
	})
	return b, err
}

func readBundle(tx *bolt.Tx, planID uint64) (store.Bundle, error) {
	plan, err := readPlan(tx, planID)
	if err != nil {
		return store.Bundle{}, err
	}
	areas, err := readAreas(tx, planID)
	if err != nil {
		return store.Bundle{}, err
	}
	tasks, err := readTasks(tx, planID)
	if err != nil {
		return store.Bundle{}, err
	}
	targets, err := readTargets(tx, planID)
	if err != nil {
		return store.Bundle{}, err
	}
	evidence, err := planEvidence(tx, planID)
	if err != nil {
		return store.Bundle{}, err
	}
	return store.Bundle{Plan: plan, Areas: groupByArea(areas, tasks), Targets: targets, Evidence: evidence}, nil
}

// groupByArea puts tasks, already in order, under their areas; tasks of
// no listed area go last under an empty area.
func groupByArea(areas []store.Area, tasks []store.Task) []store.AreaTasks {
	grouped := make([]store.AreaTasks, len(areas), len(areas)+1)
	index := make(map[uint64]int, len(areas))
	for i, a := range areas {
		grouped[i].Area = a
		index[a.ID] = i
	}
	var orphans []store.Task
	for _, t := range tasks {
		if i, ok := index[t.AreaID]; ok {
			grouped[i].Tasks = append(grouped[i].Tasks, t)
		} else {
			orphans = append(orphans, t)
		}
	}
	if len(orphans) > 0 {
		grouped = append(grouped, store.AreaTasks{Tasks: orphans})
	}
	return grouped
}

func readTargets(tx *bolt.Tx, planID uint64) ([]store.Target, error) {
	targets, err := datafile.ListChildren[store.Target](tx, datafile.BucketTargets, planID)
	sort.SliceStable(targets, func(i, j int) bool { return targets[i].Order < targets[j].Order })
	return targets, err
}
