package datafile

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/kehoach/cchc/store"
)

// fullTask fills every field of a task, with text that needs escapes.
func fullTask() store.Task {
	return store.Task{
		ID: 7, PlanID: 2, AreaID: 3, Ordinal: "1.2", Order: 4,
		Content: `Rà soát "văn bản" <b> & \ tab	xuống` + "\ndòng\u2028", Product: "Báo cáo", Lead: "Văn phòng Sở",
		Coordinating: []string{"Thanh tra Sở", "Phòng <Tổng hợp> & \"Kế hoạch\""},
		Timeline: store.Timeline{Text: "Quý II/2023; theo chỉ đạo", Kind: store.TimelineDeadline,
			Start: store.NewDate(2023, 4, 1), Due: store.NewDate(2024, 2, 29), Recurrence: store.RecurContinuous,
			RecurMonth: 12, Qualifier: "theo chỉ đạo", Problem: "không đọc được"},
		Status: store.StatusInProgress, Progress: -3, Result: "Đã xong 😀",
		Track: store.TaskTrack{LastUpdate: store.NewDate(2023, 12, 31), DoneOn: store.NewDate(2023, 1, 1),
			LatestNote: "ghi chú", NoteOn: store.NewDate(2023, 6, 30), LateReason: "chờ", Updates: 9, Evidence: 2},
	}
}

// TestScanTaskReadsWhatPutJSONWrites: every field a task has is read by the
// fast path (a new field without a reader would send every task to the
// slow one), with encoding/json's value.
func TestScanTaskReadsWhatPutJSONWrites(t *testing.T) {
	for name, task := range map[string]store.Task{"full": fullTask(), "empty": {}, "no units": {ID: 1, Coordinating: []string{}}} {
		t.Run(name, func(t *testing.T) {
			data, err := json.Marshal(task)
			if err != nil {
				t.Fatal(err)
			}
			var fast store.Task
			if !scanTask(data, &fast) {
				t.Fatalf("the fast path declined %s", data)
			}
			var want store.Task
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fast, want) {
				t.Fatalf("fast path read\n%#v\nencoding/json\n%#v", fast, want)
			}
		})
	}
}

// TestDecodeRecordAgreesWithEncodingJSON: on odd records decodeRecord gives
// what encoding/json gives, the same value or an error as well.
func TestDecodeRecordAgreesWithEncodingJSON(t *testing.T) {
	full, _ := json.Marshal(fullTask())
	indented, _ := json.MarshalIndent(fullTask(), "", "  ")
	cases := map[string]string{
		"full": string(full), "indented": string(indented),
		"unknown key":        `{"id":1,"later":{"x":[1,2]}}`,
		"key in other case":  `{"ID":5,"Content":"x"}`,
		"null text":          `{"content":null,"coordinating":null,"timeline":null,"track":{"doneOn":null}}`,
		"fraction":           `{"order":1.5}`,
		"exponent":           `{"progress":1e2}`,
		"negative id":        `{"id":-1}`,
		"leading zero":       `{"id":01}`,
		"huge":               `{"order":99999999999999999999}`,
		"bad date":           `{"timeline":{"due":"2023-02-30"}}`,
		"date odd form":      `{"timeline":{"due":"2023-2-3"}}`,
		"leap day":           `{"timeline":{"due":"2024-02-29"}}`,
		"date number":        `{"timeline":{"due":20230101}}`,
		"duplicate key":      `{"content":"a","content":"b","coordinating":["x"],"coordinating":["y","z"]}`,
		"trailing":           `{"id":1} x`,
		"unterminated":       `{"content":"abc`,
		"escape at end":      `{"content":"abc\`,
		"bad escape":         `{"content":"\q"}`,
		"control character":  "{\"content\":\"a\tb\"}",
		"not UTF-8":          "{\"content\":\"a\xffb\"}",
		"list of numbers":    `{"coordinating":[1]}`,
		"empty object":       `{}`,
		"array":              `[]`,
		"empty":              ``,
		"missing colon":      `{"id" 1}`,
		"trailing comma":     `{"id":1,}`,
		"surrogate escape":   `{"content":"\ud83d\ude00 \u0026"}`,
		"spaces everywhere":  " { \"id\" : 3 , \"coordinating\" : [ \"a\" , \"b\" ] } ",
		"status as number":   `{"status":3}`,
		"string for number":  `{"order":"3"}`,
		"true for a list":    `{"coordinating":true}`,
		"nested track extra": `{"track":{"updates":1,"other":2}}`,
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) { agreeWithEncodingJSON(t, []byte(data)) })
	}
}

// agreeWithEncodingJSON decodes data both ways, over a task that already
// holds values (encoding/json keeps what the record leaves out).
func agreeWithEncodingJSON(t *testing.T, data []byte) {
	t.Helper()
	got, want := fullTask(), fullTask()
	errGot := decodeRecord(data, &got)
	errWant := json.Unmarshal(data, &want)
	if (errGot == nil) != (errWant == nil) {
		t.Fatalf("%q: decodeRecord error %v, encoding/json error %v", data, errGot, errWant)
	}
	if errWant == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: decodeRecord read\n%#v\nencoding/json\n%#v", data, got, want)
	}
}

// FuzzDecodeRecord: whatever the bytes, decodeRecord agrees with
// encoding/json.
func FuzzDecodeRecord(f *testing.F) {
	full, _ := json.Marshal(fullTask())
	f.Add(full)
	f.Add([]byte(`{"id":1,"coordinating":null,"timeline":{"due":"2023-02-29"}}`))
	f.Add([]byte(`{"content":"\u0026\"","order":-0}`))
	f.Fuzz(func(t *testing.T, data []byte) { agreeWithEncodingJSON(t, data) })
}
