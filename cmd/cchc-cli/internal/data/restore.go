package data

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/datafile"
)

func init() {
	commands["backups"] = cmdline.Command{
		Usage:   "backups",
		Summary: "liệt kê các bản sao lưu trong thư mục backups, mới nhất trước, với ngày và số nhiệm vụ",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			return runBackups
		},
	}
	commands["restore"] = cmdline.Command{
		Usage:   "restore TỆP.zip",
		Summary: "khôi phục một bản sao lưu: kiểm tra nó, sao lưu dữ liệu hiện có (hoặc đổi tên nếu hỏng), rồi thay",
		Args:    cmdline.ArgCount{Min: 1, Max: 1, Names: "TỆP"},
		Writes:  true,
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			return runRestore
		},
	}
	commands["recover"] = cmdline.Command{
		Usage:   "recover [--out TỆP]",
		Summary: "cứu các kế hoạch, nhiệm vụ còn đọc được từ tệp dữ liệu hỏng vào tệp mới; tệp hỏng được đổi tên, không bị xoá",
		Writes:  true,
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			out := fs.String("out", "", "ghi dữ liệu cứu được vào tệp này, để nguyên tệp hỏng")
			return func(e *cmdline.Env, _ []string) error { return runRecover(e, *out) }
		},
	}
}

// runBackups lists the backups beside the data file; it opens no data.
func runBackups(e *cmdline.Env, _ []string) error {
	path, err := datafile.DBPath(e.DBFlag)
	if err != nil {
		return err
	}
	backups := backup.ListBackups(path)
	if len(backups) == 0 {
		fmt.Fprintf(e.Stdout, "Chưa có bản sao lưu nào trong %s.\n", backup.BackupDir(path))
		return nil
	}
	fmt.Fprintf(e.Stdout, "Các bản sao lưu trong %s:\n", backup.BackupDir(path))
	printBackups(e.Stdout, backups)
	return nil
}

// printBackups writes one line a backup: when, why, what it holds, its file.
func printBackups(w io.Writer, backups []backup.BackupInfo) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NGÀY GIỜ\tLOẠI\tKẾ HOẠCH\tNHIỆM VỤ\tTÀI LIỆU\tTỆP")
	for _, b := range backups {
		if b.Problem != "" {
			fmt.Fprintf(tw, "%s\t(không đọc được)\t\t\t\t%s: %s\n", b.Made.Format("02/01/2006 15:04"), filepath.Base(b.Path), b.Problem)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", b.Made.Format("02/01/2006 15:04"), backupKind(b), b.Plans, b.Tasks, b.Evidence, filepath.Base(b.Path))
	}
	tw.Flush()
}

// backupKind says who made a backup and why.
func backupKind(b backup.BackupInfo) string {
	if b.Auto() {
		return "tự động, " + b.Reason
	}
	return "do người dùng"
}

// runRestore puts a backup in place of the data file.
func runRestore(e *cmdline.Env, args []string) error {
	loc, err := datafile.Locate(e.DBFlag)
	if err != nil {
		return err
	}
	if !loc.Named {
		os.MkdirAll(filepath.Dir(loc.Path), 0o700)
	}
	res, err := backup.Restore(loc.Path, args[0])
	if err != nil {
		return err
	}
	b := res.Backup
	fmt.Fprintf(e.Stdout, "Đã khôi phục bản sao lưu %s (lúc %s: %d kế hoạch, %d nhiệm vụ) vào %s.\n",
		args[0], b.Made.Format("02/01/2006 15:04"), b.Plans, b.Tasks, loc.Path)
	switch {
	case res.MovedAside != "":
		fmt.Fprintf(e.Stdout, "Tệp dữ liệu cũ không đạt kiểm tra nên được giữ lại với tên %s.\n", res.MovedAside)
	case res.SafetyBackup.Path != "":
		fmt.Fprintf(e.Stdout, "Dữ liệu trước khi khôi phục đã được sao lưu vào %s.\n", res.SafetyBackup.Path)
	}
	return nil
}

// runRecover saves what still reads of a damaged data file: into the file
// --out names, or in place of the damaged file, which is moved aside.
func runRecover(e *cmdline.Env, out string) error {
	path, err := datafile.DBPath(e.DBFlag)
	if err != nil {
		return err
	}
	if report, err := checkFile(path); err == nil && report.OK() {
		fmt.Fprintf(e.Stdout, "Tệp dữ liệu %s đạt kiểm tra; không cần cứu.\n", path)
		return nil
	}
	var rep backup.SalvageReport
	aside := ""
	if out != "" {
		rep, err = backup.Salvage(path, out)
	} else {
		rep, aside, err = backup.RecoverInPlace(path)
		out = path
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã cứu %d kế hoạch, %d nhiệm vụ (%d bản ghi) vào %s; %d bản ghi không đọc được.\n", rep.Plans, rep.Tasks, rep.Records, out, rep.Lost)
	for _, part := range rep.Unread {
		fmt.Fprintf(e.Stdout, "Phần %s sau chỗ hỏng không đọc được.\n", part)
	}
	if aside != "" {
		fmt.Fprintf(e.Stdout, "Tệp hỏng được giữ lại với tên %s.\n", aside)
	}
	return nil
}
