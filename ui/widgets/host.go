package widgets

import (
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/usererr"
)

// ActionHost is what an action of the window works with besides the data:
// the window its dialogs open over, the current plan, the clock, the
// system's file dialogs and the way to open what was written.
type ActionHost struct {
	// Window is the window the action's dialogs open over.
	Window fyne.Window
	// Current is the plan every screen shows.
	Current *CurrentPlan
	// Today gives the day against which due dates are judged.
	Today func() store.Date
	// Files are the system's dialogs to open and save a file.
	Files FileChooser
	// Opener opens a file written, or the folder holding it.
	Opener Opener
	// Keys lets Esc and Enter answer the dialogs that register with it.
	Keys *DialogKeys
}

// ShowError shows err over the action's window, as ShowError does.
func (h ActionHost) ShowError(err error) { ShowError(h.Window, err) }

// LogError writes the whole error, English causes and a panic's stack
// included, to the standard logger, which cmd/cchc sends to cchc.log.
func LogError(err error) {
	var panicked *usererr.UnexpectedError
	if errors.As(err, &panicked) {
		log.Printf("lỗi: %v\n%s", err, panicked.Stack)
		return
	}
	log.Printf("lỗi: %v", err)
}

// DefaultYear is the year of the current plan, or this year.
func (h ActionHost) DefaultYear() int {
	if plan, ok := h.Current.Plan(); ok {
		return plan.Year
	}
	return h.Today().Year
}

// ShowError is the one way the window shows an error to the officer.
func ShowError(parent fyne.Window, err error) {
	LogError(err)
	message := widget.NewLabel(usererr.Message(err))
	message.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Có lỗi"), lang.L("Đóng"), message, parent)
	d.Resize(fyne.NewSize(min(520, parent.Canvas().Size().Width-40), 0))
	d.Show()
}
