package backup

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/files"

	bolt "go.etcd.io/bbolt"
)

// SalvageReport tells what was read out of a damaged file.
type SalvageReport struct {
	// Plans, Tasks and Records count what was saved: Records every record.
	Plans, Tasks, Records int
	// Lost counts the records that could not be read, or whose plan, task
	// or area was lost.
	Lost int
	// Unread names the parts of the file where reading stopped at a
	// damaged page: what stood after it is lost.
	Unread []string
}

// Salvage reads what can still be read of the damaged file at damagedPath
// into a new data file at outPath, which must not exist: the settings, and
// every plan, area, task, target and later record that decodes and whose
// plan (task, area) was saved too. The damaged file is opened for reading
// only and never changed. The new file keeps the ids and the schema of the
// old, and passes its check.
func Salvage(damagedPath, outPath string) (SalvageReport, error) {
	var rep SalvageReport
	src, err := datafile.OpenBolt(damagedPath, true)
	if err != nil {
		return rep, fmt.Errorf("không cứu được dữ liệu từ %s: %w", damagedPath, err)
	}
	defer src.Close()
	if files.Exists(outPath) {
		return rep, fmt.Errorf("không ghi đè %s: tệp đã có", outPath)
	}
	dir := filepath.Dir(outPath)
	tmp := filepath.Join(dir, files.TempName(filepath.Base(outPath)))
	defer os.Remove(tmp)
	if err := datafile.InitFile(tmp, func(dst *datafile.File) error { return salvageInto(src, dst.Bolt(), &rep) }); err != nil {
		return rep, fmt.Errorf("không cứu được dữ liệu từ %s: %w", damagedPath, err)
	}
	if err := checkDBFile(tmp, outPath); err != nil {
		return rep, err
	}
	if err := os.Rename(tmp, outPath); err != nil {
		return rep, fmt.Errorf("không ghi được %s: %w", outPath, files.ExplainWriteError(err))
	}
	files.SyncFolder(dir)
	return rep, nil
}

// salvageInto copies what decodes from the damaged database into dst in
// one transaction: meta first, then plans, areas, tasks, targets, then
// every other bucket, so that each record finds its parents saved.
func salvageInto(src, dst *bolt.DB, rep *SalvageReport) error {
	return src.View(func(from *bolt.Tx) error {
		return dst.Update(func(to *bolt.Tx) error {
			current := salvageMeta(from, to)
			for _, name := range salvageOrder(from) {
				if err := salvageBucket(from, to, name, current, rep); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// salvageOrder lists the buckets to copy: those of the schema in order,
// then the others by name.
func salvageOrder(from *bolt.Tx) [][]byte {
	order := [][]byte{datafile.BucketPlans, datafile.BucketAreas, datafile.BucketTasks, datafile.BucketTargets}
	var others []string
	func() {
		defer func() { recover() }()
		from.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if !containsName(order, name) && !bytes.Equal(name, datafile.BucketMeta) {
				others = append(others, string(name))
			}
			return nil
		})
	}()
	sort.Strings(others)
	for _, name := range others {
		order = append(order, []byte(name))
	}
	return order
}

func containsName(names [][]byte, name []byte) bool {
	for _, n := range names {
		if bytes.Equal(n, name) {
			return true
		}
	}
	return false
}

// salvageMeta copies the settings when they decode, and the marks of
// seeded plans; the new file takes the old schema when it reads, so the
// next open migrates it. It reports whether that schema is the current one.
func salvageMeta(from, to *bolt.Tx) (current bool) {
	current = true
	defer func() { recover() }()
	meta, out := from.Bucket(datafile.BucketMeta), to.Bucket(datafile.BucketMeta)
	if meta == nil {
		return current
	}
	if schema, err := datafile.ReadSchema(from); err == nil && schema >= 1 && schema < datafile.SchemaVersion {
		out.Put(datafile.KeySchema, []byte(strconv.Itoa(schema)))
		current = false
	}
	var settings store.Settings
	if data := meta.Get(datafile.KeySettings); data != nil && json.Unmarshal(data, &settings) == nil {
		out.Put(datafile.KeySettings, bytes.Clone(data))
	}
	c := meta.Cursor()
	for k, v := c.Seek([]byte("seed:")); k != nil && bytes.HasPrefix(k, []byte("seed:")); k, v = c.Next() {
		out.Put(bytes.Clone(k), bytes.Clone(v))
	}
	return current
}

// salvageBucket copies the records of one bucket that decode and whose
// parents were saved, and carries the bucket's id sequence on. A damaged
// page stops the walk of the bucket: what came before it is kept.
func salvageBucket(from, to *bolt.Tx, name []byte, current bool, rep *SalvageReport) error {
	out, err := to.CreateBucketIfNotExists(name)
	if err != nil {
		return err
	}
	kind := datafile.RecordKindOf(string(name))
	var lastID, sequence uint64
	func() {
		defer func() {
			if recovered := recover(); recovered != nil {
				rep.Unread = append(rep.Unread, kind.Name)
			}
		}()
		b := from.Bucket(name)
		if b == nil {
			return
		}
		sequence = b.Sequence()
		b.ForEach(func(k, v []byte) error {
			if v == nil {
				return nil
			}
			if !salvageable(to, name, kind, k, v, current) {
				rep.Lost++
				return nil
			}
			if err := out.Put(bytes.Clone(k), bytes.Clone(v)); err == nil {
				rep.count(name)
				lastID = max(lastID, binary.BigEndian.Uint64(k[len(k)-8:]))
			}
			return nil
		})
	}()
	return out.SetSequence(max(sequence, lastID))
}

// salvageable reports whether a record is worth saving: its key names
// saved parents and it decodes (as its type in the current schema, as JSON
// in an older one).
func salvageable(to *bolt.Tx, name []byte, kind datafile.RecordKind, k, v []byte, current bool) bool {
	if datafile.CheckKey(to, string(name), k) != "" {
		return false
	}
	if !current {
		return json.Valid(v)
	}
	return kind.Decode(to, k, v) == ""
}

func (r *SalvageReport) count(bucket []byte) {
	r.Records++
	switch string(bucket) {
	case string(datafile.BucketPlans):
		r.Plans++
	case string(datafile.BucketTasks):
		r.Tasks++
	}
}

// RecoverInPlace salvages the damaged data file at path into a new one,
// then moves the damaged file aside, renamed with the date, and puts the
// new one in its place. It returns what was saved and where the damaged
// file went.
func RecoverInPlace(path string) (SalvageReport, string, error) {
	out := filepath.Join(filepath.Dir(path), files.TempName("cuu-"+filepath.Base(path)))
	defer os.Remove(out)
	rep, err := Salvage(path, out)
	if err != nil {
		return rep, "", err
	}
	aside, err := MoveAside(path)
	if err != nil {
		return rep, "", err
	}
	if err := os.Rename(out, path); err != nil {
		return rep, aside, fmt.Errorf("không đặt được dữ liệu đã cứu vào %s (tệp hỏng đã chuyển sang %s): %w", path, aside, files.ExplainWriteError(err))
	}
	files.SyncFolder(filepath.Dir(path))
	return rep, aside, nil
}
