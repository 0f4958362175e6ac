package db_test

import (
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/storetest"
	"github.com/kehoach/cchc/store/usererr"

	bolt "go.etcd.io/bbolt"
)

func TestCheckFindsWhatIsWrong(t *testing.T) {
	tests := []struct {
		name string
		edit func(tx *bolt.Tx) error
		want string
	}{
		{"undecodable task", func(tx *bolt.Tx) error {
			return tx.Bucket(datafile.BucketTasks).Put(datafile.ChildKey(1, 1), []byte(`{"id":`))
		}, "nhiệm vụ #1 của kế hoạch #1 không đọc được"},
		{"task of a missing plan", func(tx *bolt.Tx) error {
			return tx.Bucket(datafile.BucketTasks).Put(datafile.ChildKey(7, 1), []byte(`{"id":1,"planId":7,"areaId":1}`))
		}, "nhiệm vụ #1 của kế hoạch #7 thuộc một kế hoạch không còn trong tệp"},
		{"task of a missing area", func(tx *bolt.Tx) error {
			return tx.Bucket(datafile.BucketTasks).Put(datafile.ChildKey(1, 9), []byte(`{"id":9,"planId":1,"areaId":42}`))
		}, "thuộc lĩnh vực #42 không còn trong tệp"},
		{"ids unlike the key", func(tx *bolt.Tx) error {
			return tx.Bucket(datafile.BucketAreas).Put(datafile.ChildKey(1, 5), []byte(`{"id":6,"planId":1}`))
		}, "lĩnh vực #5 của kế hoạch #1 mang số hiệu khác với khoá của nó"},
		{"update of a missing task", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucketIfNotExists([]byte("updates"))
			return b.Put(append(datafile.ChildKey(1, 77), datafile.Key8(1)...), []byte(`{}`))
		}, "lần cập nhật tiến độ #1 của kế hoạch #1 thuộc một nhiệm vụ không còn trong tệp"},
		{"a later bucket's record that is not JSON", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucketIfNotExists([]byte("later"))
			return b.Put(datafile.ChildKey(1, 1), []byte(`hỏng`))
		}, "bản ghi trong ngăn “later” #1 của kế hoạch #1 không đọc được"},
		{"settings", func(tx *bolt.Tx) error {
			return tx.Bucket(datafile.BucketMeta).Put(datafile.KeySettings, []byte(`[`))
		}, "bản ghi cài đặt không đọc được"},
		{"newer schema", func(tx *bolt.Tx) error {
			return tx.Bucket(datafile.BucketMeta).Put(datafile.KeySchema, []byte("x1"))
		}, "mã phiên bản dữ liệu “x1” không hợp lệ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := storetest.EditRaw(t, tt.edit)
			raw, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			st := &db.Store{File: datafile.Wrap(raw, path, true)}
			defer st.Close()
			r := st.Inspect()
			if r.OK() || !strings.Contains(strings.Join(r.Problems, "\n"), tt.want) {
				t.Errorf("problems %q, want %q", r.Problems, tt.want)
			}
			if msg := usererr.Message(st.Check()); !strings.Contains(msg, path) {
				t.Errorf("Message(Check) = %q names no file", msg)
			}
		})
	}
}

func TestCheckCountsASoundFile(t *testing.T) {
	st, err := db.OpenReadOnly(storetest.FilledFile(t, 3))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := st.Inspect()
	if !r.OK() || r.Plans != 3 || r.Tasks != 9 || r.Schema != datafile.SchemaVersion {
		t.Errorf("report %+v", r)
	}
}
