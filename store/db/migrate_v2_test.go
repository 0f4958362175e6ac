package db

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// v2Fixture is a database as version 2 of the app wrote it, checked in: two
// plans of different years, tasks in every status with updates, a result and
// evidence, a timeline that leaves out its year ("Tháng 12") and one that is
// not a date ("Quý V/2023"). Run CCHC_WRITE_V2_FIXTURE=1 go test ./store -run
// TestWriteV2Fixture to rebuild it.
const v2Fixture = "testdata/schema-v2.db"

// v2Records are the records of v2Fixture, byte for byte as version 2 of the
// app stored them (dumped from a file it wrote): the timeline holds only its
// text.
var v2Records = []fixtureRecord{
	{"areas", rawKey(1, 1), `{"id":1,"planId":1,"numeral":"I","name":"Cải cách thể chế","order":1}`},
	{"areas", rawKey(1, 2), `{"id":2,"planId":1,"numeral":"II","name":"Cải cách thủ tục hành chính","order":2}`},
	{"areas", rawKey(2, 3), `{"id":3,"planId":2,"numeral":"I","name":"Cải cách tổ chức bộ máy","order":1}`},
	{"meta", []byte("schema"), `2`},
	{"meta", []byte("settings"), `{"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"units":["Văn phòng Sở","Thanh tra Sở"],"distribution":["UBND tỉnh;","Lưu: VT, VP."],"signer":{"authority":"KT.","headTitle":"GIÁM ĐỐC","ownTitle":"PHÓ GIÁM ĐỐC","name":"Trần Thị B"},"margins":{"top":0,"bottom":0,"left":0,"right":0}}`},
	{"plans", rawKey(1), `{"id":1,"year":2023,"number":"5","symbol":"KH-SKH","issueDate":"2023-01-28","docType":"KH","summary":"Cải cách hành chính năm 2023","legalBasis":["Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2023 của UBND tỉnh;"],"sections":[{"level":1,"number":"I","title":"MỤC ĐÍCH, YÊU CẦU","paragraphs":["Thực hiện tốt công tác cải cách hành chính."]}],"distribution":["UBND tỉnh;","Lưu: VT, VP."],"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"signer":{"authority":"KT.","headTitle":"GIÁM ĐỐC","ownTitle":"PHÓ GIÁM ĐỐC","name":"Trần Thị B"},"appendix":{"heading":"BIỂU KẾ HOẠCH CHI TIẾT","title":"Công tác cải cách hành chính năm 2023","columns":["TT","NỘI DUNG","Sản phẩm","Đơn vị chủ trì dự thảo","Đơn vị phối hợp","Thời gian thực hiện"]}}`},
	{"plans", rawKey(2), `{"id":2,"year":2024,"number":"12","symbol":"KH-SKH","issueDate":"2024-02-03","docType":"KH","summary":"Cải cách hành chính năm 2024","legalBasis":null,"sections":null,"distribution":["UBND tỉnh;","Lưu: VT, VP."],"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"signer":{"authority":"KT.","headTitle":"GIÁM ĐỐC","ownTitle":"PHÓ GIÁM ĐỐC","name":"Trần Thị B"},"appendix":{"heading":"","title":"","columns":["TT","NỘI DUNG","Sản phẩm","Đơn vị chủ trì dự thảo","Đơn vị phối hợp","Thời gian thực hiện"]}}`},
	{"targets", rawKey(1, 1), `{"id":1,"planId":1,"indicator":"100% thủ tục hành chính được giải quyết đúng hạn","comparator":"=","value":100,"unit":"%","ref":"II.2","order":1}`},
	{"tasks", rawKey(1, 1), `{"id":1,"planId":1,"areaId":1,"ordinal":"1","order":1,"content":"Rà soát văn bản quy phạm pháp luật","product":"Báo cáo","lead":"Thanh tra Sở","coordinating":["Văn phòng Sở","Phòng Công chức, viên chức"],"timeline":{"text":"Quý II/2023"},"status":"Hoàn thành","progress":100,"updates":[{"date":"2023-04-10","note":"Đã rà soát 10 văn bản","progress":50,"status":"Đang thực hiện"},{"date":"2023-06-20","note":"Đã có báo cáo","progress":100,"status":"Hoàn thành"}]}`},
	{"tasks", rawKey(1, 2), `{"id":2,"planId":1,"areaId":1,"ordinal":"2","order":2,"content":"Ban hành kế hoạch kiểm tra","product":"Kế hoạch","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Tháng 12"},"status":"Chưa thực hiện","progress":0}`},
	{"tasks", rawKey(1, 3), `{"id":3,"planId":1,"areaId":2,"ordinal":"1","order":1,"content":"Tuyên truyền cải cách hành chính","product":"","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Thường xuyên; theo chỉ đạo của UBND tỉnh"},"status":"Đang thực hiện","progress":40,"result":"Đăng 12 tin bài","updates":[{"date":"2023-05-02","note":"","progress":40,"status":"Đang thực hiện"}],"evidence":[{"title":"Báo cáo tuyên truyền","ref":"15/BC-SKH ngày 02/5/2023","added":"2023-05-02"}]}`},
	{"tasks", rawKey(1, 4), `{"id":4,"planId":1,"areaId":2,"ordinal":"2","order":2,"content":"Số hoá hồ sơ","product":"","lead":"Phòng Tổng hợp","coordinating":null,"timeline":{"text":"Quý V/2023"},"status":"Không thực hiện","progress":0,"updates":[{"date":"2023-09-01","note":"Chuyển sang năm sau","progress":0,"status":"Không thực hiện"}]}`},
	{"tasks", rawKey(2, 5), `{"id":5,"planId":2,"areaId":3,"ordinal":"1","order":1,"content":"Sắp xếp tổ chức","product":"","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Tháng 6"},"status":"Chưa thực hiện","progress":0}`},
}

// v2Sequences are the id sequences of v2Fixture's buckets.
var v2Sequences = map[string]uint64{"plans": 2, "areas": 3, "tasks": 5, "targets": 1}

// TestWriteV2Fixture writes the version-2 fixture with raw bbolt calls,
// independent of today's code.
func TestWriteV2Fixture(t *testing.T) {
	if os.Getenv("CCHC_WRITE_V2_FIXTURE") == "" {
		t.Skip("set CCHC_WRITE_V2_FIXTURE=1 to rebuild " + v2Fixture)
	}
	writeFixture(t, v2Fixture, v2Records, v2Sequences)
}

// fixtureRecord is one record of a checked-in fixture: its bucket, key and
// value as the version that wrote it stored them.
type fixtureRecord struct {
	bucket string
	key    []byte
	value  string
}

// writeFixture writes a fixture of the layout before schema 4 with raw bbolt
// calls, independent of today's code: the five buckets of that layout with
// their sequences, and the records.
func writeFixture(t *testing.T, path string, records []fixtureRecord, sequences map[string]uint64) {
	t.Helper()
	os.Remove(path)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"meta", "plans", "areas", "tasks", "targets"} {
			b, err := tx.CreateBucket([]byte(name))
			if err != nil {
				return err
			}
			if err := b.SetSequence(sequences[name]); err != nil {
				return err
			}
		}
		for _, rec := range records {
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

// TestMigrateFromV2Fixture opens the version-2 file and finds every plan,
// area, task and target with the fields version 2 stored, and the settings.
func TestMigrateFromV2Fixture(t *testing.T) {
	st, err := Open(copyFixture(t, v2Fixture))
	if err != nil {
		t.Fatalf("Open v2: %v", err)
	}
	defer st.Close()
	for _, rec := range v2Records {
		if check, ok := v2Checks[rec.bucket]; ok {
			t.Run(fmt.Sprintf("%s/%x", rec.bucket, rec.key), func(t *testing.T) { check(t, st, rec.value) })
		}
	}
	settings, err := st.Settings()
	if err != nil || settings.Signer.Name != "Trần Thị B" || len(settings.Units) != 2 {
		t.Errorf("settings after migration = %+v, %v", settings, err)
	}
	var version int
	st.Bolt().View(func(tx *bolt.Tx) error { version = datafile.StoredSchema(tx); return nil })
	if version != datafile.SchemaVersion {
		t.Errorf("schema after migration = %d, want %d", version, datafile.SchemaVersion)
	}
}

// v2Checks compare one record of the version-2 file, decoded as version 2
// wrote it, with what the store returns for it after migrating; by bucket.
var v2Checks = map[string]func(t *testing.T, st *Store, value string){
	"plans": func(t *testing.T, st *Store, value string) {
		want := decodeV2[store.Plan](t, value)
		got, err := st.Plan(want.ID)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("plan = %+v, %v\nwant %+v", got, err, want)
		}
	},
	"areas": func(t *testing.T, st *Store, value string) {
		want := decodeV2[store.Area](t, value)
		areas, err := st.Areas(want.PlanID)
		if err != nil || !slices.Contains(areas, want) {
			t.Errorf("areas of plan %d = %+v, %v; want one %+v", want.PlanID, areas, err, want)
		}
	},
	"targets": func(t *testing.T, st *Store, value string) {
		want := decodeV2[store.Target](t, value)
		// Schema 5 codes the target within its ref and finds the figure that feeds it.
		want.Code, want.Feed = "II.2.1", store.FeedOnTimeShare
		targets, err := st.Targets(want.PlanID)
		if err != nil || len(targets) != 1 || !reflect.DeepEqual(targets[0], want) {
			t.Errorf("targets of plan %d = %+v, %v; want %+v", want.PlanID, targets, err, want)
		}
	},
	"tasks": checkV2Task,
}

// checkV2Task checks a task's fields, and that its timeline is what the
// parser reads from its text against its plan's year.
func checkV2Task(t *testing.T, st *Store, value string) {
	want := decodeV2[store.Task](t, value)
	got, err := st.Task(want.PlanID, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := st.Plan(want.PlanID)
	if parsed := store.ParseTimeline(want.Timeline.Text, plan.Year); !reflect.DeepEqual(got.Timeline, parsed) {
		t.Errorf("timeline = %+v, want %+v parsed against %d", got.Timeline, parsed, plan.Year)
	}
	got.Timeline, want.Timeline = store.Timeline{}, store.Timeline{}
	got.Track = store.TaskTrack{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("task = %+v\nwant %+v", got, want)
	}
	checkMovedTracking(t, st, want, value)
}

// checkMovedTracking checks that a task's updates and evidence, stored
// inside it until schema 3, are its history and evidence after migrating,
// each with its fields.
func checkMovedTracking(t *testing.T, st *Store, task store.Task, value string) {
	t.Helper()
	old := decodeV2[datafile.TrackingV3](t, value)
	history, err := st.History(task.PlanID, task.ID)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(history)
	for i, u := range old.Updates {
		if i >= len(history) {
			t.Fatalf("%d updates after migrating, want at least %d", len(history), len(old.Updates))
		}
		got := history[i]
		if got.Note != u.Note || got.Status != u.Status || got.Progress != u.Progress || got.Source != store.SourceMigration {
			t.Errorf("update %d = %+v, want %+v", i, got, u)
		}
		if !u.Date.IsZero() && got.Date != u.Date {
			t.Errorf("update %d dated %s, want %s", i, got.Date, u.Date)
		}
	}
	checkMovedEvidence(t, st, task, old)
}

// checkMovedEvidence checks a migrated task's evidence against the old
// record's.
func checkMovedEvidence(t *testing.T, st *Store, task store.Task, old datafile.TrackingV3) {
	t.Helper()
	evidence, err := st.TaskEvidence(task.PlanID, task.ID)
	if err != nil || len(evidence) != len(old.Evidence) {
		t.Fatalf("evidence = %+v, %v; want %+v", evidence, err, old.Evidence)
	}
	for i, e := range old.Evidence {
		if evidence[i].Title != e.Title || evidence[i].Ref != e.Ref || store.DateOf(evidence[i].Added) != e.Added {
			t.Errorf("evidence %d = %+v, want %+v", i, evidence[i], e)
		}
	}
}

func decodeV2[T any](t *testing.T, value string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(value), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMigratedV2Timelines checks the due dates the version-2 file's tasks
// have after migrating: each task's year-less timeline takes its own plan's
// year.
func TestMigratedV2Timelines(t *testing.T) {
	st, err := Open(copyFixture(t, v2Fixture))
	if err != nil {
		t.Fatalf("Open v2: %v", err)
	}
	defer st.Close()
	tests := []struct {
		planID, taskID uint64
		kind           store.TimelineKind
		due            store.Date
		status         store.Status
		progress       int
	}{
		{1, 1, store.TimelineDeadline, store.NewDate(2023, 6, 30), store.StatusDone, 100},
		{1, 2, store.TimelineDeadline, store.NewDate(2023, 12, 31), store.StatusNotStarted, 0},
		{1, 3, store.TimelineRecurring, store.Date{}, store.StatusInProgress, 40},
		{1, 4, store.TimelineUnparsed, store.Date{}, store.StatusDropped, 0},
		{2, 5, store.TimelineDeadline, store.NewDate(2024, 6, 30), store.StatusNotStarted, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("task %d", tt.taskID), func(t *testing.T) {
			task, err := st.Task(tt.planID, tt.taskID)
			if err != nil {
				t.Fatal(err)
			}
			if task.Timeline.Kind != tt.kind || task.Timeline.Due != tt.due {
				t.Errorf("timeline %q = %q due %s, want %q due %s", task.Timeline.Text, task.Timeline.Kind, task.Timeline.Due, tt.kind, tt.due)
			}
			if task.Status != tt.status || task.Progress != tt.progress {
				t.Errorf("tracking = %q %d%%, want %q %d%%", task.Status, task.Progress, tt.status, tt.progress)
			}
		})
	}
}
