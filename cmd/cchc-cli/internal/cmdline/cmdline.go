// Package cmdline is the frame of cchc-cli's command line: the Env every
// command gets (where to write, the data file opened on first use, read-only
// unless the command writes), the Command and its Table, the dispatch of a
// command line with flags anywhere among the arguments, usage errors that
// name the argument and show the command's usage line, the help, and the
// log of an unexpected panic; beside them the small readers of arguments
// and printers the commands share (dates, areas, tasks, Shorten).
package cmdline

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
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Env is what every command gets: where to write and how to reach the data.
type Env struct {
	// Stdout and Stderr are where the command writes.
	Stdout io.Writer
	Stderr io.Writer
	// Today gives the day the command runs on.
	Today func() store.Date
	// DBFlag is the value of --db: the data file named, or "".
	DBFlag string
	// writes is set when the command writes to the data file: the file is
	// then opened for writing, else read-only.
	writes bool
	// Opened is the data file once opened; the run closes it at its end.
	Opened *db.Store
}

// OnlyReads tells that this run of a command that may write only reads
// (a dry run, a setting read), so the data file is opened read-only.
func (e *Env) OnlyReads() { e.writes = false }

// Store opens the database on first use, read-only unless the command
// writes. A missing file is created with the seed plan (the default file
// with its folder, a file the user named only in a folder that exists),
// and the user is told.
func (e *Env) Store() (*db.Store, error) {
	if e.Opened != nil {
		return e.Opened, nil
	}
	loc, err := datafile.Locate(e.DBFlag)
	if err != nil {
		return nil, err
	}
	st, err := seeds.OpenWith(loc.Path, loc.Options(!e.writes))
	if err != nil {
		return nil, withDamageHint(err)
	}
	if st.Created() {
		fmt.Fprintf(e.Stderr, "cchc-cli: đã tạo tệp dữ liệu mới %s, kèm kế hoạch mẫu 122/KH-SKH năm 2023.\n", loc.Path)
	}
	e.Opened = st
	return st, nil
}

// DamageHint says what to do about a damaged data file.
const DamageHint = "hãy chạy “cchc-cli check” để xem chi tiết, “cchc-cli backups” để xem các bản sao lưu, rồi “cchc-cli restore TỆP” để khôi phục một bản hoặc “cchc-cli recover” để cứu phần dữ liệu còn đọc được"

// withDamageHint adds to the error of a damaged data file what to do.
func withDamageHint(err error) error {
	if _, ok := datafile.AsDamaged(err); ok {
		return fmt.Errorf("%w; %s", err, DamageHint)
	}
	return err
}

// Plan opens the store and finds the Plan named by --Plan.
func (e *Env) Plan(ref string) (*db.Store, store.Plan, error) {
	if ref == "" {
		return nil, store.Plan{}, UsageError("thiếu --plan: ghi năm (2023) hoặc số kế hoạch (122/KH-SKH)")
	}
	st, err := e.Store()
	if err != nil {
		return nil, store.Plan{}, err
	}
	plan, err := st.FindPlan(ref)
	return st, plan, err
}

// Command is one subcommand: its help and a setup that declares its flags
// on fs and returns the function that runs it with the positional arguments.
type Command struct {
	// Usage is the command's usage line, without "cchc-cli ".
	Usage string
	// Summary says in one line what the command does.
	Summary string
	// Args is how many positional arguments it takes.
	Args ArgCount
	// Writes declares that the command may write to the data file; a
	// command without it opens the file read-only and never changes it.
	Writes bool
	// Setup declares the command's flags on fs and returns the function
	// that runs it with the positional arguments.
	Setup func(fs *flag.FlagSet) func(e *Env, args []string) error
}

// ArgCount is how many positional arguments a command takes, and their
// names as the usage line writes them ("TỆP"), one a position.
type ArgCount struct {
	Min, Max int
	Names    string
}

// Table holds commands by name; a name of two words ("task add") is a
// command and the word that follows it.
type Table map[string]Command

// Join gathers tables into one. A name in two of them is a mistake in
// the program, not in the command line.
func Join(tables ...Table) Table {
	all := Table{}
	for _, t := range tables {
		for name, cmd := range t {
			if _, taken := all[name]; taken {
				panic("cchc-cli: lệnh " + name + " được khai báo hai lần")
			}
			all[name] = cmd
		}
	}
	return all
}

// usageErr marks a mistake in the command line, answered with exit code 2
// and the usage line of the command it was made in.
type usageErr struct {
	msg string
	// usage is the command's usage line; empty when there is no command.
	usage string
}

func (u usageErr) Error() string { return u.msg }

func UsageError(format string, a ...any) error { return usageErr{msg: fmt.Sprintf(format, a...)} }

// withUsage gives a usage error the usage line of the command it came from.
func withUsage(err error, usage string) error {
	var u usageErr
	if errors.As(err, &u) && u.usage == "" {
		u.usage = usage
		return u
	}
	return err
}

// Run runs one command line and returns the exit code. Any error is one line
// of Vietnamese on stderr (store.Message), followed for a mistake in the
// command line by the command's usage. A panic is written with its stack to
// the log beside the database and exits with exitError like any error.
func (t Table) Run(args []string, stdout, stderr io.Writer, today func() store.Date) int {
	e := &Env{Stdout: stdout, Stderr: stderr, Today: today}
	defer func() {
		if e.Opened != nil {
			e.Opened.Close()
		}
	}()
	err := t.dispatchRecovering(e, args)
	if err == nil {
		return ExitOK
	}
	fmt.Fprintln(stderr, "cchc-cli: "+oneLine(usererr.Message(err)))
	var usage usageErr
	if !errors.As(err, &usage) {
		return ExitError
	}
	if usage.usage != "" {
		fmt.Fprintln(stderr, "Cách dùng: cchc-cli "+usage.usage)
	} else {
		fmt.Fprintln(stderr, "Gõ “cchc-cli help” để xem cách dùng.")
	}
	return ExitUsage
}

// dispatchRecovering runs dispatch and turns a panic into an error that
// names the log its stack was written to.
func (t Table) dispatchRecovering(e *Env, args []string) (err error) {
	defer func() {
		if recovered := recover(); recovered != nil {
			err = logUnexpected(e, args, usererr.Unexpected(recovered))
			err = damageBehind(e, err)
		}
	}()
	return t.dispatch(e, args)
}

// damageBehind names the damaged data file behind a panic, when the data
// open fails its check: a damaged page can crash a read that the check at
// opening did not reach.
func damageBehind(e *Env, panicked error) error {
	if e.Opened == nil {
		return panicked
	}
	if err := e.Opened.Check(); err != nil {
		return withDamageHint(err)
	}
	return panicked
}

// LogFileName is the CLI's log, beside the database.
const LogFileName = "cchc-cli.log"

// logUnexpected writes a recovered panic to the log and returns the error
// the user reads: what happened and where the log is.
func logUnexpected(e *Env, args []string, unexpected error) error {
	dir := os.TempDir()
	if path, err := datafile.DBPath(e.DBFlag); err == nil {
		dir = filepath.Dir(path)
	}
	logPath := filepath.Join(dir, LogFileName)
	if err := usererr.AppendErrorLog(logPath, "cchc-cli "+strings.Join(args, " "), unexpected); err != nil {
		return fmt.Errorf("%w; không ghi được nhật ký lỗi %s", unexpected, logPath)
	}
	return fmt.Errorf("%w; chi tiết đã ghi vào %s, hãy gửi tệp này cho người hỗ trợ", unexpected, logPath)
}

func (t Table) dispatch(e *Env, args []string) error {
	name, rest := splitCommand(args)
	if name == "" || name == "help" || name == "-h" || name == "--help" {
		t.printHelp(e.Stdout)
		return nil
	}
	name, rest = t.subcommand(name, rest)
	cmd, ok := t[name]
	if !ok {
		return t.unknownCommand(name)
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.DBFlag, "db", "", "tệp dữ liệu")
	e.writes = cmd.Writes
	runCmd := cmd.Setup(fs)
	positional, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(e.Stdout, "Cách dùng: cchc-cli %s\n%s\n", cmd.Usage, cmd.Summary)
		return nil
	}
	if err != nil {
		return usageErr{msg: "lệnh " + name + ": " + translateFlagError(err), usage: cmd.Usage}
	}
	if err := checkCount(name, cmd.Args, positional); err != nil {
		return withUsage(err, cmd.Usage)
	}
	return withUsage(runCmd(e, positional), cmd.Usage)
}

// subcommand joins a command and the word that follows it when the two name
// a command ("task add", "report draft" beside "report"), and returns the
// arguments left.
func (t Table) subcommand(name string, rest []string) (string, []string) {
	if sub, after := splitCommand(rest); sub != "" {
		if _, ok := t[name+" "+sub]; ok {
			return name + " " + sub, after
		}
	}
	return name, rest
}

// unknownCommand says there is no such command, listing the words that
// follow a command made of two.
func (t Table) unknownCommand(name string) error {
	word, _, _ := strings.Cut(name, " ")
	var subs []string
	for known := range t {
		if sub, ok := strings.CutPrefix(known, word+" "); ok {
			subs = append(subs, sub)
		}
	}
	if len(subs) == 0 {
		return UsageError("không có lệnh %q", name)
	}
	sort.Strings(subs)
	return UsageError("lệnh %s cần một việc ngay sau tên lệnh: %s", word, strings.Join(subs, ", "))
}

// checkCount names the argument missing, or the first one too many.
func checkCount(name string, c ArgCount, positional []string) error {
	names := strings.Fields(c.Names)
	switch {
	case len(positional) < c.Min && len(positional) < len(names):
		return UsageError("thiếu %s: lệnh %s cần %s", names[len(positional)], name, describeCount(c))
	case len(positional) < c.Min:
		return UsageError("lệnh %s cần %s", name, describeCount(c))
	case len(positional) > c.Max && c.Max == 0:
		return UsageError("thừa tham số “%s”: lệnh %s không nhận tham số nào", positional[0], name)
	case len(positional) > c.Max:
		return UsageError("thừa tham số “%s”: lệnh %s cần %s", positional[c.Max], name, describeCount(c))
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

func describeCount(c ArgCount) string {
	switch {
	case c.Max == 0:
		return "không có tham số nào"
	case c.Min == c.Max:
		return fmt.Sprintf("đúng %d tham số", c.Min)
	default:
		return fmt.Sprintf("từ %d đến %d tham số", c.Min, c.Max)
	}
}

// oneLine folds a message onto one line.
func oneLine(msg string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(msg, "\n", "; ")), " ")
}

func (t Table) printHelp(w io.Writer) {
	fmt.Fprintln(w, "cchc-cli: Kế hoạch cải cách hành chính, không cần cửa sổ.")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Cách dùng: cchc-cli [--db TỆP] LỆNH [tuỳ chọn] [tham số]")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Lệnh:")
	names := make([]string, 0, len(t))
	for name := range t {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-44s %s\n", t[name].Usage, t[name].Summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintf(w, "Tệp dữ liệu: --db TỆP, hoặc biến môi trường %s, hoặc mặc định %s trong thư mục dữ liệu của người dùng.\n", datafile.EnvDB, datafile.DBFileName)
	fmt.Fprintln(w, "Tuỳ chọn có thể đứng trước hoặc sau tham số.")
}
