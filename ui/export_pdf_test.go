package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kehoach/cchc/ui/internal/uitest"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/test"

	"github.com/kehoach/cchc/store"
)

// pdfFlow is the "Xuất PDF" action of a window over a seeded store, with
// the file dialog and the viewer replaced: it saves to path and records
// what it was asked to open.
type pdfFlow struct {
	*pdfExport
	win       *MainWindow
	st        *db.Store
	suggested string
	opened    *uitest.FakeOpener
	ended     chan error
}

func newPDFFlow(t *testing.T, path string) *pdfFlow {
	t.Helper()
	w, st := openWindow(t)
	f := &pdfFlow{pdfExport: newPDFExport(w.host(), st), win: w, st: st, opened: &uitest.FakeOpener{}, ended: make(chan error, 1)}
	f.ChooseFile = func(suggested string, _ widgets.FileFilter, done func(string)) {
		f.suggested = suggested
		done(path)
	}
	f.Opener = f.opened
	f.Finished = func(err error) { f.ended <- err }
	return f
}

// wait waits for the export to end and returns its error.
func (f *pdfFlow) wait(t *testing.T) error {
	t.Helper()
	select {
	case err := <-f.ended:
		return err
	case <-time.After(uitest.JobDeadline):
		t.Fatal("the export did not end")
		return nil
	}
}

func TestExportPDFAsksTheSignerOnceThenOffersToOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kh.pdf")
	f := newPDFFlow(t, path)

	// Given a plan without a signer name, when the officer presses Xuất PDF,
	f.start()
	if f.signer == nil {
		t.Fatal("no question for the signer's name")
	}
	// types the name and goes on with the plan and its appendix,
	test.Type(f.signer.entry, "Nguyễn Văn Bình")
	f.signer.form.Submit()
	if f.ask == nil || f.choice.Selected != choiceWithAppendix {
		t.Fatal("no choice of what to print, with the appendix chosen first")
	}
	uitest.UnderUILock(f.ask.Confirm)
	if err := f.wait(t); err != nil {
		t.Fatalf("export: %v", err)
	}

	// then the file holds the name, the name is saved for every plan,
	if f.suggested != "Kế hoạch 122-KH-SKH năm 2023.pdf" {
		t.Errorf("suggested name %q", f.suggested)
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(string(text), "Nguyễn Văn Bình") || !strings.Contains(string(text), "BIỂU KẾ HOẠCH CHI TIẾT") {
		t.Error("the PDF lacks the signer's name or the appendix")
	}
	plan, _ := f.st.FindPlan("2023")
	settings, _ := f.st.Settings()
	if plan.Signer.Name != "Nguyễn Văn Bình" || settings.Signer.Name != "Nguyễn Văn Bình" {
		t.Errorf("name saved as %q in the plan, %q in the settings", plan.Signer.Name, settings.Signer.Name)
	}
	// and the officer may open it in the viewer, or its folder.
	if f.Done == nil {
		t.Fatal("no offer to open the file")
	}
	test.Tap(f.Done.OpenFileButton)
	if !slices.Equal(f.opened.Files, []string{path}) {
		t.Errorf("opened %q, want %q", f.opened.Files, path)
	}
	f.Done.Dialog.Show()
	test.Tap(f.Done.OpenFolderButton)
	if !slices.Equal(f.opened.Folders, []string{path}) {
		t.Errorf("showed %q in its folder, want %q", f.opened.Folders, path)
	}

	// The next export does not ask again.
	f.signer = nil
	f.start()
	if f.signer != nil {
		t.Error("the name was asked a second time")
	}
}

func TestExportAppendixAloneWithoutName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bieu.pdf")
	f := newPDFFlow(t, path)
	f.start()
	f.signer.form.Dismiss() // "Bỏ qua": no name
	f.choice.SetSelected(choiceAppendixOnly)
	uitest.UnderUILock(f.ask.Confirm)
	if err := f.wait(t); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(f.suggested, "Biểu kế hoạch chi tiết") {
		t.Errorf("suggested %q", f.suggested)
	}
	out, _ := exec.Command("pdfinfo", path).Output()
	if !strings.Contains(string(out), "841.89 x 595.28") {
		t.Errorf("the appendix alone is not landscape:\n%s", out)
	}
	if settings, _ := f.st.Settings(); settings.Signer.Name != "" {
		t.Errorf("a skipped name was saved: %q", settings.Signer.Name)
	}
}

func TestExportPDFFailureKeepsTheEarlierFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kh.pdf")
	if err := os.WriteFile(path, []byte("bản đã ký"), 0o444); err != nil {
		t.Fatal(err)
	}
	f := newPDFFlow(t, path)
	f.st.SetSignerName("Nguyễn Văn Bình")
	f.Current.Reload()
	f.start()
	uitest.UnderUILock(f.ask.Confirm)
	err := f.wait(t)
	if err == nil || !strings.Contains(err.Error(), "chỉ đọc") {
		t.Errorf("err = %v, want the read-only file named", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "bản đã ký" {
		t.Errorf("the earlier file now holds %q", data)
	}
	if f.Done != nil {
		t.Error("a failed export offered to open the file")
	}
}

func TestSaveDialogOpensWithTheSuggestedName(t *testing.T) {
	f := newPDFFlow(t, filepath.Join(t.TempDir(), "x.pdf"))
	d := widgets.AskSavePath(f.Window, "Lưu tệp", "Kế hoạch 122-KH-SKH năm 2023.pdf", ".pdf", func(string) { t.Error("a path was chosen without the officer") })
	if f.Window.Canvas().Overlays().Top() == nil {
		t.Error("the save dialog is not shown")
	}
	if d.Name.Text != "Kế hoạch 122-KH-SKH năm 2023.pdf" {
		t.Errorf("suggested name = %q", d.Name.Text)
	}
}

func TestSignerNameReachesEveryPlanInTheWindow(t *testing.T) {
	f := newPDFFlow(t, filepath.Join(t.TempDir(), "kh.pdf"))
	if _, err := f.st.CreateBundle(plan2024()); err != nil {
		t.Fatal(err)
	}
	f.Current.Select(0) // read the plans again and show the newest

	// Given two plans without a signer, when the name is typed for the newest,
	f.start()
	test.Type(f.signer.entry, "Nguyễn Văn Bình")
	f.signer.form.Submit()
	uitest.UnderUILock(f.ask.Confirm)
	if err := f.wait(t); err != nil {
		t.Fatal(err)
	}

	// then the newest plan stays chosen, and exporting the other one asks no more.
	if plan, _ := f.Current.Plan(); plan.Year != 2024 {
		t.Fatalf("the window now shows the %d plan, want 2024", plan.Year)
	}
	f.win.planSelect.SetSelectedIndex(1)
	f.signer, f.ask = nil, nil
	f.start()
	if f.signer != nil || f.ask == nil {
		t.Error("the window asked again for the signer's name of a plan that has it")
	}
}

// twoSigners gives the store a head and a deputy who may sign.
func twoSigners(t *testing.T, st *db.Store) (head, deputy store.Signer) {
	t.Helper()
	settings, _ := st.Settings()
	head = store.Signer{HeadTitle: "GIÁM ĐỐC", Name: "Nguyễn Văn Bình"}
	deputy = store.Signer{Authority: store.AuthorityKT, HeadTitle: "GIÁM ĐỐC", OwnTitle: "PHÓ GIÁM ĐỐC", Name: "Lê Văn An"}
	if err := settings.SetSigners([]store.Signer{head, deputy}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(settings); err != nil {
		t.Fatal(err)
	}
	return head, deputy
}

func TestDraftTakesTheSignerChosen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "du-thao.pdf")
	f := newPDFFlow(t, path)
	_, deputy := twoSigners(t, f.st)
	draft := plan2024()
	draft.Plan.Number, draft.Plan.IssueDate = "", store.Date{}
	stored, err := f.st.CreateBundle(draft)
	if err != nil {
		t.Fatal(err)
	}
	f.Current.Select(stored.ID)

	// Given a draft and two signers, the officer is asked who signs,
	f.start()
	if f.signer != nil || f.signerChoice == nil || len(f.signerChoice.Options) != 2 {
		t.Fatalf("no choice of signer for a draft (name asked: %v)", f.signer != nil)
	}
	// picks the deputy,
	f.signerChoice.SetSelectedIndex(1)
	uitest.UnderUILock(f.ask.Confirm)
	if err := f.wait(t); err != nil {
		t.Fatal(err)
	}
	// and the draft keeps that signer, which its PDF prints.
	plan, _ := f.st.Plan(stored.ID)
	if plan.Signer != deputy {
		t.Errorf("the draft's signer is %+v", plan.Signer)
	}
	text, _ := exec.Command("pdftotext", path, "-").Output()
	if !strings.Contains(string(text), "Lê Văn An") || !strings.Contains(string(text), "KT. GIÁM ĐỐC") {
		t.Error("the PDF lacks the chosen signer")
	}
}

func TestIssuedPlanKeepsItsSigner(t *testing.T) {
	f := newPDFFlow(t, filepath.Join(t.TempDir(), "kh.pdf"))
	twoSigners(t, f.st)
	f.start() // the seed plan, issued as 122/KH-SKH, with no name yet
	if f.signerChoice != nil {
		t.Error("an issued plan was offered another signer")
	}
	if f.signer == nil {
		t.Error("the name of the issued plan's signer was not asked")
	}
}
