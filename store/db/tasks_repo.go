package db

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// Areas returns a plan's areas in order.
func (s *Store) Areas(planID uint64) ([]store.Area, error) {
	var areas []store.Area
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		var err error
		areas, err = readAreas(tx, planID)
		return err
	})
	return areas, err
}

func readAreas(tx *bolt.Tx, planID uint64) ([]store.Area, error) {
	areas, err := datafile.ListChildren[store.Area](tx, datafile.BucketAreas, planID)
	sort.SliceStable(areas, func(i, j int) bool { return areas[i].Order < areas[j].Order })
	return areas, err
}

// CreateArea adds an area to a plan and gives it an id.
func (s *Store) CreateArea(a *store.Area) error {
	if strings.TrimSpace(a.Name) == "" {
		return fmt.Errorf("%w: tên lĩnh vực không được để trống", store.ErrInvalid)
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error { return datafile.InsertChild(tx, datafile.BucketAreas, a) })
}

// UpdateArea saves changes to an area.
func (s *Store) UpdateArea(a store.Area) error {
	if strings.TrimSpace(a.Name) == "" {
		return fmt.Errorf("%w: tên lĩnh vực không được để trống", store.ErrInvalid)
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		return wrapRecord("lĩnh vực", a.ID, datafile.ReplaceChild(tx, datafile.BucketAreas, &a))
	})
}

// DeleteArea removes an area that holds no tasks.
func (s *Store) DeleteArea(planID, areaID uint64) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		tasks, err := datafile.ListChildren[store.Task](tx, datafile.BucketTasks, planID)
		if err != nil {
			return err
		}
		count := 0
		for _, t := range tasks {
			if t.AreaID == areaID {
				count++
			}
		}
		if count > 0 {
			return fmt.Errorf("%w: lĩnh vực còn %d nhiệm vụ; hãy chuyển hoặc xoá các nhiệm vụ trước", store.ErrInvalid, count)
		}
		return wrapRecord("lĩnh vực", areaID, datafile.DeleteChild(tx, datafile.BucketAreas, planID, areaID))
	})
}

// Tasks returns a plan's tasks ordered by area and then by their order within
// it, with their timelines as read when they were written.
func (s *Store) Tasks(planID uint64) ([]store.Task, error) {
	var tasks []store.Task
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		if _, err := readPlan(tx, planID); err != nil {
			return err
		}
		var err error
		tasks, err = readTasks(tx, planID)
		return err
	})
	return tasks, err
}

// CountTasks returns how many tasks a plan holds, decoding none.
func (s *Store) CountTasks(planID uint64) (int, error) {
	n := 0
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		if _, err := readPlan(tx, planID); err != nil {
			return err
		}
		n = datafile.CountChildren(tx, datafile.BucketTasks, planID)
		return nil
	})
	return n, err
}

func readTasks(tx *bolt.Tx, planID uint64) ([]store.Task, error) {
	areas, err := readAreas(tx, planID)
	if err != nil {
		return nil, err
	}
	areaOrder := make(map[uint64]int, len(areas))
	for _, a := range areas {
		areaOrder[a.ID] = a.Order
	}
	tasks, err := datafile.ListChildren[store.Task](tx, datafile.BucketTasks, planID)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(tasks, func(i, j int) bool {
		ai, aj := areaOrder[tasks[i].AreaID], areaOrder[tasks[j].AreaID]
		if ai != aj {
			return ai < aj
		}
		return tasks[i].Order < tasks[j].Order
	})
	return tasks, nil
}

// Task returns one task of a plan.
func (s *Store) Task(planID, taskID uint64) (store.Task, error) {
	var task store.Task
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		if _, err := readPlan(tx, planID); err != nil {
			return err
		}
		return wrapRecord("nhiệm vụ", taskID, datafile.GetJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(planID, taskID), &task))
	})
	return task, err
}

// prepareTask checks that the task's area is one of its plan's and reads
// its timeline against the plan's year.
func prepareTask(tx *bolt.Tx, t *store.Task) error {
	if err := checkArea(tx, t.PlanID, t.AreaID); err != nil {
		return err
	}
	plan, err := readPlan(tx, t.PlanID)
	if err != nil {
		return err
	}
	t.ReadTimeline(plan.Year)
	return nil
}

// readTimelinesAgain reads every task of a plan's timeline against the
// plan's new year and stores it.
func readTimelinesAgain(tx *bolt.Tx, planID uint64, year int) error {
	tasks, err := datafile.ListChildren[store.Task](tx, datafile.BucketTasks, planID)
	if err != nil {
		return err
	}
	for i := range tasks {
		tasks[i].ReadTimeline(year)
		if err := datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(planID, tasks[i].ID), &tasks[i]); err != nil {
			return err
		}
	}
	return nil
}

func checkArea(tx *bolt.Tx, planID, areaID uint64) error {
	if tx.Bucket(datafile.BucketAreas).Get(datafile.ChildKey(planID, areaID)) == nil {
		return fmt.Errorf("lĩnh vực #%d của kế hoạch #%d: %w", areaID, planID, store.ErrNotFound)
	}
	return nil
}

// wrapRecord names the record an error is about; nil stays nil.
func wrapRecord(kind string, id uint64, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s #%d: %w", kind, id, err)
}
