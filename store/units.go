package store

import (
	"fmt"
	"strings"
)

// SplitUnits splits a cell of unit names on ";" and line breaks, never on
// ",": "Phòng Công chức, viên chức" is one unit. Bullet dashes, spaces and
// trailing full stops are trimmed, empty items dropped.
func SplitUnits(cell string) []string {
	fields := strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' })
	units := make([]string, 0, len(fields))
	for _, f := range fields {
		unit := strings.TrimSpace(f)
		unit = strings.TrimSpace(strings.TrimLeft(unit, "-–•+*"))
		unit = strings.TrimRight(unit, ".")
		if unit != "" {
			units = append(units, unit)
		}
	}
	return units
}

// JoinUnits writes units back as one cell, one unit a line.
func JoinUnits(units []string) string { return strings.Join(units, "\n") }

// LedBy returns the bundle with only the tasks the unit leads, and the areas that still have
// tasks. Units compare without regard to case, spacing or Unicode form; a
// task led by several units ("Văn phòng Sở; Thanh tra Sở") counts for each.
// It says in Vietnamese which units lead tasks when none is the unit asked.
func (b Bundle) LedBy(unit string) (Bundle, error) {
	want := UnitKey(unit)
	filtered := b
	filtered.Areas = nil
	leads := map[string]string{}
	for _, area := range b.Areas {
		kept := area
		kept.Tasks = nil
		for _, task := range area.Tasks {
			if leadsTask(task, want, leads) {
				kept.Tasks = append(kept.Tasks, task)
			}
		}
		if len(kept.Tasks) > 0 {
			filtered.Areas = append(filtered.Areas, kept)
		}
	}
	if len(filtered.Areas) == 0 {
		return Bundle{}, fmt.Errorf("kế hoạch %s không có nhiệm vụ nào do “%s” chủ trì; các đơn vị chủ trì: %s",
			b.Plan.Ref(), unit, strings.Join(sortedValues(leads), "; "))
	}
	return filtered, nil
}

// leadsTask reports whether the unit with key want leads the task, and
// notes every lead unit seen in leads.
func leadsTask(task Task, want string, leads map[string]string) bool {
	found := false
	for _, lead := range SplitUnits(task.Lead) {
		key := UnitKey(lead)
		leads[key] = lead
		found = found || key == want
	}
	return found
}

// UnitKey is the form unit names are compared in: cleaned, in lower case,
// with single spaces. Every comparison of units goes through it, so that
// "Văn phòng  sở" finds "Văn phòng Sở".
func UnitKey(unit string) string {
	return strings.ToLower(strings.Join(strings.Fields(CleanText(unit)), " "))
}

// sortedValues returns a map's values in order.
func sortedValues(m map[string]string) []string {
	values := make([]string, 0, len(m))
	for _, v := range m {
		values = append(values, v)
	}
	SortNames(values)
	return values
}

// RomanNumeral writes n (from 1) in Roman numerals, as plans number their
// areas: 1 is "I", 14 is "XIV".
func RomanNumeral(n int) string {
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	symbols := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range values {
		for ; n >= v; n -= v {
			b.WriteString(symbols[i])
		}
	}
	return b.String()
}
