package db

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/usererr"
)

func TestEvidenceFileIsCopiedByItsContent(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	src := filepath.Join(t.TempDir(), "Kế hoạch kiểm tra.PDF")
	if err := os.WriteFile(src, []byte("%PDF-1.4 kế hoạch"), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := st.AddEvidence(store.Evidence{PlanID: plan.ID, TaskID: tasks[0].ID, Ref: "15/KH-TTr", Date: day(3, 10), Title: "Kế hoạch kiểm tra", Issuer: "Thanh tra Sở"}, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.File) != 64+len(".pdf") || !strings.HasSuffix(e.File, ".pdf") || e.FileName != "Kế hoạch kiểm tra.PDF" || e.ID == 0 {
		t.Errorf("stored as %+v", e)
	}
	path, err := st.EvidencePath(e)
	if err != nil || !filepath.IsAbs(path) || filepath.Dir(path) != filepath.Join(filepath.Dir(st.Path()), store.EvidenceFolder) {
		t.Fatalf("EvidencePath = %q, %v", path, err)
	}
	if data, _ := os.ReadFile(path); string(data) != "%PDF-1.4 kế hoạch" {
		t.Errorf("copy holds %q", data)
	}
	checkSameContentOnce(t, st, e, src, tasks[1])
	checkEvidenceCounted(t, st, e, tasks)
}

// checkSameContentOnce adds the file of e again to another task: it is
// stored once.
func checkSameContentOnce(t *testing.T, st *Store, e store.Evidence, src string, other store.Task) {
	t.Helper()
	same, err := st.AddEvidence(store.Evidence{PlanID: other.PlanID, TaskID: other.ID, Title: "Bản sao"}, src)
	if err != nil || same.File != e.File {
		t.Errorf("the same content stored again: %+v, %v", same, err)
	}
	if entries, _ := os.ReadDir(st.EvidenceDir()); len(entries) != 1 {
		t.Errorf("evidence folder holds %d files, want 1 (no temporary file left)", len(entries))
	}
}

// checkEvidenceCounted checks the line, count and bundle of e, added to
// the first task, and of its copy on the second.
func checkEvidenceCounted(t *testing.T, st *Store, e store.Evidence, tasks []store.Task) {
	t.Helper()
	if store.EvidenceLine(e) != "Kế hoạch kiểm tra (15/KH-TTr ngày 10/03/2023)" {
		t.Errorf("line %q", store.EvidenceLine(e))
	}
	task, _ := st.Task(e.PlanID, tasks[0].ID)
	if task.Track.Evidence != 1 {
		t.Errorf("evidence count %d", task.Track.Evidence)
	}
	bundle, _ := st.Bundle(e.PlanID)
	if len(bundle.Evidence[tasks[0].ID]) != 1 || bundle.Evidence[tasks[1].ID][0].Title != "Bản sao" {
		t.Errorf("bundle evidence %+v", bundle.Evidence)
	}
}

func TestEvidenceWithoutFile(t *testing.T) {
	st, plan, tasks := trackedPlan(t)
	e, err := st.AddEvidence(store.Evidence{PlanID: plan.ID, TaskID: tasks[0].ID, Ref: "12/QĐ-SKH", Title: "Quyết định"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EvidencePath(e); !errors.Is(err, store.ErrNotFound) || !strings.Contains(usererr.Message(err), "không tìm thấy tệp đính kèm") {
		t.Errorf("path of evidence without a file: %v", err)
	}
	e.Issuer, e.Title = "Sở Kế hoạch và Đầu tư", "Quyết định phê duyệt"
	if err := st.UpdateEvidence(e); err != nil {
		t.Fatal(err)
	}
	list, _ := st.TaskEvidence(plan.ID, tasks[0].ID)
	if len(list) != 1 || list[0].Issuer != "Sở Kế hoạch và Đầu tư" || list[0].Title != "Quyết định phê duyệt" {
		t.Errorf("after the edit: %+v", list)
	}
	if err := st.RemoveEvidence(plan.ID, tasks[0].ID, e.ID); err != nil {
		t.Fatal(err)
	}
	if task, _ := st.Task(plan.ID, tasks[0].ID); task.Track.Evidence != 0 {
		t.Errorf("count after removing: %d", task.Track.Evidence)
	}
	tests := map[string]struct {
		e    store.Evidence
		file string
		want error
	}{
		"no title and no number": {store.Evidence{PlanID: plan.ID, TaskID: tasks[0].ID, Issuer: "Sở"}, "", store.ErrInvalid},
		"missing file":           {store.Evidence{PlanID: plan.ID, TaskID: tasks[0].ID, Title: "x"}, filepath.Join(t.TempDir(), "không có.pdf"), os.ErrNotExist},
		"unknown task":           {store.Evidence{PlanID: plan.ID, TaskID: 999, Title: "x"}, "", store.ErrNotFound},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := st.AddEvidence(tt.e, tt.file); !errors.Is(err, tt.want) {
				t.Errorf("AddEvidence = %v, want %v", err, tt.want)
			}
		})
	}
}
