package ui

import (
	"context"
	"errors"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/db"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/export/importer"
	"github.com/kehoach/cchc/store"
)

// The two kinds of import.
const (
	choiceImportPlan     = "Kế hoạch: bảng nhiệm vụ từ tệp Excel (.xlsx) hoặc Word (.docx)"
	choiceImportProgress = "Tiến độ: bảng theo dõi do đơn vị gửi về (.xlsx)"
)

// ImportStore is what the "Nhập từ tệp…" action needs of the data: what
// export.FindImportTarget and export.StoreImport need to store a plan read
// from a file, and applying a division's tracking sheet.
type ImportStore interface {
	export.ImportStore
	ApplyProgress(planID uint64, rows []store.ProgressRow, reported store.Date, dryRun bool) (db.ProgressOutcome, error)
}

// importFlow is the "Nhập từ tệp…" action: it asks what the file holds and
// which file, reads it off the UI goroutine, and shows a preview of what
// would be stored, with every row it could not read, before anything is
// written.
type importFlow struct {
	widgets.ActionHost
	store ImportStore
	// chooseFile asks which file to read and calls done with its path;
	// tests replace it.
	chooseFile func(done func(path string))
	// shown, when set, is told of each preview shown; tests use it.
	shown func(p *importPreview)
	// finished, when set, runs after the flow ends: written, refused or
	// cancelled; tests wait on it.
	finished func(err error)

	kind *widget.RadioGroup
	ask  *dialog.ConfirmDialog
}

// newImportFlow builds the action over st.
func newImportFlow(host widgets.ActionHost, st ImportStore) *importFlow {
	f := &importFlow{ActionHost: host, store: st}
	f.chooseFile = func(done func(string)) {
		host.Files.OpenFile(host.Window, lang.L("Chọn tệp để nhập"), widgets.ImportFiles(), done)
	}
	return f
}

// start asks whether the file is a plan or a division's progress.
func (f *importFlow) start() {
	f.kind = widget.NewRadioGroup([]string{lang.L(choiceImportPlan), lang.L(choiceImportProgress)}, nil)
	f.kind.Required = true
	f.kind.SetSelected(lang.L(choiceImportPlan))
	f.ask = dialog.NewCustomConfirm(lang.L("Nhập từ tệp"), lang.L("Chọn tệp…"), lang.L("Huỷ"), f.kind, func(ok bool) {
		if !ok {
			return
		}
		progress := f.kind.Selected == lang.L(choiceImportProgress)
		f.chooseFile(func(path string) { f.read(path, progress) })
	}, f.Window)
	f.Keys.AddConfirm(f.ask)
	f.ask.Show()
}

// read reads the file behind a progress dialog, then shows its preview.
func (f *importFlow) read(path string, progress bool) {
	if progress {
		f.readProgress(path)
		return
	}
	var im *importer.Imported
	work := func(ctx context.Context, _ func(float64)) error {
		var err error
		im, err = importer.ReadPlanFile(path, 0)
		return err
	}
	widgets.RunWithProgress(f.Window, widgets.Localf("Đang đọc %s", path), work, func(err error) {
		if err != nil {
			f.fail(err)
			return
		}
		f.show(newPlanPreview(f, im))
	})
}

// readProgress reads a returned tracking sheet and works out, without
// writing, what it would change in the current plan.
func (f *importFlow) readProgress(path string) {
	plan, ok := f.Current.Plan()
	if !ok {
		f.fail(errors.New(lang.L("chưa chọn kế hoạch để nhập tiến độ")))
		return
	}
	var (
		sheet   *importer.ProgressSheet
		outcome db.ProgressOutcome
		tasks   []store.Task
	)
	work := func(ctx context.Context, _ func(float64)) error {
		var err error
		if sheet, err = importer.ReadProgressFile(path); err != nil {
			return err
		}
		if tasks, err = f.store.Tasks(plan.ID); err != nil {
			return err
		}
		outcome, err = f.store.ApplyProgress(plan.ID, sheet.Rows, f.Today(), true)
		return err
	}
	widgets.RunWithProgress(f.Window, widgets.Localf("Đang đọc %s", path), work, func(err error) {
		if err != nil {
			f.fail(err)
			return
		}
		f.show(newProgressPreview(f, plan, sheet, outcome, tasks))
	})
}

// show opens a preview.
func (f *importFlow) show(p *importPreview) {
	p.dialog.Show()
	if f.shown != nil {
		f.shown(p)
	}
}

// fail shows why the import stopped and ends the flow.
func (f *importFlow) fail(err error) {
	if !widgets.Cancelled(err) {
		f.ShowError(err)
	}
	f.end(err)
}

// end tells the test hook the flow is over.
func (f *importFlow) end(err error) {
	if f.finished != nil {
		f.finished(err)
	}
}
