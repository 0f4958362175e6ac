package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/kehoach/cchc/store/backup"
	"github.com/kehoach/cchc/store/datafile"
)

func init() {
	commands["backups"] = command{
		usage:   "backups",
		summary: "liệt kê các bản sao lưu trong thư mục backups, mới nhất trước, với ngày và số nhiệm vụ",
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return runBackups
		},
	}
	commands["restore"] = command{
		usage:   "restore TỆP.zip",
		summary: "khôi phục một bản sao lưu: kiểm tra nó, sao lưu dữ liệu hiện có (hoặc đổi tên nếu hỏng), rồi thay",
		args:    argCount{1, 1, "TỆP"},
		writes:  true,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return runRestore
		},
	}
	commands["recover"] = command{
		usage:   "recover [--out TỆP]",
		summary: "cứu các kế hoạch, nhiệm vụ còn đọc được từ tệp dữ liệu hỏng vào tệp mới; tệp hỏng được đổi tên, không bị xoá",
		writes:  true,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			out := fs.String("out", "", "ghi dữ liệu cứu được vào tệp này, để nguyên tệp hỏng")
			return func(e *env, _ []string) error { return runRecover(e, *out) }
		},
	}
}

// runBackups lists the backups beside the data file; it opens no data.
func runBackups(e *env, _ []string) error {
	path, err := datafile.DBPath(e.dbFlag)
	if err != nil {
		return err
	}
	backups := backup.ListBackups(path)
	if len(backups) == 0 {
		fmt.Fprintf(e.stdout, "Chưa có bản sao lưu nào trong %s.\n", backup.BackupDir(path))
		return nil
	}
	fmt.Fprintf(e.stdout, "Các bản sao lưu trong %s:\n", backup.BackupDir(path))
	printBackups(e.stdout, backups)
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
func runRestore(e *env, args []string) error {
	loc, err := datafile.Locate(e.dbFlag)
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
	fmt.Fprintf(e.stdout, "Đã khôi phục bản sao lưu %s (lúc %s: %d kế hoạch, %d nhiệm vụ) vào %s.\n",
		args[0], b.Made.Format("02/01/2006 15:04"), b.Plans, b.Tasks, loc.Path)
	switch {
	case res.MovedAside != "":
		fmt.Fprintf(e.stdout, "Tệp dữ liệu cũ không đạt kiểm tra nên được giữ lại với tên %s.\n", res.MovedAside)
	case res.SafetyBackup.Path != "":
		fmt.Fprintf(e.stdout, "Dữ liệu trước khi khôi phục đã được sao lưu vào %s.\n", res.SafetyBackup.Path)
	}
	return nil
}

// runRecover saves what still reads of a damaged data file: into the file
// --out names, or in place of the damaged file, which is moved aside.
func runRecover(e *env, out string) error {
	path, err := datafile.DBPath(e.dbFlag)
	if err != nil {
		return err
	}
	if report, err := checkFile(path); err == nil && report.OK() {
		fmt.Fprintf(e.stdout, "Tệp dữ liệu %s đạt kiểm tra; không cần cứu.\n", path)
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
	fmt.Fprintf(e.stdout, "Đã cứu %d kế hoạch, %d nhiệm vụ (%d bản ghi) vào %s; %d bản ghi không đọc được.\n", rep.Plans, rep.Tasks, rep.Records, out, rep.Lost)
	for _, part := range rep.Unread {
		fmt.Fprintf(e.stdout, "Phần %s sau chỗ hỏng không đọc được.\n", part)
	}
	if aside != "" {
		fmt.Fprintf(e.stdout, "Tệp hỏng được giữ lại với tên %s.\n", aside)
	}
	return nil
}
