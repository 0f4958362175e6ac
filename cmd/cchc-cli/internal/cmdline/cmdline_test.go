package cmdline

import (
	"strings"
	"testing"
)

func TestJoinGathersTablesAndRefusesANameTwice(t *testing.T) {
	t.Run("gathers", func(t *testing.T) {
		all := Join(Table{"a": {Usage: "a"}}, Table{"b c": {Usage: "b c"}})
		if len(all) != 2 || all["a"].Usage != "a" || all["b c"].Usage != "b c" {
			t.Errorf("Join = %v", all)
		}
	})
	t.Run("twice", func(t *testing.T) {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(r.(string), "lệnh a") {
				t.Errorf("recovered %v, want a panic naming the command", r)
			}
		}()
		Join(Table{"a": {}}, Table{"a": {}})
	})
}
