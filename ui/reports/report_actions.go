package reports

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/export"
)

// redraftChoice is the question a redraft asks when it would change what
// the officer edited: its buttons, for tests.
type redraftChoice struct {
	Keep, Overwrite, Cancel *widget.Button
}

// askConflicts lists the edited headings and paragraphs a redraft would
// change, each with the officer's text and the new draft's, and asks
// whether to keep them (the rest takes the new data), overwrite them, or
// leave the report as it is.
func (s *ReportsScreen) askConflicts(req export.DraftRequest, conflicts []reporting.RedraftConflict) {
	intro := widget.NewLabel(widgets.Localf("Bản soạn mới từ số liệu khác %d chỗ đã sửa tay dưới đây. Giữ các chỗ đã sửa (phần còn lại cập nhật theo số liệu mới), ghi đè bằng bản soạn mới, hay huỷ?", len(conflicts)))
	intro.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	for _, c := range conflicts {
		list.Add(widget.NewLabelWithStyle(widgets.Capitalize(c.String()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		list.Add(widgets.WrappedLabel(widgets.Localf("Đã sửa: %s", widgets.ShortText(c.Current, 240))))
		if c.Draft != "" {
			list.Add(widgets.WrappedLabel(widgets.Localf("Bản soạn mới: %s", widgets.ShortText(c.Draft, 240))))
		}
	}
	d := dialog.NewCustomWithoutButtons(lang.L("Soạn lại báo cáo"), container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list)), s.Window)
	redraft := func(mode reporting.RedraftMode) func() {
		return func() {
			d.Hide()
			req.Mode = mode
			s.draft(req)
		}
	}
	choice := &redraftChoice{
		Keep:      widget.NewButton(lang.L("Giữ các chỗ đã sửa"), redraft(reporting.RedraftKeepEdited)),
		Overwrite: widget.NewButton(lang.L("Ghi đè bằng bản soạn mới"), redraft(reporting.RedraftOverwrite)),
		Cancel:    widget.NewButton(lang.L("Huỷ"), d.Hide),
	}
	choice.Keep.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{choice.Cancel, choice.Overwrite, choice.Keep})
	size := s.Window.Canvas().Size()
	d.Resize(fyne.NewSize(min(680, size.Width-40), min(480, size.Height-40)))
	s.Asked, s.redraft = d, choice
	d.Show()
}

// sendForm asks the number and date under which a report was sent.
type sendForm struct {
	Number *widgets.Entry
	Date   *widgets.Entry
	dialog *dialog.FormDialog
}

// onSend asks the number and date of the report shown, after saving what
// was typed in it, and marks it sent: it is then frozen.
func (s *ReportsScreen) onSend() {
	if !s.Save() {
		return
	}
	r, ok := s.current()
	if !ok || r.Sent() {
		return
	}
	f := &sendForm{Number: widgets.NewEntry(), Date: widgets.NewEntry()}
	f.Number.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return errors.New(lang.L("Ghi số của báo cáo"))
		}
		return nil
	}
	f.Date.SetText(s.Today().String())
	f.Date.Validator = func(text string) error { _, err := widgets.ParseDay(text); return err }
	number := widget.NewFormItem(lang.L("Số"), f.Number)
	number.HintText = widgets.Localf("Số văn thư cấp, ví dụ 15 trong 15/%s", r.Symbol)
	items := []*widget.FormItem{number, widget.NewFormItem(lang.L("Ngày"), f.Date)}
	f.dialog = dialog.NewForm(widgets.Localf("Đánh dấu đã gửi: %s", r.Label()), lang.L("Đánh dấu đã gửi"), lang.L("Huỷ"), items, func(ok bool) {
		if ok {
			s.markSent(r, f)
		}
	}, s.Window)
	f.dialog.Resize(fyne.NewSize(min(520, s.Window.Canvas().Size().Width-40), 0))
	s.send, s.Asked = f, f.dialog
	f.dialog.Show()
}

// markSent records the report sent under the number and date typed.
func (s *ReportsScreen) markSent(r reporting.Report, f *sendForm) {
	date, err := widgets.ParseDay(f.Date.Text)
	if err != nil {
		s.ShowError(err)
		return
	}
	sent, err := export.SendReport(s.store, r.PlanID, r.Period, strings.TrimSpace(f.Number.Text), date)
	if err != nil {
		s.ShowError(err)
		return
	}
	s.Reload()
	s.SelectReport(sent.ID)
	info := dialog.NewInformation(lang.L("Đã đánh dấu đã gửi"), widgets.Localf("%s: số %s ngày %s. Báo cáo được giữ nguyên; sửa sau này sẽ thành bản mới.", sent.Label(), sent.Ref(), sent.Date), s.Window)
	s.Asked = info
	info.Show()
}

// onPrint prints the report shown, after saving what was typed in it.
func (s *ReportsScreen) onPrint(format export.Format) {
	if !s.Save() {
		return
	}
	if r, ok := s.current(); ok {
		s.print.start(r, format)
	}
}

// reportPrint prints a report as a PDF or a workbook: it asks where to
// save, writes the file behind a progress dialog whose "Huỷ" leaves an
// earlier file as it was, and offers to open what was written.
type reportPrint struct {
	widgets.Exporter
	store ReportsStore
}

func newReportPrint(host widgets.ActionHost, st ReportsStore) *reportPrint {
	return &reportPrint{Exporter: widgets.NewExporter(host, st), store: st}
}

// start asks where to save the report in the format given.
func (x *reportPrint) start(r reporting.Report, format export.Format) {
	filter := widgets.PDFFiles()
	if format == export.XLSX {
		filter = widgets.ExcelFiles()
	}
	x.ChooseFile(reporting.ReportFileName(r, string(format)), filter, func(path string) { x.run(r, format, path) })
}

// run writes the report behind a progress dialog.
func (x *reportPrint) run(r reporting.Report, format export.Format, path string) {
	var result export.ReportResult
	work := func(ctx context.Context, progress func(float64)) error {
		var err error
		req := export.ReportRequest{PlanID: r.PlanID, Period: r.Period, Format: format, Path: path, Progress: progress}
		result, err = export.PrintReport(ctx, x.store, req)
		return err
	}
	x.Done = nil
	x.Progress = widgets.RunWithProgress(x.Window, widgets.Localf("Đang in %s", filepath.Base(path)), work, func(err error) {
		x.OnFinished(path, lang.L("Đã in báo cáo"), printedMessage(path, result), err)
	})
}

// printedMessage says what was written, with anything to check before the
// report is signed.
func printedMessage(path string, result export.ReportResult) string {
	message := widgets.Localf("Đã ghi %s: %s.", path, result.Report.Label())
	if result.Pages > 0 {
		message = widgets.Localf("Đã ghi %s: %s, %d trang.", path, result.Report.Label(), result.Pages)
	}
	for _, warning := range result.Warnings {
		message += "\n\n" + widgets.Localf("Lưu ý: %s.", warning)
	}
	return message
}
