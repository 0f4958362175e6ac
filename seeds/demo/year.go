package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kehoach/cchc/store/db"

	"github.com/kehoach/cchc/seeds"
	"github.com/kehoach/cchc/store"
)

// notes are what divisions report, by how far the work has come.
var (
	startNotes = []string{
		"Đã xây dựng dự thảo kế hoạch, đang lấy ý kiến các phòng chuyên môn",
		"Đã giao phòng chuyên môn chủ trì tham mưu triển khai",
		"Đang rà soát, tổng hợp số liệu của các đơn vị thuộc Sở",
	}
	midNotes = []string{
		"Đã tổ chức hội nghị triển khai đến toàn thể công chức, viên chức",
		"Đã hoàn thiện dự thảo, trình Lãnh đạo Sở cho ý kiến",
		"Đang tổng hợp báo cáo của các phòng, đơn vị; dự kiến hoàn thành trong tháng",
		"Đã đăng tải 6 tin, bài trên Cổng thông tin điện tử của Sở",
	}
	doneNotes = []string{
		"Đã ban hành Kế hoạch số %d/KH-SKH và triển khai thực hiện",
		"Đã hoàn thành, gửi báo cáo số %d/BC-SKH về Sở Nội vụ",
		"Đã ban hành Quyết định số %d/QĐ-SKH",
	}
	dropNotes = []string{
		"Không thực hiện do nội dung đã được lồng ghép vào nhiệm vụ khác theo chỉ đạo của UBND tỉnh",
	}
	lateReasons = []string{
		"Chờ hướng dẫn của bộ, ngành Trung ương",
		"Chờ ý kiến góp ý của các sở, ngành",
		"Số liệu của các đơn vị gửi chậm so với yêu cầu",
	}
)

// outcome is how a task with a deadline ends its year.
type outcome int

const (
	doneOnTime outcome = iota
	doneLate
	stillOpen
	neverStarted
	dropped
)

// pickOutcome spreads the outcomes as a real year does: most tasks done on
// time, some late, some still open, a few not started or dropped.
func pickOutcome(rng *rand.Rand) outcome {
	switch n := rng.IntN(100); {
	case n < 55:
		return doneOnTime
	case n < 70:
		return doneLate
	case n < 85:
		return stillOpen
	case n < 95:
		return neverStarted
	}
	return dropped
}

// Year returns a year of dated progress updates, and some evidence
// records, for the tasks of a stored bundle (with its ids), the same for
// the same seed: tasks with a deadline reach it on time, late, or not at
// all; recurring tasks report each quarter. Every update obeys the store's
// rules, a reason given whenever one is dated after the task's due date.
func Year(b store.Bundle, seed uint64) ([]store.Update, []store.Evidence) {
	rng := rand.New(rand.NewPCG(seed, 0x59454152))
	y := &yearWriter{rng: rng, year: b.Plan.Year, agency: b.Plan.Agency.Name}
	for _, t := range b.Tasks() {
		if t.Timeline.Recurring() {
			y.recurring(t)
		} else {
			y.deadline(t)
		}
	}
	return y.updates, y.evidence
}

// yearWriter collects the updates and evidence of a year.
type yearWriter struct {
	rng      *rand.Rand
	year     int
	agency   string
	docs     int
	updates  []store.Update
	evidence []store.Evidence
}

func (y *yearWriter) pick(list []string) string { return list[y.rng.IntN(len(list))] }

// add records an update of t, with a reason when it is dated after due.
func (y *yearWriter) add(t store.Task, d store.Date, status store.Status, progress int, note string) {
	u := store.Update{PlanID: t.PlanID, TaskID: t.ID, Date: d, Status: status, Progress: progress,
		Note: note, Unit: t.Lead, Source: store.SourceDemo}
	if due := t.Timeline.Due; !due.IsZero() && d.After(due) {
		u.Reason = y.pick(lateReasons)
	}
	y.updates = append(y.updates, u)
}

// doneNote returns a note naming a new document, and records the document
// as evidence of t one time in three.
func (y *yearWriter) doneNote(t store.Task, d store.Date) string {
	y.docs++
	note := fmt.Sprintf(y.pick(doneNotes), y.docs)
	if y.rng.IntN(3) == 0 {
		y.evidence = append(y.evidence, store.Evidence{PlanID: t.PlanID, TaskID: t.ID,
			Ref: fmt.Sprintf("%d/KH-SKH", y.docs), Date: d, Title: "Kế hoạch triển khai " + shortContent(t.Content), Issuer: y.agency})
	}
	return note
}

// deadline writes the year of a task with a due date (or none): a few
// updates between its start and its due date, and after it when late.
func (y *yearWriter) deadline(t store.Task) {
	start, due := t.Timeline.Start, t.Timeline.Due
	if start.IsZero() || start.Year != y.year {
		start = store.NewDate(y.year, 1, 15)
	}
	if due.IsZero() || due.Before(start) {
		due = store.NewDate(y.year, 12, 31)
	}
	span := max(int(due.Time().Sub(start.Time()).Hours()/24), 10)
	switch pickOutcome(y.rng) {
	case doneOnTime:
		y.progress(t, start, span, 1+y.rng.IntN(3))
		finish := due.AddDays(-y.rng.IntN(min(span/3, 20) + 1))
		y.add(t, finish, store.StatusDone, 100, y.doneNote(t, finish))
	case doneLate:
		y.progress(t, start, span, 1+y.rng.IntN(3))
		finish := due.AddDays(5 + y.rng.IntN(40))
		y.add(t, finish, store.StatusDone, 100, y.doneNote(t, finish))
	case stillOpen:
		y.progress(t, start, span, 1+y.rng.IntN(4))
	case dropped:
		y.add(t, start.AddDays(span/2), store.StatusDropped, 0, y.pick(dropNotes))
	}
}

// progress writes count updates of work in progress through the first
// part of a task's span, each further on than the last.
func (y *yearWriter) progress(t store.Task, start store.Date, span, count int) {
	step := max(span*2/3/count, 1)
	for i := range count {
		note := y.pick(midNotes)
		if i == 0 {
			note = y.pick(startNotes)
		}
		y.add(t, start.AddDays(step*i+y.rng.IntN(step)), store.StatusInProgress, 20*(i+1)+y.rng.IntN(10), note)
	}
}

// quarterDays are days in the middle of each Decree 09 quarter.
var quarterDays = [][2]int{{2, 20}, {5, 20}, {8, 20}, {11, 20}}

// recurring writes a report in each quarter (a yearly task, one in the
// year), done for the quarter more often than not.
func (y *yearWriter) recurring(t store.Task) {
	quarters := quarterDays
	if t.Timeline.Recurrence == store.RecurYearly {
		quarters = quarterDays[3:]
	}
	for _, q := range quarters {
		if y.rng.IntN(10) == 0 {
			continue // a quarter left unreported
		}
		d := store.NewDate(y.year, time.Month(q[0]), q[1]+y.rng.IntN(8))
		if y.rng.IntN(10) < 7 {
			y.add(t, d, store.StatusDone, 100, y.doneNote(t, d))
		} else {
			y.add(t, d, store.StatusInProgress, 40+y.rng.IntN(50), y.pick(midNotes))
		}
	}
}

// shortContent is the first words of a task's content, for a trích yếu.
func shortContent(content string) string {
	runes := []rune(content)
	if len(runes) > 80 {
		return string(runes[:80]) + "…"
	}
	return content
}

// Stored is what Store wrote.
type Stored struct {
	Plan     store.Plan
	Tasks    int
	Updates  int
	Evidence int
}

// DemoNumber and DemoSymbol make the synthetic plan's reference, "999/KH-DEMO",
// apart from the seed plan of the same year.
const (
	DemoNumber = "999"
	DemoSymbol = "KH-DEMO"
)

// Store writes a synthetic plan of opts into st with a year of updates and
// evidence (Year), under the seed plan's settings when st has none: what
// `cchc-cli demo` and the benchmarks use. The plan is 999/KH-DEMO.
func Store(st *db.Store, opts Options) (Stored, error) {
	settings, _, err := seeds.Plan2023()
	if err != nil {
		return Stored{}, err
	}
	if current, err := st.Settings(); err != nil {
		return Stored{}, err
	} else if current.Agency.Name == "" {
		if err := st.SaveSettings(settings); err != nil {
			return Stored{}, err
		}
	}
	b := Bundle(opts)
	b.Plan.Number, b.Plan.Symbol = DemoNumber, DemoSymbol
	b.Plan.Summary = fmt.Sprintf("Kế hoạch mẫu %d nhiệm vụ (dữ liệu thử)", opts.Tasks)
	plan, err := st.CreateBundle(b)
	if err != nil {
		return Stored{}, err
	}
	stored, err := st.Bundle(plan.ID)
	if err != nil {
		return Stored{}, err
	}
	updates, evidence := Year(stored, opts.Seed)
	if err := st.AddUpdates(updates); err != nil {
		return Stored{}, err
	}
	if err := st.AddEvidenceRecords(evidence); err != nil {
		return Stored{}, err
	}
	return Stored{Plan: plan, Tasks: stored.TaskCount(), Updates: len(updates), Evidence: len(evidence)}, nil
}
