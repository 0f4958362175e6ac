package cmdline

import (
	"flag"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/store"
)

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("import FILE --dry-run" as well as "import --dry-run FILE"); the
// standard flag package stops at the first positional one. Everything after
// "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, arg := range args {
		if arg == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	return append(positional, tail...), nil
}

// splitCommand finds the command name: the first argument that is neither a
// flag nor the value of --db before it. It returns the name and every other
// argument in order.
func splitCommand(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--db" || arg == "-db":
			i++ // skip the value
		case strings.HasPrefix(arg, "-"):
		default:
			rest := append(append([]string(nil), args[:i]...), args[i+1:]...)
			return arg, rest
		}
	}
	return "", args
}

// DateArg reads the value of a date option, "31/12/2023", naming the
// option when it is not one; empty gives def.
func DateArg(option, value string, def store.Date) (store.Date, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return def, nil
	}
	d, err := store.ParseVNDate(value)
	if err != nil || !store.ValidYear(d.Year) {
		return store.Date{}, UsageError("%s: ngày “%s” không đúng dạng ngày/tháng/năm (31/12/2023)", option, value)
	}
	return d, nil
}

// PlanTask opens the store and finds the plan of --plan and its task of
// --task, by id or by its printed number ("II.3").
func (e *Env) PlanTask(planRef, taskRef string) (*db.Store, store.Plan, store.Task, error) {
	if strings.TrimSpace(taskRef) == "" {
		return nil, store.Plan{}, store.Task{}, UsageError("thiếu --task: ghi mã nhiệm vụ (12) hoặc số in trong kế hoạch (II.3)")
	}
	st, plan, err := e.Plan(planRef)
	if err != nil {
		return nil, store.Plan{}, store.Task{}, err
	}
	task, err := st.FindTask(plan.ID, taskRef)
	return st, plan, task, err
}

// FindArea finds an area of a plan by its numeral ("II") or its id.
func FindArea(st *db.Store, planID uint64, ref string) (store.Area, error) {
	if strings.TrimSpace(ref) == "" {
		return store.Area{}, UsageError("thiếu --area: ghi số La Mã của lĩnh vực (II)")
	}
	areas, err := st.Areas(planID)
	if err != nil {
		return store.Area{}, err
	}
	for _, a := range areas {
		if strings.EqualFold(a.Numeral, strings.TrimSpace(ref)) || strconv.FormatUint(a.ID, 10) == strings.TrimSpace(ref) {
			return a, nil
		}
	}
	numerals := make([]string, len(areas))
	for i, a := range areas {
		numerals[i] = a.Numeral
	}
	return store.Area{}, UsageError("--area: kế hoạch không có lĩnh vực “%s”; các lĩnh vực: %s", ref, strings.Join(numerals, ", "))
}

// AreasByID reads a plan's areas by id.
func AreasByID(st *db.Store, planID uint64) map[uint64]store.Area {
	areas, _ := st.Areas(planID)
	byID := make(map[uint64]store.Area, len(areas))
	for _, a := range areas {
		byID[a.ID] = a
	}
	return byID
}

// AreaOf returns the area of a task.
func AreaOf(st *db.Store, t store.Task) store.Area { return AreasByID(st, t.PlanID)[t.AreaID] }

// Given reports which options the command line set, by name.
func Given(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// Shorten cuts text to its first line and at most max characters.
func Shorten(text string, max int) string {
	line, _, _ := strings.Cut(text, "\n")
	if utf8.RuneCountInString(line) <= max {
		return line
	}
	runes := []rune(line)
	return string(runes[:max-1]) + "…"
}

// DateOrNone is a printed date, or says there is none.
func DateOrNone(s string) string {
	if s == "" {
		return "(chưa có ngày)"
	}
	return s
}
