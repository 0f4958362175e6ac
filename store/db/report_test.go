package db

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/reporting"
)

// draftSections is a small draft: a heading with two keyed paragraphs,
// an area section and the closing line.
func draftSections(counts, done string) []reporting.ReportSection {
	return []reporting.ReportSection{
		{Key: "results", Level: 1, Number: "II", Title: "KẾT QUẢ THỰC HIỆN"},
		{Key: "area:1", Level: 2, Number: "1", Title: "Cải cách thể chế", Paragraphs: []reporting.ReportParagraph{
			{Key: "counts", Text: counts}, {Key: "done:7", Text: done},
		}},
		{Key: reporting.ClosingKey, Paragraphs: []reporting.ReportParagraph{{Key: "closing", Text: "Trên đây là báo cáo./."}}},
	}
}

func newDraftReport(t *testing.T, st *Store, planID uint64) reporting.Report {
	t.Helper()
	r := reporting.Report{PlanID: planID, Period: store.Period{Kind: store.PeriodQ1, Year: 2023}, AsOf: store.NewDate(2023, 3, 14), Symbol: "BC-SKH",
		Summary: reporting.ReportSummary(store.Period{Kind: store.PeriodQ1, Year: 2023})}
	r, _, err := r.Redraft(draftSections("Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch."), reporting.RedraftAsk)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateReport(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReportLinesAndPaths(t *testing.T) {
	r := reporting.Report{Symbol: "BC-SKH", Period: store.Period{Kind: store.PeriodQ1, Year: 2023}, AsOf: store.NewDate(2023, 3, 14),
		Agency: store.Agency{Name: "Sở Kế hoạch và Đầu tư", Place: "Tuyên Quang"}, Sections: draftSections("a", "b")}
	checks := map[string]string{
		r.NumberLine():                    "Số:      /BC-SKH",
		r.DateLine():                      "Tuyên Quang, ngày     tháng     năm 2023",
		r.Summary:                         "",
		r.AppendixNote():                  "(Kèm theo Báo cáo số      /BC-SKH ngày      /     /2023 của Sở Kế hoạch và Đầu tư)",
		reporting.ReportSummary(r.Period): "Kết quả thực hiện công tác cải cách hành chính quý I năm 2023",
		r.SectionPath(1):                  "II.1",
		r.SectionPath(2):                  "closing",
	}
	for got, want := range checks {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	r.Number, r.Date = "5", store.NewDate(2023, 3, 20)
	if r.NumberLine() != "Số: 05/BC-SKH" || r.DateLine() != "Tuyên Quang, ngày 20 tháng 3 năm 2023" {
		t.Errorf("numbered: %q %q", r.NumberLine(), r.DateLine())
	}
	if i, err := r.FindSection("ii.1."); err != nil || i != 1 {
		t.Errorf("FindSection = %d, %v", i, err)
	}
	if _, err := r.FindSection("IV.9"); !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "II.1") {
		t.Errorf("unknown section: %v", err)
	}
}

func TestEditingParagraphsAndHeadings(t *testing.T) {
	r, _, _ := reporting.Report{}.Redraft(draftSections("Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch."), reporting.RedraftAsk)
	steps := []struct {
		name    string
		edit    func() error
		section int
		want    []string
		edited  int
	}{
		{"change a drafted paragraph", func() error { return r.EditParagraph(1, 2, "- Đã ban hành Kế hoạch số 10/KH-SKH.") }, 1,
			[]string{"Có 3 nhiệm vụ.", "- Đã ban hành Kế hoạch số 10/KH-SKH."}, 1},
		{"add a paragraph", func() error { return r.EditParagraph(1, 3, "Đoạn của cán bộ.") }, 1,
			[]string{"Có 3 nhiệm vụ.", "- Đã ban hành Kế hoạch số 10/KH-SKH.", "Đoạn của cán bộ."}, 2},
		{"back to the draft is no edit", func() error { return r.EditParagraph(1, 2, "- Đã ban hành kế hoạch.") }, 1,
			[]string{"Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch.", "Đoạn của cán bộ."}, 1},
		{"remove an added paragraph", func() error { return r.EditParagraph(1, 3, "") }, 1,
			[]string{"Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch."}, 0},
		{"heading", func() error { return r.EditHeading(0, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CCHC") }, 0, nil, 1},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			if err := step.edit(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Sections[step.section].Paragraphs {
				got = append(got, p.Text)
			}
			if strings.Join(got, "|") != strings.Join(step.want, "|") || r.EditedCount() != step.edited {
				t.Errorf("paragraphs %q (%d edited), want %q (%d)", got, r.EditedCount(), step.want, step.edited)
			}
		})
	}
	if err := r.EditParagraph(1, 5, "x"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("paragraph 5 of 2: %v", err)
	}
	_, sections, closing := r.Body()
	if len(sections) != 2 || sections[0].Title != "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CCHC" || len(closing) != 1 {
		t.Errorf("body = %+v, %q", sections, closing)
	}
}

func TestRedraftKeepsEditsAndAsksBeforeChangingThem(t *testing.T) {
	r, _, _ := reporting.Report{}.Redraft(draftSections("Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch."), reporting.RedraftAsk)
	r.EditParagraph(1, 1, "Lĩnh vực có 3 nhiệm vụ, sửa tay.")
	r.EditParagraph(1, 3, "Đoạn thêm của cán bộ.")
	same := draftSections("Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch, có số liệu mới.")
	got, conflicts, err := r.Redraft(same, reporting.RedraftAsk)
	if err != nil || len(conflicts) != 0 {
		t.Fatalf("unchanged draft of the edited paragraph: %v %+v", err, conflicts)
	}
	want := []string{"Lĩnh vực có 3 nhiệm vụ, sửa tay.", "- Đã ban hành kế hoạch, có số liệu mới.", "Đoạn thêm của cán bộ."}
	checkTexts(t, "kept", got.Sections[1], want)

	newer := draftSections("Có 4 nhiệm vụ.", "- Đã ban hành kế hoạch, có số liệu mới.")
	unchanged, conflicts, err := got.Redraft(newer, reporting.RedraftAsk)
	if !errors.Is(err, reporting.ErrEdited) || len(conflicts) != 1 || conflicts[0].String() != "mục II.1, đoạn 1" {
		t.Fatalf("changed draft of an edited paragraph: %v %+v", err, conflicts)
	}
	checkTexts(t, "refused", unchanged.Sections[1], want)
	kept, _, _ := got.Redraft(newer, reporting.RedraftKeepEdited)
	checkTexts(t, "keep edited", kept.Sections[1], want)
	if again, conflicts, err := kept.Redraft(newer, reporting.RedraftAsk); err != nil || len(conflicts) != 0 {
		t.Errorf("a conflict settled once comes back: %v %+v", err, again.Sections[1])
	}
	over, _, _ := got.Redraft(newer, reporting.RedraftOverwrite)
	checkTexts(t, "overwrite", over.Sections[1], []string{"Có 4 nhiệm vụ.", "- Đã ban hành kế hoạch, có số liệu mới.", "Đoạn thêm của cán bộ."})
}

func TestRedraftAsksBeforeDroppingEditedText(t *testing.T) {
	r, _, _ := reporting.Report{}.Redraft(draftSections("Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch."), reporting.RedraftAsk)
	r.EditParagraph(1, 2, "- Đã ban hành kế hoạch (sửa tay).")
	r.EditHeading(1, "Thể chế")
	fresh := draftSections("Có 3 nhiệm vụ.", "")
	fresh[1].Paragraphs = fresh[1].Paragraphs[:1]
	fresh[1].Title = "Cải cách thể chế, pháp luật"
	_, conflicts, err := r.Redraft(fresh, reporting.RedraftAsk)
	if !errors.Is(err, reporting.ErrEdited) || len(conflicts) != 2 {
		t.Fatalf("dropped edited paragraph and changed heading: %v %+v", err, conflicts)
	}
	if !strings.Contains(conflicts[1].String(), "bỏ phần này") {
		t.Errorf("conflict = %q", conflicts[1])
	}
	kept, _, _ := r.Redraft(fresh, reporting.RedraftKeepEdited)
	checkTexts(t, "kept", kept.Sections[1], []string{"Có 3 nhiệm vụ.", "- Đã ban hành kế hoạch (sửa tay)."})
	if kept.Sections[1].Title != "Thể chế" {
		t.Errorf("edited heading not kept: %q", kept.Sections[1].Title)
	}
	gone := fresh[:1]
	if _, conflicts, _ := r.Redraft(append(gone, fresh[2]), reporting.RedraftAsk); len(conflicts) != 1 {
		t.Errorf("a dropped section the officer edited: %+v", conflicts)
	}
}

func checkTexts(t *testing.T, name string, s reporting.ReportSection, want []string) {
	t.Helper()
	var got []string
	for _, p := range s.Paragraphs {
		got = append(got, p.Text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: %q\nwant %q", name, got, want)
	}
}

func TestReportIsARecordFrozenWhenSent(t *testing.T) {
	st := openTemp(t)
	st.SetClock(func() time.Time { return time.Date(2023, 3, 20, 9, 0, 0, 0, time.UTC) })
	plan, _ := st.CreateBundle(testBundle(2023, "122"))
	r := newDraftReport(t, st, plan.ID)
	if dup := r; st.CreateReport(&dup) == nil {
		t.Error("a second report of the same period was created")
	}
	r.EditParagraph(1, 1, "Sửa trước khi gửi.")
	saved, err := st.SaveReport(r)
	if err != nil || saved.ID != r.ID || saved.Version != 1 {
		t.Fatalf("save draft = %+v, %v", saved, err)
	}
	if _, err := st.MarkReportSent(plan.ID, r.ID, Sending{Date: store.NewDate(2023, 3, 20)}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("sent without a number: %v", err)
	}
	tables := &reporting.ReportTables{AsOf: r.AsOf, Areas: []reporting.AreaProgress{{Numeral: "I", Name: "Thể chế", Counts: map[store.State]int{store.StateDoneOnTime: 1}}}}
	sent, err := st.MarkReportSent(plan.ID, r.ID, Sending{Number: "15", Date: store.NewDate(2023, 3, 20), Tables: tables})
	if err != nil || !sent.Sent() || sent.Ref() != "15/BC-SKH" {
		t.Fatalf("sent = %+v, %v", sent, err)
	}
	if frozen, ok, _ := st.ReportTables(plan.ID, r.ID); !ok || frozen.Areas[0].Total() != 1 {
		t.Errorf("tables kept with the sent report: %+v %v", frozen, ok)
	}
	checkNewVersion(t, st, sent)
}

// checkNewVersion edits a sent report: the edit is a new draft version
// that replaces it, without its number; the sent one stays as it was.
func checkNewVersion(t *testing.T, st *Store, sent reporting.Report) {
	t.Helper()
	sent.EditParagraph(1, 2, "Bổ sung sau khi gửi.")
	v2, err := st.SaveReport(sent)
	if err != nil || v2.ID == sent.ID || v2.Version != 2 || v2.Replaces != sent.ID || v2.Sent() || v2.Number != "" {
		t.Fatalf("edit after sending = %+v, %v", v2, err)
	}
	old, _ := st.Report(sent.PlanID, sent.ID)
	if !old.Sent() || old.Sections[1].Paragraphs[1].Text == "Bổ sung sau khi gửi." {
		t.Errorf("the sent version changed: %+v", old.Sections[1])
	}
	if latest, _ := st.LatestReport(sent.PlanID, sent.Period); latest.ID != v2.ID {
		t.Errorf("latest = %d, want %d", latest.ID, v2.ID)
	}
	checkEarlierVersionRefused(t, st, old, v2)
}

// checkEarlierVersionRefused: an earlier version is not saved, the sent
// one's number is not taken again, a sent report is not deleted.
func checkEarlierVersionRefused(t *testing.T, st *Store, old, v2 reporting.Report) {
	t.Helper()
	if _, err := st.SaveReport(old); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("saving an earlier version: %v", err)
	}
	if _, err := st.MarkReportSent(v2.PlanID, v2.ID, Sending{Number: "15", Date: store.NewDate(2023, 3, 25)}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("a number used by another sent report: %v", err)
	}
	if err := st.DeleteReport(old.PlanID, old.ID); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("deleting a sent report: %v", err)
	}
	reports, _ := st.Reports(old.PlanID)
	if len(reports) != 2 || reports[0].Version != 1 || reports[1].Version != 2 {
		t.Errorf("reports = %+v", reports)
	}
}
