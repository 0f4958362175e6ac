package data

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/seeds/demo"
)

// maxDemoTasks bounds `demo --tasks`.
const maxDemoTasks = 200_000

func init() {
	commands["demo"] = cmdline.Command{
		Writes:  true,
		Usage:   "demo --tasks N --db TỆP [--seed S] [--force]",
		Summary: "tạo tệp dữ liệu thử: một kế hoạch N nhiệm vụ với một năm cập nhật tiến độ (để kiểm thử, đo tốc độ)",
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			tasks := fs.Int("tasks", 0, "số nhiệm vụ")
			seed := fs.Uint64("seed", 1, "hạt giống: cùng hạt giống cho cùng dữ liệu")
			force := fs.Bool("force", false, "ghi đè tệp đã có")
			return func(e *cmdline.Env, _ []string) error { return runDemo(e, *tasks, *seed, *force) }
		},
	}
}

func runDemo(e *cmdline.Env, tasks int, seed uint64, force bool) error {
	switch {
	case tasks < 1 || tasks > maxDemoTasks:
		return cmdline.UsageError("--tasks: ghi số nhiệm vụ từ 1 đến %d", maxDemoTasks)
	case e.DBFlag == "":
		return cmdline.UsageError("thiếu --db: ghi tệp dữ liệu thử sẽ tạo, để không đụng đến dữ liệu thật")
	}
	if err := clearDemoFile(e.DBFlag, force); err != nil {
		return err
	}
	st, err := db.Open(e.DBFlag)
	if err != nil {
		return err
	}
	e.Opened = st
	stored, err := demo.Store(st, demo.Options{Tasks: tasks, Seed: seed})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã tạo %s: kế hoạch %s năm %d với %d nhiệm vụ, %d lần cập nhật, %d tài liệu kiểm chứng.\n",
		e.DBFlag, stored.Plan.Ref(), stored.Plan.Year, stored.Tasks, stored.Updates, stored.Evidence)
	fmt.Fprintf(e.Stdout, "Xem: cchc-cli --db %s tasks --plan %s\n", e.DBFlag, stored.Plan.Ref())
	return nil
}

// clearDemoFile refuses to overwrite a file that exists, unless forced.
func clearDemoFile(path string, force bool) error {
	_, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !force:
		return cmdline.UsageError("--db: tệp %s đã có; thêm --force để ghi đè", path)
	}
	return os.Remove(path)
}
