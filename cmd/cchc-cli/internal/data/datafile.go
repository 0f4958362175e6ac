package data

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/seeds"
)

func init() {
	commands["seed"] = cmdline.Command{
		Usage:   "seed",
		Summary: "tạo kế hoạch mẫu 122/KH-SKH năm 2023 nếu chưa từng tạo",
		Writes:  true,
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			return runSeed
		},
	}
	commands["backup"] = cmdline.Command{
		Usage:   "backup [--force] [TỆP.zip|THƯ_MỤC]",
		Summary: "kiểm tra rồi sao lưu dữ liệu và tài liệu kiểm chứng vào một tệp .zip (mặc định: thư mục backups cạnh tệp dữ liệu)",
		Args:    cmdline.ArgCount{Min: 0, Max: 1, Names: "TỆP"},
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			force := fs.Bool("force", false, "ghi đè tệp đã có")
			return func(e *cmdline.Env, args []string) error { return runBackup(e, args, *force) }
		},
	}
	commands["path"] = cmdline.Command{
		Usage:   "path",
		Summary: "in đường dẫn tệp dữ liệu đang dùng",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			return runPath
		},
	}
}

func runSeed(e *cmdline.Env, _ []string) error {
	st, err := e.Store()
	if err != nil {
		return err
	}
	created, err := seeds.Ensure(st)
	if err != nil {
		return err
	}
	created = created || st.Created() // a new file is made with the seed plan
	if created {
		fmt.Fprintln(e.Stdout, "Đã tạo kế hoạch mẫu 122/KH-SKH năm 2023.")
	} else {
		fmt.Fprintln(e.Stdout, "Kế hoạch mẫu 122/KH-SKH năm 2023 đã được tạo từ trước; không làm gì thêm.")
	}
	return nil
}

// runBackup checks the data and writes a backup: into the backups folder
// beside the data file, into a folder given, or to a file given, which it
// never writes over without --force.
func runBackup(e *cmdline.Env, args []string, force bool) error {
	st, err := e.Store()
	if err != nil {
		return err
	}
	info, err := writeBackup(st, args, force)
	if errors.Is(err, fs.ErrExist) && !force {
		return fmt.Errorf("%w; thêm --force để ghi đè", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã sao lưu %d kế hoạch, %d nhiệm vụ và %d tài liệu kiểm chứng vào %s.\n", info.Plans, info.Tasks, info.Evidence, info.Path)
	if n := len(info.MissingEvidence); n > 0 {
		fmt.Fprintf(e.Stderr, "cchc-cli: cảnh báo: %d tài liệu kiểm chứng có trong dữ liệu nhưng không thấy tệp trong thư mục evidence: %v\n", n, info.MissingEvidence)
	}
	return nil
}

func writeBackup(st *db.Store, args []string, force bool) (backup.BackupInfo, error) {
	if len(args) == 0 {
		dir := backup.BackupDir(st.Path())
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return backup.BackupInfo{}, fmt.Errorf("không tạo được thư mục sao lưu %s: %w", dir, err)
		}
		return backup.BackupInFolder(st, dir, backup.BackupOptions{})
	}
	if info, err := os.Stat(args[0]); err == nil && info.IsDir() {
		return backup.BackupInFolder(st, args[0], backup.BackupOptions{})
	}
	return backup.Backup(st, args[0], backup.BackupOptions{Force: force})
}

func runPath(e *cmdline.Env, _ []string) error {
	path, err := datafile.DBPath(e.DBFlag)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, path)
	return nil
}
