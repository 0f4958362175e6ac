package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/kehoach/cchc/store/datafile"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/usererr"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// env is what every command gets: where to write and how to reach the data.
type env struct {
	stdout io.Writer
	stderr io.Writer
	today  func() store.Date
	dbFlag string
	// writes is set when the command writes to the data file: the file is
	// then opened for writing, else read-only.
	writes bool
	st     *db.Store
}

// onlyReads tells that this run of a command that may write only reads
// (a dry run, a setting read), so the data file is opened read-only.
func (e *env) onlyReads() { e.writes = false }

// store opens the database on first use, read-only unless the command
// writes. A missing file is created with the seed plan (the default file
// with its folder, a file the user named only in a folder that exists),
// and the user is told.
func (e *env) store() (*db.Store, error) {
	if e.st != nil {
		return e.st, nil
	}
	loc, err := datafile.Locate(e.dbFlag)
	if err != nil {
		return nil, err
	}
	st, err := seeds.OpenWith(loc.Path, loc.Options(!e.writes))
	if err != nil {
		return nil, withDamageHint(err)
	}
	if st.Created() {
		fmt.Fprintf(e.stderr, "cchc-cli: đã tạo tệp dữ liệu mới %s, kèm kế hoạch mẫu 122/KH-SKH năm 2023.\n", loc.Path)
	}
	e.st = st
	return st, nil
}

// damageHint says what to do about a damaged data file.
const damageHint = "hãy chạy “cchc-cli check” để xem chi tiết, “cchc-cli backups” để xem các bản sao lưu, rồi “cchc-cli restore TỆP” để khôi phục một bản hoặc “cchc-cli recover” để cứu phần dữ liệu còn đọc được"

// withDamageHint adds to the error of a damaged data file what to do.
func withDamageHint(err error) error {
	if _, ok := datafile.AsDamaged(err); ok {
		return fmt.Errorf("%w; %s", err, damageHint)
	}
	return err
}

// plan opens the store and finds the plan named by --plan.
func (e *env) plan(ref string) (*db.Store, store.Plan, error) {
	if ref == "" {
		return nil, store.Plan{}, usageError("thiếu --plan: ghi năm (2023) hoặc số kế hoạch (122/KH-SKH)")
	}
	st, err := e.store()
	if err != nil {
		return nil, store.Plan{}, err
	}
	plan, err := st.FindPlan(ref)
	return st, plan, err
}

// command is one subcommand: its help and a setup that declares its flags
// on fs and returns the function that runs it with the positional arguments.
type command struct {
	usage   string
	summary string
	args    argCount
	// writes declares that the command may write to the data file; a
	// command without it opens the file read-only and never changes it.
	writes bool
	setup  func(fs *flag.FlagSet) func(e *env, args []string) error
}

// argCount is how many positional arguments a command takes, and their
// names as the usage line writes them ("TỆP"), one a position.
type argCount struct {
	min, max int
	names    string
}

// commands are the subcommands by name; each file cmd_*.go adds its own.
var commands = map[string]command{}

// usageErr marks a mistake in the command line, answered with exit code 2
// and the usage line of the command it was made in.
type usageErr struct {
	msg string
	// usage is the command's usage line; empty when there is no command.
	usage string
}

func (u usageErr) Error() string { return u.msg }

func usageError(format string, a ...any) error { return usageErr{msg: fmt.Sprintf(format, a...)} }

// withUsage gives a usage error the usage line of the command it came from.
func withUsage(err error, usage string) error {
	var u usageErr
	if errors.As(err, &u) && u.usage == "" {
		u.usage = usage
		return u
	}
	return err
}

// run runs one command line and returns the exit code. Any error is one line
// of Vietnamese on stderr (store.Message), followed for a mistake in the
// command line by the command's usage. A panic is written with its stack to
// the log beside the database and exits with exitError like any error.
func run(args []string, stdout, stderr io.Writer, today func() store.Date) int {
	e := &env{stdout: stdout, stderr: stderr, today: today}
	defer func() {
		if e.st != nil {
			e.st.Close()
		}
	}()
	err := dispatchRecovering(e, args)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "cchc-cli: "+oneLine(usererr.Message(err)))
	var usage usageErr
	if !errors.As(err, &usage) {
		return exitError
	}
	if usage.usage != "" {
		fmt.Fprintln(stderr, "Cách dùng: cchc-cli "+usage.usage)
	} else {
		fmt.Fprintln(stderr, "Gõ “cchc-cli help” để xem cách dùng.")
	}
	return exitUsage
}

// dispatchRecovering runs dispatch and turns a panic into an error that
// names the log its stack was written to.
func dispatchRecovering(e *env, args []string) (err error) {
	defer func() {
		if recovered := recover(); recovered != nil {
			err = logUnexpected(e, args, usererr.Unexpected(recovered))
			err = damageBehind(e, err)
		}
	}()
	return dispatch(e, args)
}

// damageBehind names the damaged data file behind a panic, when the data
// open fails its check: a damaged page can crash a read that the check at
// opening did not reach.
func damageBehind(e *env, panicked error) error {
	if e.st == nil {
		return panicked
	}
	if err := e.st.Check(); err != nil {
		return withDamageHint(err)
	}
	return panicked
}

// logFileName is the CLI's log, beside the database.
const logFileName = "cchc-cli.log"

// logUnexpected writes a recovered panic to the log and returns the error
// the user reads: what happened and where the log is.
func logUnexpected(e *env, args []string, unexpected error) error {
	dir := os.TempDir()
	if path, err := datafile.DBPath(e.dbFlag); err == nil {
		dir = filepath.Dir(path)
	}
	logPath := filepath.Join(dir, logFileName)
	if err := usererr.AppendErrorLog(logPath, "cchc-cli "+strings.Join(args, " "), unexpected); err != nil {
		return fmt.Errorf("%w; không ghi được nhật ký lỗi %s", unexpected, logPath)
	}
	return fmt.Errorf("%w; chi tiết đã ghi vào %s, hãy gửi tệp này cho người hỗ trợ", unexpected, logPath)
}

func dispatch(e *env, args []string) error {
	name, rest := splitCommand(args)
	if name == "" || name == "help" || name == "-h" || name == "--help" {
		printHelp(e.stdout)
		return nil
	}
	name, rest = subcommand(name, rest)
	cmd, ok := commands[name]
	if !ok {
		return unknownCommand(name)
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.dbFlag, "db", "", "tệp dữ liệu")
	e.writes = cmd.writes
	runCmd := cmd.setup(fs)
	positional, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(e.stdout, "Cách dùng: cchc-cli %s\n%s\n", cmd.usage, cmd.summary)
		return nil
	}
	if err != nil {
		return usageErr{msg: "lệnh " + name + ": " + translateFlagError(err), usage: cmd.usage}
	}
	if err := checkCount(name, cmd.args, positional); err != nil {
		return withUsage(err, cmd.usage)
	}
	return withUsage(runCmd(e, positional), cmd.usage)
}

// subcommand joins a command and the word that follows it when the two name
// a command ("task add", "report draft" beside "report"), and returns the
// arguments left.
func subcommand(name string, rest []string) (string, []string) {
	if sub, after := splitCommand(rest); sub != "" {
		if _, ok := commands[name+" "+sub]; ok {
			return name + " " + sub, after
		}
	}
	return name, rest
}

// unknownCommand says there is no such command, listing the words that
// follow a command made of two.
func unknownCommand(name string) error {
	word, _, _ := strings.Cut(name, " ")
	var subs []string
	for known := range commands {
		if sub, ok := strings.CutPrefix(known, word+" "); ok {
			subs = append(subs, sub)
		}
	}
	if len(subs) == 0 {
		return usageError("không có lệnh %q", name)
	}
	sort.Strings(subs)
	return usageError("lệnh %s cần một việc ngay sau tên lệnh: %s", word, strings.Join(subs, ", "))
}

// checkCount names the argument missing, or the first one too many.
func checkCount(name string, c argCount, positional []string) error {
	names := strings.Fields(c.names)
	switch {
	case len(positional) < c.min && len(positional) < len(names):
		return usageError("thiếu %s: lệnh %s cần %s", names[len(positional)], name, describeCount(c))
	case len(positional) < c.min:
		return usageError("lệnh %s cần %s", name, describeCount(c))
	case len(positional) > c.max && c.max == 0:
		return usageError("thừa tham số “%s”: lệnh %s không nhận tham số nào", positional[0], name)
	case len(positional) > c.max:
		return usageError("thừa tham số “%s”: lệnh %s cần %s", positional[c.max], name, describeCount(c))
	}
	return nil
}

var flagValueError = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(-\S+):`)

// translateFlagError turns the flag package's English into Vietnamese that
// names the option.
func translateFlagError(err error) string {
	msg := err.Error()
	if flagName, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "không có tuỳ chọn " + flagName
	}
	if flagName, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "tuỳ chọn " + flagName + " cần một giá trị"
	}
	if m := flagValueError.FindStringSubmatch(msg); m != nil {
		return "giá trị " + m[1] + " của tuỳ chọn " + m[2] + " không hợp lệ"
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return "tuỳ chọn “" + arg + "” viết sai"
	}
	return "tuỳ chọn không hợp lệ"
}

func describeCount(c argCount) string {
	switch {
	case c.max == 0:
		return "không có tham số nào"
	case c.min == c.max:
		return fmt.Sprintf("đúng %d tham số", c.min)
	default:
		return fmt.Sprintf("từ %d đến %d tham số", c.min, c.max)
	}
}

// oneLine folds a message onto one line.
func oneLine(msg string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(msg, "\n", "; ")), " ")
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "cchc-cli: Kế hoạch cải cách hành chính, không cần cửa sổ.")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Cách dùng: cchc-cli [--db TỆP] LỆNH [tuỳ chọn] [tham số]")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Lệnh:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-44s %s\n", commands[name].usage, commands[name].summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintf(w, "Tệp dữ liệu: --db TỆP, hoặc biến môi trường %s, hoặc mặc định %s trong thư mục dữ liệu của người dùng.\n", datafile.EnvDB, datafile.DBFileName)
	fmt.Fprintln(w, "Tuỳ chọn có thể đứng trước hoặc sau tham số.")
}
