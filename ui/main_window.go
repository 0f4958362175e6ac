package ui

import (
	"errors"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/assets"
	"github.com/kehoach/cchc/store"
)

// AppTitle is the application's name as the user sees it.
const AppTitle = "Kế hoạch CCHC"

// AppIcon is the application icon as a Fyne resource.
var AppIcon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// WindowStore is what the whole window needs of the data: no more than
// its screens and actions each ask for. *store.Store is one; tests pass a
// real store in a temporary folder.
type WindowStore interface {
	PlanLister
	TasksStore
	PDFExportStore
	ImportStore
	BackupStore
}

// MainWindow is the application window: the choice of plan and the actions
// on it above, the screens down the left, the chosen screen beside them.
// Every screen follows the one current plan.
type MainWindow struct {
	Window     fyne.Window
	today      func() store.Date
	current    *CurrentPlan
	planSelect *widget.Select
	// syncing is set while the plan choice is being filled from the
	// current plan, so that filling it does not choose again.
	syncing bool
	nav     *navigation
	Tasks   *TasksScreen
	Backups *BackupScreen
}

// NewMainWindow builds the window over st, showing the newest plan. today
// gives the day against which due dates are judged.
func NewMainWindow(a fyne.App, st WindowStore, today func() store.Date) *MainWindow {
	a.SetIcon(AppIcon)
	a.Settings().SetTheme(officeTheme{})
	w := &MainWindow{
		Window:  a.NewWindow(AppTitle),
		today:   today,
		current: NewCurrentPlan(st),
	}
	w.planSelect = widget.NewSelect(nil, w.onPlanSelected)
	w.planSelect.PlaceHolder = "Chọn kế hoạch"
	w.current.OnChanged(w.onPlanChanged)
	w.Tasks = NewTasksScreen(st, w.current, today, w.showError)
	w.Backups = NewBackupScreen(w.Window, st, w.showError)
	w.nav = newNavigation(
		screenEntry{title: "Nhiệm vụ", icon: theme.ListIcon(), content: w.Tasks.Content()},
		screenEntry{title: backupScreenTitle, icon: theme.HistoryIcon(), content: w.Backups.Content()},
	)
	host := w.host()
	actions := container.NewHBox(
		widget.NewButton("Xuất PDF", newPDFExport(host, st).start),
		widget.NewButton("Xuất Excel", newExcelExport(host, st).start),
		widget.NewButton("Nhập từ tệp…", newImportFlow(host, st).start),
	)
	top := container.NewBorder(nil, nil, widget.NewLabel("Kế hoạch:"), actions, w.planSelect)
	w.Window.SetContent(container.NewBorder(top, nil, nil, nil, w.nav.Content()))
	w.Window.Resize(fyne.NewSize(1200, 760))
	if err := w.current.Reload(); err != nil {
		w.showError(err)
	}
	return w
}

// backupScreenTitle names the backup screen in the navigation.
const backupScreenTitle = "Sao lưu"

// ShowBackups shows the backup screen, for a link from another screen.
func (w *MainWindow) ShowBackups() {
	for i, title := range w.nav.Titles() {
		if title == backupScreenTitle {
			w.nav.Show(i)
		}
	}
}

// host is what the window's actions work with.
func (w *MainWindow) host() actionHost {
	return actionHost{window: w.Window, current: w.current, today: w.today}
}

// onPlanChanged shows the current plan in the plan choice and the title.
func (w *MainWindow) onPlanChanged(plan store.Plan) {
	plans := w.current.Plans()
	labels := make([]string, len(plans))
	for i, p := range plans {
		labels[i] = planLabel(p)
	}
	w.syncing = true
	defer func() { w.syncing = false }()
	w.planSelect.SetOptions(labels)
	if i := w.current.Index(); i >= 0 {
		w.planSelect.SetSelectedIndex(i)
	} else {
		w.planSelect.ClearSelected()
	}
	w.Window.SetTitle(windowTitle(plan))
}

// windowTitle names the plan shown: "Kế hoạch CCHC — 122/KH-SKH năm 2023".
func windowTitle(plan store.Plan) string {
	if plan.ID == 0 {
		return AppTitle
	}
	return fmt.Sprintf("%s — %s năm %d", AppTitle, plan.Ref(), plan.Year)
}

// planLabel is a plan as the plan choice lists it: "2023 · 122/KH-SKH ngày
// 28/01/2023 · Cải cách hành chính …", without "ngày" when the plan has no
// date yet.
func planLabel(p store.Plan) string {
	ref := p.Ref()
	if !p.IssueDate.IsZero() {
		ref += " ngày " + p.IssueDate.String()
	}
	return fmt.Sprintf("%d · %s · %s", p.Year, ref, p.Summary)
}

// onPlanSelected makes the plan the officer chose the current plan.
func (w *MainWindow) onPlanSelected(string) {
	i := w.planSelect.SelectedIndex()
	plans := w.current.Plans()
	if w.syncing || i < 0 || i >= len(plans) {
		return
	}
	if err := w.current.Select(plans[i].ID); err != nil {
		w.showError(err)
	}
}

func (w *MainWindow) showError(err error) { showError(w.Window, err) }

// actionHost is what an action of the window works with besides the data:
// the window its dialogs open over, the current plan and the clock.
type actionHost struct {
	window  fyne.Window
	current *CurrentPlan
	today   func() store.Date
}

func (h actionHost) showError(err error) { showError(h.window, err) }

// showError is the one way the window shows an error to the officer.
func showError(parent fyne.Window, err error) {
	logError(err)
	message := widget.NewLabel(store.Message(err))
	message.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Có lỗi", "Đóng", message, parent)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

// logError writes the whole error, English causes and a panic's stack
// included, to the standard logger, which cmd/cchc sends to cchc.log.
func logError(err error) {
	var panicked *store.UnexpectedError
	if errors.As(err, &panicked) {
		log.Printf("lỗi: %v\n%s", err, panicked.Stack)
		return
	}
	log.Printf("lỗi: %v", err)
}

// ShowStartupError shows why the data could not be opened, in a window of
// its own, and quits the app when it is closed.
func ShowStartupError(a fyne.App, err error) {
	w := a.NewWindow(AppTitle)
	logError(err)
	message := widget.NewLabel("Không mở được dữ liệu:\n" + store.Message(err))
	message.Wrapping = fyne.TextWrapWord
	closeButton := widget.NewButton("Đóng", a.Quit)
	w.SetContent(container.NewBorder(nil, container.NewCenter(closeButton), nil, nil, message))
	w.Resize(fyne.NewSize(520, 200))
	w.SetOnClosed(a.Quit)
	w.Show()
}
