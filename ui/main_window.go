package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/assets"
	"github.com/kehoach/cchc/store"
)

// AppTitle is the application's name as the user sees it.
const AppTitle = "Kế hoạch CCHC"

// AppIcon is the application icon as a Fyne resource.
var AppIcon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// Store is what the window needs of the data: the store.Store methods it
// calls, so tests may pass a real store in a temporary folder.
type Store interface {
	Plans() ([]store.Plan, error)
	FindPlan(ref string) (store.Plan, error)
	Bundle(planID uint64) (store.Bundle, error)
	Areas(planID uint64) ([]store.Area, error)
	Tasks(planID uint64) ([]store.Task, error)
	RecordProgress(planID, taskID uint64, p store.Progress) (store.Task, error)
	Plan(id uint64) (store.Plan, error)
	Settings() (store.Settings, error)
	SetSignerName(name string) (int, error)
	CreateBundle(b store.Bundle) (store.Plan, error)
	ReplacePlanContents(planID uint64, b store.Bundle) (store.Plan, error)
	ApplyProgress(planID uint64, rows []store.ProgressRow, reported store.Date, dryRun bool) (store.ProgressOutcome, error)
}

// MainWindow is the application window: a choice of plan above the plan's
// task screen.
type MainWindow struct {
	Window     fyne.Window
	store      Store
	today      func() store.Date
	plans      []store.Plan
	planSelect *widget.Select
	Tasks      *TasksScreen
}

// NewMainWindow builds the window over st, showing the newest plan. today
// gives the day against which due dates are judged.
func NewMainWindow(a fyne.App, st Store, today func() store.Date) *MainWindow {
	a.SetIcon(AppIcon)
	a.Settings().SetTheme(officeTheme{})
	w := &MainWindow{
		Window: a.NewWindow(AppTitle),
		store:  st,
		today:  today,
	}
	w.Tasks = NewTasksScreen(st, today, w.showError)
	w.planSelect = widget.NewSelect(nil, w.onPlanSelected)
	w.planSelect.PlaceHolder = "Chọn kế hoạch"
	actions := container.NewHBox(w.exportPDFButton(), w.exportExcelButton(), w.importButton())
	top := container.NewBorder(nil, nil, widget.NewLabel("Kế hoạch:"), actions, w.planSelect)
	w.Window.SetContent(container.NewBorder(top, nil, nil, nil, w.Tasks.Content()))
	w.Window.Resize(fyne.NewSize(1200, 760))
	w.loadPlans(0)
	return w
}

// loadPlans reads the plans from the store again, fills the plan choice and
// selects the plan with id selectID, or the newest when there is none.
func (w *MainWindow) loadPlans(selectID uint64) {
	plans, err := w.store.Plans()
	if err != nil {
		w.showError(err)
		return
	}
	w.plans = plans
	labels := make([]string, len(plans))
	for i, p := range plans {
		labels[i] = planLabel(p)
	}
	w.planSelect.SetOptions(labels)
	if len(plans) == 0 {
		return
	}
	selected := 0
	for i, p := range plans {
		if p.ID == selectID {
			selected = i
		}
	}
	w.planSelect.ClearSelected()
	w.planSelect.SetSelectedIndex(selected)
}

func planLabel(p store.Plan) string {
	return fmt.Sprintf("%d · %s ngày %s · %s", p.Year, p.Ref(), p.IssueDate, p.Summary)
}

func (w *MainWindow) onPlanSelected(string) {
	if plan, ok := w.selectedPlan(); ok {
		w.Tasks.ShowPlan(plan)
	}
}

// selectedPlan returns the plan chosen above the table.
func (w *MainWindow) selectedPlan() (store.Plan, bool) {
	i := w.planSelect.SelectedIndex()
	if i < 0 || i >= len(w.plans) {
		return store.Plan{}, false
	}
	return w.plans[i], true
}

func (w *MainWindow) showError(err error) {
	dialog.ShowError(err, w.Window)
}

// ShowStartupError shows why the data could not be opened, in a window of
// its own, and quits the app when it is closed.
func ShowStartupError(a fyne.App, err error) {
	w := a.NewWindow(AppTitle)
	message := widget.NewLabel("Không mở được dữ liệu:\n" + err.Error())
	message.Wrapping = fyne.TextWrapWord
	closeButton := widget.NewButton("Đóng", a.Quit)
	w.SetContent(container.NewBorder(nil, container.NewCenter(closeButton), nil, nil, message))
	w.Resize(fyne.NewSize(520, 200))
	w.SetOnClosed(a.Quit)
	w.Show()
}
