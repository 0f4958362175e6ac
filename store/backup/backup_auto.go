package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/kehoach/cchc/store/usererr"
)

// Automatic backups are kept in the backups folder beside the database:
// the last keepLast, and the newest of every month before them. Backups the
// user made there are never removed.
const keepLast = 10

// Reasons for an automatic backup, as its file and the lists say them.
const (
	ReasonClose    = "khi đóng chương trình"
	ReasonImport   = "trước khi nhập thay nhiệm vụ"
	ReasonProgress = "trước khi nhập tiến độ"
	ReasonRestore  = "trước khi khôi phục"
)

// backupTimeLayout dates a backup's file name.
const backupTimeLayout = "2006-01-02-150405"

var (
	autoBackupName = regexp.MustCompile(`^cchc-tu-dong-(\d{4}-\d{2}-\d{2}-\d{6})(-\d+)?\.zip$`)
	anyBackupName  = regexp.MustCompile(`(?i)\.zip$`)
)

// BackupName is the dated file name of a backup made now: automatic ones
// are told apart, since only they are ever removed.
func BackupName(made time.Time, auto bool) string {
	kind := "sao-luu"
	if auto {
		kind = "tu-dong"
	}
	return fmt.Sprintf("cchc-%s-%s.zip", kind, made.Format(backupTimeLayout))
}

// NewestAuto returns the newest automatic backup that reads.
func NewestAuto(backups []BackupInfo) (BackupInfo, bool) {
	for _, b := range backups {
		if b.Auto() && b.Problem == "" {
			return b, true
		}
	}
	return BackupInfo{}, false
}

// PruneAutoBackups removes the automatic backups beyond the last keepLast,
// keeping the newest of each month. backups is newest first.
func PruneAutoBackups(backups []BackupInfo) {
	sort.SliceStable(backups, func(i, j int) bool { return backups[i].Made.After(backups[j].Made) })
	kept := 0
	months := map[string]bool{}
	for _, b := range backups {
		if !autoBackupName.MatchString(filepath.Base(b.Path)) {
			continue
		}
		month := b.Made.Format("2006-01")
		switch {
		case kept < keepLast:
			kept++
			months[month] = true
		case !months[month]:
			months[month] = true
		default:
			os.Remove(b.Path)
		}
	}
}

// ListBackups describes the backups in the backups folder of the database
// at dbPath, newest first. A file that is not a readable backup is listed
// with its Problem.
func ListBackups(dbPath string) []BackupInfo {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if err != nil {
		return nil
	}
	var list []BackupInfo
	for _, e := range entries {
		if e.Type().IsRegular() && anyBackupName.MatchString(e.Name()) {
			list = append(list, ReadBackupInfo(filepath.Join(BackupDir(dbPath), e.Name())))
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Made.After(list[j].Made) })
	return list
}

// NewestGoodBackup returns the newest backup of the database at dbPath
// that reads and passes its check.
func NewestGoodBackup(dbPath string) (BackupInfo, bool) {
	for _, b := range ListBackups(dbPath) {
		if b.Problem == "" && CheckBackup(b.Path) == nil {
			return b, true
		}
	}
	return BackupInfo{}, false
}

// ReadBackupInfo reads what a backup file says of itself. A file that is
// not a backup of this program gets a Problem, with its modification time
// as Made.
func ReadBackupInfo(path string) BackupInfo {
	info := BackupInfo{Path: path}
	stat, err := os.Stat(path)
	if err != nil {
		info.Problem = usererr.Message(fmt.Errorf("không đọc được %s: %w", path, err))
		return info
	}
	info.Size, info.Made = stat.Size(), stat.ModTime()
	archive, err := openBackup(path)
	if err != nil {
		info.Problem = usererr.Message(err)
		return info
	}
	defer archive.Close()
	made := archive.manifest.info(path)
	made.Size = info.Size
	return made
}

// errNotBackup: a file is not a backup made by this program.
var errNotBackup = errors.New("không phải bản sao lưu của chương trình")
