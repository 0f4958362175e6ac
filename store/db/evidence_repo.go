package db

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/files"

	bolt "go.etcd.io/bbolt"
)

// EvidenceDir returns the folder that holds the copies of evidence files:
// EvidenceFolder beside the database file.
func (s *Store) EvidenceDir() string {
	return filepath.Join(filepath.Dir(s.Path()), store.EvidenceFolder)
}

// EvidencePath returns the absolute path of an evidence record's file, to
// open with the system's viewer; an error when the record has no file or
// the file is missing from the evidence folder.
func (s *Store) EvidencePath(e store.Evidence) (string, error) {
	if e.File == "" {
		return "", fmt.Errorf("tài liệu “%s”: %w tệp đính kèm", store.EvidenceLine(e), store.ErrNotFound)
	}
	path, err := filepath.Abs(filepath.Join(s.EvidenceDir(), filepath.Base(e.File)))
	if err != nil {
		return "", fmt.Errorf("tài liệu “%s”: %w", store.EvidenceLine(e), err)
	}
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("tệp của tài liệu “%s” (%s): %w", store.EvidenceLine(e), e.FileName, err)
	}
	return path, nil
}

// TaskEvidence returns a task's evidence, in the order it was added.
func (s *Store) TaskEvidence(planID, taskID uint64) ([]store.Evidence, error) {
	return recordsOfTask[store.Evidence](s, datafile.BucketEvidence, planID, taskID)
}

// planEvidence reads the evidence of every task of a plan, by task id.
func planEvidence(tx *bolt.Tx, planID uint64) (map[uint64][]store.Evidence, error) {
	list, err := datafile.ListChildren[store.Evidence](tx, datafile.BucketEvidence, planID)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	byTask := map[uint64][]store.Evidence{}
	for _, e := range list {
		byTask[e.TaskID] = append(byTask[e.TaskID], e)
	}
	return byTask, nil
}

// AddEvidence records a document behind a task's result and returns it with
// its id. A file, when given, is copied first into the evidence folder
// under its content's SHA-256 and its own extension, written atomically;
// the same content is stored once.
func (s *Store) AddEvidence(e store.Evidence, file string) (store.Evidence, error) {
	if err := e.Validate(); err != nil {
		return store.Evidence{}, err
	}
	if file != "" {
		name, err := s.copyEvidenceFile(file)
		if err != nil {
			return store.Evidence{}, err
		}
		e.File, e.FileName = name, filepath.Base(file)
	}
	err := s.Bolt().Update(func(tx *bolt.Tx) error { return s.insertEvidence(tx, &e) })
	return e, err
}

// AddEvidenceRecords records many documents without files in one
// transaction: all or none.
func (s *Store) AddEvidenceRecords(list []store.Evidence) error {
	for _, e := range list {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		for i := range list {
			if err := s.insertEvidence(tx, &list[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// insertEvidence stores a new record under a task that must exist and
// counts it on the task.
func (s *Store) insertEvidence(tx *bolt.Tx, e *store.Evidence) error {
	task, err := readTask(tx, e.PlanID, e.TaskID)
	if err != nil {
		return err
	}
	e.Added = s.clock()
	if err := datafile.InsertOfTask(tx, datafile.BucketEvidence, e); err != nil {
		return err
	}
	task.Track.Evidence++
	return datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(task.PlanID, task.ID), &task)
}

// UpdateEvidence saves changes to an evidence record's number, date, trích
// yếu and issuer; its file stays.
func (s *Store) UpdateEvidence(e store.Evidence) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		key := datafile.GrandchildKey(e.PlanID, e.TaskID, e.ID)
		var stored store.Evidence
		if err := datafile.GetJSON(tx.Bucket(datafile.BucketEvidence), key, &stored); err != nil {
			return wrapRecord("tài liệu kiểm chứng", e.ID, err)
		}
		stored.Ref, stored.Date, stored.Title, stored.Issuer = e.Ref, e.Date, e.Title, e.Issuer
		return datafile.PutJSON(tx.Bucket(datafile.BucketEvidence), key, &stored)
	})
}

// RemoveEvidence removes an evidence record. Its file stays in the evidence
// folder: another record, or a task brought back by UndoDelete, may use it.
func (s *Store) RemoveEvidence(planID, taskID, evidenceID uint64) error {
	return s.Bolt().Update(func(tx *bolt.Tx) error {
		task, err := readTask(tx, planID, taskID)
		if err != nil {
			return err
		}
		key := datafile.GrandchildKey(planID, taskID, evidenceID)
		if tx.Bucket(datafile.BucketEvidence).Get(key) == nil {
			return wrapRecord("tài liệu kiểm chứng", evidenceID, store.ErrNotFound)
		}
		if err := tx.Bucket(datafile.BucketEvidence).Delete(key); err != nil {
			return err
		}
		task.Track.Evidence = max(0, task.Track.Evidence-1)
		return datafile.PutJSON(tx.Bucket(datafile.BucketTasks), datafile.ChildKey(planID, taskID), &task)
	})
}

// copyEvidenceFile copies a file into the evidence folder, named by its
// content's SHA-256 and its extension, unless that content is there already,
// and returns the stored name.
func (s *Store) copyEvidenceFile(file string) (string, error) {
	hash, err := fileHash(file)
	if err != nil {
		return "", err
	}
	name := store.EvidenceFileName(hash, file)
	dest := filepath.Join(s.EvidenceDir(), name)
	if info, err := os.Stat(dest); err == nil && info.Mode().IsRegular() {
		return name, nil
	}
	if err := os.MkdirAll(s.EvidenceDir(), 0o700); err != nil {
		return "", fmt.Errorf("tạo thư mục tài liệu kiểm chứng %s: %w", s.EvidenceDir(), err)
	}
	err = files.WriteFileAtomic(dest, func(w io.Writer) error {
		src, err := os.Open(file)
		if err != nil {
			return fmt.Errorf("không đọc được %s: %w", file, err)
		}
		defer src.Close()
		if _, err := io.Copy(w, src); err != nil {
			return fmt.Errorf("không chép được %s: %w", file, err)
		}
		return nil
	})
	return name, err
}

// fileHash returns the SHA-256 of a file's content in hexadecimal.
func fileHash(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("không đọc được %s: %w", file, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("không đọc được %s: %w", file, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
