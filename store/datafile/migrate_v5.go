package datafile

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store"

	bolt "go.etcd.io/bbolt"
)

// targetV4 is what the schema-5 migration reads of a target record.
type targetV4 struct {
	key       []byte
	planID    uint64
	id        uint64
	Ref       string `json:"ref"`
	Order     int    `json:"order"`
	Indicator string `json:"indicator"`
}

// migrateTargetsV4toV5 gives every target its code (its ref and its place
// among the targets of that ref, in plan order) and the feed its words
// suggest. The actuals, figures and reports buckets start empty.
func migrateTargetsV4toV5(tx *bolt.Tx) error {
	var targets []targetV4
	err := tx.Bucket(BucketTargets).ForEach(func(k, v []byte) error {
		if len(k) < 16 {
			return fmt.Errorf("target key %x too short", k)
		}
		t := targetV4{key: append([]byte(nil), k...), planID: binary.BigEndian.Uint64(k), id: binary.BigEndian.Uint64(k[8:])}
		if err := json.Unmarshal(v, &t); err != nil {
			return fmt.Errorf("target %x: %w", k, err)
		}
		targets = append(targets, t)
		return nil
	})
	if err != nil {
		return err
	}
	codes := codesV5(targets)
	return rewriteRecords(tx.Bucket(BucketTargets), func(key []byte, fields map[string]json.RawMessage) error {
		var indicator string
		if raw, ok := fields["indicator"]; ok {
			if err := json.Unmarshal(raw, &indicator); err != nil {
				return err
			}
		}
		fields["code"], _ = json.Marshal(codes[string(key)])
		if feed := store.SuggestFeed(indicator); feed != store.FeedNone {
			fields["feed"], _ = json.Marshal(feed)
		}
		return nil
	})
}

// codesV5 numbers the targets of each plan within their refs, in the plan's
// order (order, then id), by key.
func codesV5(targets []targetV4) map[string]string {
	slices.SortStableFunc(targets, func(a, b targetV4) int {
		return cmp.Or(cmp.Compare(a.planID, b.planID), cmp.Compare(a.Order, b.Order), cmp.Compare(a.id, b.id))
	})
	codes := make(map[string]string, len(targets))
	seen := map[string]int{}
	for _, t := range targets {
		ref := strings.TrimSpace(t.Ref)
		counter := strconv.FormatUint(t.planID, 10) + "|" + ref
		seen[counter]++
		code := strconv.Itoa(seen[counter])
		if ref != "" {
			code = ref + "." + code
		}
		codes[string(t.key)] = code
	}
	return codes
}
