package datafile

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/kehoach/cchc/store"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout of records this version of the app writes.
//
//   - 1: a task's coordinating units were one text cell and its timeline a
//     plain string.
//   - 2: coordinating units are a list, one a unit; the timeline is an object
//     holding the original text.
//   - 3: the timeline object also holds what the parser read from the text
//     against the plan's year (kind, start, due, recurrence, qualifier,
//     problem), so that reading a task never parses.
//   - 4: a task's dated updates and evidence live in buckets of their own
//     (updates, evidence), keyed by plan, task and their own id; the task
//     keeps a summary of them (track).
//   - 5: targets carry their code ("III.2.4") and the figure that feeds
//     them; actuals, statistical figures and reports have buckets of their
//     own (actuals, figures, reports, reportTables).
const SchemaVersion = 5

// migrations[v] brings a file from version v to v+1.
var migrations = map[int]func(tx *bolt.Tx) error{
	1: migrateTasksV1toV2,
	2: migrateTimelinesV2toV3,
	3: migrateTrackingV3toV4,
	4: migrateTargetsV4toV5,
}

// StoredSchema returns the schema version of the file, 0 for a new file.
func StoredSchema(tx *bolt.Tx) int {
	meta := tx.Bucket(BucketMeta)
	if meta == nil {
		return 0
	}
	v, err := strconv.Atoi(string(meta.Get(KeySchema)))
	if err != nil {
		return 0
	}
	return v
}

// migrate brings the file from version found to SchemaVersion, step by step,
// and records the version. A new file (found == 0) needs no steps.
func migrate(tx *bolt.Tx, found int) error {
	if found > 0 {
		for v := found; v < SchemaVersion; v++ {
			step, ok := migrations[v]
			if !ok {
				return fmt.Errorf("no migration from schema %d", v)
			}
			if err := step(tx); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
			}
		}
	}
	return tx.Bucket(BucketMeta).Put(KeySchema, []byte(strconv.Itoa(SchemaVersion)))
}

// migrateTasksV1toV2 splits each task's coordinating cell into units and
// wraps its timeline string in an object.
func migrateTasksV1toV2(tx *bolt.Tx) error {
	return rewriteRecords(tx.Bucket(BucketTasks), func(_ []byte, fields map[string]json.RawMessage) error {
		if err := splitCoordinatingV1(fields); err != nil {
			return err
		}
		return wrapTimelineV1(fields)
	})
}

// migrateTimelinesV2toV3 reads each task's timeline text against its plan's
// year and stores what it read beside the text. A task whose plan is missing
// (a damaged file) is read without a year.
func migrateTimelinesV2toV3(tx *bolt.Tx) error {
	years, err := planYears(tx)
	if err != nil {
		return err
	}
	return rewriteRecords(tx.Bucket(BucketTasks), func(key []byte, fields map[string]json.RawMessage) error {
		if len(key) < 8 {
			return fmt.Errorf("key %x too short", key)
		}
		return parseTimelineV2(fields, years[binary.BigEndian.Uint64(key)])
	})
}

// planYears reads the year of every plan, by plan id, from the raw records.
func planYears(tx *bolt.Tx) (map[uint64]int, error) {
	years := map[uint64]int{}
	err := tx.Bucket(BucketPlans).ForEach(func(k, v []byte) error {
		var plan struct {
			ID   uint64 `json:"id"`
			Year int    `json:"year"`
		}
		if err := json.Unmarshal(v, &plan); err != nil {
			return fmt.Errorf("plan %x: %w", k, err)
		}
		years[plan.ID] = plan.Year
		return nil
	})
	return years, err
}

func parseTimelineV2(fields map[string]json.RawMessage, planYear int) error {
	raw, ok := fields["timeline"]
	if !ok {
		return nil
	}
	var stored struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(raw, &stored); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	parsed, err := json.Marshal(store.ParseTimeline(stored.Text, planYear))
	if err != nil {
		return err
	}
	fields["timeline"] = parsed
	return nil
}

// rewriteRecords passes the fields of every record of a bucket to edit and
// stores what edit leaves. Errors name the record's key.
func rewriteRecords(b *bolt.Bucket, edit func(key []byte, fields map[string]json.RawMessage) error) error {
	type change struct{ key, value []byte }
	var changes []change
	err := b.ForEach(func(k, v []byte) error {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(v, &fields); err != nil {
			return fmt.Errorf("record %x: %w", k, err)
		}
		if err := edit(k, fields); err != nil {
			return fmt.Errorf("record %x: %w", k, err)
		}
		out, err := json.Marshal(fields)
		if err != nil {
			return fmt.Errorf("record %x: %w", k, err)
		}
		changes = append(changes, change{append([]byte(nil), k...), out})
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range changes {
		if err := b.Put(c.key, c.value); err != nil {
			return err
		}
	}
	return nil
}

func splitCoordinatingV1(fields map[string]json.RawMessage) error {
	raw, ok := fields["coordinating"]
	if !ok {
		return nil
	}
	var cell string
	if err := json.Unmarshal(raw, &cell); err != nil {
		return fmt.Errorf("coordinating: %w", err)
	}
	units, err := json.Marshal(store.SplitUnits(cell))
	if err != nil {
		return err
	}
	fields["coordinating"] = units
	return nil
}

func wrapTimelineV1(fields map[string]json.RawMessage) error {
	raw, ok := fields["timeline"]
	if !ok {
		return nil
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	wrapped, err := json.Marshal(store.Timeline{Text: text})
	if err != nil {
		return err
	}
	fields["timeline"] = wrapped
	return nil
}
