package datafile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/usererr"

	"github.com/kehoach/cchc/store/timeline"
	bolt "go.etcd.io/bbolt"
)

// maxProblemsKept bounds the problems a report holds, so a file damaged
// everywhere cannot fill the memory with findings.
const maxProblemsKept = 200

// CheckReport is what checking a data file found: its schema, how much it
// holds, and every problem, in Vietnamese.
type CheckReport struct {
	// Path is the file checked.
	Path string
	// Schema is the file's schema version, 0 when it cannot be read.
	Schema int
	// Plans and Tasks count the records of each kind.
	Plans, Tasks int
	// Records counts every record read.
	Records int
	// Problems lists what is wrong; none when the file passes.
	Problems []string
	// more counts the problems past maxProblemsKept.
	more int
}

// OK reports whether the file passed every check.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Err returns the report's problems as a *DamagedError, nil when it passed.
func (r CheckReport) Err() error {
	if r.OK() {
		return nil
	}
	problems := r.Problems
	if r.more > 0 {
		problems = append(append([]string(nil), problems...), fmt.Sprintf("và %d lỗi khác", r.more))
	}
	return Damaged(r.Path, problems...)
}

func (r *CheckReport) add(format string, a ...any) {
	if len(r.Problems) >= maxProblemsKept {
		r.more++
		return
	}
	r.Problems = append(r.Problems, fmt.Sprintf(format, a...))
}

// Check runs bbolt's consistency check and the app's own over the whole
// file: every page reachable once, the schema known, every bucket there,
// every record decoding, and every record's plan (and task, area) present.
// It returns nil when all pass, else a *DamagedError listing the problems.
func (s *File) Check() error { return s.Inspect().Err() }

// Inspect checks the file as Check does and returns the whole report.
func (s *File) Inspect() CheckReport {
	r := CheckReport{Path: s.path}
	err := s.db.View(func(tx *bolt.Tx) error {
		InspectTx(tx, &r)
		return nil
	})
	if err != nil {
		r.add("không đọc được tệp: %s", usererr.Message(err))
	}
	return r
}

// InspectTx fills a report from a transaction. The records are walked only
// when the pages are sound: reading a damaged page may crash.
func InspectTx(tx *bolt.Tx, r *CheckReport) {
	checkPages(tx, r)
	if !r.OK() {
		return
	}
	defer func() {
		if recovered := recover(); recovered != nil {
			r.add("cấu trúc tệp bị hỏng, không đọc hết được các bản ghi")
		}
	}()
	checkRecords(tx, r)
}

var pageNumber = regexp.MustCompile(`page (\d+)`)

// checkPages runs bbolt's own check: every page of the file reachable
// exactly once, within the file and of a known type.
func checkPages(tx *bolt.Tx, r *CheckReport) {
	for err := range tx.Check() {
		if m := pageNumber.FindStringSubmatch(err.Error()); m != nil {
			r.add("cấu trúc tệp bị hỏng ở trang %s", m[1])
		} else {
			r.add("cấu trúc tệp bị hỏng")
		}
	}
}

// checkRecords checks the schema, the buckets and every record.
func checkRecords(tx *bolt.Tx, r *CheckReport) {
	schema, err := ReadSchema(tx)
	if err != nil {
		r.add("%s", err)
	}
	r.Schema = schema
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil && schema != 0 {
			r.add("thiếu ngăn dữ liệu “%s”", name)
		}
	}
	tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if bytes.Equal(name, BucketMeta) {
			checkMeta(b, r)
		} else {
			checkBucket(tx, string(name), b, r)
		}
		return nil
	})
}

// ReadSchema reads the file's schema version: 0 for a file that holds no
// record yet, an error for a marker that is missing or not a version.
func ReadSchema(tx *bolt.Tx) (int, error) {
	var raw []byte
	if meta := tx.Bucket(BucketMeta); meta != nil {
		raw = meta.Get(KeySchema)
	}
	if raw == nil {
		if holdsNoRecord(tx) {
			return 0, nil
		}
		return 0, fmt.Errorf("không có mã phiên bản dữ liệu")
	}
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 || string(raw) != strconv.Itoa(v) {
		quoted := strconv.Quote(string(raw))
		return 0, fmt.Errorf("mã phiên bản dữ liệu “%s” không hợp lệ", timeline.ShortText(quoted[1:len(quoted)-1]))
	}
	return v, nil
}

// holdsNoRecord reports whether no bucket of the file holds a record.
func holdsNoRecord(tx *bolt.Tx) bool {
	empty := true
	tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		if k, _ := b.Cursor().First(); k != nil {
			empty = false
		}
		return nil
	})
	return empty
}

// checkMeta checks the settings record.
func checkMeta(b *bolt.Bucket, r *CheckReport) {
	r.Records++
	if data := b.Get(KeySettings); data != nil {
		var settings store.Settings
		if err := json.Unmarshal(data, &settings); err != nil {
			r.add("bản ghi cài đặt không đọc được")
		}
	}
}

// checkBucket checks every record of a bucket other than meta: that it
// decodes and that its key names a plan (and a task) that exist.
func checkBucket(tx *bolt.Tx, name string, b *bolt.Bucket, r *CheckReport) {
	kind := RecordKindOf(name)
	b.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil // a nested bucket holds no record of its own
		}
		r.Records++
		r.countRecord(name)
		keyProblem := CheckKey
		if kind.key != nil {
			keyProblem = func(tx *bolt.Tx, _ string, k []byte) string { return kind.key(tx, k) }
		}
		if problem := keyProblem(tx, name, k); problem != "" {
			r.add("%s %s", kind.describe(k), problem)
			return nil
		}
		if problem := kind.Decode(tx, k, v); problem != "" {
			r.add("%s %s", kind.describe(k), problem)
		}
		return nil
	})
}

func (r *CheckReport) countRecord(bucket string) {
	switch bucket {
	case string(BucketPlans):
		r.Plans++
	case string(BucketTasks):
		r.Tasks++
	}
}

// CheckKey checks a record's key: a plan's is its id; every other record's
// starts with its plan's id, then, in a 24-byte key, its task's.
func CheckKey(tx *bolt.Tx, bucket string, k []byte) string {
	if bucket == string(BucketPlans) {
		if len(k) != 8 {
			return "có khoá sai dạng"
		}
		return ""
	}
	if len(k) < 16 || len(k)%8 != 0 {
		return "có khoá sai dạng"
	}
	if plans := tx.Bucket(BucketPlans); plans == nil || plans.Get(k[:8]) == nil {
		return "thuộc một kế hoạch không còn trong tệp"
	}
	if len(k) >= 24 {
		if tasks := tx.Bucket(BucketTasks); tasks == nil || tasks.Get(k[:16]) == nil {
			return "thuộc một nhiệm vụ không còn trong tệp"
		}
	}
	return ""
}
