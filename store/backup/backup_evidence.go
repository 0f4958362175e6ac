package backup

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// Evidence files are stored in the folder evidence/ beside the database,
// each named by the hash of its content ("<sha256>.<ext>"), and named by
// the records of the evidence bucket. This file is all a backup knows of
// them: adjust it when their layout changes.

// evidenceFolder returns the folder of the evidence files of the database
// at dbPath.
func evidenceFolder(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), store.EvidenceFolder)
}

// evidenceFiles lists the evidence files a backup holds, sorted: those the
// evidence records name when the file has an evidence bucket, else every
// file of the evidence folder.
func evidenceFiles(tx *bolt.Tx, dbPath string) ([]string, error) {
	b := tx.Bucket(datafile.BucketEvidence)
	if b == nil {
		return filesIn(evidenceFolder(dbPath))
	}
	seen := map[string]bool{}
	err := b.ForEach(func(_, v []byte) error {
		if name := storedEvidenceFile(v); name != "" {
			seen[name] = true
		}
		return nil
	})
	return sortedKeys(seen), err
}

// storedEvidenceFile reads the stored file name of an evidence record: its
// "file" field, when it is a plain name (no folder).
func storedEvidenceFile(record []byte) string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(record, &fields) != nil {
		return ""
	}
	var name string
	for key, raw := range fields {
		if strings.EqualFold(key, "file") && json.Unmarshal(raw, &name) == nil {
			break
		}
	}
	if !plainFileName(name) {
		return ""
	}
	return name
}

// plainFileName reports whether name is a file's name with no folder in
// it, safe to join to the evidence folder.
func plainFileName(name string) bool {
	return name != "" && name == filepath.Base(name) && !strings.ContainsAny(name, `/\:`) && !strings.HasPrefix(name, ".")
}

// filesIn lists the plain files of a folder; a missing folder has none.
func filesIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
