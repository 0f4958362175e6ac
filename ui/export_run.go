package ui

import (
	"context"
	"path/filepath"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2/lang"
	"github.com/kehoach/cchc/export"
)

// exporter is what the export actions share: the question where to save,
// the job behind a progress dialog whose "Huỷ" leaves an earlier file as it
// was, and the message with the buttons that open what was written.
type exporter struct {
	widgets.ActionHost
	source export.Source
	// chooseFile asks where to save, suggesting a name, and calls done with
	// the path chosen; tests replace it.
	chooseFile func(suggested string, filter widgets.FileFilter, done func(path string))
	// finished, when set, runs after each export ends; tests wait on it.
	finished func(err error)

	progress *widgets.ProgressDialog
	done     *widgets.ExportDone
}

func newExporter(host widgets.ActionHost, src export.Source) exporter {
	e := exporter{ActionHost: host, source: src}
	e.chooseFile = func(suggested string, filter widgets.FileFilter, done func(string)) {
		host.Files.SaveFile(host.Window, lang.L("Lưu tệp"), suggested, filter, done)
	}
	return e
}

// export writes the document req asks for behind a progress dialog, then
// says what was written, as message puts it, under doneTitle.
func (e *exporter) export(req export.Request, doneTitle string, message func(export.Result) string) {
	var result export.Result
	work := func(ctx context.Context, progress func(float64)) error {
		var err error
		req.Progress = progress
		result, err = export.Export(ctx, e.source, req)
		return err
	}
	e.done = nil
	e.progress = widgets.RunWithProgress(e.Window, widgets.Localf("Đang xuất %s", filepath.Base(req.Path)), work, func(err error) {
		e.onFinished(req.Path, doneTitle, message(result), err)
	})
}

// onFinished tells the officer how the export ended: nothing after a
// cancel, the error after a failure, else the message and the buttons.
func (e *exporter) onFinished(path, title, message string, err error) {
	if e.finished != nil {
		defer e.finished(err)
	}
	if err != nil {
		if !widgets.Cancelled(err) {
			e.ShowError(err)
		}
		return
	}
	e.done = widgets.ShowExportDone(e.Window, title, message, path, e.Opener, e.ShowError)
}
