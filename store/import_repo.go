package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// ErrHasTasks: an import would replace the tasks a plan already has, which
// needs the officer's consent.
var ErrHasTasks = errors.New("kế hoạch đã có nhiệm vụ")

// TaskHash returns a short fingerprint of what a task asks for, as the plan
// writes it: ordinal, content, product, lead and coordinating units and the
// timeline text. Exported workbooks carry it beside the task id, so that a
// sheet sent back by a division shows whether the task was changed in the app
// since. The tracking fields are left out: they are what the sheet reports.
func TaskHash(t Task) string {
	h := sha256.New()
	for _, field := range []string{t.Ordinal, t.Content, t.Product, t.Lead, JoinUnits(t.Coordinating), t.Timeline.Text} {
		h.Write([]byte(field))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// EvidenceLine writes one evidence document as a line of a tracking sheet:
// its title, and its reference in brackets when it has one.
func EvidenceLine(e Evidence) string {
	if e.Ref == "" {
		return e.Title
	}
	return e.Title + " (" + e.Ref + ")"
}

// ReplacePlanContents replaces, in one transaction, the areas and tasks of an
// existing plan with those of an imported bundle, and its targets when the
// bundle has any. The plan's own fields take whatever the bundle's plan
// fills in (number, date, body, appendix headings ...); its id and year stay.
// It returns the stored plan.
func (s *Store) ReplacePlanContents(planID uint64, b Bundle) (Plan, error) {
	var stored Plan
	err := s.db.Update(func(tx *bolt.Tx) error {
		old, err := readPlan(tx, planID)
		if err != nil {
			return err
		}
		b.Plan = mergeImportedPlan(old, b.Plan)
		if err := b.Validate(); err != nil {
			return err
		}
		if err := checkRefFree(tx, b.Plan); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketPlans), key8(planID), b.Plan); err != nil {
			return err
		}
		if err := clearContents(tx, planID, b.Targets != nil); err != nil {
			return err
		}
		stored = b.Plan
		return insertContents(tx, &b)
	})
	if err != nil {
		return Plan{}, err
	}
	return stored, nil
}

// clearContents removes a plan's areas and tasks, and its targets if asked.
func clearContents(tx *bolt.Tx, planID uint64, targets bool) error {
	buckets := [][]byte{bucketAreas, bucketTasks}
	if targets {
		buckets = append(buckets, bucketTargets)
	}
	for _, bucket := range buckets {
		if err := deleteChildren(tx, bucket, planID); err != nil {
			return fmt.Errorf("clear plan %d in %s: %w", planID, bucket, err)
		}
	}
	return nil
}

// mergeImportedPlan takes into old every field the import filled in.
func mergeImportedPlan(old, imported Plan) Plan {
	merged := old
	if imported.Number != "" {
		merged.Number, merged.Symbol = imported.Number, imported.Symbol
	}
	if !imported.IssueDate.IsZero() {
		merged.IssueDate = imported.IssueDate
	}
	if imported.DocType != "" {
		merged.DocType = imported.DocType
	}
	takeString(&merged.Summary, imported.Summary)
	takeSlice(&merged.LegalBasis, imported.LegalBasis)
	takeSlice(&merged.Intro, imported.Intro)
	takeSlice(&merged.Sections, imported.Sections)
	takeSlice(&merged.Closing, imported.Closing)
	takeSlice(&merged.Distribution, imported.Distribution)
	takeString(&merged.Agency.Parent, imported.Agency.Parent)
	takeString(&merged.Agency.Name, imported.Agency.Name)
	takeString(&merged.Agency.Abbrev, imported.Agency.Abbrev)
	takeString(&merged.Agency.Place, imported.Agency.Place)
	if imported.Signer.HeadTitle != "" {
		merged.Signer = imported.Signer
	}
	takeString(&merged.Appendix.Heading, imported.Appendix.Heading)
	takeString(&merged.Appendix.Title, imported.Appendix.Title)
	if imported.Appendix.Columns != ([6]string{}) {
		merged.Appendix.Columns = imported.Appendix.Columns
	}
	return merged
}

func takeString(dst *string, src string) {
	if src != "" {
		*dst = src
	}
}

func takeSlice[T any](dst *[]T, src []T) {
	if len(src) > 0 {
		*dst = src
	}
}

// ProgressRow is one row of a tracking sheet sent back by a division: the
// task it is about, the fingerprint the task had when the sheet was
// exported, and the tracking fields as the division filled them in.
type ProgressRow struct {
	// Row is the row number in the sheet, for messages.
	Row      int
	TaskID   uint64
	Hash     string
	Status   Status
	Percent  int
	Result   string
	Evidence []string
}

// ProgressOutcome sorts the rows of a returned tracking sheet by what
// ApplyProgress did, or would do, with them.
type ProgressOutcome struct {
	// Updated rows changed their task's tracking fields.
	Updated []ProgressRow
	// Unchanged rows report what the app already holds.
	Unchanged []ProgressRow
	// Unmatched rows name no task of the plan; they are left alone.
	Unmatched []ProgressRow
	// Changed rows are about tasks edited in the app since the export (their
	// fingerprint differs); they are left alone.
	Changed []ProgressRow
}

// ApplyProgress sets the status, progress, result and evidence of the tasks
// that a returned tracking sheet names by id, all in one transaction, and
// changes nothing else. Rows about unknown tasks, or about tasks whose
// content changed since the export, are listed and left alone. A changed
// status or progress adds a dated update, as RecordProgress does. With dryRun
// it only reports what it would do.
func (s *Store) ApplyProgress(planID uint64, rows []ProgressRow, reported Date, dryRun bool) (ProgressOutcome, error) {
	var outcome ProgressOutcome
	apply := func(tx *bolt.Tx) error {
		outcome = ProgressOutcome{}
		if _, err := readPlan(tx, planID); err != nil {
			return err
		}
		for _, row := range rows {
			if err := applyProgressRow(tx, planID, row, reported, dryRun, &outcome); err != nil {
				return err
			}
		}
		return nil
	}
	if dryRun {
		return outcome, s.db.View(apply)
	}
	return outcome, s.db.Update(apply)
}

func applyProgressRow(tx *bolt.Tx, planID uint64, row ProgressRow, reported Date, dryRun bool, outcome *ProgressOutcome) error {
	var task Task
	key := childKey(planID, row.TaskID)
	err := getJSON(tx.Bucket(bucketTasks), key, &task)
	switch {
	case errors.Is(err, ErrNotFound):
		outcome.Unmatched = append(outcome.Unmatched, row)
		return nil
	case err != nil:
		return wrapRecord("nhiệm vụ", row.TaskID, err)
	case TaskHash(task) != row.Hash:
		outcome.Changed = append(outcome.Changed, row)
		return nil
	}
	updated := task
	updated.Updates = slices.Clone(task.Updates)
	updated.applyReported(row, reported)
	if sameTracking(task, updated) {
		outcome.Unchanged = append(outcome.Unchanged, row)
		return nil
	}
	if err := updated.Validate(); err != nil {
		return fmt.Errorf("dòng %d: %w", row.Row, err)
	}
	outcome.Updated = append(outcome.Updated, row)
	if dryRun {
		return nil
	}
	return putJSON(tx.Bucket(bucketTasks), key, updated)
}

// applyReported takes a tracking-sheet row into the task.
func (t *Task) applyReported(row ProgressRow, reported Date) {
	t.applyProgress(Progress{Status: row.Status, Percent: row.Percent, Reported: reported})
	t.Result = row.Result
	t.Evidence = mergeEvidence(t.Evidence, row.Evidence, reported)
}

// mergeEvidence keeps the stored evidence whose line the sheet still lists,
// with its date and reference, and adds the new lines as evidence of the day.
func mergeEvidence(stored []Evidence, lines []string, added Date) []Evidence {
	var merged []Evidence
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		i := slices.IndexFunc(stored, func(e Evidence) bool { return EvidenceLine(e) == line })
		if i >= 0 {
			merged = append(merged, stored[i])
			continue
		}
		merged = append(merged, Evidence{Title: line, Added: added})
	}
	return merged
}

// sameTracking reports whether two versions of a task hold the same tracking
// fields.
func sameTracking(a, b Task) bool {
	return a.Status == b.Status && a.Progress == b.Progress && a.Result == b.Result &&
		slices.Equal(a.Evidence, b.Evidence)
}
