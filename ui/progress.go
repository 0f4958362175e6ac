package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/kehoach/cchc/store"
)

// Work is long work run off the UI goroutine: it reports its progress as a
// fraction from 0 to 1 (or not at all) and stops when ctx is cancelled.
type Work func(ctx context.Context, progress func(fraction float64)) error

// RunWithProgress runs work in its own goroutine behind a dialog with a
// progress bar and a "Huỷ" button that cancels ctx, so the window never
// freezes. done runs on the UI goroutine with work's error, which is
// context.Canceled when the officer cancelled.
func RunWithProgress(parent fyne.Window, title string, work Work, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	busy := widget.NewProgressBarInfinite()
	bar.Hide()
	cancelButton := widget.NewButton("Huỷ", cancel)
	content := container.NewVBox(widget.NewLabel(title), bar, busy, container.NewCenter(cancelButton))
	d := dialog.NewCustomWithoutButtons("Đang xử lý", content, parent)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	report := func(fraction float64) {
		fyne.Do(func() {
			if !bar.Visible() {
				busy.Stop()
				busy.Hide()
				bar.Show()
			}
			bar.SetValue(fraction)
		})
	}
	go func() {
		err := runGuarded(ctx, work, report)
		cancel()
		fyne.Do(func() {
			busy.Stop()
			d.Hide()
			done(err)
		})
	}()
}

// Cancelled reports whether err means the officer pressed "Huỷ".
func Cancelled(err error) bool { return errors.Is(err, context.Canceled) }

// runGuarded runs work and turns a panic in it into an error, so that a bug
// in a long job ends in a message and a log entry, not a crash.
func runGuarded(ctx context.Context, work Work, report func(float64)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = store.Unexpected(r)
		}
	}()
	return work(ctx, report)
}
