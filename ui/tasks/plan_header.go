package tasks

import (
	"regexp"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// PlanHeaderStore is what the plan's header editor needs of the data.
type PlanHeaderStore interface {
	UpdatePlan(p store.Plan) error
}

// planHeaderDialog edits a plan's own fields: number, symbol, date, trích
// yếu, legal basis, body, closing, Nơi nhận and signer.
type planHeaderDialog struct {
	Number, Symbol, Date *widgets.Entry
	Summary, LegalBasis  *widgets.Entry
	Body, Closing        *widgets.Entry
	Distribution         *widgets.Entry
	Signer               *widget.Select
	SaveButton           *widget.Button
	signers              []store.Signer
	plan                 store.Plan
	dialog               *dialog.CustomDialog
}

// showPlanHeader opens the header of plan for editing; saved is told of
// the plan once stored.
func showPlanHeader(parent fyne.Window, keys *widgets.DialogKeys, st PlanHeaderStore, plan store.Plan, settings store.Settings,
	saved func(store.Plan), onError func(error)) *planHeaderDialog {
	d := &planHeaderDialog{plan: plan, Number: widgets.NewEntry(), Symbol: widgets.NewEntry(), Date: widgets.NewEntry(),
		Summary: widgets.NewMultiLineEntry(), LegalBasis: widgets.NewMultiLineEntry(), Body: widgets.NewMultiLineEntry(),
		Closing: widgets.NewMultiLineEntry(), Distribution: widgets.NewMultiLineEntry()}
	d.fill(settings)
	d.SaveButton = widget.NewButton(lang.L("Lưu phần đầu"), func() {
		p, err := d.read()
		if err == nil {
			err = st.UpdatePlan(p)
		}
		if err != nil {
			onError(err)
			return
		}
		d.dialog.Hide()
		saved(p)
	})
	d.SaveButton.Importance = widget.HighImportance
	d.dialog = dialog.NewCustomWithoutButtons(widgets.Localf("Phần đầu kế hoạch %s năm %d", plan.Ref(), plan.Year),
		container.NewVScroll(d.form()), parent)
	d.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Huỷ"), d.dialog.Hide), d.SaveButton})
	keys.Add(d.dialog, d.SaveButton.OnTapped, d.dialog.Hide)
	size := parent.Canvas().Size()
	d.dialog.Resize(fyne.NewSize(min(760, size.Width-40), size.Height-40))
	d.dialog.Show()
	parent.Canvas().Focus(d.Number)
	return d
}

// fill puts the plan's fields in the dialog; the signer is chosen among
// the settings' signers and the plan's own.
func (d *planHeaderDialog) fill(settings store.Settings) {
	p := d.plan
	d.Number.SetText(p.Number)
	d.Number.SetPlaceHolder(store.NoNumber)
	d.Symbol.SetText(p.Symbol)
	d.Symbol.SetPlaceHolder(store.SymbolFor(p.DocType, settings.Agency.Abbrev))
	d.Date.SetText(p.IssueDate.String())
	d.Date.SetPlaceHolder(lang.L("chưa có ngày (ngày/tháng/năm)"))
	d.Summary.SetText(p.Summary)
	d.LegalBasis.SetText(strings.Join(p.LegalBasis, "\n"))
	d.Body.SetText(bodyText(p.Intro, p.Sections))
	d.Body.SetMinRowsVisible(8)
	d.Closing.SetText(strings.Join(p.Closing, "\n"))
	d.Distribution.SetText(strings.Join(p.Distribution, "\n"))
	d.signers = settings.Signers()
	if !containsSigner(d.signers, p.Signer) && p.Signer != (store.Signer{}) {
		d.signers = append([]store.Signer{p.Signer}, d.signers...)
	}
	labels := make([]string, len(d.signers))
	for i, s := range d.signers {
		labels[i] = s.Label()
	}
	d.Signer = widget.NewSelect(labels, nil)
	for i, s := range d.signers {
		if s == p.Signer {
			d.Signer.SetSelectedIndex(i)
		}
	}
}

func containsSigner(signers []store.Signer, s store.Signer) bool {
	for _, one := range signers {
		if one == s {
			return true
		}
	}
	return false
}

// form lays the fields out, with a hint under those that need one.
func (d *planHeaderDialog) form() fyne.CanvasObject {
	item := func(label string, field fyne.CanvasObject, hint string) *widget.FormItem {
		i := widget.NewFormItem(label, field)
		i.HintText = hint
		return i
	}
	return widget.NewForm(
		item(lang.L("Số"), d.Number, lang.L("Để trống khi kế hoạch chưa có số")),
		item(lang.L("Ký hiệu"), d.Symbol, ""),
		item(lang.L("Ngày ban hành"), d.Date, ""),
		item(lang.L("Trích yếu"), d.Summary, ""),
		item(lang.L("Căn cứ"), d.LegalBasis, lang.L("Mỗi dòng một căn cứ")),
		item(lang.L("Nội dung"), d.Body, lang.L("Mỗi dòng một đoạn; dòng đề mục bắt đầu bằng # (mục I, II), ## (mục 1, 2) hoặc ### (mục a, b)")),
		item(lang.L("Đoạn kết"), d.Closing, lang.L("Sau mục cuối, thường kết thúc bằng ./.")),
		item(lang.L("Nơi nhận"), d.Distribution, lang.L("Mỗi dòng một nơi nhận")),
		item(lang.L("Người ký"), d.Signer, lang.L("Danh sách người ký ở màn hình Cài đặt")),
	)
}

// read returns the plan as the dialog makes it.
func (d *planHeaderDialog) read() (store.Plan, error) {
	p := d.plan
	date, err := store.ParseVNDate(strings.TrimSpace(d.Date.Text))
	if err != nil {
		return p, fieldError(lang.L("Ngày ban hành"), err)
	}
	p.Number, p.Symbol, p.IssueDate = strings.TrimSpace(d.Number.Text), strings.TrimSpace(d.Symbol.Text), date
	p.Summary = widgets.OneLine(d.Summary.Text)
	p.LegalBasis = textLines(d.LegalBasis.Text)
	p.Intro, p.Sections = parseBody(d.Body.Text)
	p.Closing = textLines(d.Closing.Text)
	p.Distribution = store.SplitDistribution(d.Distribution.Text)
	if i := d.Signer.SelectedIndex(); i >= 0 && i < len(d.signers) {
		p.Signer = d.signers[i]
	}
	return p, nil
}

// textLines are the lines of text that hold something, trimmed.
func textLines(text string) []string {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// bodyText writes a plan's body for editing: the paragraphs before the
// first heading, then each heading on a line of its own after one # a
// level ("# I. MỤC ĐÍCH, YÊU CẦU", "## 1. Mục đích"), with its paragraphs
// one a line under it.
func bodyText(intro []string, sections []store.Section) string {
	lines := append([]string(nil), intro...)
	for _, s := range sections {
		lines = append(lines, strings.Repeat("#", s.Level)+" "+s.Heading())
		lines = append(lines, s.Paragraphs...)
	}
	return strings.Join(lines, "\n")
}

// The numbers of headings at each level, as Section.Heading writes them.
var headingNumbers = map[int]*regexp.Regexp{
	1: regexp.MustCompile(`^([IVXLCDM]+)\.\s+(.*)$`),
	2: regexp.MustCompile(`^(\d+)\.\s+(.*)$`),
	3: regexp.MustCompile(`^(\p{Ll})\)\s+(.*)$`),
}

// parseBody reads what bodyText writes.
func parseBody(text string) (intro []string, sections []store.Section) {
	for _, line := range textLines(text) {
		level := len(line) - len(strings.TrimLeft(line, "#"))
		if level == 0 {
			if len(sections) == 0 {
				intro = append(intro, line)
			} else {
				last := &sections[len(sections)-1]
				last.Paragraphs = append(last.Paragraphs, line)
			}
			continue
		}
		level = min(level, 3)
		heading := strings.TrimSpace(strings.TrimLeft(line, "#"))
		s := store.Section{Level: level, Title: heading}
		if m := headingNumbers[level].FindStringSubmatch(heading); m != nil {
			s.Number, s.Title = m[1], m[2]
		}
		sections = append(sections, s)
	}
	return intro, sections
}
