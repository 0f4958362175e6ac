package ui

import (
	"errors"
	"strings"

	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// signerDialog asks for the signer's name the first time a plan that has
// none is printed. The name is saved in the settings and in every plan
// without one, so it is asked once.
type signerDialog struct {
	entry *widgets.Entry
	form  *dialog.FormDialog
}

// newSignerDialog builds the dialog; done gets the name typed, or "" when
// the officer goes on without one. Enter in the field confirms.
func newSignerDialog(parent fyne.Window, done func(name string)) *signerDialog {
	d := &signerDialog{entry: widgets.NewEntry()}
	d.entry.SetPlaceHolder(lang.L("Ví dụ: Nguyễn Văn Bình"))
	d.entry.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return errors.New(lang.L("hãy nhập họ tên"))
		}
		return nil
	}
	item := widget.NewFormItem(lang.L("Họ và tên"), d.entry)
	item.HintText = lang.L("In đậm dưới chữ ký; chỉ hỏi một lần, sửa được ở màn hình Cài đặt")
	d.form = dialog.NewForm(lang.L("Người ký văn bản chưa có họ tên"), lang.L("Lưu và tiếp tục"), lang.L("Bỏ qua"),
		[]*widget.FormItem{item}, func(ok bool) {
			if ok {
				done(strings.Join(strings.Fields(d.entry.Text), " "))
				return
			}
			done("")
		}, parent)
	d.entry.OnSubmitted = func(string) { d.form.Submit() }
	d.form.Resize(fyne.NewSize(min(520, parent.Canvas().Size().Width-40), 200))
	return d
}

// show opens the dialog with the cursor in the field.
func (d *signerDialog) show(parent fyne.Window) {
	d.form.Show()
	parent.Canvas().Focus(d.entry)
}
