package main

import (
	"flag"
	"strings"
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
