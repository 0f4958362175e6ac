package main

import (
	"flag"
	"fmt"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
)

func init() {
	commands["seed"] = command{
		usage:   "seed",
		summary: "tạo kế hoạch mẫu 122/KH-SKH năm 2023 nếu chưa từng tạo",
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return runSeed
		},
	}
	commands["backup"] = command{
		usage:   "backup TỆP",
		summary: "sao lưu toàn bộ dữ liệu ra một tệp",
		args:    argCount{1, 1, "TỆP"},
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return runBackup
		},
	}
	commands["path"] = command{
		usage:   "path",
		summary: "in đường dẫn tệp dữ liệu đang dùng",
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			return runPath
		},
	}
}

func runSeed(e *env, _ []string) error {
	path, err := store.DBPath(e.dbFlag)
	if err != nil {
		return err
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	e.st = st
	created, err := seeds.Ensure(st)
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintln(e.stdout, "Đã tạo kế hoạch mẫu 122/KH-SKH năm 2023.")
	} else {
		fmt.Fprintln(e.stdout, "Kế hoạch mẫu 122/KH-SKH năm 2023 đã được tạo từ trước; không làm gì thêm.")
	}
	return nil
}

func runBackup(e *env, args []string) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	if err := st.Backup(args[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã sao lưu dữ liệu vào %s.\n", args[0])
	return nil
}

func runPath(e *env, _ []string) error {
	path, err := store.DBPath(e.dbFlag)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, path)
	return nil
}
