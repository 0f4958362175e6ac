package export

import (
	"fmt"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

// AutoBackuper is what the automatic backup before a change needs of the
// store.
type AutoBackuper interface {
	backup.Source
}

// BackupBefore makes the automatic backup that both programs take before a
// change that replaces data (backup.ReasonImport, backup.ReasonProgress) and
// when the window closes (backup.ReasonClose). A backup that cannot be made
// stops the change: its error says why.
func BackupBefore(st AutoBackuper, reason string) error {
	if _, _, err := backup.AutoBackup(st, reason); err != nil {
		return fmt.Errorf("không làm tiếp vì chưa sao lưu được dữ liệu hiện có: %w", err)
	}
	return nil
}

// ProgressStore is what applying a division's tracking sheet needs of the
// store.
type ProgressStore interface {
	AutoBackuper
	ApplyProgress(planID uint64, rows []store.ProgressRow, reported store.Date, dryRun bool) (db.ProgressOutcome, error)
}

// ApplyProgress applies a division's returned tracking sheet to a plan,
// after the automatic backup; a dry run only says what it would change.
func ApplyProgress(st ProgressStore, planID uint64, rows []store.ProgressRow, reported store.Date, dryRun bool) (db.ProgressOutcome, error) {
	if !dryRun {
		if err := BackupBefore(st, backup.ReasonProgress); err != nil {
			return db.ProgressOutcome{}, err
		}
	}
	return st.ApplyProgress(planID, rows, reported, dryRun)
}
