package draft

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/store"
)

// targetSection is the last subsection of section II: the targets reached
// and missed with their figures, and the period's statistical figures.
func (d *drafter) targetSection(number int) reporting.ReportSection {
	results := d.in.Targets
	counts := reporting.CountVerdicts(results)
	summary := fmt.Sprintf("Kế hoạch đề ra %d chỉ tiêu; kết quả %s: đạt %d, không đạt %d, chưa có số liệu %d chỉ tiêu (chi tiết tại Phụ lục III).",
		len(results), d.in.Period.Name(), counts[reporting.VerdictMet], counts[reporting.VerdictNotMet], counts[reporting.VerdictNoData])
	s := reporting.ReportSection{Key: "targets", Level: 2, Number: strconv.Itoa(number), Title: "Kết quả thực hiện các chỉ tiêu",
		Paragraphs: []reporting.ReportParagraph{paragraph("targets/counts", summary)}}
	if figures := figuresText(d.in.Figures); figures != "" {
		s.Paragraphs = append(s.Paragraphs, paragraph("targets/figures", figures))
	}
	for _, group := range []struct {
		verdict reporting.Verdict
		key     string
		intro   string
	}{
		{reporting.VerdictMet, "targets/met", "Các chỉ tiêu đạt:"},
		{reporting.VerdictNotMet, "targets/missed", "Các chỉ tiêu chưa đạt:"},
	} {
		s.Paragraphs = append(s.Paragraphs, targetList(results, group.verdict, group.key, group.intro)...)
	}
	return s
}

// targetList writes the targets of one verdict, each with its goal and
// actual.
func targetList(results []reporting.TargetResult, verdict reporting.Verdict, key, intro string) []reporting.ReportParagraph {
	var out []reporting.ReportParagraph
	for _, r := range results {
		if r.Verdict != verdict {
			continue
		}
		if len(out) == 0 {
			out = append(out, paragraph(key, intro))
		}
		out = append(out, paragraph(key+":"+strconv.FormatUint(r.Target.ID, 10), targetItem(r)))
	}
	return out
}

// targetItem is one target: "- Chỉ tiêu III.2.1 (tỷ lệ hồ sơ ...): kế
// hoạch ≥ 70%, thực hiện 95% (152/160 hồ sơ), đạt."
func targetItem(r reporting.TargetResult) string {
	words := strings.TrimRight(strings.Join(strings.Fields(r.Target.Indicator), " "), ".;")
	text := fmt.Sprintf("- Chỉ tiêu %s (%s): kế hoạch %s, thực hiện %s", r.Target.Code, words, r.Target.Goal(), r.ValueText())
	if base := r.Target.BaselineText(); base != "" {
		text += " (" + base + ")"
	}
	if r.Source == reporting.SourceFigures {
		text += ", " + reporting.SourceFigures
	}
	return text + ", " + string(r.Verdict) + "."
}

// figuresText writes the figures entered for the period in one sentence;
// "" when none is.
func figuresText(f reporting.Figures) string {
	var parts []string
	for _, def := range reporting.FigureDefs {
		v, ok := f.Get(def.Key)
		if !ok {
			continue
		}
		value := store.FormatNumber(v) + "%"
		if !def.Percent() {
			value = store.FormatNumber(v) + " " + def.Unit
		}
		parts = append(parts, lowerFirst(def.Label)+" "+value)
	}
	if len(parts) == 0 {
		return ""
	}
	return "Số liệu thống kê trong kỳ: " + strings.Join(parts, "; ") + " (chi tiết tại Phụ lục II)."
}
