package ui

import (
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/store"
)

// signersEditor edits who may sign the agency's documents: each signer an
// authority, the head's title, the signer's own title and name. The first
// is the one new plans take; a draft takes the one chosen when it is
// printed.
type signersEditor struct {
	rows      []*signerRow
	list      *fyne.Container
	AddButton *widget.Button
	content   fyne.CanvasObject
}

// signerRow is the fields of one signer, with what is wrong with them.
type signerRow struct {
	Authority *widget.Select
	HeadTitle *widgets.Entry
	OwnTitle  *widgets.Entry
	Name      *widgets.Entry
	Problem   *widget.Label
	Remove    *widget.Button
}

func newSignersEditor() *signersEditor {
	e := &signersEditor{list: container.NewVBox()}
	e.AddButton = widget.NewButtonWithIcon(lang.L("Thêm người ký"), theme.ContentAddIcon(), func() {
		signers := e.values()
		e.Show(append(signers, store.Signer{Authority: store.AuthorityKT, HeadTitle: signers[0].HeadTitle}))
	})
	e.content = container.NewVBox(e.list, container.NewHBox(e.AddButton))
	return e
}

// Content returns the editor's root object.
func (e *signersEditor) Content() fyne.CanvasObject { return e.content }

// authorityLabels are the choices of authority, in the order of
// store.Authorities.
func authorityLabels() []string {
	labels := []string{lang.L("Không (người đứng đầu ký)")}
	for _, a := range store.Authorities[1:] {
		labels = append(labels, string(a))
	}
	return labels
}

// Show puts the signers in the editor, one block each.
func (e *signersEditor) Show(signers []store.Signer) {
	e.rows = nil
	e.list.Objects = nil
	for i, signer := range signers {
		row := e.newRow(i, signer, len(signers) > 1)
		e.rows = append(e.rows, row)
		heading := widgets.Localf("Người ký %d", i+1)
		if i == 0 {
			heading = widgets.Localf("Người ký %d (mặc định cho kế hoạch mới)", i+1)
		}
		form := widget.NewForm(
			widget.NewFormItem(lang.L("Thẩm quyền ký"), row.Authority),
			widget.NewFormItem(lang.L("Chức danh người đứng đầu"), row.HeadTitle),
			widget.NewFormItem(lang.L("Chức vụ người ký"), row.OwnTitle),
			widget.NewFormItem(lang.L("Họ và tên"), row.Name),
		)
		top := container.NewBorder(nil, nil, widget.NewLabel(heading), row.Remove)
		e.list.Add(container.NewVBox(top, form, row.Problem))
	}
	e.list.Refresh()
}

// newRow is the fields of the i-th signer; removable when there are others.
func (e *signersEditor) newRow(i int, signer store.Signer, removable bool) *signerRow {
	row := &signerRow{Authority: widget.NewSelect(authorityLabels(), nil), HeadTitle: widgets.NewEntry(), OwnTitle: widgets.NewEntry(),
		Name: widgets.NewEntry(), Problem: widget.NewLabel("")}
	for j, a := range store.Authorities {
		if a == signer.Authority {
			row.Authority.SetSelectedIndex(j)
		}
	}
	row.HeadTitle.SetText(signer.HeadTitle)
	row.HeadTitle.SetPlaceHolder(lang.L("Ví dụ: GIÁM ĐỐC"))
	row.OwnTitle.SetText(signer.OwnTitle)
	row.OwnTitle.SetPlaceHolder(lang.L("Khi cấp phó ký thay, ví dụ: PHÓ GIÁM ĐỐC"))
	row.Name.SetText(signer.Name)
	row.Name.SetPlaceHolder(lang.L("Ví dụ: Nguyễn Văn Bình"))
	row.Problem.Importance = widget.DangerImportance
	row.Problem.Wrapping = fyne.TextWrapWord
	row.Problem.Hide()
	row.Remove = widget.NewButtonWithIcon(lang.L("Bỏ người ký này"), theme.DeleteIcon(), func() {
		signers := e.values()
		e.Show(append(signers[:i], signers[i+1:]...))
	})
	if !removable {
		row.Remove.Disable()
	}
	return row
}

// value is the signer as the fields hold it.
func (r *signerRow) value() store.Signer {
	authority := store.AuthorityNone
	if i := r.Authority.SelectedIndex(); i > 0 {
		authority = store.Authorities[i]
	}
	clean := func(e *widgets.Entry) string { return strings.Join(strings.Fields(e.Text), " ") }
	return store.Signer{Authority: authority, HeadTitle: clean(r.HeadTitle), OwnTitle: clean(r.OwnTitle), Name: clean(r.Name)}
}

// values are the signers as the fields hold them, checked or not.
func (e *signersEditor) values() []store.Signer {
	signers := make([]store.Signer, len(e.rows))
	for i, row := range e.rows {
		signers[i] = row.value()
	}
	return signers
}

// Signers returns the signers typed, checked by the store's rules: a
// signer refused shows why under its fields, and the first refusal is
// returned.
func (e *signersEditor) Signers() ([]store.Signer, error) {
	var first error
	for _, row := range e.rows {
		if err := row.value().Validate(); err != nil {
			row.Problem.SetText(widgets.FieldProblem(err))
			row.Problem.Show()
			if first == nil {
				first = err
			}
			continue
		}
		row.Problem.Hide()
	}
	return e.values(), first
}
