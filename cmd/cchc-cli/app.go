package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

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
	st     *store.Store
}

// store opens the database on first use, seeding it when it is new.
func (e *env) store() (*store.Store, error) {
	if e.st != nil {
		return e.st, nil
	}
	path, err := store.DBPath(e.dbFlag)
	if err != nil {
		return nil, err
	}
	st, err := seeds.Open(path)
	if err != nil {
		return nil, err
	}
	e.st = st
	return st, nil
}

// plan opens the store and finds the plan named by --plan.
func (e *env) plan(ref string) (*store.Store, store.Plan, error) {
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
	setup   func(fs *flag.FlagSet) func(e *env, args []string) error
}

// argCount is how many positional arguments a command takes.
type argCount struct{ min, max int }

// commands are the subcommands by name; each file cmd_*.go adds its own.
var commands = map[string]command{}

// usageErr marks a mistake in the command line, answered with exit code 2.
type usageErr struct{ msg string }

func (u usageErr) Error() string { return u.msg }

func usageError(format string, a ...any) error { return usageErr{fmt.Sprintf(format, a...)} }

// run runs one command line and returns the exit code. Any error is one line
// of Vietnamese on stderr.
func run(args []string, stdout, stderr io.Writer, today func() store.Date) int {
	e := &env{stdout: stdout, stderr: stderr, today: today}
	defer func() {
		if e.st != nil {
			e.st.Close()
		}
	}()
	err := dispatch(e, args)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "cchc-cli: "+oneLine(err.Error()))
	var usage usageErr
	if errors.As(err, &usage) {
		fmt.Fprintln(stderr, "Gõ “cchc-cli help” để xem cách dùng.")
		return exitUsage
	}
	return exitError
}

func dispatch(e *env, args []string) error {
	name, rest := splitCommand(args)
	if name == "" || name == "help" || name == "-h" || name == "--help" {
		printHelp(e.stdout)
		return nil
	}
	cmd, ok := commands[name]
	if !ok {
		return usageError("không có lệnh %q", name)
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.dbFlag, "db", "", "tệp dữ liệu")
	runCmd := cmd.setup(fs)
	positional, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(e.stdout, "Cách dùng: cchc-cli %s\n%s\n", cmd.usage, cmd.summary)
		return nil
	}
	if err != nil {
		return usageError("lệnh %s: %s", name, translateFlagError(err))
	}
	if len(positional) < cmd.args.min || len(positional) > cmd.args.max {
		return usageError("lệnh %s cần %s; cách dùng: cchc-cli %s", name, describeCount(cmd.args), cmd.usage)
	}
	return runCmd(e, positional)
}

// translateFlagError turns the flag package's English into Vietnamese.
func translateFlagError(err error) string {
	msg := err.Error()
	if flagName, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "không có tuỳ chọn " + flagName
	}
	if flagName, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "tuỳ chọn " + flagName + " cần một giá trị"
	}
	return msg
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
	fmt.Fprintf(w, "Tệp dữ liệu: --db TỆP, hoặc biến môi trường %s, hoặc mặc định %s trong thư mục dữ liệu của người dùng.\n", store.EnvDB, store.DBFileName)
	fmt.Fprintln(w, "Tuỳ chọn có thể đứng trước hoặc sau tham số.")
}
