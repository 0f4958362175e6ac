package db

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
)

// v3Fixture is a database as version 3 of the app wrote it, checked in:
// tasks done on time and late, in progress and past due, recurring (with an
// update saved without a date), dropped, never started; results and
// evidence from a returned tracking sheet; a second plan without a number.
// The records were written by version 3's own code (CreateBundle,
// RecordProgress, ApplyProgress) and dumped. Run CCHC_WRITE_V3_FIXTURE=1 go
// test ./store -run TestWriteV3Fixture to rebuild the file from them.
const v3Fixture = "testdata/schema-v3.db"

// v3Records are the records of v3Fixture, byte for byte as version 3 stored
// them: updates and evidence inside the task.
var v3Records = []fixtureRecord{
	{"areas", rawKey(1, 1), `{"id":1,"planId":1,"numeral":"I","name":"Cải cách thể chế","order":1}`},
	{"areas", rawKey(1, 2), `{"id":2,"planId":1,"numeral":"II","name":"Cải cách thủ tục hành chính","order":2}`},
	{"areas", rawKey(2, 3), `{"id":3,"planId":2,"numeral":"I","name":"Cải cách tổ chức bộ máy","order":1}`},
	{"meta", []byte("schema"), `3`},
	{"meta", []byte("settings"), `{"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"units":["Văn phòng Sở","Thanh tra Sở"],"distribution":["UBND tỉnh;","Lưu: VT, VP."],"signer":{"authority":"KT.","headTitle":"GIÁM ĐỐC","ownTitle":"PHÓ GIÁM ĐỐC","name":"Trần Thị B"},"margins":{"top":0,"bottom":0,"left":0,"right":0}}`},
	{"plans", rawKey(1), `{"id":1,"year":2023,"number":"5","symbol":"KH-SKH","issueDate":"2023-01-28","docType":"KH","summary":"Cải cách hành chính năm 2023","legalBasis":["Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2023 của UBND tỉnh;"],"sections":null,"distribution":["UBND tỉnh;","Lưu: VT, VP."],"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"signer":{"authority":"KT.","headTitle":"GIÁM ĐỐC","ownTitle":"PHÓ GIÁM ĐỐC","name":"Trần Thị B"},"appendix":{"heading":"","title":"","columns":["TT","NỘI DUNG","Sản phẩm","Đơn vị chủ trì dự thảo","Đơn vị phối hợp","Thời gian thực hiện"]}}`},
	{"plans", rawKey(2), `{"id":2,"year":2024,"number":"","symbol":"","issueDate":null,"docType":"KH","summary":"Cải cách hành chính năm 2024","legalBasis":null,"sections":null,"distribution":["UBND tỉnh;","Lưu: VT, VP."],"agency":{"parent":"UBND TỈNH TUYÊN QUANG","name":"Sở Kế hoạch và Đầu tư","abbrev":"SKH","place":"Tuyên Quang"},"signer":{"authority":"KT.","headTitle":"GIÁM ĐỐC","ownTitle":"PHÓ GIÁM ĐỐC","name":"Trần Thị B"},"appendix":{"heading":"","title":"","columns":["TT","NỘI DUNG","Sản phẩm","Đơn vị chủ trì dự thảo","Đơn vị phối hợp","Thời gian thực hiện"]}}`},
	{"tasks", rawKey(1, 1), `{"id":1,"planId":1,"areaId":1,"ordinal":"1","order":1,"content":"Rà soát văn bản quy phạm pháp luật","product":"Báo cáo","lead":"Thanh tra Sở","coordinating":["Văn phòng Sở"],"timeline":{"text":"Quý II/2023","kind":"deadline","start":"2023-04-01","due":"2023-06-30"},"status":"Hoàn thành","progress":100,"result":"Đã ban hành báo cáo rà soát","updates":[{"date":"2023-04-10","note":"Đã rà soát 10 văn bản","progress":50,"status":"Đang thực hiện"},{"date":"2023-06-20","note":"Đã có báo cáo","progress":100,"status":"Hoàn thành"}],"evidence":[{"title":"Báo cáo rà soát (15/BC-SKH ngày 20/6/2023)","added":"2023-07-03"},{"title":"Danh mục văn bản","added":"2023-07-03"}]}`},
	{"tasks", rawKey(1, 2), `{"id":2,"planId":1,"areaId":1,"ordinal":"2","order":2,"content":"Ban hành kế hoạch kiểm tra","product":"Kế hoạch","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Tháng 3/2023","kind":"deadline","start":"2023-03-01","due":"2023-03-31"},"status":"Hoàn thành","progress":100,"updates":[{"date":"2023-04-05","note":"Đã ban hành kế hoạch","progress":100,"status":"Hoàn thành"}]}`},
	{"tasks", rawKey(1, 3), `{"id":3,"planId":1,"areaId":1,"ordinal":"3","order":3,"content":"Tự kiểm tra công tác cải cách hành chính","product":"","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Tháng 5/2023","kind":"deadline","start":"2023-05-01","due":"2023-05-31"},"status":"Đang thực hiện","progress":30,"updates":[{"date":"2023-05-02","note":"Đang tổng hợp","progress":30,"status":"Đang thực hiện"},{"date":"2023-06-01","note":"Chờ số liệu các phòng","progress":30,"status":"Đang thực hiện"}]}`},
	{"tasks", rawKey(1, 4), `{"id":4,"planId":1,"areaId":2,"ordinal":"1","order":1,"content":"Tuyên truyền cải cách hành chính","product":"","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Thường xuyên","kind":"recurring","recurrence":"Thường xuyên"},"status":"Đang thực hiện","progress":60,"result":"Đăng 12 tin bài","updates":[{"date":null,"note":"","progress":40,"status":"Đang thực hiện"},{"date":"2023-07-03","note":"","progress":60,"status":"Đang thực hiện"}],"evidence":[{"title":"Báo cáo tuyên truyền","added":"2023-07-03"}]}`},
	{"tasks", rawKey(1, 5), `{"id":5,"planId":1,"areaId":2,"ordinal":"2","order":2,"content":"Số hoá hồ sơ","product":"","lead":"Phòng Tổng hợp","coordinating":null,"timeline":{"text":"Quý V/2023","problem":"không đọc được “Quý V/2023”: quý chỉ từ I đến IV"},"status":"Không thực hiện","progress":0,"updates":[{"date":"2023-09-01","note":"Chuyển sang năm sau","progress":0,"status":"Không thực hiện"}]}`},
	{"tasks", rawKey(1, 6), `{"id":6,"planId":1,"areaId":2,"ordinal":"3","order":3,"content":"Niêm yết thủ tục hành chính","product":"","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Năm 2023","kind":"deadline","start":"2023-01-01","due":"2023-12-31"},"status":"Chưa thực hiện","progress":0}`},
	{"tasks", rawKey(2, 7), `{"id":7,"planId":2,"areaId":3,"ordinal":"1","order":1,"content":"Sắp xếp tổ chức","product":"","lead":"Văn phòng Sở","coordinating":null,"timeline":{"text":"Tháng 6","kind":"deadline","start":"2024-06-01","due":"2024-06-30"},"status":"Chưa thực hiện","progress":0}`},
}

// v3Sequences are the id sequences of v3Fixture's buckets.
var v3Sequences = map[string]uint64{"plans": 2, "areas": 3, "tasks": 7, "targets": 0}

// TestWriteV3Fixture writes the version-3 fixture with raw bbolt calls,
// independent of today's code.
func TestWriteV3Fixture(t *testing.T) {
	if os.Getenv("CCHC_WRITE_V3_FIXTURE") == "" {
		t.Skip("set CCHC_WRITE_V3_FIXTURE=1 to rebuild " + v3Fixture)
	}
	writeFixture(t, v3Fixture, v3Records, v3Sequences)
}

// TestMigrateFromV3Fixture opens the version-3 file: every plan and area is
// as it was, every task keeps its fields, status and progress, and its
// updates and evidence are its history and evidence.
func TestMigrateFromV3Fixture(t *testing.T) {
	st, err := Open(copyFixture(t, v3Fixture))
	if err != nil {
		t.Fatalf("Open v3: %v", err)
	}
	defer st.Close()
	for _, rec := range v3Records {
		check, ok := v2Checks[rec.bucket]
		if rec.bucket == "tasks" {
			check, ok = checkV3Task, true
		}
		if ok {
			t.Run(fmt.Sprintf("%s/%x", rec.bucket, rec.key), func(t *testing.T) { check(t, st, rec.value) })
		}
	}
	if err := st.Check(); err != nil {
		t.Error(err)
	}
}

// checkV3Task compares a task with its version-3 record, its timeline
// included, and its history and evidence with the record's.
func checkV3Task(t *testing.T, st *Store, value string) {
	want := decodeV2[store.Task](t, value)
	got, err := st.Task(want.PlanID, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Track.Evidence != len(decodeV2[datafile.TrackingV3](t, value).Evidence) {
		t.Errorf("evidence count %d", got.Track.Evidence)
	}
	got.Track = store.TaskTrack{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("task = %+v\nwant %+v", got, want)
	}
	checkMovedTracking(t, st, want, value)
}

// TestMigratedV3Standings checks where the version-3 file's tasks stand on
// several reporting dates: the officer's statuses and progress, judged by
// the new rules.
func TestMigratedV3Standings(t *testing.T) {
	st, err := Open(copyFixture(t, v3Fixture))
	if err != nil {
		t.Fatalf("Open v3: %v", err)
	}
	defer st.Close()
	tests := []struct {
		asOf store.Date
		want []store.State
	}{
		{store.NewDate(2023, 3, 1), []store.State{store.StateNotStarted, store.StateNotStarted, store.StateNotStarted, store.StateInProgress, store.StateNotStarted, store.StateNotStarted}},
		{store.NewDate(2023, 7, 15), []store.State{store.StateDoneOnTime, store.StateDoneLate, store.StateOverdue, store.StateInProgress, store.StateNotStarted, store.StateNotStarted}},
		{store.NewDate(2023, 10, 1), []store.State{store.StateDoneOnTime, store.StateDoneLate, store.StateOverdue, store.StateInProgress, store.StateDropped, store.StateNotStarted}},
		{store.NewDate(2024, 1, 5), []store.State{store.StateDoneOnTime, store.StateDoneLate, store.StateOverdue, store.StateInProgress, store.StateDropped, store.StateOverdue}},
	}
	for _, tt := range tests {
		t.Run(tt.asOf.String(), func(t *testing.T) {
			standings, err := st.Standings(1, tt.asOf)
			if err != nil {
				t.Fatal(err)
			}
			var got []store.State
			for _, s := range standings {
				got = append(got, s.Standing.State)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("states %q\nwant   %q", got, tt.want)
			}
		})
	}
	recurring, _ := st.Standing(1, 4, store.NewDate(2023, 10, 1))
	if !recurring.Standing.Unreported || recurring.Standing.Progress != 60 {
		t.Errorf("recurring task in the next quarter: %+v", recurring.Standing)
	}
	undated, _ := st.History(1, 4)
	if len(undated) != 2 || undated[1].Date != store.NewDate(2023, 1, 28) {
		t.Errorf("an update saved without a date takes the plan's date: %+v", undated)
	}
}
