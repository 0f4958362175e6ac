package backup

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/storetest"

	bolt "go.etcd.io/bbolt"
)

func TestSalvageKeepsWhatDecodes(t *testing.T) {
	path := storetest.EditRaw(t, func(tx *bolt.Tx) error {
		tasks := tx.Bucket(datafile.BucketTasks)
		tasks.Put(datafile.ChildKey(1, 2), []byte("{hỏng"))
		tasks.Put(datafile.ChildKey(9, 1), []byte(`{"id":1,"planId":9,"areaId":1}`))
		tasks.SetSequence(40)
		return nil
	})
	before := storetest.StateOf(t, path)
	out := filepath.Join(t.TempDir(), "cuu.db")
	rep, err := Salvage(path, out)
	if err != nil {
		t.Fatal(err)
	}
	before.AssertSame(t, path, "salvaging")
	if rep.Plans != 1 || rep.Tasks != 2 || rep.Lost != 2 {
		t.Errorf("report %+v", rep)
	}
	st, err := db.Open(out)
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
	task := store.Task{PlanID: 1, AreaID: 1, Content: "Mới"}
	if err := st.CreateTask(&task); err != nil || task.ID != 41 {
		t.Errorf("new task id %d, %v: the sequence was not carried on", task.ID, err)
	}
}

func TestSalvageEveryDamagedPage(t *testing.T) {
	path := storetest.FilledFile(t, 30)
	good, _ := os.ReadFile(path)
	partial := 0
	for page := 2; page*4096 < len(good); page++ {
		storetest.DamagePage(t, path, good, page)
		if st, err := db.OpenReadOnly(path); err == nil {
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
	path := storetest.DamagedFile(t)
	damagedState := storetest.StateOf(t, path)
	rep, aside, err := RecoverInPlace(path)
	if err != nil {
		t.Fatal(err)
	}
	damagedState.AssertSame(t, aside, "moving the damaged file aside")
	st, err := db.Open(path)
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
