package datafile

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/kehoach/cchc/store"

	bolt "go.etcd.io/bbolt"
)

// RecordKind is what the check knows of the records of one bucket: what
// a user calls them and how to tell a sound one. A bucket without a kind
// of its own (a bucket a later version adds) is checked as JSON, with the
// plan and task its keys name.
type RecordKind struct {
	// Name is what a user calls one record: "nhiệm vụ".
	Name string
	// Decode reads a record and says what is wrong with it, "" when
	// nothing is.
	Decode func(tx *bolt.Tx, key, value []byte) string
	// key, when set, says what is wrong with a record's key; nil checks
	// the plan and task its 8-byte ids name (checkKey).
	key func(tx *bolt.Tx, key []byte) string
}

// recordKinds are the buckets whose records the check decodes into their
// types. A new record type adds one line.
var recordKinds = map[string]RecordKind{
	string(BucketPlans):   {Name: "kế hoạch", Decode: decodePlan},
	string(BucketAreas):   {Name: "lĩnh vực", Decode: decodeChild[store.Area]},
	string(BucketTasks):   {Name: "nhiệm vụ", Decode: decodeTask},
	string(BucketTargets): {Name: "chỉ tiêu", Decode: decodeChild[store.Target]},
	"updates":             {Name: "lần cập nhật tiến độ", Decode: decodeJSON},
	"evidence":            {Name: "tài liệu kiểm chứng", Decode: decodeJSON},
	"actuals":             {Name: "số liệu thực hiện chỉ tiêu", Decode: decodeJSON, key: actualRecordKey},
	"figures":             {Name: "số liệu thống kê", Decode: decodeJSON, key: figuresRecordKey},
	"reports":             {Name: "báo cáo", Decode: decodeJSON},
	"reportTables":        {Name: "bảng phụ lục của báo cáo", Decode: decodeJSON},
}

// actualRecordKey checks the key of an actual: plan, target, period.
func actualRecordKey(tx *bolt.Tx, k []byte) string {
	if len(k) <= 16 {
		return "có khoá sai dạng"
	}
	if problem := periodKeyProblem(k[16:]); problem != "" {
		return problem
	}
	if plans := tx.Bucket(BucketPlans); plans == nil || plans.Get(k[:8]) == nil {
		return "thuộc một kế hoạch không còn trong tệp"
	}
	if targets := tx.Bucket(BucketTargets); targets == nil || targets.Get(k[:16]) == nil {
		return "thuộc một chỉ tiêu không còn trong tệp"
	}
	return ""
}

// figuresRecordKey checks the key of a period's figures: plan, period.
func figuresRecordKey(tx *bolt.Tx, k []byte) string {
	if len(k) <= 8 {
		return "có khoá sai dạng"
	}
	if problem := periodKeyProblem(k[8:]); problem != "" {
		return problem
	}
	if plans := tx.Bucket(BucketPlans); plans == nil || plans.Get(k[:8]) == nil {
		return "thuộc một kế hoạch không còn trong tệp"
	}
	return ""
}

// periodKeyProblem says what is wrong with the period at the end of a key.
func periodKeyProblem(raw []byte) string {
	if _, err := store.ParsePeriodKey(string(raw)); err != nil {
		return "ghi một kỳ báo cáo không đọc được"
	}
	return ""
}

// RecordKindOf returns the kind of a bucket's records.
func RecordKindOf(bucket string) RecordKind {
	if kind, ok := recordKinds[bucket]; ok {
		return kind
	}
	return RecordKind{Name: "bản ghi trong ngăn “" + bucket + "”", Decode: decodeJSON}
}

// describe names a record by its kind and the ids in its key:
// "nhiệm vụ #3 của kế hoạch #1".
func (k RecordKind) describe(key []byte) string {
	switch {
	case len(key) == 8:
		return fmt.Sprintf("%s #%d", k.Name, binary.BigEndian.Uint64(key))
	case len(key) >= 16 && len(key)%8 == 0:
		last := binary.BigEndian.Uint64(key[len(key)-8:])
		return fmt.Sprintf("%s #%d của kế hoạch #%d", k.Name, last, binary.BigEndian.Uint64(key))
	}
	return fmt.Sprintf("%s có khoá %x", k.Name, key)
}

const undecodable = "không đọc được (dữ liệu hỏng)"

func decodeJSON(_ *bolt.Tx, _, value []byte) string {
	if !json.Valid(value) {
		return undecodable
	}
	return ""
}

func decodePlan(_ *bolt.Tx, key, value []byte) string {
	var p store.Plan
	if err := json.Unmarshal(value, &p); err != nil {
		return undecodable
	}
	if p.ID != binary.BigEndian.Uint64(key) {
		return "mang số hiệu khác với khoá của nó"
	}
	return ""
}

// decodeChild checks an area or target: it decodes, and the ids it holds
// are those of its key.
func decodeChild[T any, P interface {
	*T
	child
}](_ *bolt.Tx, key, value []byte) string {
	_, problem := readChild[T, P](key, value)
	return problem
}

// readChild decodes a child record and checks its ids against its key.
func readChild[T any, P interface {
	*T
	child
}](key, value []byte) (T, string) {
	var rec T
	if err := json.Unmarshal(value, &rec); err != nil {
		return rec, undecodable
	}
	planID, id := P(&rec).RecordIDs()
	if len(key) != 16 || planID != binary.BigEndian.Uint64(key) || id != binary.BigEndian.Uint64(key[8:]) {
		return rec, "mang số hiệu khác với khoá của nó"
	}
	return rec, ""
}

// decodeTask checks a task as any child, and that its area exists.
func decodeTask(tx *bolt.Tx, key, value []byte) string {
	t, problem := readChild[store.Task](key, value)
	if problem != "" {
		return problem
	}
	if areas := tx.Bucket(BucketAreas); areas == nil || areas.Get(ChildKey(t.PlanID, t.AreaID)) == nil {
		return fmt.Sprintf("thuộc lĩnh vực #%d không còn trong tệp", t.AreaID)
	}
	return ""
}
