package db

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/kehoach/cchc/store"
)

// openTemp opens a fresh store in t.TempDir and checks its consistency when
// the test ends.
func openTemp(t *testing.T) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "cchc.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := st.Check(); err != nil {
			t.Errorf("Check: %v", err)
		}
		st.Close()
	})
	return st
}

func testSettings() store.Settings {
	return store.Settings{
		Agency:       store.Agency{Parent: "UBND TỈNH TUYÊN QUANG", Name: "Sở Kế hoạch và Đầu tư", Abbrev: "SKH", Place: "Tuyên Quang"},
		Units:        []string{"Văn phòng Sở", "Thanh tra Sở"},
		Distribution: []string{"UBND tỉnh;", "Lưu: VT, VP."},
		Signer:       store.Signer{HeadTitle: "GIÁM ĐỐC"},
	}
}

func testBundle(year int, number string) store.Bundle {
	return store.Bundle{
		Plan: store.Plan{Year: year, Number: number, Symbol: "KH-SKH", IssueDate: store.NewDate(year, 1, 28), Summary: "Cải cách hành chính"},
		Areas: []store.AreaTasks{
			{Area: store.Area{Numeral: "I", Name: "Cải cách thể chế"}, Tasks: []store.Task{
				{Ordinal: "1", Content: "Tham mưu ban hành văn bản", Lead: "Thanh tra Sở", Coordinating: []string{"Văn phòng Sở"}, Timeline: store.Timeline{Text: "Năm 2023"}},
				{Ordinal: "2", Content: "Ban hành kế hoạch", Lead: "Thanh tra Sở", Timeline: store.Timeline{Text: "Tháng 12"}},
			}},
			{Area: store.Area{Numeral: "II", Name: "Cải cách thủ tục hành chính"}, Tasks: []store.Task{
				{Ordinal: "1", Content: "Rà soát thủ tục", Lead: "Văn phòng Sở", Timeline: store.Timeline{Text: "Thường xuyên"}},
			}},
		},
		Targets: []store.Target{{Indicator: "100% thủ tục hành chính được giải quyết đúng hạn", Comparator: store.Exactly, Value: 100, Unit: "%", Ref: "II.2"}},
	}
}

func TestSeedTakesIssuerFromSettingsOnce(t *testing.T) {
	st := openTemp(t)
	created, err := st.Seed("k", testSettings(), testBundle(2023, "122"))
	if err != nil || !created {
		t.Fatalf("first Seed = %v, %v; want created", created, err)
	}
	created, err = st.Seed("k", testSettings(), testBundle(2023, "122"))
	if err != nil || created {
		t.Fatalf("second Seed = %v, %v; want nothing done", created, err)
	}
	plans, _ := st.Plans()
	if len(plans) != 1 {
		t.Fatalf("%d plans after seeding twice, want 1", len(plans))
	}
	p := plans[0]
	if p.Agency.Name != "Sở Kế hoạch và Đầu tư" || p.Signer.HeadTitle != "GIÁM ĐỐC" || len(p.Distribution) != 2 {
		t.Errorf("plan did not take the issuer from the settings: %+v", p)
	}
	if p.DocType != store.DocPlan || p.Appendix.Columns != store.DefaultColumns {
		t.Errorf("plan defaults not filled: %q %v", p.DocType, p.Appendix.Columns)
	}
}

func TestPlanKeepsNamesItWasIssuedUnder(t *testing.T) {
	st := openTemp(t)
	if err := st.SaveSettings(testSettings()); err != nil {
		t.Fatal(err)
	}
	old, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	renamed := testSettings()
	renamed.Agency.Name = "Sở Tài chính"
	if err := st.SaveSettings(renamed); err != nil {
		t.Fatal(err)
	}
	fresh, err := st.CreateBundle(testBundle(2026, "15"))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := st.Plan(old.ID)
	if got.Agency.Name != "Sở Kế hoạch và Đầu tư" {
		t.Errorf("old plan's agency = %q, want the name it was issued under", got.Agency.Name)
	}
	got, _ = st.Plan(fresh.ID)
	if got.Agency.Name != "Sở Tài chính" {
		t.Errorf("new plan's agency = %q, want today's name", got.Agency.Name)
	}
}

func TestSeveralPlansSideBySide(t *testing.T) {
	st := openTemp(t)
	p23, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	p24, err := st.CreateBundle(testBundle(2024, "88"))
	if err != nil {
		t.Fatal(err)
	}
	plans, _ := st.Plans()
	if len(plans) != 2 || plans[0].Year != 2024 || plans[1].Year != 2023 {
		t.Fatalf("Plans() = %v, want 2024 then 2023", plans)
	}
	checkFindPlan(t, st, p23, p24)
	checkPlansApart(t, st, p23, p24)
}

// checkFindPlan finds two plans by year, reference and number, and a third
// plan of 2023 makes the year ambiguous.
func checkFindPlan(t *testing.T, st *Store, p23, p24 store.Plan) {
	t.Helper()
	for _, tc := range []struct {
		ref  string
		want uint64
	}{{"2023", p23.ID}, {"2024", p24.ID}, {"122/KH-SKH", p23.ID}, {"88/kh-skh", p24.ID}, {"122", p23.ID}} {
		got, err := st.FindPlan(tc.ref)
		if err != nil || got.ID != tc.want {
			t.Errorf("FindPlan(%q) = #%d, %v; want #%d", tc.ref, got.ID, err, tc.want)
		}
	}
	if _, err := st.FindPlan("2030"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("FindPlan(2030) error = %v, want ErrNotFound", err)
	}
	if _, err := st.CreateBundle(testBundle(2023, "5")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.FindPlan("2023"); !errors.Is(err, store.ErrAmbiguous) {
		t.Errorf("FindPlan(2023) with two 2023 plans: %v, want ErrAmbiguous", err)
	}
	if _, err := st.CreateBundle(testBundle(2023, "122")); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("a second 122/KH-SKH of 2023: %v, want ErrInvalid", err)
	}
}

// checkPlansApart checks that two plans keep their own tasks, each read
// against its own year, and that deleting one leaves the other.
func checkPlansApart(t *testing.T, st *Store, p23, p24 store.Plan) {
	t.Helper()
	tasks23, _ := st.Tasks(p23.ID)
	tasks24, _ := st.Tasks(p24.ID)
	if len(tasks23) != 3 || len(tasks24) != 3 || tasks23[0].ID == tasks24[0].ID {
		t.Fatalf("tasks of the two plans mixed: %d, %d", len(tasks23), len(tasks24))
	}
	// "Tháng 12" takes each plan's own year.
	if tasks23[1].Timeline.Due != store.NewDate(2023, 12, 31) || tasks24[1].Timeline.Due != store.NewDate(2024, 12, 31) {
		t.Errorf("due dates %s and %s, want 31/12 of each plan's year", tasks23[1].Timeline.Due, tasks24[1].Timeline.Due)
	}
	if err := st.DeletePlan(p23.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Tasks(p23.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("tasks of a deleted plan: %v, want ErrNotFound", err)
	}
	if left, _ := st.Tasks(p24.ID); len(left) != 3 {
		t.Errorf("deleting 2023 left %d tasks of 2024, want 3", len(left))
	}
}

func TestTaskCRUD(t *testing.T) {
	st := openTemp(t)
	plan, err := st.CreateBundle(testBundle(2023, "122"))
	if err != nil {
		t.Fatal(err)
	}
	areas, _ := st.Areas(plan.ID)
	if len(areas) != 2 || areas[0].Numeral != "I" {
		t.Fatalf("Areas = %+v", areas)
	}
	task := store.Task{PlanID: plan.ID, AreaID: areas[1].ID, Ordinal: "2", Order: 2, Content: "Số hoá hồ sơ", Coordinating: []string{"Phòng Công chức, viên chức"}, Timeline: store.Timeline{Text: "Quý II/2023"}}
	if err := st.CreateTask(&task); err != nil {
		t.Fatal(err)
	}
	got, err := st.Task(plan.ID, task.ID)
	if err != nil || got.Content != "Số hoá hồ sơ" || got.Timeline.Due != store.NewDate(2023, 6, 30) || got.Status != "" {
		t.Fatalf("Task = %+v, %v", got, err)
	}
	got.Content = "Số hoá hồ sơ thủ tục hành chính"
	if err := st.UpdateTask(got); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.Task(plan.ID, task.ID); again.Content != got.Content {
		t.Errorf("update lost: %q", again.Content)
	}
	checkTaskRefusalsAndDelete(t, st, got)
}

// checkTaskRefusalsAndDelete refuses emptying a stored task and deleting
// its area, deletes the task once, and refuses a task in a missing area.
func checkTaskRefusalsAndDelete(t *testing.T, st *Store, task store.Task) {
	t.Helper()
	empty := task
	empty.Content = " "
	if err := st.UpdateTask(empty); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("empty content: %v, want ErrInvalid", err)
	}
	if err := st.DeleteArea(task.PlanID, task.AreaID); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("deleting an area with tasks: %v, want ErrInvalid", err)
	}
	if _, err := st.DeleteTask(task.PlanID, task.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Task(task.PlanID, task.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted task: %v, want ErrNotFound", err)
	}
	if _, err := st.DeleteTask(task.PlanID, task.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	bad := store.Task{PlanID: task.PlanID, AreaID: 999, Content: "x"}
	if err := st.CreateTask(&bad); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("task in a missing area: %v, want ErrNotFound", err)
	}
}

func TestAreaAndTargetCRUD(t *testing.T) {
	st := openTemp(t)
	plan, _ := st.CreateBundle(testBundle(2023, "122"))
	area := store.Area{PlanID: plan.ID, Numeral: "III", Name: "Cải cách tổ chức bộ máy", Order: 3}
	if err := st.CreateArea(&area); err != nil {
		t.Fatal(err)
	}
	area.Name = "Cải cách tổ chức bộ máy hành chính nhà nước"
	if err := st.UpdateArea(area); err != nil {
		t.Fatal(err)
	}
	areas, _ := st.Areas(plan.ID)
	if len(areas) != 3 || areas[2].Name != area.Name {
		t.Fatalf("Areas after update = %+v", areas)
	}
	if err := st.DeleteArea(plan.ID, area.ID); err != nil {
		t.Fatal(err)
	}
	target := store.Target{PlanID: plan.ID, Indicator: "tăng thêm 20% so với năm 2022", Comparator: store.IncreaseBy, Value: 20, Unit: "%", BaselineYear: 2022, Ref: "III.2", Order: 2}
	if err := st.CreateTarget(&target); err != nil {
		t.Fatal(err)
	}
	target.Value = 25
	if err := st.UpdateTarget(target); err != nil {
		t.Fatal(err)
	}
	targets, _ := st.Targets(plan.ID)
	if len(targets) != 2 || targets[1].Value != 25 || targets[1].Goal() != "tăng ≥ 25% so với năm 2022" {
		t.Fatalf("Targets = %+v", targets)
	}
	if err := st.DeleteTarget(plan.ID, target.ID); err != nil {
		t.Fatal(err)
	}
	noBase := store.Target{PlanID: plan.ID, Indicator: "tăng thêm", Comparator: store.IncreaseBy, Value: 5}
	if err := st.CreateTarget(&noBase); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("increase without baseline: %v, want ErrInvalid", err)
	}
}

func TestUpdatesSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cchc.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := st.CreateBundle(testBundle(2023, "122"))
	tasks, _ := st.Tasks(plan.ID)
	day := store.NewDate(2023, 3, 10)
	update := func(taskID uint64, status store.Status, percent int, note string) store.Update {
		return store.Update{PlanID: plan.ID, TaskID: taskID, Date: day, Status: status, Progress: percent, Note: note}
	}
	got, err := st.AddUpdate(update(tasks[0].ID, store.StatusNotStarted, 40, "Đã có dự thảo"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.StatusInProgress || got.Progress != 40 || got.Track.Updates != 1 {
		t.Errorf("progress on a task not started: %q %d%% %d updates", got.Status, got.Progress, got.Track.Updates)
	}
	if _, err := st.AddUpdate(update(tasks[0].ID, store.StatusDone, 60, "")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddUpdate(update(tasks[0].ID, store.StatusDone, 100, "")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddUpdate(update(tasks[1].ID, store.StatusInProgress, 120, "")); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("120%%: %v, want ErrInvalid", err)
	}
	st.Close()

	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	again, _ := st.Task(plan.ID, tasks[0].ID)
	history, _ := st.History(plan.ID, tasks[0].ID)
	if again.Status != store.StatusDone || again.Progress != 100 || len(history) != 2 || history[1].Note != "Đã có dự thảo" {
		t.Errorf("after reopening: %q %d%% updates %+v", again.Status, again.Progress, history)
	}
	if unchanged, _ := st.Task(plan.ID, tasks[1].ID); unchanged.Progress != 0 {
		t.Errorf("a refused change was half-written: %d%%", unchanged.Progress)
	}
}

func TestDisplayStatus(t *testing.T) {
	due := store.Timeline{Text: "Tháng 6/2023", Kind: store.TimelineDeadline, Due: store.NewDate(2023, 6, 30)}
	recurring := store.ParseTimeline("Thường xuyên", 2023)
	tests := []struct {
		name   string
		task   store.Task
		today  store.Date
		status store.Status
	}{
		{"not yet due", store.Task{Status: store.StatusNotStarted, Timeline: due}, store.NewDate(2023, 6, 30), store.StatusNotStarted},
		{"due yesterday", store.Task{Status: store.StatusNotStarted, Timeline: due}, store.NewDate(2023, 7, 1), store.StatusOverdue},
		{"in progress and late", store.Task{Status: store.StatusInProgress, Timeline: due}, store.NewDate(2023, 9, 1), store.StatusOverdue},
		{"done late is done", store.Task{Status: store.StatusDone, Timeline: due}, store.NewDate(2024, 1, 1), store.StatusDone},
		{"dropped is dropped", store.Task{Status: store.StatusDropped, Timeline: due}, store.NewDate(2024, 1, 1), store.StatusDropped},
		{"recurring is never late by date", store.Task{Status: store.StatusInProgress, Timeline: recurring}, store.NewDate(2030, 1, 1), store.StatusInProgress},
		{"empty status is not started", store.Task{Timeline: store.ParseTimeline("Không rõ", 2023)}, store.NewDate(2030, 1, 1), store.StatusNotStarted},
	}
	for _, tt := range tests {
		if got := tt.task.DisplayStatus(tt.today); got != tt.status {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.status)
		}
	}
}

func TestSecondOpenIsRefusedQuickly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cchc.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if _, err := Open(path); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
}

func TestSetSignerNameFillsPlansWithoutOne(t *testing.T) {
	st := openTemp(t)
	st.SaveSettings(testSettings())
	unsigned, _ := st.CreateBundle(testBundle(2023, "122"))
	signed := testBundle(2024, "9")
	signed.Plan.Signer = store.Signer{HeadTitle: "GIÁM ĐỐC", Name: "Nguyễn Văn A"}
	signedPlan, _ := st.CreateBundle(signed)
	n, err := st.SetSignerName("Trần Thị B")
	if err != nil || n != 1 {
		t.Fatalf("SetSignerName = %d, %v; want 1 plan", n, err)
	}
	if p, _ := st.Plan(unsigned.ID); p.Signer.Name != "Trần Thị B" {
		t.Errorf("unsigned plan's signer = %q", p.Signer.Name)
	}
	if p, _ := st.Plan(signedPlan.ID); p.Signer.Name != "Nguyễn Văn A" {
		t.Errorf("signed plan's signer changed to %q", p.Signer.Name)
	}
	if s, _ := st.Settings(); s.Signer.Name != "Trần Thị B" {
		t.Errorf("settings signer = %q", s.Signer.Name)
	}
}
