package draft_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/draft"
)

// composed is a draft of the seed plan's report with what it came from.
type composed struct {
	in       draft.Input
	sections []reporting.ReportSection
	tables   reporting.ReportTables
}

func compose(t *testing.T, kind store.PeriodKind) composed {
	t.Helper()
	in, err := demo.SeedYearInput(filepath.Join(t.TempDir(), "cchc.db"), kind)
	if err != nil {
		t.Fatal(err)
	}
	sections, tables := draft.Compose(in)
	return composed{in: in, sections: sections, tables: tables}
}

// text is every paragraph and heading of the draft, one a line.
func (c composed) text() string {
	var b strings.Builder
	for _, s := range c.sections {
		b.WriteString(s.Number + ". " + s.Title + "\n")
		for _, p := range s.Paragraphs {
			b.WriteString(p.Text + "\n")
		}
	}
	return b.String()
}

// section returns the section with the key.
func (c composed) section(t *testing.T, key string) reporting.ReportSection {
	t.Helper()
	for _, s := range c.sections {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("no section %q", key)
	return reporting.ReportSection{}
}

func countsSentence(counts map[store.State]int, total int) string {
	return fmt.Sprintf("có %d nhiệm vụ: hoàn thành đúng hạn %d, hoàn thành quá hạn %d, đang thực hiện %d, quá hạn %d, chưa thực hiện %d",
		total, counts[store.StateDoneOnTime], counts[store.StateDoneLate], counts[store.StateInProgress], counts[store.StateOverdue], counts[store.StateNotStarted])
}

func TestOutlineOfEveryPeriod(t *testing.T) {
	for _, kind := range store.PeriodKinds {
		t.Run(string(kind), func(t *testing.T) {
			c := compose(t, kind)
			var keys []string
			for _, s := range c.sections {
				keys = append(keys, s.Key)
			}
			want := "lead direction results area:1 area:2 area:3 area:4 area:5 area:6 targets assessment assessment:strengths assessment:limits assessment:causes next proposals closing"
			if strings.Join(keys, " ") != want {
				t.Errorf("sections %q\nwant     %q", keys, want)
			}
			for _, s := range c.sections {
				seen := map[string]bool{}
				for _, p := range s.Paragraphs {
					if seen[p.Key] || p.Key == "" || strings.TrimSpace(p.Text) == "" {
						t.Errorf("section %s: paragraph key %q repeated or empty, or blank text", s.Key, p.Key)
					}
					seen[p.Key] = true
				}
			}
		})
	}
}

func TestCountsMatchTheStandings(t *testing.T) {
	for _, kind := range []store.PeriodKind{store.PeriodQ1, store.PeriodH1, store.Period9M, store.PeriodYear} {
		t.Run(string(kind), func(t *testing.T) {
			c := compose(t, kind)
			text := c.text()
			if want := countsSentence(db.CountStates(c.in.Standings), 21); !strings.Contains(text, want) {
				t.Errorf("overall counts %q missing", want)
			}
			byArea := map[uint64][]db.TaskStanding{}
			for _, ts := range c.in.Standings {
				byArea[ts.Task.AreaID] = append(byArea[ts.Task.AreaID], ts)
			}
			for _, a := range c.in.Bundle.Areas {
				want := countsSentence(db.CountStates(byArea[a.ID]), len(a.Tasks))
				if !strings.Contains(text, want) {
					t.Errorf("area %s: %q missing", a.Numeral, want)
				}
			}
		})
	}
}

func TestQuarterOneFinishedAndLate(t *testing.T) {
	c := compose(t, store.PeriodQ1)
	direction := c.section(t, "direction")
	text := ""
	for _, p := range direction.Paragraphs {
		text += p.Text + "\n"
	}
	for _, want := range []string{
		"- Xây dựng và tổ chức thực hiện kế hoạch cải cách hành chính năm 2023: Đã ban hành Kế hoạch số 122/KH-SKH ngày 28/01/2023 về cải cách hành chính năm 2023. Tài liệu kiểm chứng: 122/KH-SKH ngày 28/01/2023.",
		"Hoàn thành quá hạn (hạn 31/01/2023). Tài liệu kiểm chứng: 25/KH-SKH ngày 15/02/2023.",
		"hoàn thành quá hạn (hạn 31/01/2023); lý do: Chờ ý kiến góp ý của các phòng chuyên môn.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("section I lacks %q:\n%s", want, text)
		}
	}
	institutions := c.section(t, "area:1")
	late := institutions.Paragraphs[len(institutions.Paragraphs)-1].Text
	if !strings.Contains(late, "quá hạn (hạn 31/12/2022, tiến độ 60%); lý do: Chờ hướng dẫn của Sở Tư pháp.") {
		t.Errorf("I.2 late with its reason: %q", late)
	}
	causes := c.section(t, "assessment:causes")
	if len(causes.Paragraphs) != 3 {
		t.Errorf("causes: %+v", causes.Paragraphs)
	}
}

func TestResultsOfThePeriodAreTheLatestNotes(t *testing.T) {
	q2, q3 := compose(t, store.PeriodQ2), compose(t, store.PeriodQ3)
	checks := []struct {
		c       composed
		want    string
		notWant string
	}{
		{q2, "Đã cập nhật 06 thủ tục hành chính sửa đổi, bổ sung", "Đã cập nhật 04 thủ tục hành chính"},
		{q2, "Đã gửi Báo cáo số 95/BC-SKH ngày 09/06/2023", ""},
		{q3, "Đã ban hành Quyết định số 210/QĐ-SKH ngày 25/08/2023 về phân cấp quản lý", "Đã gửi Báo cáo số 95/BC-SKH"},
	}
	for _, check := range checks {
		text := check.c.text()
		if !strings.Contains(text, check.want) {
			t.Errorf("%s lacks %q", check.c.in.Period.Name(), check.want)
		}
		if check.notWant != "" && strings.Contains(text, check.notWant) {
			t.Errorf("%s names %q, finished in another period", check.c.in.Period.Name(), check.notWant)
		}
	}
}

func TestTargetsAndFiguresOfTheYear(t *testing.T) {
	c := compose(t, store.PeriodYear)
	text := c.text()
	for _, want := range []string{
		"Kế hoạch đề ra 26 chỉ tiêu; kết quả năm 2023: đạt ",
		"- Chỉ tiêu III.2.2 (tỷ lệ cung cấp dịch vụ công trực tuyến mức độ 3, 4 trên tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của các cơ quan hành chính nhà nước lên Cổng Dịch vụ công Quốc gia tăng thêm 20% so với năm 2022): kế hoạch tăng ≥ 20% so với năm 2022, thực hiện 68% (năm 2022: 45%), đạt.",
		"- Chỉ tiêu III.4.2 (trong đó trên 22% có trình độ trên đại học): kế hoạch > 22%, thực hiện 25% (10/40), đạt.",
		"thực hiện 99,42% (681/685 hồ sơ), tính từ số liệu thống kê, không đạt.",
		"Số liệu thống kê trong kỳ: số hồ sơ tiếp nhận trực tuyến 662 hồ sơ; số hồ sơ tiếp nhận trực tiếp 23 hồ sơ;",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the year's report lacks %q", want)
		}
	}
	if len(c.tables.Targets) != 26 || len(c.tables.Areas) != 7 || len(c.tables.Figures) != 14 {
		t.Errorf("tables: %d targets, %d areas, %d figures", len(c.tables.Targets), len(c.tables.Areas), len(c.tables.Figures))
	}
}

func TestNextPeriodListsWhatFallsDue(t *testing.T) {
	q1 := compose(t, store.PeriodQ1)
	next := q1.section(t, "next")
	text := ""
	for _, p := range next.Paragraphs {
		text += p.Text + "\n"
	}
	for _, want := range []string{
		"Trong quý II năm 2023, Sở Kế hoạch và Đầu tư tập trung thực hiện các nhiệm vụ đến hạn:",
		"- Tổ chức đánh giá, chấm điểm xác định Chỉ số cải cách hành chính",
		"Khẩn trương hoàn thành các nhiệm vụ quá hạn:",
		"Tiếp tục thực hiện 11 nhiệm vụ thường xuyên theo Kế hoạch",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("section IV lacks %q:\n%s", want, text)
		}
	}
	year := compose(t, store.PeriodYear).section(t, "next")
	if !strings.Contains(year.Paragraphs[0].Text, "Trong năm 2024") {
		t.Errorf("the year's next period: %q", year.Paragraphs[0].Text)
	}
}

func TestTablesHoldEveryTaskWithItsResult(t *testing.T) {
	c := compose(t, store.PeriodH1)
	rows := 0
	for i, a := range c.tables.Areas {
		rows += len(a.Tasks)
		if a.Total() != len(c.in.Bundle.Areas[i].Tasks) {
			t.Errorf("area %s counts %d of %d tasks", a.Numeral, a.Total(), len(c.in.Bundle.Areas[i].Tasks))
		}
	}
	if rows != 21 {
		t.Fatalf("%d rows, want 21", rows)
	}
	for i, ts := range c.in.Standings {
		if want := store.ResultText(ts.Task, ts.Standing); taskRow(c.tables, i).Result != want {
			t.Errorf("task %d: result %q, want %q", i, taskRow(c.tables, i).Result, want)
		}
	}
}

// taskRow returns the i-th task row of the tables, area after area.
func taskRow(t reporting.ReportTables, i int) reporting.TaskProgress {
	for _, a := range t.Areas {
		if i < len(a.Tasks) {
			return a.Tasks[i]
		}
		i -= len(a.Tasks)
	}
	return reporting.TaskProgress{}
}

// demoYear drafts the year's report of a synthetic plan.
func demoYear(t *testing.T, opts demo.Options) []reporting.ReportSection {
	t.Helper()
	st, err := db.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored, err := demo.Store(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	p := store.Period{Kind: store.PeriodYear, Year: 2023}
	in, err := draft.Read(st, stored.Plan.ID, p, store.NewDate(2023, 12, 14))
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := draft.Compose(in)
	return sections
}

func TestLongListsSendToTheAppendix(t *testing.T) {
	tests := []struct {
		name     string
		opts     demo.Options
		most     int
		sentence string
	}{
		{"two areas of 100", demo.Options{Tasks: 200, PerArea: 100}, 2*draft.ListLimit + 5, "- Và "},
		{"300 areas of 10", demo.Options{Tasks: 3000, PerArea: 10}, 3, "Số nhiệm vụ hoàn thành trong kỳ: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sections := demoYear(t, tt.opts)
			for _, s := range sections {
				if strings.HasPrefix(s.Key, "area:") && len(s.Paragraphs) > tt.most {
					t.Errorf("section %s has %d paragraphs, want at most %d", s.Key, len(s.Paragraphs), tt.most)
				}
			}
			text := composed{sections: sections}.text()
			if !strings.Contains(text, tt.sentence) || !strings.Contains(text, "(chi tiết tại Phụ lục I).") {
				t.Errorf("no list sends the reader to the appendix with %q", tt.sentence)
			}
		})
	}
}
