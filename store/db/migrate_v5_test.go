package db

import (
	"fmt"
	"os"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/reporting"

	bolt "go.etcd.io/bbolt"
)

// v4Fixture is a database as version 4 of the app wrote it: targets without
// codes or feeds, several sharing a ref and stored out of their order, one
// without a ref, in two plans; a task with an update and its summary.
// Run CCHC_WRITE_V4_FIXTURE=1 go test ./store -run TestWriteV4Fixture to
// rebuild the file from the records below.
const v4Fixture = "testdata/schema-v4.db"

var v4Records = []fixtureRecord{
	{"meta", []byte("schema"), `4`},
	{"meta", []byte("settings"), `{"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"units":["Văn phòng Sở"],"distribution":["UBND tỉnh;","Lưu: VT, VP."],"signer":{"authority":"","headTitle":"GIÁM ĐỐC","ownTitle":"","name":""},"margins":{"top":0,"bottom":0,"left":0,"right":0}}`},
	{"plans", rawKey(1), `{"id":1,"year":2023,"number":"122","symbol":"KH-SKH","issueDate":"2023-01-28","docType":"KH","summary":"Cải cách hành chính năm 2023","legalBasis":null,"sections":null,"distribution":["Lưu: VT, VP."],"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"signer":{"authority":"","headTitle":"GIÁM ĐỐC","ownTitle":"","name":""},"appendix":{"heading":"","title":"","columns":["TT","NỘI DUNG","Sản phẩm","Đơn vị chủ trì dự thảo","Đơn vị phối hợp","Thời gian thực hiện"]}}`},
	{"plans", rawKey(2), `{"id":2,"year":2024,"number":"","symbol":"","issueDate":null,"docType":"KH","summary":"Cải cách hành chính năm 2024","legalBasis":null,"sections":null,"distribution":null,"agency":{"parent":"","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"signer":{"authority":"","headTitle":"GIÁM ĐỐC","ownTitle":"","name":""},"appendix":{"heading":"","title":"","columns":["TT","NỘI DUNG","Sản phẩm","Đơn vị chủ trì dự thảo","Đơn vị phối hợp","Thời gian thực hiện"]}}`},
	{"areas", rawKey(1, 1), `{"id":1,"planId":1,"numeral":"I","name":"Cải cách thể chế","order":1}`},
	{"tasks", rawKey(1, 1), `{"id":1,"planId":1,"areaId":1,"ordinal":"1","order":1,"content":"Rà soát văn bản","product":"","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Quý II/2023","kind":"deadline","start":"2023-04-01","due":"2023-06-30"},"status":"Đang thực hiện","progress":40,"track":{"lastUpdate":"2023-04-10","latestNote":"Đã rà soát","noteOn":"2023-04-10","updates":1}}`},
	{"updates", rawKey(1, 1, 1), `{"id":1,"planId":1,"taskId":1,"date":"2023-04-10","status":"Đang thực hiện","progress":40,"note":"Đã rà soát","recorded":"2023-04-10T08:00:00Z"}`},
	{"targets", rawKey(1, 1), `{"id":1,"planId":1,"indicator":"100% thủ tục hành chính được công khai","comparator":"=","value":100,"unit":"%","ref":"II.1","order":1}`},
	{"targets", rawKey(1, 2), `{"id":2,"planId":1,"indicator":"Mức độ hài lòng đạt tối thiểu 95%","comparator":"≥","value":95,"unit":"%","ref":"III.2","order":4}`},
	{"targets", rawKey(1, 3), `{"id":3,"planId":1,"indicator":"tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến trên tổng số hồ sơ giải quyết đạt từ 70%","comparator":"≥","value":70,"unit":"%","ref":"III.2","order":3}`},
	{"targets", rawKey(1, 4), `{"id":4,"planId":1,"indicator":"tăng thêm 20% so với năm 2022","comparator":"+≥","value":20,"unit":"%","baselineYear":2022,"ref":"III.2","order":5}`},
	{"targets", rawKey(1, 5), `{"id":5,"planId":1,"indicator":"100% hồ sơ được số hoá","comparator":"=","value":100,"unit":"%","ref":"II.1","order":2}`},
	{"targets", rawKey(1, 6), `{"id":6,"planId":1,"indicator":"Chỉ tiêu không có mục","comparator":"≥","value":1,"unit":"","ref":"","order":6}`},
	{"targets", rawKey(2, 7), `{"id":7,"planId":2,"indicator":"100% văn bản được ký số","comparator":"=","value":100,"unit":"%","ref":"III.2","order":1}`},
}

var v4Sequences = map[string]uint64{"plans": 2, "areas": 1, "tasks": 1, "targets": 7, "updates": 1, "evidence": 0}

// TestWriteV4Fixture writes the version-4 fixture with raw bbolt calls,
// independent of today's code.
func TestWriteV4Fixture(t *testing.T) {
	if os.Getenv("CCHC_WRITE_V4_FIXTURE") == "" {
		t.Skip("set CCHC_WRITE_V4_FIXTURE=1 to rebuild " + v4Fixture)
	}
	os.Remove(v4Fixture)
	db, err := bolt.Open(v4Fixture, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"meta", "plans", "areas", "tasks", "targets", "updates", "evidence"} {
			b, err := tx.CreateBucket([]byte(name))
			if err != nil {
				return err
			}
			if err := b.SetSequence(v4Sequences[name]); err != nil {
				return err
			}
		}
		for _, rec := range v4Records {
			if err := tx.Bucket([]byte(rec.bucket)).Put(rec.key, []byte(rec.value)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrateFromV4Fixture opens the version-4 file: each target gets its
// code within its ref in plan order and the feed its words suggest, keeping
// every other field; tasks, updates and plans are as they were.
func TestMigrateFromV4Fixture(t *testing.T) {
	st, err := Open(copyFixture(t, v4Fixture))
	if err != nil {
		t.Fatalf("Open v4: %v", err)
	}
	defer st.Close()
	want := map[uint64]struct {
		code string
		feed store.Feed
	}{
		1: {"II.1.1", store.FeedNone}, 5: {"II.1.2", store.FeedNone}, 3: {"III.2.1", store.FeedOnlineShare},
		2: {"III.2.2", store.FeedSatisfaction}, 4: {"III.2.3", store.FeedNone}, 6: {"1", store.FeedNone}, 7: {"III.2.1", store.FeedDigitalSigning},
	}
	for _, rec := range v4Records {
		if rec.bucket != "targets" {
			continue
		}
		old := decodeV2[store.Target](t, rec.value)
		t.Run(fmt.Sprintf("target %d", old.ID), func(t *testing.T) {
			got, err := st.FindTarget(old.PlanID, want[old.ID].code)
			if err != nil {
				t.Fatal(err)
			}
			old.Code, old.Feed = want[old.ID].code, want[old.ID].feed
			if got.ID != old.ID || fmt.Sprint(got) != fmt.Sprint(old) {
				t.Errorf("target = %+v\nwant     %+v", got, old)
			}
		})
	}
	checkV4Rest(t, st)
}

// checkV4Rest checks what the schema-5 migration leaves alone, and that the
// new buckets take records.
func checkV4Rest(t *testing.T, st *Store) {
	t.Helper()
	task, err := st.Task(1, 1)
	if err != nil || task.Progress != 40 || task.Track.LatestNote != "Đã rà soát" {
		t.Errorf("task after migration = %+v, %v", task, err)
	}
	if history, err := st.History(1, 1); err != nil || len(history) != 1 {
		t.Errorf("history = %+v, %v", history, err)
	}
	q1 := store.Period{Kind: store.PeriodQ1, Year: 2023}
	if _, err := st.SetActual(reporting.Actual{PlanID: 1, TargetID: 3, Period: q1, Value: 72}); err != nil {
		t.Errorf("actual after migration: %v", err)
	}
	if err := st.Check(); err != nil {
		t.Error(err)
	}
	var version int
	st.Bolt().View(func(tx *bolt.Tx) error { version = datafile.StoredSchema(tx); return nil })
	if version != datafile.SchemaVersion {
		t.Errorf("schema after migration = %d, want %d", version, datafile.SchemaVersion)
	}
}
