// Command seedyear writes the seed plan 122/KH-SKH with its scripted year of
// 2023 (updates, evidence, actuals, figures) into a new data file, for the
// screenshots of the overview, targets and reports screens.
package main

import (
	"fmt"
	"os"

	"github.com/kehoach/cchc/seeds/demo"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: seedyear DATA_FILE")
		os.Exit(2)
	}
	st, plan, err := demo.OpenSeedYear(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "seedyear:", err)
		os.Exit(1)
	}
	defer st.Close()
	fmt.Printf("%s: kế hoạch %s với một năm số liệu\n", os.Args[1], plan.Ref())
}
