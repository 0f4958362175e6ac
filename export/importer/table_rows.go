package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/export/importer/limits"

	"github.com/kehoach/cchc/store"
)

// RowProblem is a row of a table that an import could not read, and why.
type RowProblem struct {
	// Row is the row's number as the file counts it: the Excel row number,
	// or the row of the Word table.
	Row    int
	Reason string
}

// String writes the problem as the officer reads it: "dòng 12: ...".
func (p RowProblem) String() string { return fmt.Sprintf("dòng %d: %s", p.Row, p.Reason) }

// rowKind is what a row of a task table holds.
type rowKind int

const (
	rowSkip  rowKind = iota // empty, a numbering row or the header again
	rowGroup                // an area: "I", "A", or a subgroup "1" over "1.1"
	rowTask                 // a task with its TT
	rowMore                 // a continuation of the task above: its TT is empty
	rowBad                  // a row that cannot be read; reason says why
)

// planRow is a row of a task table with its cells sorted into fields.
type planRow struct {
	number  int
	kind    rowKind
	ordinal string
	// autoNumber is set for a task whose TT Word numbers by itself.
	autoNumber bool
	fields     [planFieldCount]string
	// inherited marks fields whose text a vertical merge brings down from
	// a row above.
	inherited [planFieldCount]bool
	reason    string
}

var (
	romanNumeral = regexp.MustCompile(`^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$`)
	groupMark    = regexp.MustCompile(`^([A-ZĐ]+)\s*[.):]?$`)
	groupTitle   = regexp.MustCompile(`^([A-ZĐ]+)\s*[.):-]\s*(\S.*)$`)
	taskMark     = regexp.MustCompile(`^(\d+(?:\.\d+){0,3})\s*[.):]?$`)
	letterMark   = regexp.MustCompile(`^([a-zđ])\s*[.)]?$`)
	bulletMark   = regexp.MustCompile(`^[-–+•*]+$`)
)

// isGroupNumeral reports whether s numbers a group row: a Roman numeral (a
// plan of 10,000 tasks has areas past XXXIX: XL, L, C …) or a single
// capital letter.
func isGroupNumeral(s string) bool {
	return s != "" && (romanNumeral.MatchString(s) || len([]rune(s)) == 1)
}

// readPlanRows sorts the rows under the header.
func readPlanRows(t table, h header) []planRow {
	rows := make([]planRow, 0, len(t.rows)-h.last)
	for _, r := range t.rows[h.last+1:] {
		if isNumberingRow(r) || repeatsHeader(r, h, planColumns) {
			continue
		}
		rows = append(rows, classifyPlanRow(r, h))
	}
	return rows
}

// classifyPlanRow reads one row by its TT cell.
func classifyPlanRow(r tableRow, h header) planRow {
	pr := planRow{number: r.number}
	empty := true
	for f, col := range h.columns {
		if col < 0 {
			continue
		}
		c := r.cell(col)
		if c.tooLong {
			pr.kind, pr.reason = rowBad, fmt.Sprintf("ô cột “%s” dài quá %d ký tự", h.titles[f], limits.MaxCellRunes)
			return pr
		}
		if c.fromLeft && f != fieldContent {
			continue
		}
		pr.fields[f], pr.inherited[f] = c.text, c.fromAbove
		empty = empty && c.text == "" && !c.autoNumber
	}
	if empty {
		return pr
	}
	tt := r.cell(h.column(fieldOrdinal))
	switch {
	case h.column(fieldOrdinal) < 0:
		return classifyWithoutOrdinal(pr)
	case tt.fromAbove:
		pr.kind = rowMore
	case tt.text == "" && tt.autoNumber:
		pr.kind, pr.autoNumber = rowTask, true
	default:
		classifyOrdinal(&pr, tt, r.cell(h.column(fieldContent)), spansColumns(r, h.column(fieldContent)))
	}
	return pr
}

// classifyWithoutOrdinal reads a row of a table that has no TT column: a
// content starting "I. ..." is an area, anything else a task.
func classifyWithoutOrdinal(pr planRow) planRow {
	if m := groupTitle.FindStringSubmatch(pr.fields[fieldContent]); m != nil && isGroupNumeral(m[1]) && onlyContent(pr) {
		pr.kind, pr.ordinal, pr.fields[fieldContent] = rowGroup, m[1], m[2]
		return pr
	}
	pr.kind = rowTask
	return pr
}

// classifyOrdinal reads a row by the text of its TT cell; contentSpans
// tells whether the content cell is merged across the columns after it.
func classifyOrdinal(pr *planRow, tt, content tableCell, contentSpans bool) {
	text := strings.TrimSpace(tt.text)
	m := groupTitle.FindStringSubmatch(text)
	switch {
	case text == "" || bulletMark.MatchString(text):
		classifyUnnumbered(pr, text, content, contentSpans)
	case taskMark.MatchString(text):
		pr.kind, pr.ordinal = rowTask, taskMark.FindStringSubmatch(text)[1]
	case letterMark.MatchString(text):
		pr.kind, pr.ordinal = rowTask, letterMark.FindStringSubmatch(text)[1]
	case groupMark.MatchString(text) && isGroupNumeral(groupMark.FindStringSubmatch(text)[1]):
		pr.kind, pr.ordinal = rowGroup, groupMark.FindStringSubmatch(text)[1]
	case m != nil && isGroupNumeral(m[1]) && (content.fromLeft || pr.fields[fieldContent] == ""):
		pr.kind, pr.ordinal, pr.fields[fieldContent] = rowGroup, m[1], m[2]
	case content.fromLeft:
		// A heading merged across the whole row, without a numeral.
		pr.kind, pr.fields[fieldContent] = rowGroup, text
	default:
		pr.kind, pr.reason = rowBad, fmt.Sprintf("ô TT “%s” không phải số thứ tự, số La Mã hay chữ cái", shorten(text, 40))
	}
}

// classifyUnnumbered reads a row whose TT cell is empty or a bullet: the
// continuation of the task above, or an area written in the content cell.
func classifyUnnumbered(pr *planRow, text string, content tableCell, contentSpans bool) {
	pr.kind = rowMore
	if text != "" || !onlyContent(*pr) {
		return
	}
	if m := groupTitle.FindStringSubmatch(pr.fields[fieldContent]); m != nil && isGroupNumeral(m[1]) {
		pr.kind, pr.ordinal, pr.fields[fieldContent] = rowGroup, m[1], m[2]
	} else if contentSpans && !content.fromLeft {
		// An area without a numeral, its name merged across the row.
		pr.kind = rowGroup
	}
}

// onlyContent reports whether a row has text in its content cell and in no
// other field but TT.
func onlyContent(pr planRow) bool {
	for f := fieldProduct; f < planFieldCount; f++ {
		if pr.fields[f] != "" && !pr.inherited[f] {
			return false
		}
	}
	return pr.fields[fieldContent] != ""
}

// shorten cuts text to n runes with an ellipsis.
func shorten(text string, n int) string {
	runes := []rune(strings.ReplaceAll(text, "\n", " "))
	if len(runes) <= n {
		return string(runes)
	}
	return string(runes[:n]) + "…"
}

// implicitAreaName names the area that holds the tasks of a table with no
// area rows.
const implicitAreaName = "Các nhiệm vụ"

// draftTask is a task as its rows are read, before its units are split and
// its timeline parsed.
type draftTask struct {
	ordinal string
	fields  [planFieldCount]string
	// row is the number of the task's first row, for messages.
	row int
}

type draftArea struct {
	numeral, name string
	tasks         []draftTask
	// row is the number of the area's row, for messages.
	row int
}

// areaBuilder turns sorted rows into areas and tasks.
type areaBuilder struct {
	areas    []draftArea
	problems []RowProblem
	implicit bool
}

// buildAreas reads the rows of a task table into areas and tasks, listing
// every row it could not read.
func buildAreas(rows []planRow) *areaBuilder {
	b := &areaBuilder{}
	for i, pr := range rows {
		switch pr.kind {
		case rowBad:
			b.problems = append(b.problems, RowProblem{Row: pr.number, Reason: pr.reason})
		case rowGroup:
			b.addGroup(pr)
		case rowTask:
			if isSubgroup(rows, i) {
				b.addGroup(pr)
				continue
			}
			b.addTask(pr)
		case rowMore:
			b.continueTask(pr)
		}
	}
	b.dropStrayLines()
	slices.SortStableFunc(b.problems, func(x, y RowProblem) int { return x.Row - y.Row })
	return b
}

// dropStrayLines lists, as rows not read, the unnumbered lines merged
// across the table that head no task: notes under the table ("Ghi chú:
// ..."), not areas.
func (b *areaBuilder) dropStrayLines() {
	kept := b.areas[:0]
	for _, a := range b.areas {
		if a.numeral == "" && len(a.tasks) == 0 && a.row > 0 {
			b.problems = append(b.problems, RowProblem{Row: a.row, Reason: fmt.Sprintf("dòng “%s” không phải lĩnh vực hay nhiệm vụ", shorten(a.name, 60))})
			continue
		}
		kept = append(kept, a)
	}
	b.areas = kept
}

func (b *areaBuilder) addGroup(pr planRow) {
	name := pr.fields[fieldContent]
	for f := fieldProduct; name == "" && f < planFieldCount; f++ {
		name = pr.fields[f]
	}
	if name == "" {
		b.problems = append(b.problems, RowProblem{Row: pr.number, Reason: fmt.Sprintf("dòng lĩnh vực “%s” không có tên", pr.ordinal)})
		return
	}
	b.areas = append(b.areas, draftArea{numeral: pr.ordinal, name: name, row: pr.number})
}

// currentArea returns the area rows are read into, making one for a table
// whose first tasks come before any area row.
func (b *areaBuilder) currentArea() *draftArea {
	if len(b.areas) == 0 {
		b.areas = append(b.areas, draftArea{name: implicitAreaName})
		b.implicit = true
	}
	return &b.areas[len(b.areas)-1]
}

func (b *areaBuilder) addTask(pr planRow) {
	if pr.fields[fieldContent] == "" {
		b.problems = append(b.problems, RowProblem{Row: pr.number, Reason: fmt.Sprintf("nhiệm vụ “%s” không có nội dung", pr.ordinal)})
		return
	}
	area := b.currentArea()
	task := draftTask{ordinal: pr.ordinal, fields: pr.fields, row: pr.number}
	if pr.autoNumber {
		task.ordinal = strconv.Itoa(len(area.tasks) + 1)
	}
	area.tasks = append(area.tasks, task)
}

// continueTask appends a continuation row's cells to the task above; with
// no task above in its area, the row is a task without a number.
func (b *areaBuilder) continueTask(pr planRow) {
	area := b.currentArea()
	if len(area.tasks) == 0 {
		pr.kind = rowTask
		b.addTask(pr)
		return
	}
	task := &area.tasks[len(area.tasks)-1]
	for f := fieldContent; f < planFieldCount; f++ {
		text := pr.fields[f]
		if text == "" || pr.inherited[f] {
			continue
		}
		sep := "\n"
		if f == fieldTimeline {
			sep = " "
		}
		if task.fields[f] != "" {
			text = task.fields[f] + sep + text
		}
		task.fields[f] = text
	}
}

// isSubgroup reports whether the task row at i heads the rows under it: it
// holds only a content, and the next task's TT continues its own ("1" over
// "1.1").
func isSubgroup(rows []planRow, i int) bool {
	if !onlyContent(rows[i]) || rows[i].ordinal == "" {
		return false
	}
	for _, next := range rows[i+1:] {
		switch next.kind {
		case rowTask:
			return strings.HasPrefix(next.ordinal, rows[i].ordinal+".")
		case rowGroup:
			return false
		}
	}
	return false
}

// taskRows returns the row number of every task, area by area, in the
// order of bundleAreas.
func (b *areaBuilder) taskRows() [][]int {
	rows := make([][]int, len(b.areas))
	for i, d := range b.areas {
		for _, dt := range d.tasks {
			rows[i] = append(rows[i], dt.row)
		}
	}
	return rows
}

// bundleAreas turns the drafts into the store's areas and tasks, reading
// timelines against year.
func (b *areaBuilder) bundleAreas(year int) []store.AreaTasks {
	areas := make([]store.AreaTasks, len(b.areas))
	for i, d := range b.areas {
		areas[i] = store.AreaTasks{Area: store.Area{Numeral: d.numeral, Name: d.name, Order: i + 1}}
		areas[i].Tasks = make([]store.Task, len(d.tasks))
		for j, dt := range d.tasks {
			areas[i].Tasks[j] = store.Task{
				Ordinal:      dt.ordinal,
				Order:        j + 1,
				Content:      dt.fields[fieldContent],
				Product:      dt.fields[fieldProduct],
				Lead:         dt.fields[fieldLead],
				Coordinating: store.SplitUnits(dt.fields[fieldCoordinating]),
				Timeline:     store.ParseTimeline(dt.fields[fieldTimeline], year),
				Status:       store.StatusNotStarted,
			}
		}
	}
	return areas
}
