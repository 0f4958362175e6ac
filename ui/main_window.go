package ui

import (
	"github.com/kehoach/cchc/store/usererr"
	"github.com/kehoach/cchc/ui/overview"
	"github.com/kehoach/cchc/ui/reports"
	"github.com/kehoach/cchc/ui/tasks"
	"github.com/kehoach/cchc/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/assets"
	"github.com/kehoach/cchc/store"
)

// AppTitle is the application's name as the user sees it.
const AppTitle = "Kế hoạch CCHC"

// AppIcon is the application icon as a Fyne resource.
var AppIcon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// Setup gives the app what every window of it shares, whatever it shows:
// the icon, the light office theme and the Vietnamese words, Fyne's own
// included. Every program that opens a window calls it first.
func Setup(a fyne.App) {
	useInterfaceLanguage()
	a.SetIcon(AppIcon)
	a.Settings().SetTheme(officeTheme{})
}

// WindowStore is what the whole window needs of the data: no more than
// its screens and actions each ask for. *store.Store is one; tests pass a
// real store in a temporary folder.
type WindowStore interface {
	widgets.PlanLister
	tasks.Store
	PDFExportStore
	ImportStore
	BackupStore
	SettingsStore
	overview.Store
	reports.TargetsStore
	reports.ReportsStore
	RolloverStore
}

// MainWindow is the application window: the choice of plan and the actions
// on it above, the screens down the left, the chosen screen beside them,
// and the main menu, which carries the shortcuts. Every screen follows the
// one current plan.
type MainWindow struct {
	Window     fyne.Window
	today      func() store.Date
	current    *widgets.CurrentPlan
	planSelect *widget.Select
	// syncing is set while the plan choice is being filled from the
	// current plan, so that filling it does not choose again.
	syncing  bool
	nav      *navigation
	Overview *overview.Screen
	Tasks    *tasks.Screen
	Targets  *reports.TargetsScreen
	Reports  *reports.ReportsScreen
	Backups  *BackupScreen
	Settings *SettingsScreen
	pdf      *pdfExport
	excel    *excelExport
	importer *importFlow
	rollover *rolloverFlow
	opener   widgets.Opener
	// keys lets Esc and Enter answer the dialogs that register with it.
	keys *widgets.DialogKeys
}

// NewMainWindow builds the window over st, showing the plan shown last
// (the newest when there is none) at the size it had. today gives the day
// against which due dates are judged.
func NewMainWindow(a fyne.App, st WindowStore, today func() store.Date) *MainWindow {
	Setup(a)
	w := &MainWindow{
		Window:  a.NewWindow(AppTitle),
		today:   today,
		current: widgets.NewCurrentPlan(st),
		keys:    &widgets.DialogKeys{},
	}
	w.opener = widgets.SystemOpener(func(err error) { widgets.OnUI(func() { w.showError(err) }) })
	w.planSelect = widget.NewSelect(nil, w.onPlanSelected)
	w.planSelect.PlaceHolder = lang.L("Chọn kế hoạch")
	w.current.OnChanged(w.onPlanChanged)
	host := w.host()
	w.Overview = overview.NewScreen(st, w.current, today, w.showError)
	w.Tasks = tasks.NewScreen(st, host)
	w.Targets = reports.NewTargetsScreen(st, w.current, today, w.showError)
	w.Reports = reports.NewReportsScreen(host, st)
	w.Backups = NewBackupScreen(w.Window, st, w.showError)
	w.Settings = NewSettingsScreen(st, w.Window, w.showError)
	w.nav = newNavigation(w.screens()...)
	w.linkScreens()
	w.pdf, w.excel, w.importer = newPDFExport(host, st), newExcelExport(host, st), newImportFlow(host, st)
	w.rollover = newRolloverFlow(host, st)
	w.Window.SetContent(container.NewBorder(w.topBar(), nil, nil, nil, w.nav.Content()))
	w.Window.SetMainMenu(w.mainMenu())
	w.Window.Canvas().SetOnTypedKey(w.onTypedKey)
	w.Window.SetMaster()
	w.restoreSize()
	w.Window.SetOnClosed(w.rememberSize)
	w.Window.SetCloseIntercept(w.RequestClose)
	if err := w.current.Select(w.lastPlanID()); err != nil {
		w.showError(err)
	}
	return w
}

// The names of the screens in the navigation.
const (
	overviewScreenTitle = "Tổng quan"
	tasksScreenTitle    = "Nhiệm vụ"
	targetsScreenTitle  = "Chỉ tiêu"
	reportsScreenTitle  = "Báo cáo"
	backupScreenTitle   = "Sao lưu"
	settingsScreenTitle = "Cài đặt"
)

// screens are the window's screens in the order the navigation lists them,
// the overview first.
func (w *MainWindow) screens() []screenEntry {
	return []screenEntry{
		{title: lang.L(overviewScreenTitle), icon: theme.HomeIcon(), content: w.Overview.Content(), shown: w.Overview.Reload},
		{title: lang.L(tasksScreenTitle), icon: theme.ListIcon(), content: w.Tasks.Content(), save: w.Tasks.Save, leave: w.Tasks.ConfirmLeave},
		{title: lang.L(targetsScreenTitle), icon: theme.GridIcon(), content: w.Targets.Content(), save: w.Targets.Save, shown: w.Targets.Reload},
		{title: lang.L(reportsScreenTitle), icon: theme.DocumentIcon(), content: w.Reports.Content(), save: func() { w.Reports.Save() }, shown: w.Reports.Reload},
		{title: lang.L(backupScreenTitle), icon: theme.HistoryIcon(), content: w.Backups.Content()},
		{title: lang.L(settingsScreenTitle), icon: theme.SettingsIcon(), content: w.Settings.Content(), save: w.Settings.Save},
	}
}

// linkScreens lets a screen open another: a line of the overview opens its
// task or target, the reports screen starts next year's plan, the settings
// lead to the backups.
func (w *MainWindow) linkScreens() {
	w.Overview.OnOpenTask = w.ShowTask
	w.Overview.OnOpenTarget = func(id uint64, p store.Period) {
		w.nav.ShowTitle(lang.L(targetsScreenTitle))
		w.Targets.ShowTarget(id, p)
	}
	w.Reports.OnRollover = func() { w.rollover.start() }
	w.Reports.RefreshButtons()
	backups := widget.NewButtonWithIcon(lang.L("Mở màn hình Sao lưu…"), theme.HistoryIcon(), w.ShowBackups)
	w.Settings.AddSection(lang.L("Sao lưu"), container.NewVBox(
		widgets.WrappedLabel(lang.L("Sao lưu dữ liệu ra tệp (USB), xem các bản tự động sao lưu và khôi phục ở màn hình Sao lưu.")),
		container.NewHBox(backups)))
}

// ShowTask shows a task on the task screen, selected.
func (w *MainWindow) ShowTask(taskID uint64) {
	w.nav.ShowTitle(lang.L(tasksScreenTitle))
	w.Tasks.SelectTask(taskID)
}

// ShowBackups shows the backup screen, for a link from another screen.
func (w *MainWindow) ShowBackups() {
	for i, title := range w.nav.Titles() {
		if title == backupScreenTitle {
			w.nav.Show(i)
		}
	}
}

// topBar is the choice of plan and the actions on it.
func (w *MainWindow) topBar() fyne.CanvasObject {
	actions := container.NewHBox(
		widget.NewButton(lang.L("Xuất PDF"), w.pdf.start),
		widget.NewButton(lang.L("Xuất Excel"), w.excel.start),
		widget.NewButton(lang.L("Nhập từ tệp…"), w.importer.start),
	)
	return container.NewBorder(nil, nil, widget.NewLabel(lang.L("Kế hoạch:")), actions, w.planSelect)
}

// host is what the window's actions work with.
func (w *MainWindow) host() widgets.ActionHost {
	return widgets.ActionHost{Window: w.Window, Current: w.current, Today: w.today,
		Files: widgets.NewFileChooser(w.showError), Opener: w.opener, Keys: w.keys}
}

// onPlanChanged shows the current plan in the plan choice and the title,
// and remembers it for the next start.
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
	if plan.ID != 0 {
		w.rememberPlan(plan.ID)
	}
}

// windowTitle names the plan shown: "Kế hoạch CCHC — 122/KH-SKH năm 2023".
func windowTitle(plan store.Plan) string {
	if plan.ID == 0 {
		return lang.L(AppTitle)
	}
	return widgets.Localf("%s — %s năm %d", lang.L(AppTitle), plan.Ref(), plan.Year)
}

// planLabel is a plan as the plan choice lists it: "2023 · 122/KH-SKH ngày
// 28/01/2023 · Cải cách hành chính …", without "ngày" when the plan has no
// date yet.
func planLabel(p store.Plan) string {
	if p.IssueDate.IsZero() {
		return widgets.Localf("%d · %s · %s", p.Year, p.Ref(), p.Summary)
	}
	return widgets.Localf("%d · %s ngày %s · %s", p.Year, p.Ref(), p.IssueDate, p.Summary)
}

// onPlanSelected makes the plan the officer chose the current plan, once
// the task screen has asked about edits not yet saved.
func (w *MainWindow) onPlanSelected(string) {
	i := w.planSelect.SelectedIndex()
	plans := w.current.Plans()
	if w.syncing || i < 0 || i >= len(plans) {
		return
	}
	w.Tasks.ConfirmLeave(func() {
		if err := w.current.Select(plans[i].ID); err != nil {
			w.showError(err)
		}
	}, func() {
		plan, _ := w.current.Plan()
		w.onPlanChanged(plan)
	})
}

// RequestClose closes the window once the task screen has asked about
// edits not yet saved: the window's close button and "Thoát".
func (w *MainWindow) RequestClose() {
	w.Tasks.ConfirmLeave(w.Window.Close, nil)
}

func (w *MainWindow) showError(err error) { widgets.ShowError(w.Window, err) }

// ShowStartupError shows why the data could not be opened, in a window of
// its own in the app's theme and words, and quits the app when it is
// closed.
func ShowStartupError(a fyne.App, err error) fyne.Window {
	Setup(a)
	widgets.LogError(err)
	return showMessageWindow(a, widgets.Localf("Không mở được dữ liệu:\n%s", usererr.Message(err)))
}

// ShowAlreadyOpen tells, in a window of its own, that the data is in use:
// by the window already open, which the officer should use, or by cchc-cli.
// The app quits when it is closed.
func ShowAlreadyOpen(a fyne.App) fyne.Window {
	Setup(a)
	return showMessageWindow(a, lang.L("Kế hoạch CCHC đã mở ở một cửa sổ khác (xem thanh tác vụ), hoặc cchc-cli đang dùng dữ liệu. Hãy dùng cửa sổ đang mở; nếu là cchc-cli, chờ nó chạy xong rồi mở lại."))
}

// showMessageWindow is a small window with a message and "Đóng", which
// quits the app.
func showMessageWindow(a fyne.App, text string) fyne.Window {
	w := a.NewWindow(lang.L(AppTitle))
	message := widget.NewLabel(text)
	message.Wrapping = fyne.TextWrapWord
	closeButton := widget.NewButton(lang.L("Đóng"), a.Quit)
	closeButton.Importance = widget.HighImportance
	// In a scroll, the wrapped message asks for no height of its own, so the
	// window opens at the size given, not as tall as the words one a line.
	w.SetContent(container.NewBorder(nil, container.NewCenter(closeButton), nil, nil, container.NewVScroll(message)))
	w.Resize(fyne.NewSize(520, 200))
	w.SetOnClosed(a.Quit)
	w.Show()
	return w
}
