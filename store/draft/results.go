package draft

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/store"
)

// countedStates are the states a count paragraph names, in its order;
// Không thực hiện follows when there are any.
var countedStates = []store.State{store.StateDoneOnTime, store.StateDoneLate, store.StateInProgress, store.StateOverdue, store.StateNotStarted}

// countsText writes where a group of tasks stands: "có 3 nhiệm vụ: hoàn
// thành đúng hạn 1, hoàn thành quá hạn 0, đang thực hiện 1, quá hạn 1,
// chưa thực hiện 0".
func countsText(counts map[store.State]int, total int) string {
	parts := make([]string, 0, len(countedStates)+1)
	for _, s := range countedStates {
		parts = append(parts, lowerFirst(string(s))+" "+strconv.Itoa(counts[s]))
	}
	if n := counts[store.StateDropped]; n > 0 {
		parts = append(parts, "không thực hiện "+strconv.Itoa(n))
	}
	return fmt.Sprintf("có %d nhiệm vụ: %s", total, strings.Join(parts, ", "))
}

// directionSection is section I: the plan that directs the year's work,
// and the tasks of the plan's own area of direction when it has one.
func (d *drafter) directionSection() reporting.ReportSection {
	p := d.in.Bundle.Plan
	text := fmt.Sprintf("%s đã ban hành %s, đề ra %d nhiệm vụ thuộc %d lĩnh vực và %d chỉ tiêu, giao nhiệm vụ cụ thể cho các phòng, đơn vị; "+
		"thường xuyên theo dõi, đôn đốc, kiểm tra việc thực hiện.",
		d.agency, d.planRef(), d.in.Bundle.TaskCount(), d.areaCount(), len(d.in.Bundle.Targets))
	if p.Number == "" {
		text = fmt.Sprintf("%s triển khai %s, gồm %d nhiệm vụ thuộc %d lĩnh vực và %d chỉ tiêu.",
			d.agency, d.planRef(), d.in.Bundle.TaskCount(), d.areaCount(), len(d.in.Bundle.Targets))
	}
	s := reporting.ReportSection{Key: "direction", Level: 1, Number: "I", Title: "Công tác chỉ đạo, điều hành",
		Paragraphs: []reporting.ReportParagraph{paragraph("plan", text)}}
	if d.direction >= 0 {
		s.Paragraphs = append(s.Paragraphs, d.areaParagraphs(d.direction, "Về "+lowerFirst(d.in.Bundle.Areas[d.direction].Name))...)
	}
	return s
}

// areaCount counts the plan's areas that have a name.
func (d *drafter) areaCount() int {
	n := 0
	for _, a := range d.in.Bundle.Areas {
		if a.Name != "" {
			n++
		}
	}
	return n
}

// resultSections is section II: the counts over the whole plan, one
// subsection per reform area (the area of direction is in section I),
// then the targets and figures.
func (d *drafter) resultSections() []reporting.ReportSection {
	overall := fmt.Sprintf("Tính đến ngày %s, Kế hoạch %s.", d.in.AsOf, countsText(d.allCounts, len(d.in.Standings)))
	sections := []reporting.ReportSection{{Key: "results", Level: 1, Number: "II", Title: "Kết quả thực hiện các nhiệm vụ cải cách hành chính",
		Paragraphs: []reporting.ReportParagraph{paragraph("counts", overall)}}}
	n := 0
	for i, a := range d.in.Bundle.Areas {
		if i == d.direction || len(a.Tasks) == 0 && a.Name == "" {
			continue
		}
		n++
		title := a.Name
		if title == "" {
			title = "Nhiệm vụ khác"
		}
		sections = append(sections, reporting.ReportSection{Key: areaKey(a.Area), Level: 2, Number: strconv.Itoa(n), Title: title,
			Paragraphs: d.areaParagraphs(i, "Lĩnh vực")})
	}
	return append(sections, d.targetSection(n+1))
}

// areaKey is the key of an area's section and the prefix of its paragraphs.
func areaKey(a store.Area) string { return "area:" + strconv.FormatUint(a.ID, 10) }

// areaParagraphs are an area's counts, the tasks finished in the period
// with their results, and the late tasks with their reasons; subject
// starts the counts sentence ("Lĩnh vực", "Về công tác chỉ đạo ...").
func (d *drafter) areaParagraphs(i int, subject string) []reporting.ReportParagraph {
	a, tasks := d.in.Bundle.Areas[i], d.areaTasks[i]
	prefix := areaKey(a.Area) + "/"
	counts := db.CountStates(tasks)
	out := []reporting.ReportParagraph{paragraph(prefix+"counts",
		fmt.Sprintf("%s %s (tính đến ngày %s).", subject, countsText(counts, len(tasks)), d.in.AsOf))}
	finished := taskList{key: prefix + "done", intro: "Các nhiệm vụ hoàn thành trong kỳ:", what: "hoàn thành trong kỳ", limit: d.areaLimit}
	late := taskList{key: prefix + "late", intro: "Các nhiệm vụ chậm tiến độ:", what: "chậm tiến độ", limit: d.areaLimit}
	out = append(out, finished.paragraphs(d.finished[i], d.finishedItem)...)
	return append(out, late.paragraphs(d.late[i], lateItem)...)
}

// lateInPeriod reports whether a task is late in the period's report:
// overdue on AsOf, or finished late within the period.
func (d *drafter) lateInPeriod(ts db.TaskStanding) bool {
	state := ts.Standing.State
	return state == store.StateOverdue || state == store.StateDoneLate && d.finishedIn[ts.Task.ID]
}

// taskList is a list of tasks in the report's body.
type taskList struct {
	key, intro string
	// what the tasks are, for the sentence that counts them when the list
	// may name none: "hoàn thành trong kỳ".
	what  string
	limit int
}

// paragraphs writes the introduction and one paragraph per task, at most
// limit of them, then how many more the appendix holds; with a limit of 0,
// one sentence that counts them. Nothing for no tasks.
func (l taskList) paragraphs(tasks []db.TaskStanding, item func(db.TaskStanding) string) []reporting.ReportParagraph {
	if len(tasks) == 0 {
		return nil
	}
	if l.limit == 0 {
		return []reporting.ReportParagraph{paragraph(l.key, fmt.Sprintf("Số nhiệm vụ %s: %d (chi tiết tại Phụ lục I).", l.what, len(tasks)))}
	}
	out := []reporting.ReportParagraph{paragraph(l.key, l.intro)}
	for i, ts := range tasks {
		if i == l.limit {
			out = append(out, paragraph(l.key+":more", fmt.Sprintf("- Và %d nhiệm vụ khác (chi tiết tại Phụ lục I).", len(tasks)-l.limit)))
			break
		}
		out = append(out, paragraph(l.key+":"+strconv.FormatUint(ts.Task.ID, 10), item(ts)))
	}
	return out
}

// taskName is a task's content as a list item names it: its first line
// without a leading dash, "…" after it when the content goes on.
func taskName(t store.Task) string {
	first, rest, _ := strings.Cut(strings.TrimSpace(t.Content), "\n")
	text := strings.TrimSpace(strings.TrimLeft(strings.Join(strings.Fields(first), " "), "-–• "))
	if strings.TrimSpace(rest) != "" {
		text = strings.TrimRight(text, ".;:,") + "…"
	}
	return text
}

// finishedItem is a finished task with its result and evidence: "-
// <nội dung>: <kết quả>. Tài liệu kiểm chứng: 15/KH-SKH ngày 10/03/2023."
func (d *drafter) finishedItem(ts db.TaskStanding) string {
	result := strings.TrimSpace(store.ResultText(ts.Task, ts.Standing))
	if result == "" {
		result = "đã hoàn thành"
	}
	text := "- " + taskName(ts.Task) + ": " + sentence(result)
	if ts.Standing.State == store.StateDoneLate {
		text += " Hoàn thành quá hạn (hạn " + ts.Standing.Due.String() + ")."
	}
	if refs := d.evidenceRefs(ts.Task.ID); len(refs) > 0 {
		text += " Tài liệu kiểm chứng: " + strings.Join(refs, "; ") + "."
	}
	return text
}

// lateItem is a late task with its reason: "- <nội dung>: quá hạn (hạn
// 31/01/2023, tiến độ 60%); lý do: ...".
func lateItem(ts db.TaskStanding) string {
	s := ts.Standing
	status := fmt.Sprintf("quá hạn (hạn %s, tiến độ %d%%)", s.Due, s.Progress)
	if s.State == store.StateDoneLate {
		status = fmt.Sprintf("hoàn thành quá hạn (hạn %s)", s.Due)
	}
	reason := strings.TrimSpace(s.Reason)
	if reason == "" {
		reason = "chưa ghi lý do"
	}
	return "- " + taskName(ts.Task) + ": " + status + "; lý do: " + strings.TrimRight(reason, ".") + "."
}

// sentence ends text with a full stop.
func sentence(text string) string {
	text = strings.TrimSpace(text)
	if strings.HasSuffix(text, ".") || strings.HasSuffix(text, "./.") {
		return text
	}
	return text + "."
}

// evidenceRefs lists a task's evidence documents dated by AsOf: their
// numbers and dates, or their titles when they have no number.
func (d *drafter) evidenceRefs(taskID uint64) []string {
	var refs []string
	for _, e := range d.in.Bundle.Evidence[taskID] {
		if !e.Date.IsZero() && e.Date.After(d.in.AsOf) {
			continue
		}
		ref := strings.TrimSpace(e.Ref)
		if ref == "" {
			refs = append(refs, store.EvidenceLine(e))
			continue
		}
		if !e.Date.IsZero() {
			ref += " ngày " + e.Date.String()
		}
		refs = append(refs, ref)
	}
	return refs
}
