package widgets

import (
	"context"
	"errors"
	"math"
	"sync/atomic"

	"github.com/kehoach/cchc/store/usererr"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Work is long work run off the UI goroutine: it reports its progress as a
// fraction from 0 to 1 (or not at all) and stops when ctx is cancelled.
type Work func(ctx context.Context, progress func(fraction float64)) error

// ProgressDialog is what a long job runs behind: what is being done, a bar
// (a busy bar until the first report) and "Huỷ", which stops the job. The
// job's own rule keeps an earlier file as it was when it is stopped.
type ProgressDialog struct {
	dialog       *dialog.CustomDialog
	what         *widget.Label
	bar          *widget.ProgressBar
	busy         *widget.ProgressBarInfinite
	CancelButton *widget.Button
	cancel       context.CancelFunc
	// reported holds the bits of the last fraction reported, for tests.
	reported atomic.Uint64
}

// RunWithProgress runs work in its own goroutine behind a progress dialog
// over parent, so the window never freezes. done runs on the UI goroutine
// with work's error, which is context.Canceled when the officer cancelled.
func RunWithProgress(parent fyne.Window, title string, work Work, done func(error)) *ProgressDialog {
	ctx, cancel := context.WithCancel(context.Background())
	p := &ProgressDialog{what: widget.NewLabel(title), bar: widget.NewProgressBar(), busy: widget.NewProgressBarInfinite(), cancel: cancel}
	p.what.Truncation = fyne.TextTruncateEllipsis
	p.bar.Hide()
	p.CancelButton = widget.NewButton(lang.L("Huỷ"), p.Cancel)
	content := container.NewVBox(p.what, p.bar, p.busy, container.NewCenter(p.CancelButton))
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Đang xử lý"), content, parent)
	p.dialog.Resize(fyne.NewSize(min(440, parent.Canvas().Size().Width-40), 170))
	p.dialog.Show()
	go func() {
		err := runGuarded(ctx, work, p.report)
		cancel()
		OnUI(func() {
			p.busy.Stop()
			p.dialog.Hide()
			done(err)
		})
	}()
	return p
}

// Cancel stops the job, as "Huỷ" does: the dialog says it is stopping and
// stays until the job has let go of its files.
func (p *ProgressDialog) Cancel() {
	p.cancel()
	p.CancelButton.Disable()
	p.what.SetText(lang.L("Đang dừng…"))
}

// Fraction is the last fraction of the work reported, 0 before any.
func (p *ProgressDialog) Fraction() float64 {
	return math.Float64frombits(p.reported.Load())
}

// report shows a fraction of the work done; it runs on the job's goroutine.
func (p *ProgressDialog) report(fraction float64) {
	p.reported.Store(math.Float64bits(fraction))
	OnUI(func() {
		if !p.bar.Visible() {
			p.busy.Stop()
			p.busy.Hide()
			p.bar.Show()
		}
		p.bar.SetValue(fraction)
	})
}

// OnUI runs f on the UI goroutine, as fyne.Do does. Fyne's test driver runs
// f at once on the calling goroutine, so the tests replace it with a version
// that takes the lock their own taps hold.
var OnUI = fyne.Do

// Cancelled reports whether err means the officer pressed "Huỷ".
func Cancelled(err error) bool { return errors.Is(err, context.Canceled) }

// runGuarded runs work and turns a panic in it into an error, so that a bug
// in a long job ends in a message and a log entry, not a crash.
func runGuarded(ctx context.Context, work Work, report func(float64)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = usererr.Unexpected(r)
		}
	}()
	return work(ctx, report)
}
