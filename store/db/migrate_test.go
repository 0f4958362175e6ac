package db

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// v1Fixture is a database written by the version-1 layout, checked in. Run
// CCHC_WRITE_V1_FIXTURE=1 go test ./store -run TestWriteV1Fixture to rebuild it.
const v1Fixture = "testdata/schema-v1.db"

// TestWriteV1Fixture writes the version-1 fixture with raw bbolt calls, the
// way version 1 of the app laid out its records, independent of today's code.
func TestWriteV1Fixture(t *testing.T) {
	if os.Getenv("CCHC_WRITE_V1_FIXTURE") == "" {
		t.Skip("set CCHC_WRITE_V1_FIXTURE=1 to rebuild " + v1Fixture)
	}
	os.Remove(v1Fixture)
	db, err := bolt.Open(v1Fixture, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	be := rawKey
	err = db.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket([]byte("meta"))
		plans, _ := tx.CreateBucket([]byte("plans"))
		areas, _ := tx.CreateBucket([]byte("areas"))
		tasks, _ := tx.CreateBucket([]byte("tasks"))
		tx.CreateBucket([]byte("targets"))
		meta.Put([]byte("schema"), []byte("1"))
		meta.Put([]byte("settings"), []byte(`{"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"units":["Văn phòng Sở"],"distribution":["Lưu: VT, VP."],"signer":{"authority":"","headTitle":"GIÁM ĐỐC","ownTitle":"","name":""}}`))
		plans.SetSequence(1)
		plans.Put(be(1), []byte(`{"id":1,"year":2022,"number":"45","symbol":"KH-SKH","issueDate":"2022-02-10","docType":"KH","summary":"Cải cách hành chính năm 2022","legalBasis":[],"sections":[],"distribution":["Lưu: VT, VP."],"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"signer":{"authority":"KT.","headTitle":"GIÁM ĐỐC","ownTitle":"PHÓ GIÁM ĐỐC","name":"Nguyễn Văn A"},"appendix":{"heading":"BIỂU KẾ HOẠCH CHI TIẾT","title":"","columns":["TT","NỘI DUNG","Sản phẩm","Đơn vị chủ trì","Đơn vị phối hợp","Thời gian thực hiện"]}}`))
		areas.SetSequence(1)
		areas.Put(be(1, 1), []byte(`{"id":1,"planId":1,"numeral":"I","name":"Cải cách thể chế","order":1}`))
		tasks.SetSequence(2)
		tasks.Put(be(1, 1), []byte(`{"id":1,"planId":1,"areaId":1,"ordinal":"1","order":1,"content":"Rà soát văn bản","product":"Báo cáo","lead":"Thanh tra Sở","coordinating":"Văn phòng Sở; Phòng Công chức, viên chức\nPhòng Tổng hợp","timeline":"Quý II/2022","status":"Hoàn thành","progress":100}`))
		tasks.Put(be(1, 2), []byte(`{"id":2,"planId":1,"areaId":1,"ordinal":"2","order":2,"content":"Tuyên truyền","product":"","lead":"Văn phòng Sở","coordinating":"","timeline":"Thường xuyên","status":"Đang thực hiện","progress":30}`))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// rawKey writes a record's key as the app lays it out, ids big-endian.
func rawKey(ids ...uint64) []byte {
	var k []byte
	for _, id := range ids {
		k = binary.BigEndian.AppendUint64(k, id)
	}
	return k
}

func copyFixture(t *testing.T, from string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cchc.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrateFromV1Fixture(t *testing.T) {
	path := copyFixture(t, v1Fixture)
	st, err := Open(path)
	if err != nil {
		t.Fatalf("Open v1: %v", err)
	}
	defer st.Close()
	plan, err := st.FindPlan("2022")
	if err != nil {
		t.Fatal(err)
	}
	if plan.Signer.Name != "Nguyễn Văn A" || plan.Signer.TitleLines()[0] != "KT. GIÁM ĐỐC" {
		t.Errorf("plan's signer lost in migration: %+v", plan.Signer)
	}
	tasks, err := st.Tasks(plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != 2 {
		t.Fatalf("%d tasks after migration, want 2", len(tasks))
	}
	checkV1Tasks(t, tasks)
	var version int
	st.Bolt().View(func(tx *bolt.Tx) error { version = datafile.StoredSchema(tx); return nil })
	if version != datafile.SchemaVersion {
		t.Errorf("schema after migration = %d, want %d", version, datafile.SchemaVersion)
	}
	// New records after the migration follow the sequences of the old ones.
	task := store.Task{PlanID: plan.ID, AreaID: tasks[0].AreaID, Content: "Mới"}
	if err := st.CreateTask(&task); err != nil || task.ID != 3 {
		t.Errorf("new task id = %d, %v; want 3", task.ID, err)
	}
}

// checkV1Tasks checks the two tasks of the version-1 fixture after migrating.
func checkV1Tasks(t *testing.T, tasks []store.Task) {
	t.Helper()
	wantUnits := []string{"Văn phòng Sở", "Phòng Công chức, viên chức", "Phòng Tổng hợp"}
	if got := tasks[0].Coordinating; len(got) != 3 || got[0] != wantUnits[0] || got[1] != wantUnits[1] || got[2] != wantUnits[2] {
		t.Errorf("coordinating = %q, want %q", got, wantUnits)
	}
	if tasks[0].Timeline.Text != "Quý II/2022" || tasks[0].Timeline.Due != store.NewDate(2022, 6, 30) {
		t.Errorf("timeline = %+v", tasks[0].Timeline)
	}
	if tasks[1].Coordinating == nil || len(tasks[1].Coordinating) != 0 || !tasks[1].Timeline.Recurring() {
		t.Errorf("second task = %+v", tasks[1])
	}
	if tasks[0].Status != store.StatusDone || tasks[1].Progress != 30 {
		t.Errorf("tracking fields lost: %q, %d", tasks[0].Status, tasks[1].Progress)
	}
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cchc.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Bolt().Update(func(tx *bolt.Tx) error {
		return tx.Bucket(datafile.BucketMeta).Put(datafile.KeySchema, []byte("99"))
	})
	st.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path); !errors.Is(err, store.ErrNewerSchema) {
		t.Fatalf("Open of schema 99 = %v, want ErrNewerSchema", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("refusing a newer file changed it")
	}
}
