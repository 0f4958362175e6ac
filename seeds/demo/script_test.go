package demo

import (
	"slices"
	"testing"

	"github.com/kehoach/cchc/seeds"
)

// TestScriptedChecksHoldTogether checks the fixture itself: each check's
// counts add up to the plan's tasks and agree with the states it names,
// and every task it names is one of the seed plan's.
func TestScriptedChecksHoldTogether(t *testing.T) {
	_, seed, err := seeds.Plan2023()
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, a := range seed.Areas {
		for _, task := range a.Tasks {
			numbers = append(numbers, a.Numeral+"."+task.Ordinal)
		}
	}
	if len(numbers) != ScriptedTasks {
		t.Fatalf("the seed plan has %d tasks, the fixture counts %d", len(numbers), ScriptedTasks)
	}
	for _, check := range ScriptedChecks {
		t.Run(check.AsOf, func(t *testing.T) {
			counts := map[string]int{}
			for _, n := range numbers {
				counts[check.State(n)]++
			}
			for number := range check.States {
				if !slices.Contains(numbers, number) {
					t.Errorf("no task %s in the seed plan", number)
				}
			}
			for state, n := range check.Counts {
				if counts[state] != n {
					t.Errorf("%s: the states give %d, the counts %d", state, counts[state], n)
				}
			}
		})
	}
}
