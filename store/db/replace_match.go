package db

import (
	"fmt"
	"strings"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// ReplaceReport says what replacing a plan's tasks with an imported table
// keeps: the tasks matched by content keep their history, evidence and
// result; the others lose them.
type ReplaceReport struct {
	// Kept counts the plan's tasks an imported task matches.
	Kept int
	// Lost counts the plan's tasks no imported task matches: their updates
	// and evidence go with them.
	Lost int
	// LostTracked counts those of Lost that had updates, evidence or a
	// result of the officer's.
	LostTracked int
	// New counts the imported tasks that match none of the plan's.
	New int
}

// String says it in a sentence, for the officer before and after the
// import.
func (r ReplaceReport) String() string {
	kept := fmt.Sprintf("giữ lịch sử cập nhật và tài liệu kiểm chứng của %d nhiệm vụ khớp nội dung", r.Kept)
	if r.Lost == 0 {
		return kept + "; không nhiệm vụ nào mất lịch sử"
	}
	lost := fmt.Sprintf("%d nhiệm vụ không khớp được với nhiệm vụ nào trong tệp: lịch sử và tài liệu kiểm chứng của chúng bị xoá", r.Lost)
	if r.LostTracked > 0 {
		lost += fmt.Sprintf(" (%d nhiệm vụ trong số đó đã có cập nhật, kết quả hoặc tài liệu)", r.LostTracked)
	}
	return kept + "; " + lost
}

// taskPlace is where a task sits in a bundle: its area's index and its own.
type taskPlace struct{ area, task int }

// replaceMatch pairs the plan's stored tasks with the tasks of an imported
// bundle, by what they ask and nothing else: first the same fingerprint
// (TaskHash: number, content, product, units, timeline), then the same
// content with diacritics, case and spacing set aside. A pairing is made
// only when it is the only one possible at its step: two stored tasks, or
// two imported ones, with the same key are left unmatched rather than
// guessed at.
type replaceMatch struct {
	kept   map[taskPlace]store.Task
	lost   []store.Task
	report ReplaceReport
}

// matchReplacement matches old, the plan's stored tasks, with the tasks of
// b, whose text must already be cleaned as the store would store it.
func matchReplacement(old []store.Task, b store.Bundle) replaceMatch {
	m := replaceMatch{kept: map[taskPlace]store.Task{}}
	unmatched := map[uint64]store.Task{}
	for _, t := range old {
		unmatched[t.ID] = t
	}
	var places []taskPlace
	for i, a := range b.Areas {
		for j := range a.Tasks {
			places = append(places, taskPlace{i, j})
		}
	}
	task := func(p taskPlace) store.Task { return b.Areas[p.area].Tasks[p.task] }
	for _, key := range []func(store.Task) string{store.TaskHash, contentKey} {
		byKey := map[string][]uint64{}
		for _, t := range old {
			if _, open := unmatched[t.ID]; open {
				byKey[key(t)] = append(byKey[key(t)], t.ID)
			}
		}
		fresh := map[string][]taskPlace{}
		for _, p := range places {
			if _, done := m.kept[p]; !done {
				fresh[key(task(p))] = append(fresh[key(task(p))], p)
			}
		}
		for k, ps := range fresh {
			if ids := byKey[k]; len(ps) == 1 && len(ids) == 1 {
				m.kept[ps[0]] = unmatched[ids[0]]
				delete(unmatched, ids[0])
			}
		}
	}
	for _, t := range old {
		if _, open := unmatched[t.ID]; open {
			m.lost = append(m.lost, t)
			if tracked(t) {
				m.report.LostTracked++
			}
		}
	}
	m.report.Kept, m.report.Lost, m.report.New = len(m.kept), len(m.lost), len(places)-len(m.kept)
	return m
}

// contentKey is a task's content with diacritics, case and spacing set
// aside: "Cải cách  thủ tục" and "cai cach thu tuc" are the same.
func contentKey(t store.Task) string {
	return strings.Join(strings.Fields(store.Fold(t.Content)), " ")
}

// tracked reports whether a task has anything of the officer's to lose.
func tracked(t store.Task) bool {
	return t.Track.Updates > 0 || t.Track.Evidence > 0 || strings.TrimSpace(t.Result) != ""
}

// cleanedTasks returns the bundle with its tasks' text cleaned as the store
// stores it, so that fingerprints compare like with like.
func cleanedTasks(b store.Bundle) store.Bundle {
	areas := make([]store.AreaTasks, len(b.Areas))
	for i, a := range b.Areas {
		areas[i] = a
		areas[i].Tasks = make([]store.Task, len(a.Tasks))
		for j, t := range a.Tasks {
			store.Cleaned(&t)
			areas[i].Tasks[j] = t
		}
	}
	b.Areas = areas
	return b
}

// ReplaceMatch says, without writing, what ReplacePlanContents would keep
// of the plan's tasks if their table were replaced by the bundle's.
func (s *Store) ReplaceMatch(planID uint64, b store.Bundle) (ReplaceReport, error) {
	var report ReplaceReport
	err := s.Bolt().View(func(tx *bolt.Tx) error {
		m, err := readReplaceMatch(tx, planID, cleanedTasks(b))
		report = m.report
		return err
	})
	return report, err
}

// readReplaceMatch matches the plan's stored tasks with the tasks of b,
// cleaned (cleanedTasks).
func readReplaceMatch(tx *bolt.Tx, planID uint64, b store.Bundle) (replaceMatch, error) {
	if _, err := readPlan(tx, planID); err != nil {
		return replaceMatch{}, err
	}
	old, err := readTasks(tx, planID)
	if err != nil {
		return replaceMatch{}, err
	}
	return matchReplacement(old, b), nil
}

// dropHistories removes the updates and evidence records of tasks that
// are going.
func dropHistories(tx *bolt.Tx, tasks []store.Task) error {
	for _, t := range tasks {
		for _, bucket := range [][]byte{datafile.BucketUpdates, datafile.BucketEvidence} {
			if err := datafile.DeletePrefix(tx, bucket, datafile.ChildKey(t.PlanID, t.ID)); err != nil {
				return fmt.Errorf("clear task %d in %s: %w", t.ID, bucket, err)
			}
		}
	}
	return nil
}

// carryOn makes an imported task the continuation of a stored one: it takes
// the stored task's id, its tracking (status, progress, summary of its
// updates and evidence) and, when it brings none, the officer's result.
func carryOn(task *store.Task, from store.Task) {
	task.ID = from.ID
	task.Status, task.Progress, task.Track = from.Status, from.Progress, from.Track
	if strings.TrimSpace(task.Result) == "" {
		task.Result = from.Result
	}
}
