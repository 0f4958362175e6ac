package reports

import (
	"slices"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reportEditor shows a report's text as it prints, section by section, each
// heading in a field of its own and each paragraph in a plain multi-line
// field as tall as its text; "Thêm đoạn" adds a paragraph at the end of a
// section. What the officer types is applied to the report with the
// store's own rules (Report.EditHeading, Report.EditParagraph), which mark
// it edited, so that drafting again asks before it touches it.
type reportEditor struct {
	report   reporting.Report
	readOnly bool
	sections []*sectionEditor
	// Dirty is set when the officer typed something not yet saved.
	Dirty     bool
	onChanged func()

	box     *fyne.Container
	scroll  *container.Scroll
	pending bool
}

// sectionEditor is the fields of one section of the report.
type sectionEditor struct {
	Heading    *widgets.Entry // nil for the lines before the first heading and the closing lines
	Paragraphs []*widgets.GrowingEntry
	// Added are the paragraphs the officer added since the report was shown.
	Added []*widgets.GrowingEntry
	box   *fyne.Container
}

// newReportEditor returns an empty editor; onChanged is told of the first
// change typed after a report is shown.
func newReportEditor(onChanged func()) *reportEditor {
	e := &reportEditor{onChanged: onChanged, box: container.NewVBox()}
	e.scroll = container.NewVScroll(container.NewPadded(e.box))
	return e
}

// content returns the editor's scrolling page.
func (e *reportEditor) content() fyne.CanvasObject { return e.scroll }

// show shows a report for editing; readOnly shows an earlier version that
// can no longer change.
func (e *reportEditor) show(r reporting.Report, readOnly bool) {
	e.report, e.readOnly, e.Dirty = r, readOnly, false
	e.sections = make([]*sectionEditor, len(r.Sections))
	objects := make([]fyne.CanvasObject, 0, len(r.Sections))
	for i := range r.Sections {
		e.sections[i] = e.newSection(i)
		objects = append(objects, e.sections[i].box)
	}
	e.box.Objects = objects
	e.box.Refresh()
	e.scroll.ScrollToTop()
}

// clear empties the editor.
func (e *reportEditor) clear() {
	e.report, e.sections, e.Dirty = reporting.Report{}, nil, false
	e.box.Objects = nil
	e.box.Refresh()
}

// newSection builds the fields of section i.
func (e *reportEditor) newSection(i int) *sectionEditor {
	s := e.report.Sections[i]
	sec := &sectionEditor{box: container.NewVBox()}
	sec.box.Add(e.sectionTitle(i, sec))
	for _, p := range s.Paragraphs {
		field := e.newParagraph(p.Text)
		sec.Paragraphs = append(sec.Paragraphs, field)
		sec.box.Add(field)
	}
	if !e.readOnly {
		add := widget.NewButtonWithIcon(lang.L("Thêm đoạn"), theme.ContentAddIcon(), func() { e.addParagraph(sec) })
		add.Importance = widget.LowImportance
		sec.box.Add(container.NewHBox(add))
	}
	return sec
}

// sectionTitle is a section's number and heading field, or the name of the
// lines without a heading.
func (e *reportEditor) sectionTitle(i int, sec *sectionEditor) fyne.CanvasObject {
	s := e.report.Sections[i]
	if s.Level == 0 {
		name := lang.L("Phần mở đầu")
		if s.Key == reporting.ClosingKey || i > 0 {
			name = lang.L("Phần kết")
		}
		return widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	}
	sec.Heading = widgets.NewEntry()
	sec.Heading.SetText(s.Title)
	sec.Heading.TextStyle = fyne.TextStyle{Bold: s.Level <= 2}
	sec.Heading.OnChanged = func(string) { e.changed() }
	e.lock(&sec.Heading.Entry)
	number := widget.NewLabelWithStyle(s.Number+".", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if s.Level == 3 {
		number.SetText(s.Number + ")")
	}
	return container.NewBorder(nil, nil, number, nil, sec.Heading)
}

// newParagraph is the field of one paragraph.
func (e *reportEditor) newParagraph(text string) *widgets.GrowingEntry {
	field := widgets.NewGrowingEntry(e.grew)
	field.SetText(text)
	field.OnChanged = func(string) {
		field.Fit()
		e.changed()
	}
	e.lock(&field.Entry.Entry)
	return field
}

// lock keeps a field of an earlier version from being typed in.
func (e *reportEditor) lock(field *widget.Entry) {
	if e.readOnly {
		field.Disable()
	}
}

// addParagraph adds an empty paragraph at the end of a section and puts the
// cursor in it.
func (e *reportEditor) addParagraph(sec *sectionEditor) {
	field := e.newParagraph("")
	sec.Added = append(sec.Added, field)
	sec.box.Objects = slices.Insert(sec.box.Objects, len(sec.box.Objects)-1, fyne.CanvasObject(field))
	sec.box.Refresh()
	e.changed()
	if c := fyne.CurrentApp().Driver().CanvasForObject(e.box); c != nil {
		c.Focus(field)
	}
}

func (e *reportEditor) changed() {
	if e.Dirty {
		return
	}
	e.Dirty = true
	if e.onChanged != nil {
		e.onChanged()
	}
}

// grew lays the page out again once a field changed its height, however
// many did at once.
func (e *reportEditor) grew() {
	if e.pending {
		return
	}
	e.pending = true
	fyne.Do(func() {
		e.pending = false
		e.scroll.Refresh()
	})
}

// Edited returns the report with what the officer typed applied to it by
// the store's rules: a changed heading, a changed or blanked paragraph, a
// paragraph added.
func (e *reportEditor) Edited() (reporting.Report, error) {
	r := e.report
	r.Sections = cloneSections(e.report.Sections)
	for i, sec := range e.sections {
		if err := sec.apply(&r, i); err != nil {
			return reporting.Report{}, err
		}
	}
	return r, nil
}

// apply applies the section's fields to section i of r. Paragraphs go from
// the last to the first, so that removing one the officer had added keeps
// the places of those before it.
func (sec *sectionEditor) apply(r *reporting.Report, i int) error {
	if sec.Heading != nil && strings.TrimSpace(sec.Heading.Text) != r.Sections[i].Title {
		if err := r.EditHeading(i, sec.Heading.Text); err != nil {
			return err
		}
	}
	for n := len(sec.Paragraphs) - 1; n >= 0; n-- {
		if text := sec.Paragraphs[n].Text; text != r.Sections[i].Paragraphs[n].Text {
			if err := r.EditParagraph(i, n+1, text); err != nil {
				return err
			}
		}
	}
	for _, added := range sec.Added {
		if strings.TrimSpace(added.Text) == "" {
			continue
		}
		if err := r.EditParagraph(i, len(r.Sections[i].Paragraphs)+1, added.Text); err != nil {
			return err
		}
	}
	return nil
}

// cloneSections copies sections deeply, so that editing the copy leaves
// the report shown as it was.
func cloneSections(sections []reporting.ReportSection) []reporting.ReportSection {
	out := slices.Clone(sections)
	for i := range out {
		out[i].Paragraphs = slices.Clone(out[i].Paragraphs)
	}
	return out
}

// Section returns the fields of the section with the given printed path
// ("II.1") or key, nil when there is none.
func (e *reportEditor) Section(ref string) *sectionEditor {
	i, err := e.report.FindSection(ref)
	if err != nil || i >= len(e.sections) {
		return nil
	}
	return e.sections[i]
}
