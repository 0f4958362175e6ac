package tasks

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// EvidenceStore is what a task's evidence needs of the data.
type EvidenceStore interface {
	TaskEvidence(planID, taskID uint64) ([]store.Evidence, error)
	AddEvidence(e store.Evidence, file string) (store.Evidence, error)
	RemoveEvidence(planID, taskID, evidenceID uint64) error
	EvidencePath(e store.Evidence) (string, error)
}

// evidenceFiles are the kinds of file kept as evidence: documents,
// workbooks, scans and pictures.
func evidenceFiles() widgets.FileFilter {
	return widgets.FileFilter{Name: widgets.Localf("Văn bản, bảng tính, ảnh (%s)", "*.pdf, *.docx, *.xlsx, *.jpg …"),
		Extensions: []string{".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".zip", ".rar"}}
}

// evidenceView lists a task's evidence documents (tài liệu kiểm chứng):
// each with its number, date, trích yếu and issuing body, a button to open
// its file with the system's viewer when it has one, and one to remove it.
type evidenceView struct {
	host      *detailHost
	task      func() (store.Task, string)
	onCount   func(int)
	Items     []*evidenceItem
	AddButton *widget.Button
	list      *fyne.Container
	empty     *widget.Label
	content   fyne.CanvasObject
	// Adding is the last "Thêm tài liệu" dialog opened, for tests.
	Adding *evidenceDialog
}

// evidenceItem is one document as the list shows it.
type evidenceItem struct {
	Evidence     store.Evidence
	Text         *widget.Label
	OpenButton   *widget.Button
	RemoveButton *widget.Button
}

// newEvidenceView builds an empty list for the task task returns (with its
// number); onCount is told how many documents it holds.
func newEvidenceView(host *detailHost, task func() (store.Task, string), onCount func(int)) *evidenceView {
	v := &evidenceView{host: host, task: task, onCount: onCount, list: container.NewVBox()}
	v.AddButton = widget.NewButtonWithIcon(lang.L("Thêm tài liệu…"), theme.ContentAddIcon(), v.showAdd)
	v.empty = widget.NewLabel(lang.L("Chưa có tài liệu kiểm chứng nào."))
	v.content = container.NewBorder(nil, container.NewHBox(v.AddButton), nil, nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(v.empty, v.list))))
	return v
}

// Content returns the view's root object.
func (v *evidenceView) Content() fyne.CanvasObject { return v.content }

// load reads the task's evidence and lists it.
func (v *evidenceView) load() {
	task, _ := v.task()
	list, err := v.host.store.TaskEvidence(task.PlanID, task.ID)
	if err != nil {
		v.host.ShowError(err)
	}
	v.Items = v.Items[:0]
	v.list.RemoveAll()
	for _, e := range list {
		item := v.newItem(e)
		v.Items = append(v.Items, item)
		buttons := container.NewHBox(item.RemoveButton)
		if e.File != "" {
			buttons = container.NewHBox(item.OpenButton, item.RemoveButton)
		}
		v.list.Add(container.NewBorder(nil, nil, nil, buttons, item.Text))
	}
	if len(list) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	v.onCount(len(list))
}

func (v *evidenceView) newItem(e store.Evidence) *evidenceItem {
	item := &evidenceItem{Evidence: e, Text: widget.NewLabel(evidenceText(e))}
	item.Text.Wrapping = fyne.TextWrapWord
	item.OpenButton = widget.NewButtonWithIcon(lang.L("Mở tệp"), theme.FileIcon(), func() { v.open(e) })
	item.RemoveButton = widget.NewButtonWithIcon(lang.L("Xoá"), theme.DeleteIcon(), func() { v.remove(e) })
	return item
}

// evidenceText is a document as the list writes it: "Kế hoạch kiểm tra
// (15/KH-TTr ngày 10/03/2023) · Thanh tra Sở · tệp kh.pdf".
func evidenceText(e store.Evidence) string {
	parts := []string{store.EvidenceLine(e)}
	if e.Issuer != "" {
		parts = append(parts, e.Issuer)
	}
	if e.FileName != "" {
		parts = append(parts, widgets.Localf("tệp %s", e.FileName))
	}
	return strings.Join(parts, " · ")
}

// open opens a document's file with the system's viewer.
func (v *evidenceView) open(e store.Evidence) {
	path, err := v.host.store.EvidencePath(e)
	if err == nil {
		err = v.host.Opener.OpenFile(path)
	}
	if err != nil {
		v.host.ShowError(err)
	}
}

// remove asks, then removes a document; its file stays in the evidence
// folder, where another record or an undone delete may need it.
func (v *evidenceView) remove(e store.Evidence) {
	_, number := v.task()
	question := widgets.Localf("Xoá tài liệu kiểm chứng “%s” của nhiệm vụ %s?", store.EvidenceLine(e), number)
	widgets.ConfirmFirst(v.host.Window, v.host.Keys, lang.L("Xoá tài liệu kiểm chứng"), question, lang.L("Xoá"), func() {
		if err := v.host.store.RemoveEvidence(e.PlanID, e.TaskID, e.ID); err != nil {
			v.host.ShowError(err)
			return
		}
		v.load()
		v.host.say(widgets.Localf("Đã xoá tài liệu kiểm chứng “%s”.", store.EvidenceLine(e)))
	})
}

// evidenceDialog asks for a new document: its number, date, trích yếu,
// issuing body and, if the officer has it, its file.
type evidenceDialog struct {
	Ref, Date, Title, Issuer *widgets.Entry
	File                     *widget.Label
	ChooseButton             *widget.Button
	SaveButton               *widget.Button
	path                     string
	dialog                   *dialog.CustomDialog
}

// showAdd opens the dialog that adds a document to the task.
func (v *evidenceView) showAdd() {
	d := &evidenceDialog{Ref: widgets.NewEntry(), Date: widgets.NewEntry(), Title: widgets.NewMultiLineEntry(), Issuer: widgets.NewEntry()}
	d.Ref.SetPlaceHolder(lang.L("Ví dụ: 15/KH-TTr"))
	d.Date.SetPlaceHolder(lang.L("ngày/tháng/năm"))
	d.Title.SetPlaceHolder(lang.L("Trích yếu nội dung văn bản"))
	d.Title.SetMinRowsVisible(2)
	d.Issuer.SetPlaceHolder(lang.L("Ví dụ: Thanh tra Sở"))
	d.File = widget.NewLabel(lang.L("Chưa chọn tệp (không bắt buộc)"))
	d.File.Truncation = fyne.TextTruncateEllipsis
	d.ChooseButton = widget.NewButtonWithIcon(lang.L("Chọn tệp…"), theme.FolderOpenIcon(), func() {
		v.host.Files.OpenFile(v.host.Window, lang.L("Chọn tệp tài liệu kiểm chứng"), evidenceFiles(), d.chose)
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Số, ký hiệu"), d.Ref),
		widget.NewFormItem(lang.L("Ngày văn bản"), d.Date),
		widget.NewFormItem(lang.L("Trích yếu"), d.Title),
		widget.NewFormItem(lang.L("Cơ quan ban hành"), d.Issuer),
		widget.NewFormItem(lang.L("Tệp"), container.NewBorder(nil, nil, nil, d.ChooseButton, d.File)),
	)
	_, number := v.task()
	d.dialog = dialog.NewCustomWithoutButtons(widgets.Localf("Thêm tài liệu kiểm chứng cho nhiệm vụ %s", number), container.NewVScroll(form), v.host.Window)
	d.SaveButton = widget.NewButton(lang.L("Thêm"), func() { v.add(d) })
	d.SaveButton.Importance = widget.HighImportance
	d.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Huỷ"), d.dialog.Hide), d.SaveButton})
	v.host.Keys.Add(d.dialog, d.SaveButton.OnTapped, d.dialog.Hide)
	size := v.host.Window.Canvas().Size()
	d.dialog.Resize(fyne.NewSize(min(620, size.Width-40), min(440, size.Height-40)))
	d.dialog.Show()
	v.host.Window.Canvas().Focus(d.Ref)
	v.Adding = d
}

// chose takes the file the officer chose.
func (d *evidenceDialog) chose(path string) {
	d.path = path
	d.File.SetText(filepath.Base(path))
}

// Choose takes a file as the file dialog would give it.
func (d *evidenceDialog) Choose(path string) { d.chose(path) }

// add stores the document the dialog holds, copying its file into the
// evidence folder, and lists it.
func (v *evidenceView) add(d *evidenceDialog) {
	task, number := v.task()
	day, err := store.ParseVNDate(strings.TrimSpace(d.Date.Text))
	if err != nil {
		v.host.ShowError(fieldError(lang.L("Ngày văn bản"), err))
		return
	}
	e := store.Evidence{PlanID: task.PlanID, TaskID: task.ID, Ref: strings.TrimSpace(d.Ref.Text), Date: day,
		Title: strings.TrimSpace(d.Title.Text), Issuer: strings.TrimSpace(d.Issuer.Text)}
	if e.Ref == "" && e.Title == "" {
		v.host.ShowError(errors.New(lang.L("Hãy ghi số, ký hiệu hoặc trích yếu của văn bản.")))
		return
	}
	added, err := v.host.store.AddEvidence(e, d.path)
	if err != nil {
		v.host.ShowError(err)
		return
	}
	d.dialog.Hide()
	v.load()
	v.host.say(widgets.Localf("Đã thêm tài liệu kiểm chứng “%s” cho nhiệm vụ %s.", store.EvidenceLine(added), number))
}
