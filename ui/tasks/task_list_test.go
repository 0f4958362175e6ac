package tasks

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/seeds/demo"
	"github.com/kehoach/cchc/store"
)

// sampleList is a plan of six tasks in two areas, each with a standing,
// judged on 15/07/2023.
func sampleList() *taskList {
	areas := []store.Area{{ID: 1, Numeral: "I", Name: "Cải cách thể chế", Order: 1}, {ID: 2, Numeral: "II", Name: "Cải cách thủ tục hành chính", Order: 2}}
	task := func(id, area uint64, ordinal, content, lead, timeline string) store.Task {
		t := store.Task{ID: id, PlanID: 1, AreaID: area, Ordinal: ordinal, Content: content, Lead: lead}
		t.Timeline = store.ParseTimeline(timeline, 2023)
		return t
	}
	standings := []db.TaskStanding{
		{Task: task(1, 1, "1", "Cải cách hành chính nội bộ", "Văn phòng Sở", "Quý IV/2023"), Standing: store.Standing{State: store.StateInProgress, Progress: 40}},
		{Task: task(2, 1, "2", "Đăng ký kinh doanh qua mạng", "Thanh tra Sở", "Tháng 3/2023"), Standing: store.Standing{State: store.StateOverdue}},
		{Task: task(3, 1, "3", "Dữ liệu dân cư", "Đoàn thanh niên", "Tháng 7/2023"), Standing: store.Standing{State: store.StateNotStarted, DueSoon: true}},
		{Task: task(4, 2, "1", "Rà soát thủ tục", "Dân vận", "Thường xuyên"), Standing: store.Standing{State: store.StateNotStarted, Unreported: true}},
		{Task: task(5, 2, "2", "Ứng dụng công nghệ thông tin", "Văn phòng Sở; Thanh tra Sở", "Quý I/2023"), Standing: store.Standing{State: store.StateDoneLate, Progress: 100}},
		{Task: task(6, 2, "3", "Áp dụng ISO", "ánh sáng", "Quý II/2023"), Standing: store.Standing{State: store.StateDoneOnTime, Progress: 100}},
	}
	return newTaskList(store.Plan{ID: 1, Year: 2023}, areas, standings, store.NewDate(2023, 7, 15))
}

// shownNumbers are the numbers of the tasks a filter and order show.
func shownNumbers(l *taskList, f rowFilter, order rowOrder) []string {
	var numbers []string
	for _, i := range l.visible(f, order, nil) {
		numbers = append(numbers, l.tasks[i].cells[ColNumber])
	}
	return numbers
}

func TestSearchIgnoresDiacriticsAndCase(t *testing.T) {
	test.NewTempApp(t)
	l := sampleList()
	tests := []struct {
		text string
		want []string
	}{
		{"cai cach", []string{"I.1"}},
		{"Cải cách", []string{"I.1"}},
		{"CẢI CÁCH", []string{"I.1"}},
		{"dang ky", []string{"I.2"}},
		{"đăng ký", []string{"I.2"}},
		{"d", []string{"I.2", "I.3", "II.1", "II.2", "II.3"}}, // đăng, dữ, dân, dụng, dụng; not I.1
		{"đoàn", []string{"I.2", "I.3"}},                      // "kinh doanh" holds it too
		{"doan", []string{"I.2", "I.3"}},
		{"thanh tra", []string{"I.2", "II.2"}},
		{"thuong xuyen", []string{"II.1"}},
		{"không có", nil},
		{"  ", []string{"I.1", "I.2", "I.3", "II.1", "II.2", "II.3"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := shownNumbers(l, rowFilter{text: tt.text}, rowOrder{}); !slices.Equal(got, tt.want) {
				t.Errorf("search %q shows %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFiltersNarrowTheRows(t *testing.T) {
	test.NewTempApp(t)
	l := sampleList()
	tests := []struct {
		name   string
		filter rowFilter
		want   []string
	}{
		{"area II", rowFilter{area: 2}, []string{"II.1", "II.2", "II.3"}},
		{"led by Thanh tra Sở, alone or with others", rowFilter{lead: store.UnitKey("thanh tra  sở")}, []string{"I.2", "II.2"}},
		{"state", rowFilter{state: store.StateNotStarted}, []string{"I.3", "II.1"}},
		{"overdue", rowFilter{due: dueOverdue}, []string{"I.2"}},
		{"due soon", rowFilter{due: dueSoon}, []string{"I.3"}},
		{"overdue or due soon", rowFilter{due: dueOverdueOrSoon}, []string{"I.2", "I.3"}},
		{"not reported this period", rowFilter{due: dueUnreported}, []string{"II.1"}},
		{"search within an area", rowFilter{area: 2, text: "van phong"}, []string{"II.2"}},
		{"nothing passes", rowFilter{area: 1, state: store.StateDoneLate}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shownNumbers(l, tt.filter, rowOrder{}); !slices.Equal(got, tt.want) {
				t.Errorf("shows %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSortingFollowsVietnameseOrder(t *testing.T) {
	test.NewTempApp(t)
	l := sampleList()
	tests := []struct {
		name  string
		order rowOrder
		want  []string
	}{
		// a á … ă â b c d đ e …: "Áp dụng" before "Cải cách", "Dữ liệu"
		// before "Đăng ký", and "Ứng dụng" (ư) after "Rà soát"; byte order
		// would put Đ, Á and Ứ after every plain letter.
		{"content", rowOrder{column: ColContent}, []string{"II.3", "I.1", "I.3", "I.2", "II.1", "II.2"}},
		{"content, down", rowOrder{column: ColContent, descending: true}, []string{"II.2", "II.1", "I.2", "I.3", "I.1", "II.3"}},
		{"lead unit, any case", rowOrder{column: colLead}, []string{"II.3", "II.1", "I.3", "I.2", "I.1", "II.2"}},
		// I.2 and II.2 fall due the same day: the plan's order decides.
		{"timeline by due date, recurring last", rowOrder{column: ColTimeline}, []string{"I.2", "II.2", "II.3", "I.3", "I.1", "II.1"}},
		{"state in the order of the states", rowOrder{column: ColState}, []string{"I.3", "II.1", "I.1", "I.2", "II.3", "II.2"}},
		// Down reverses the whole order, ties included.
		{"progress", rowOrder{column: ColProgress, descending: true}, []string{"II.3", "II.2", "I.1", "II.1", "I.3", "I.2"}},
		{"number: the plan's order", rowOrder{column: ColNumber}, []string{"I.1", "I.2", "I.3", "II.1", "II.2", "II.3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shownNumbers(l, rowFilter{}, tt.order); !slices.Equal(got, tt.want) {
				t.Errorf("shows %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCountsAddUpAndFollowAnUpdate(t *testing.T) {
	test.NewTempApp(t)
	l := sampleList()
	if got := l.countsLine(6); got != "6 nhiệm vụ · 2 chưa thực hiện · 1 đang thực hiện · 1 quá hạn · 1 hoàn thành đúng hạn · 1 hoàn thành quá hạn" {
		t.Errorf("counts %q", got)
	}
	moved := l.tasks[1]
	if !l.replace(db.TaskStanding{Task: moved.task, Standing: store.Standing{State: store.StateDoneLate, Progress: 100}}) {
		t.Fatal("the task was not replaced")
	}
	if got := l.countsLine(2); got != "6 nhiệm vụ · 2 chưa thực hiện · 1 đang thực hiện · 1 hoàn thành đúng hạn · 2 hoàn thành quá hạn — đang hiện 2" {
		t.Errorf("counts after an update %q", got)
	}
	if got := shownNumbers(l, rowFilter{}, rowOrder{column: ColState}); !slices.Equal(got, []string{"I.3", "II.1", "I.1", "II.3", "I.2", "II.2"}) {
		t.Errorf("sorted by state after an update: %q", got)
	}
}

// tenThousand is the demo plan of 10,000 tasks with a year of updates,
// stored once for the benchmarks, and where its tasks stand on 30/06/2023.
var tenThousand struct {
	once      sync.Once
	st        *db.Store
	plan      store.Plan
	areas     []store.Area
	standings []db.TaskStanding
}

func tenThousandTasks(b *testing.B) (*db.Store, store.Plan, []store.Area, []db.TaskStanding) {
	b.Helper()
	tenThousand.once.Do(func() {
		st, err := db.Open(filepath.Join(b.TempDir(), "demo.db"))
		if err != nil {
			b.Fatal(err)
		}
		stored, err := demo.Store(st, demo.Options{Tasks: 10_000, PerArea: 500})
		if err != nil {
			b.Fatal(err)
		}
		tenThousand.st, tenThousand.plan = st, stored.Plan
		if tenThousand.areas, err = st.Areas(stored.Plan.ID); err != nil {
			b.Fatal(err)
		}
		if tenThousand.standings, err = st.Standings(stored.Plan.ID, store.NewDate(2023, 6, 30)); err != nil {
			b.Fatal(err)
		}
	})
	return tenThousand.st, tenThousand.plan, tenThousand.areas, tenThousand.standings
}

// keystrokes are a search typed letter by letter.
func keystrokes(text string) []string {
	var typed []string
	for i := range text {
		if i > 0 {
			typed = append(typed, text[:i])
		}
	}
	return append(typed, text)
}

// BenchmarkTaskTableKeystroke is one keystroke in the search box over
// 10,000 tasks, sorted by content with a state filter on: the rows shown
// are found again from slices built when the data was read.
// Run: go test -tags ci ./ui/tasks -run '^$' -bench TaskTable -benchmem
func BenchmarkTaskTableKeystroke(b *testing.B) {
	test.NewTempApp(b)
	_, plan, areas, standings := tenThousandTasks(b)
	l := newTaskList(plan, areas, standings, store.NewDate(2023, 6, 30))
	order := rowOrder{column: ColContent}
	typed := keystrokes("cải cach thu tuc")
	var out []int32
	out = l.visible(rowFilter{}, order, out) // the first sort by content, once per data change
	k := 0
	for b.Loop() {
		out = l.visible(rowFilter{text: typed[k%len(typed)], state: store.StateInProgress}, order, out)
		k++
	}
	b.ReportMetric(float64(len(out)), "rows")
}

// BenchmarkTaskTableBuild builds the rows of 10,000 tasks: once each time
// the data changes (a plan opened, a task added, another reporting date).
func BenchmarkTaskTableBuild(b *testing.B) {
	test.NewTempApp(b)
	_, plan, areas, standings := tenThousandTasks(b)
	for b.Loop() {
		newTaskList(plan, areas, standings, store.NewDate(2023, 6, 30))
	}
}

// BenchmarkTaskTableFirstSort sorts 10,000 tasks by their content in
// Vietnamese order the first time: once per data change and column.
func BenchmarkTaskTableFirstSort(b *testing.B) {
	test.NewTempApp(b)
	_, plan, areas, standings := tenThousandTasks(b)
	l := newTaskList(plan, areas, standings, store.NewDate(2023, 6, 30))
	for b.Loop() {
		l.sorted[ColContent] = nil
		l.sortedBy(ColContent)
	}
}

// BenchmarkTasksScreenKeystroke is a keystroke in the screen's search box
// over 10,000 tasks: the rows found again, the counts written and the
// table refreshed.
func BenchmarkTasksScreenKeystroke(b *testing.B) {
	st, plan, _, _ := tenThousandTasks(b)
	s, current := newScreen(b, st, func() store.Date { return store.NewDate(2023, 6, 30) })
	if err := current.Select(plan.ID); err != nil {
		b.Fatal(err)
	}
	if s.list.Len() != 10_000 {
		b.Fatalf("the screen holds %d tasks", s.list.Len())
	}
	typed := keystrokes("cải cach thu tuc")
	k := 0
	for b.Loop() {
		s.Search.SetText(typed[k%len(typed)])
		k++
	}
	b.ReportMetric(float64(s.RowCount()), "rows")
}

// BenchmarkTasksScreenReload reads a plan of 10,000 tasks again and shows
// it: what adding, duplicating, deleting or moving a task costs.
func BenchmarkTasksScreenReload(b *testing.B) {
	st, plan, _, _ := tenThousandTasks(b)
	s, current := newScreen(b, st, func() store.Date { return store.NewDate(2023, 6, 30) })
	if err := current.Select(plan.ID); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s.reload()
	}
	if !strings.HasPrefix(s.Summary(), "10000 nhiệm vụ") {
		b.Errorf("summary %q", s.Summary())
	}
}
