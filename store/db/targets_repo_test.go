package db

import (
	"errors"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/reporting"
)

// targetsBundle is a plan with targets sharing refs, for the code tests.
func targetsBundle() store.Bundle {
	b := testBundle(2023, "122")
	b.Targets = []store.Target{
		{Indicator: "100% thủ tục hành chính được công khai", Comparator: store.Exactly, Value: 100, Unit: "%", Ref: "II.1"},
		{Indicator: "tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt 70%", Comparator: store.AtLeast, Value: 70, Unit: "%", Ref: "III.2"},
		{Indicator: "tăng thêm 20% so với năm 2022", Comparator: store.IncreaseBy, Value: 20, Unit: "%", BaselineYear: 2022, Ref: "III.2"},
		{Indicator: "mức độ hài lòng tối thiểu 95%", Comparator: store.AtLeast, Value: 95, Unit: "%", Ref: "III.2"},
	}
	return b
}

func codesOf(t *testing.T, st *Store, planID uint64) []string {
	t.Helper()
	targets, err := st.Targets(planID)
	if err != nil {
		t.Fatal(err)
	}
	codes := make([]string, len(targets))
	for i, target := range targets {
		codes[i] = target.Code
	}
	return codes
}

func TestTargetCodesFollowEveryWrite(t *testing.T) {
	st := openTemp(t)
	plan, err := st.CreateBundle(targetsBundle())
	if err != nil {
		t.Fatal(err)
	}
	checkCodes := func(step string, want ...string) {
		t.Helper()
		got := codesOf(t, st, plan.ID)
		if len(got) != len(want) {
			t.Fatalf("%s: codes %q, want %q", step, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: codes %q, want %q", step, got, want)
				return
			}
		}
	}
	checkCodes("bundle", "II.1.1", "III.2.1", "III.2.2", "III.2.3")
	added := store.Target{PlanID: plan.ID, Indicator: "Mới", Comparator: store.AtLeast, Value: 1, Ref: "III.2"}
	if err := st.CreateTarget(&added); err != nil || added.Code != "III.2.4" {
		t.Fatalf("CreateTarget = %+v, %v; want code III.2.4", added, err)
	}
	second, _ := st.FindTarget(plan.ID, "iii.2.2")
	second.Ref = "III.6"
	if err := st.UpdateTarget(second); err != nil {
		t.Fatal(err)
	}
	checkCodes("ref changed", "II.1.1", "III.2.1", "III.6.1", "III.2.2", "III.2.3")
	first, _ := st.FindTarget(plan.ID, "III.2.1")
	if err := st.DeleteTarget(plan.ID, first.ID); err != nil {
		t.Fatal(err)
	}
	checkCodes("deleted", "II.1.1", "III.6.1", "III.2.1", "III.2.2")
	if _, err := st.FindTarget(plan.ID, "IX.9.9"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown code: %v", err)
	}
	if got, err := st.FindTarget(plan.ID, "1"); err != nil || got.Code != "II.1.1" {
		t.Errorf("by id: %+v, %v", got, err)
	}
}

func TestBundleTargetsGetTheirFeeds(t *testing.T) {
	st := openTemp(t)
	plan, err := st.CreateBundle(targetsBundle())
	if err != nil {
		t.Fatal(err)
	}
	targets, _ := st.Targets(plan.ID)
	want := []store.Feed{store.FeedNone, store.FeedOnlineShare, store.FeedNone, store.FeedSatisfaction}
	for i, target := range targets {
		if target.Feed != want[i] {
			t.Errorf("target %s feed %q, want %q", target.Code, target.Feed, want[i])
		}
	}
}

func TestActualsPerPeriod(t *testing.T) {
	st := openTemp(t)
	plan, _ := st.CreateBundle(targetsBundle())
	online, _ := st.FindTarget(plan.ID, "III.2.1")
	q1, q2 := store.Period{Kind: store.PeriodQ1, Year: 2023}, store.Period{Kind: store.PeriodQ2, Year: 2023}
	a := reporting.NewFraction(152, 160)
	a.PlanID, a.TargetID, a.Period, a.Note = plan.ID, online.ID, q1, "Hệ thống một cửa điện tử"
	if _, err := st.SetActual(a); err != nil {
		t.Fatal(err)
	}
	figures := reporting.Figures{PlanID: plan.ID, Period: q2}
	figures.Set(reporting.FigReceivedOnline, 50)
	figures.Set(reporting.FigReceivedInPerson, 50)
	if _, err := st.SaveFigures(figures); err != nil {
		t.Fatal(err)
	}
	r1, _ := st.TargetResults(plan.ID, q1)
	r2, _ := st.TargetResults(plan.ID, q2)
	if r1[1].Verdict != reporting.VerdictMet || r1[1].ValueText() != "95% (152/160)" || r1[1].Source != reporting.SourceEntered {
		t.Errorf("Q1: %+v", r1[1])
	}
	if r2[1].Verdict != reporting.VerdictNotMet || r2[1].Source != reporting.SourceFigures || r2[1].Detail != "50/100 hồ sơ" {
		t.Errorf("Q2 from figures: %+v", r2[1])
	}
	if err := st.ClearActual(plan.ID, online.ID, q1); err != nil {
		t.Fatal(err)
	}
	if r1, _ = st.TargetResults(plan.ID, q1); r1[1].Verdict != reporting.VerdictNoData {
		t.Errorf("after clearing: %+v", r1[1])
	}
	over := reporting.Actual{PlanID: plan.ID, TargetID: online.ID, Period: q1, Value: 120}
	if _, err := st.SetActual(over); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("120%% accepted: %v", err)
	}
	if _, err := st.SetActual(reporting.Actual{PlanID: plan.ID, TargetID: 999, Period: q1, Value: 1}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown target: %v", err)
	}
}

func TestDeletingATargetOrPlanTakesItsRecords(t *testing.T) {
	st := openTemp(t)
	plan, _ := st.CreateBundle(targetsBundle())
	target, _ := st.FindTarget(plan.ID, "II.1.1")
	q1 := store.Period{Kind: store.PeriodQ1, Year: 2023}
	st.SetActual(reporting.Actual{PlanID: plan.ID, TargetID: target.ID, Period: q1, Value: 100})
	if err := st.DeleteTarget(plan.ID, target.ID); err != nil {
		t.Fatal(err)
	}
	if actuals, _ := st.Actuals(plan.ID, q1); len(actuals) != 0 {
		t.Errorf("the deleted target's actuals stay: %+v", actuals)
	}
	figures := reporting.Figures{PlanID: plan.ID, Period: q1}
	figures.Set(reporting.FigApologies, 2)
	st.SaveFigures(figures)
	report := reporting.Report{PlanID: plan.ID, Period: q1, AsOf: store.NewDate(2023, 3, 14), Symbol: "BC-SKH"}
	if err := st.CreateReport(&report); err != nil {
		t.Fatal(err)
	}
	if err := st.DeletePlan(plan.ID); err != nil {
		t.Fatal(err)
	}
	again, _ := st.CreateBundle(targetsBundle())
	if f, _ := st.Figures(again.ID, q1); !f.Empty() {
		t.Errorf("figures of a deleted plan: %+v", f)
	}
	if _, err := st.Report(plan.ID, report.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("report of a deleted plan: %v", err)
	}
}
