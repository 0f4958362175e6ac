package draft

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/store"
)

// assessmentSections is section III: what went well, what did not, and
// why, from the counts, the targets and the reasons recorded.
func (d *drafter) assessmentSections() []reporting.ReportSection {
	return []reporting.ReportSection{
		{Key: "assessment", Level: 1, Number: "III", Title: "Đánh giá chung"},
		{Key: "assessment:strengths", Level: 2, Number: "1", Title: "Ưu điểm", Paragraphs: []reporting.ReportParagraph{paragraph("strengths", d.strengths())}},
		{Key: "assessment:limits", Level: 2, Number: "2", Title: "Tồn tại, hạn chế", Paragraphs: []reporting.ReportParagraph{paragraph("limits", d.limits())}},
		{Key: "assessment:causes", Level: 2, Number: "3", Title: "Nguyên nhân", Paragraphs: d.causes()},
	}
}

// percent writes n of total as a percentage, "57,14%".
func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return store.FormatNumber(100*float64(n)/float64(total)) + "%"
}

func (d *drafter) strengths() string {
	c, total := d.allCounts, len(d.in.Standings)
	done := c[store.StateDoneOnTime] + c[store.StateDoneLate]
	text := fmt.Sprintf("Các phòng, đơn vị thuộc %s đã triển khai các nhiệm vụ cải cách hành chính theo Kế hoạch. "+
		"Tính đến ngày %s đã hoàn thành %d/%d nhiệm vụ (%s), trong đó %d nhiệm vụ hoàn thành đúng hạn; trong kỳ hoàn thành %d nhiệm vụ.",
		d.agency, d.in.AsOf, done, total, percent(done, total), c[store.StateDoneOnTime], len(d.finishedIn))
	verdicts := reporting.CountVerdicts(d.in.Targets)
	if measured := verdicts[reporting.VerdictMet] + verdicts[reporting.VerdictNotMet]; measured > 0 {
		text += fmt.Sprintf(" Có %d/%d chỉ tiêu có số liệu đạt kế hoạch.", verdicts[reporting.VerdictMet], measured)
	}
	return text
}

func (d *drafter) limits() string {
	c := d.allCounts
	verdicts := reporting.CountVerdicts(d.in.Targets)
	var parts []string
	if n := c[store.StateOverdue]; n > 0 {
		parts = append(parts, strconv.Itoa(n)+" nhiệm vụ quá hạn chưa hoàn thành")
	}
	if n := c[store.StateDoneLate]; n > 0 {
		parts = append(parts, strconv.Itoa(n)+" nhiệm vụ hoàn thành quá hạn")
	}
	if n := verdicts[reporting.VerdictNotMet]; n > 0 {
		parts = append(parts, strconv.Itoa(n)+" chỉ tiêu chưa đạt")
	}
	if n := verdicts[reporting.VerdictNoData]; n > 0 {
		parts = append(parts, strconv.Itoa(n)+" chỉ tiêu chưa có số liệu đánh giá")
	}
	if n := d.unreported(); n > 0 {
		parts = append(parts, strconv.Itoa(n)+" nhiệm vụ thường xuyên chưa báo cáo kết quả trong kỳ")
	}
	if len(parts) == 0 {
		return "Không có nhiệm vụ chậm tiến độ; các chỉ tiêu đều đạt kế hoạch."
	}
	return "Còn " + strings.Join(parts, "; ") + "."
}

// unreported counts the recurring tasks with no report in their period.
func (d *drafter) unreported() int {
	n := 0
	for _, ts := range d.in.Standings {
		if ts.Standing.Unreported {
			n++
		}
	}
	return n
}

// causes lists the reasons recorded for the late tasks, the most frequent
// first, with how many tasks each explains.
func (d *drafter) causes() []reporting.ReportParagraph {
	counts := map[string]int{}
	for _, ts := range d.in.Standings {
		if !d.lateInPeriod(ts) {
			continue
		}
		reason := strings.TrimRight(strings.TrimSpace(ts.Standing.Reason), ".")
		if reason == "" {
			reason = "Chưa ghi lý do"
		}
		counts[reason]++
	}
	if len(counts) == 0 {
		return []reporting.ReportParagraph{paragraph("causes", "Không có nhiệm vụ chậm tiến độ trong kỳ.")}
	}
	reasons := make([]string, 0, len(counts))
	for r := range counts {
		reasons = append(reasons, r)
	}
	slices.SortFunc(reasons, func(a, b string) int { return cmp.Or(counts[b]-counts[a], strings.Compare(a, b)) })
	out := []reporting.ReportParagraph{paragraph("causes", "Các nhiệm vụ chậm tiến độ, theo báo cáo của các phòng, đơn vị, do:")}
	for i, r := range reasons {
		if i == ListLimit {
			break
		}
		out = append(out, paragraph("causes:"+r, fmt.Sprintf("- %s (%d nhiệm vụ).", r, counts[r])))
	}
	return out
}

// nextSection is section IV: the unfinished tasks due by the end of the
// next period, the overdue ones to finish, and the recurring ones that go on.
func (d *drafter) nextSection() reporting.ReportSection {
	to, name := d.in.Period.Next()
	var due, overdue []db.TaskStanding
	recurring := 0
	for _, ts := range d.in.Standings {
		switch state := ts.Standing.State; {
		case ts.Task.Timeline.Recurring():
			if state != store.StateDropped {
				recurring++
			}
		case state.Closed():
		case state == store.StateOverdue:
			overdue = append(overdue, ts)
		case !ts.Standing.Due.IsZero() && ts.Standing.Due.After(d.in.AsOf) && !ts.Standing.Due.After(to):
			due = append(due, ts)
		}
	}
	s := reporting.ReportSection{Key: "next", Level: 1, Number: "IV", Title: "Phương hướng, nhiệm vụ kỳ tới"}
	intro := fmt.Sprintf("Trong %s, %s tập trung thực hiện các nhiệm vụ đến hạn:", name, d.agency)
	if len(due) == 0 {
		intro = fmt.Sprintf("Trong %s, %s không có nhiệm vụ đến hạn hoàn thành theo Kế hoạch.", name, d.agency)
		s.Paragraphs = append(s.Paragraphs, paragraph("next/due", intro))
	}
	dueList := taskList{key: "next/due", intro: intro, what: "đến hạn", limit: ListLimit}
	overdueList := taskList{key: "next/overdue", intro: "Khẩn trương hoàn thành các nhiệm vụ quá hạn:", what: "quá hạn", limit: ListLimit}
	s.Paragraphs = append(s.Paragraphs, dueList.paragraphs(due, dueItem)...)
	s.Paragraphs = append(s.Paragraphs, overdueList.paragraphs(overdue, dueItem)...)
	if recurring > 0 {
		s.Paragraphs = append(s.Paragraphs, paragraph("next/recurring",
			fmt.Sprintf("Tiếp tục thực hiện %d nhiệm vụ thường xuyên theo Kế hoạch; các phòng, đơn vị báo cáo kết quả đúng kỳ.", recurring)))
	}
	return s
}

// dueItem is a task to do: "- <nội dung> (Văn phòng Sở; thời hạn: Quý
// II/2023)."
func dueItem(ts db.TaskStanding) string {
	t := ts.Task
	detail := "thời hạn: " + t.Timeline.Text
	if t.Lead != "" {
		detail = t.Lead + "; " + detail
	}
	return "- " + taskName(t) + " (" + detail + ")."
}
