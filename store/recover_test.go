package store

import (
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestSalvageKeepsWhatDecodes(t *testing.T) {
	path := editRaw(t, func(tx *bolt.Tx) error {
		tasks := tx.Bucket(BucketTasks)
		tasks.Put(ChildKey(1, 2), []byte("{hỏng"))
		tasks.Put(ChildKey(9, 1), []byte(`{"id":1,"planId":9,"areaId":1}`))
		tasks.SetSequence(40)
		return nil
	})
	before := stateOf(t, path)
	out := filepath.Join(t.TempDir(), "cuu.db")
	rep, err := Salvage(path, out)
	if err != nil {
		t.Fatal(err)
	}
	before.assertSame(t, path, "salvaging")
	if rep.Plans != 1 || rep.Tasks != 2 || rep.Lost != 2 {
		t.Errorf("report %+v", rep)
	}
	st, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Errorf("the salvaged file fails its check: %v", err)
	}
	if s, _ := st.Settings(); s.Agency.Name != "" {
		t.Errorf("settings %+v", s)
	}
	task := Task{PlanID: 1, AreaID: 1, Content: "Mới"}
	if err := st.CreateTask(&task); err != nil || task.ID != 41 {
		t.Errorf("new task id %d, %v: the sequence was not carried on", task.ID, err)
	}
}

func TestSalvageEveryDamagedPage(t *testing.T) {
	path := filledFile(t, 30)
	good, _ := os.ReadFile(path)
	partial := 0
	for page := 2; page*4096 < len(good); page++ {
		damagePage(t, path, good, page)
		if st, err := OpenReadOnly(path); err == nil {
			st.Close()
			continue
		}
		out := filepath.Join(t.TempDir(), "cuu.db")
		rep, err := Salvage(path, out)
		if err != nil {
			continue // nothing could be read: the file is refused whole
		}
		if rep.Plans > 0 && rep.Tasks > 0 {
			partial++
		}
		if err := checkDBFile(out, out); err != nil {
			t.Errorf("page %d: the salvaged file fails its check: %v", page, err)
		}
	}
	if partial == 0 {
		t.Error("no damaged file gave back plans and tasks")
	}
	t.Logf("%d damaged files gave back plans and tasks", partial)
}

func TestRecoverInPlaceMovesTheDamagedFileAside(t *testing.T) {
	path := damagedFile(t)
	damagedState := stateOf(t, path)
	rep, aside, err := RecoverInPlace(path)
	if err != nil {
		t.Fatal(err)
	}
	damagedState.assertSame(t, aside, "moving the damaged file aside")
	st, err := Open(path)
	if err != nil {
		t.Fatalf("the recovered file does not open: %v", err)
	}
	defer st.Close()
	plans, _ := st.Plans()
	if len(plans) != rep.Plans {
		t.Errorf("%d plans, report says %d", len(plans), rep.Plans)
	}
	assertNoTemporaryFiles(t, filepath.Dir(path))
}
