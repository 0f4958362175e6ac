package widgets

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2/lang"
	"github.com/kehoach/cchc/export"
)

// Exporter is what the export actions share: the question where to save,
// the job behind a progress dialog whose "Huỷ" leaves an earlier file as it
// was, and the message with the buttons that open what was written.
type Exporter struct {
	ActionHost
	// Source is the data the documents are written from.
	Source export.Source
	// ChooseFile asks where to save, suggesting a name, and calls done with
	// the path chosen; tests replace it.
	ChooseFile func(suggested string, filter FileFilter, done func(path string))
	// Finished, when set, runs after each export ends; tests wait on it.
	Finished func(err error)
	// Progress is the dialog of the export under way, if any.
	Progress *ProgressDialog
	// Done is the message of the last export that ended well, if any.
	Done *ExportDone
}

// NewExporter is the export machinery of an action over host and src,
// asking where to save with the system's save dialog.
func NewExporter(host ActionHost, src export.Source) Exporter {
	e := Exporter{ActionHost: host, Source: src}
	e.ChooseFile = func(suggested string, filter FileFilter, done func(string)) {
		host.Files.SaveFile(host.Window, lang.L("Lưu tệp"), suggested, filter, done)
	}
	return e
}

// Export writes the document req asks for behind a progress dialog, then
// says what was written, as message puts it, under doneTitle.
func (e *Exporter) Export(req export.Request, doneTitle string, message func(export.Result) string) {
	var result export.Result
	work := func(ctx context.Context, progress func(float64)) error {
		var err error
		req.Progress = progress
		result, err = export.Export(ctx, e.Source, req)
		return err
	}
	e.Done = nil
	e.Progress = RunWithProgress(e.Window, Localf("Đang xuất %s", filepath.Base(req.Path)), work, func(err error) {
		e.OnFinished(req.Path, doneTitle, message(result), err)
	})
}

// OnFinished tells the officer how the export ended: nothing after a
// cancel, the error after a failure, else the message and the buttons.
func (e *Exporter) OnFinished(path, title, message string, err error) {
	if e.Finished != nil {
		defer e.Finished(err)
	}
	if err != nil {
		if !Cancelled(err) {
			e.ShowError(err)
		}
		return
	}
	e.Done = showExportDone(e.Window, title, message, path, e.Opener, e.ShowError)
}
