package data

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

func init() {
	commands["settings"] = cmdline.Command{
		Usage:   "settings [get KHÓA | set [--force] KHÓA GIÁ_TRỊ]",
		Summary: "xem hoặc sửa cài đặt: tên cơ quan, đơn vị, nơi nhận, người ký, lề trang",
		Args:    cmdline.ArgCount{Min: 0, Max: 3, Names: ""},
		Writes:  true,
		Setup: func(fs *flag.FlagSet) func(*cmdline.Env, []string) error {
			force := fs.Bool("force", false, "xoá hết một danh sách mà không hỏi")
			return func(e *cmdline.Env, args []string) error { return runSettings(e, args, *force) }
		},
	}
}

func runSettings(e *cmdline.Env, args []string, force bool) error {
	if len(args) == 0 || args[0] != "set" {
		e.OnlyReads()
	}
	if len(args) == 0 {
		return listSettings(e)
	}
	switch {
	case args[0] == "get" && len(args) == 2:
		return getSetting(e, args[1])
	case args[0] == "set" && len(args) == 3:
		return setSetting(e, args[1], args[2], force)
	case args[0] == "set":
		return cmdline.UsageError("settings set cần KHÓA và một GIÁ_TRỊ; giá trị có dấu cách thì đặt trong ngoặc kép")
	}
	return cmdline.UsageError("cách dùng: cchc-cli settings, cchc-cli settings get KHÓA hoặc cchc-cli settings set KHÓA GIÁ_TRỊ; các khóa: %s", strings.Join(store.SettingKeys(), ", "))
}

// listSettings prints every key with its value; a list continues one item a
// line under its first.
func listSettings(e *cmdline.Env) error {
	st, err := e.Store()
	if err != nil {
		return err
	}
	settings, err := st.Settings()
	if err != nil {
		return err
	}
	keys := store.SettingKeys()
	width := 0
	for _, key := range keys {
		width = max(width, utf8.RuneCountInString(key))
	}
	for _, key := range keys {
		value, err := settings.Setting(key)
		if err != nil {
			return err
		}
		writeSetting(e.Stdout, key, value, width)
	}
	return nil
}

func writeSetting(w io.Writer, key, value string, width int) {
	if value == "" {
		value = "(trống)"
	}
	pad := strings.Repeat(" ", width+2)
	lines := strings.Split(value, "\n")
	fmt.Fprintf(w, "%-*s  %s\n", width, key, lines[0])
	for _, line := range lines[1:] {
		fmt.Fprintf(w, "%s%s\n", pad, line)
	}
}

// getSetting prints one value as it is, a list one item a line.
func getSetting(e *cmdline.Env, key string) error {
	st, err := e.Store()
	if err != nil {
		return err
	}
	settings, err := st.Settings()
	if err != nil {
		return err
	}
	value, err := settings.Setting(key)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, value)
	return nil
}

// setSetting changes one value. The signer's name also goes into every plan
// that has none yet; other values change the settings only, which new plans
// take: existing plans keep the names they were issued under. Emptying a
// list needs force.
func setSetting(e *cmdline.Env, key, value string, force bool) error {
	st, err := e.Store()
	if err != nil {
		return err
	}
	if strings.EqualFold(key, "signer.name") {
		return setSignerName(e, st, value)
	}
	settings, err := st.Settings()
	if err != nil {
		return err
	}
	if question := settings.ConfirmChange(key, value); question != "" && !force {
		return cmdline.UsageError("%s Thêm --force nếu đúng là muốn xoá; không thay đổi gì", question)
	}
	if err := settings.SetSetting(key, value); err != nil {
		return err
	}
	if err := st.SaveSettings(settings); err != nil {
		return err
	}
	saved, _ := settings.Setting(key)
	fmt.Fprintf(e.Stdout, "Đã lưu %s: %s\n", key, strings.ReplaceAll(saved, "\n", "; "))
	return nil
}

func setSignerName(e *cmdline.Env, st *db.Store, value string) error {
	name := strings.Join(strings.Fields(value), " ")
	if name == "" {
		return cmdline.UsageError("họ tên người ký không được để trống")
	}
	plans, err := st.SetSignerName(name)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Đã lưu họ tên người ký: %s. %d kế hoạch chưa có tên người ký nay mang tên này.\n", name, plans)
	return nil
}
