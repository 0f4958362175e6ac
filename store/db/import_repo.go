package db

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/datafile"

	bolt "go.etcd.io/bbolt"
)

// ErrHasTasks: an import would replace the tasks a plan already has, which
// needs the officer's consent.
var ErrHasTasks = errors.New("kế hoạch đã có nhiệm vụ")

// ReplacePlanContents replaces, in one transaction, the areas and tasks of an
// existing plan with those of an imported bundle, and its targets when the
// bundle has any. A stored task an imported one matches by what it asks
// (see ReplaceMatch: same fingerprint, or same content, and no other
// candidate) lives on in it: its id, status, progress, updates, evidence and
// result stay. The other stored tasks go with their updates and evidence.
// The plan's own fields take whatever the bundle's plan fills in (number,
// date, body, appendix headings ...); its id and year stay. It returns the
// stored plan.
func (s *Store) ReplacePlanContents(planID uint64, b store.Bundle) (store.Plan, error) {
	var stored store.Plan
	err := s.Bolt().Update(func(tx *bolt.Tx) error {
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
		b = cleanedTasks(b)
		match, err := readReplaceMatch(tx, planID, b)
		if err != nil {
			return err
		}
		if err := datafile.PutJSON(tx.Bucket(datafile.BucketPlans), datafile.Key8(planID), b.Plan); err != nil {
			return err
		}
		if err := clearContents(tx, planID, b.Targets != nil, match.lost); err != nil {
			return err
		}
		stored = b.Plan
		return insertContentsKeeping(tx, &b, match.kept)
	})
	if err != nil {
		return store.Plan{}, err
	}
	return stored, nil
}

// clearContents removes a plan's areas and tasks, the updates and evidence
// records of the tasks lost, and its targets if asked.
func clearContents(tx *bolt.Tx, planID uint64, targets bool, lost []store.Task) error {
	buckets := [][]byte{datafile.BucketAreas, datafile.BucketTasks}
	if targets {
		// The targets go with their actuals: new targets start with none.
		buckets = append(buckets, datafile.BucketTargets, datafile.BucketActuals)
	}
	for _, bucket := range buckets {
		if err := datafile.DeleteChildren(tx, bucket, planID); err != nil {
			return fmt.Errorf("clear plan %d in %s: %w", planID, bucket, err)
		}
	}
	return dropHistories(tx, lost)
}

// mergeImportedPlan takes into old every field the import filled in.
func mergeImportedPlan(old, imported store.Plan) store.Plan {
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

// ProgressOutcome sorts the rows of a returned tracking sheet by what
// ApplyProgress did, or would do, with them.
type ProgressOutcome struct {
	// Updated rows changed their task's tracking fields.
	Updated []store.SheetChange
	// Unchanged rows report what the app already holds.
	Unchanged []store.ProgressRow
	// Unmatched rows name no task of the plan; they are left alone.
	Unmatched []store.ProgressRow
	// Changed rows are about tasks edited in the app since the export (their
	// fingerprint differs); they are left alone.
	Changed []store.ProgressRow
	// Older rows are dated no later than their task's latest update: the
	// task already has newer news, and the row changes nothing.
	Older []store.SheetChange
	// Conflicting rows give 100% with "Chưa thực hiện"; they are left alone
	// until the officer says which is true.
	Conflicting []store.ProgressRow
	// Unconfirmed rows would lower their task's status or progress, or come
	// from a sheet that does not say when it was exported, and the officer
	// has not confirmed them (SheetChange.Unconfirmed); they are left alone.
	Unconfirmed []store.SheetChange
	// Future rows are dated after the day of the import; they are left alone.
	Future []store.SheetChange
}

// ApplyProgress takes a returned tracking sheet into the tasks it names by
// id, all in one transaction: a row whose status or progress differs from
// its task's becomes a dated update (dated by ProgressRow.NewsDate, today
// for a sheet with no export date; its source the sheet); a result it gives
// replaces the task's; evidence lines it lists that the task lacks are
// added. An empty cell never erases a result or evidence, and a row dated
// no later than its task's latest update changes nothing. A row that would
// lower its task's status or progress, and every changed row of a sheet
// with no export date, is applied only when the officer confirmed it
// (ProgressRow.AllowLower, AcceptStale). Rows about unknown tasks, about
// tasks whose content changed since the export, rows that contradict
// themselves and rows dated after today are listed and left alone. With
// dryRun it only reports what it would do.
func (s *Store) ApplyProgress(planID uint64, rows []store.ProgressRow, today store.Date, dryRun bool) (ProgressOutcome, error) {
	var outcome ProgressOutcome
	apply := func(tx *bolt.Tx) error {
		outcome = ProgressOutcome{}
		if _, err := readPlan(tx, planID); err != nil {
			return err
		}
		for _, row := range rows {
			if err := s.applyProgressRow(tx, planID, row, today, dryRun, &outcome); err != nil {
				return err
			}
		}
		return nil
	}
	if dryRun {
		return outcome, s.Bolt().View(apply)
	}
	return outcome, s.Bolt().Update(apply)
}

func (s *Store) applyProgressRow(tx *bolt.Tx, planID uint64, row store.ProgressRow, today store.Date, dryRun bool, outcome *ProgressOutcome) error {
	task, err := readTask(tx, planID, row.TaskID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		outcome.Unmatched = append(outcome.Unmatched, row)
		return nil
	case err != nil:
		return err
	case store.TaskHash(task) != row.Hash:
		outcome.Changed = append(outcome.Changed, row)
		return nil
	}
	status, percent, err := store.RecordedState(row.Status, row.Percent)
	if errors.Is(err, store.ErrConflict) {
		outcome.Conflicting = append(outcome.Conflicting, row)
		return nil
	} else if err != nil {
		return fmt.Errorf("dòng %d: %w", row.Row, err)
	}
	change, err := readSheetChange(tx, task, row, status, percent, today)
	if err != nil {
		return err
	}
	if change.None() {
		outcome.Unchanged = append(outcome.Unchanged, row)
		return nil
	}
	if list := outcome.leftAlone(change, today); list != nil {
		*list = append(*list, change)
		return nil
	}
	outcome.Updated = append(outcome.Updated, change)
	if dryRun {
		return nil
	}
	return s.writeSheetChange(tx, change)
}

// leftAlone returns the list a change that is not applied belongs to: dated
// after today, no newer than its task's news, or not confirmed; nil for a
// change to apply.
func (o *ProgressOutcome) leftAlone(c store.SheetChange, today store.Date) *[]store.SheetChange {
	last := c.Task.Track.LastUpdate
	switch {
	case c.Date.After(today):
		return &o.Future
	case !last.IsZero() && !c.Date.After(last):
		return &o.Older
	case c.Unconfirmed():
		return &o.Unconfirmed
	}
	return nil
}

// readSheetChange finds what a row would change in its task.
func readSheetChange(tx *bolt.Tx, task store.Task, row store.ProgressRow, status store.Status, percent int, today store.Date) (store.SheetChange, error) {
	existing, err := datafile.ListOfTask[store.Evidence](tx, datafile.BucketEvidence, task.PlanID, task.ID)
	if err != nil {
		return store.SheetChange{}, err
	}
	var area store.Area
	if err := datafile.GetJSON(tx.Bucket(datafile.BucketAreas), datafile.ChildKey(task.PlanID, task.AreaID), &area); err != nil && !errors.Is(err, store.ErrNotFound) {
		return store.SheetChange{}, err
	}
	current := store.OrNotStarted(task.Status)
	c := store.SheetChange{
		Row: row, Task: task, Number: store.TaskNumber(area, task), Date: row.NewsDate(today), Status: status, Percent: percent,
		StateChanged:  status != current || percent != task.Progress,
		ResultChanged: strings.TrimSpace(row.Result) != "" && row.Result != task.Result,
		Lower:         store.Lowers(current, task.Progress, status, percent),
		Stale:         row.Stale(),
		NewEvidence:   newEvidenceLines(existing, row.Evidence, task),
	}
	for _, e := range c.NewEvidence {
		c.Evidence = append(c.Evidence, store.EvidenceLine(e))
	}
	return c, nil
}

// writeSheetChange stores what a row changes: a dated update, the result,
// the new evidence.
func (s *Store) writeSheetChange(tx *bolt.Tx, c store.SheetChange) error {
	tt, err := readTracked(tx, c.Task.PlanID, c.Task.ID)
	if err != nil {
		return err
	}
	if c.ResultChanged {
		tt.task.Result = c.Row.Result
	}
	if c.StateChanged {
		u := store.Update{Date: c.Date, Status: c.Status, Progress: c.Percent, Note: c.Row.Result, Source: store.SheetSource(c.Row.File)}
		if _, err := tt.add(tx, u, store.Rules{}, s.clock()); err != nil {
			return fmt.Errorf("dòng %d: %w", c.Row.Row, err)
		}
	}
	if err := tt.save(tx); err != nil {
		return err
	}
	for i := range c.NewEvidence {
		if err := s.insertEvidence(tx, &c.NewEvidence[i]); err != nil {
			return err
		}
	}
	return nil
}

// newEvidenceLines returns, as records, the lines of a sheet's evidence
// cell that the task's evidence does not already hold: "Quyết định số 12
// (12/QĐ-SKH)" is a title and its reference.
func newEvidenceLines(existing []store.Evidence, lines []string, task store.Task) []store.Evidence {
	seen := map[string]bool{}
	for _, e := range existing {
		seen[store.EvidenceLine(e)] = true
	}
	var added []store.Evidence
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || seen[line] {
			continue
		}
		seen[line] = true
		title, ref := splitEvidenceLine(line)
		added = append(added, store.Evidence{PlanID: task.PlanID, TaskID: task.ID, Title: title, Ref: ref})
	}
	return added
}

// splitEvidenceLine reads "Title (Ref)" back into its parts; a line without
// a bracket at its end is all title.
func splitEvidenceLine(line string) (title, ref string) {
	open := strings.LastIndex(line, " (")
	if open <= 0 || !strings.HasSuffix(line, ")") {
		return line, ""
	}
	return line[:open], line[open+2 : len(line)-1]
}
