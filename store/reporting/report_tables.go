package reporting

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kehoach/cchc/store"
)

// ReportTables are the data of a report's appendices, as of its date:
// the progress of every task by area, the statistical figures and the
// targets. They are computed from the data when a report is printed, and
// kept with the report when it is sent, so a sent report prints as sent.
type ReportTables struct {
	AsOf    store.Date     `json:"asOf"`
	Areas   []AreaProgress `json:"areas"`
	Figures []FigureRow    `json:"figures,omitempty"`
	Targets []TargetRow    `json:"targets,omitempty"`
}

// AreaProgress is one area's tasks where they stand, and their counts by
// state.
type AreaProgress struct {
	Numeral string              `json:"numeral"`
	Name    string              `json:"name"`
	Counts  map[store.State]int `json:"counts"`
	Tasks   []TaskProgress      `json:"tasks,omitempty"`
}

// Total returns the number of the area's tasks.
func (a AreaProgress) Total() int {
	n := 0
	for _, c := range a.Counts {
		n += c
	}
	return n
}

// TaskProgress is one row of the task-progress table.
type TaskProgress struct {
	Ordinal  string `json:"ordinal"`
	Content  string `json:"content"`
	Lead     string `json:"lead"`
	Timeline string `json:"timeline"`
	// Result is the kết quả thực hiện (ResultText); Evidence the evidence
	// documents, one a line.
	Result   string      `json:"result,omitempty"`
	Evidence string      `json:"evidence,omitempty"`
	State    store.State `json:"state"`
	Progress int         `json:"progress"`
	// Reason is the lý do chậm of a late task.
	Reason string `json:"reason,omitempty"`
}

// StatusText is the row's state as the table prints it: "Đang thực hiện
// (60%)", the progress given while the task is open.
func (t TaskProgress) StatusText() string {
	if !t.State.Closed() && t.Progress > 0 {
		return string(t.State) + " (" + store.FormatNumber(float64(t.Progress)) + "%)"
	}
	return string(t.State)
}

// ResultWithReason is the row's result, with the reason of a late task
// on a line of its own: "Lý do chậm: ...".
func (t TaskProgress) ResultWithReason() string {
	if t.Reason == "" {
		return t.Result
	}
	return strings.TrimSpace(t.Result + "\nLý do chậm: " + t.Reason)
}

// FigureRow is one line of the figures table: a figure entered, or a share
// computed from them.
type FigureRow struct {
	Label string `json:"label"`
	Unit  string `json:"unit"`
	// Value is the figure; Entered false leaves it blank (not entered).
	Value   float64 `json:"value"`
	Entered bool    `json:"entered"`
	// Computed marks a share the app computed from the figures, with how.
	Computed bool   `json:"computed,omitempty"`
	Detail   string `json:"detail,omitempty"`
}

// ValueText is the figure as printed, "95%", "160"; "" when not entered.
func (f FigureRow) ValueText() string {
	if !f.Entered {
		return ""
	}
	if f.Unit == "%" {
		return store.FormatNumber(f.Value) + "%"
	}
	return store.FormatNumber(f.Value)
}

// Note says how the figure was had: computed from the others, or not
// entered; "" for one entered.
func (f FigureRow) Note() string {
	switch {
	case f.Computed:
		return "Tính từ số liệu: " + f.Detail
	case !f.Entered:
		return "Chưa nhập số liệu"
	}
	return ""
}

// TargetRow is one line of the targets table.
type TargetRow struct {
	Code      string  `json:"code"`
	Indicator string  `json:"indicator"`
	Goal      string  `json:"goal"`
	Actual    string  `json:"actual,omitempty"`
	Verdict   Verdict `json:"verdict"`
	// Note says where the actual came from, or why there is none.
	Note string `json:"note,omitempty"`
}

// TargetRows turns target results into the rows of the targets table.
func TargetRows(results []TargetResult) []TargetRow {
	rows := make([]TargetRow, len(results))
	for i, r := range results {
		goal := r.Target.Goal()
		if base := r.Target.BaselineText(); base != "" {
			goal += " (" + base + ")"
		}
		note := r.Why
		switch {
		case r.Source == SourceFigures:
			note = SourceFigures
		case r.Actual != nil && r.Actual.Note != "":
			note = r.Actual.Note
		}
		if r.Actual != nil && r.Actual.Evidence != "" {
			note = joinNonEmpty("; ", note, r.Actual.Evidence)
		}
		rows[i] = TargetRow{Code: r.Target.Code, Indicator: r.Target.Indicator, Goal: goal,
			Actual: r.ValueText(), Verdict: r.Verdict, Note: note}
	}
	return rows
}

// FigureRows turns a period's figures into the rows of the figures table:
// every figure of FigureDefs, entered, computed from the others (a share
// not entered as it is), or blank; then the other shares computed from them.
func FigureRows(f Figures) []FigureRow {
	rows := make([]FigureRow, 0, len(FigureDefs)+len(feedDefs))
	for _, d := range FigureDefs {
		v, ok := f.Get(d.Key)
		row := FigureRow{Label: d.Label, Unit: d.Unit, Value: v, Entered: ok}
		for _, feed := range feedDefs {
			if fv, computed := f.Feed(feed.feed); feed.figure == d.Key && !ok && computed {
				row.Value, row.Entered, row.Computed, row.Detail = fv.Value, true, true, fv.Detail
			}
		}
		rows = append(rows, row)
	}
	for _, d := range feedDefs {
		if fv, ok := f.Feed(d.feed); ok && d.figure == "" {
			rows = append(rows, FigureRow{Label: upperFirst(d.feed.Name()), Unit: "%", Value: fv.Value, Entered: true, Computed: true, Detail: fv.Detail})
		}
	}
	return rows
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// upperFirst capitalises the first letter.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
