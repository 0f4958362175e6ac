package tasks

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/kehoach/cchc/store/db"
	"github.com/kehoach/cchc/ui/widgets"

	"github.com/kehoach/cchc/store"
)

// TaskEditStore is what editing a plan's tasks needs of the data.
type TaskEditStore interface {
	CreateTask(t *store.Task) error
	UpdateTask(t store.Task) error
	DeleteTask(planID, taskID uint64) (db.DeletedTask, error)
	LastDeleted() (db.DeletedTask, bool, error)
	UndoDelete() (store.Task, error)
	DuplicateTask(planID, taskID uint64) (store.Task, error)
	MoveTask(planID, taskID uint64, position int) error
	MoveArea(planID, areaID uint64, position int) error
}

// buildActions makes the plan's buttons beside the counts: add a task,
// undo the last delete, move the area, edit the plan's header.
func (s *Screen) buildActions() {
	s.AddButton = widget.NewButtonWithIcon(lang.L("Thêm"), theme.ContentAddIcon(), s.AddTask)
	s.UndoButton = widget.NewButtonWithIcon(lang.L("Hoàn tác"), theme.ContentUndoIcon(), s.UndoDelete)
	s.AreaButton = widget.NewButtonWithIcon(lang.L("Lĩnh vực"), theme.MenuDropDownIcon(), s.showAreaMenu)
	s.PlanButton = widget.NewButtonWithIcon(lang.L("Phần đầu kế hoạch…"), theme.DocumentIcon(), s.EditPlanHeader)
}

// refreshActions enables what can be done now.
func (s *Screen) refreshActions() {
	hasPlan := s.list.plan.ID != 0
	widgets.Enable(s.AddButton, hasPlan && len(s.list.areas) > 0)
	widgets.Enable(s.AreaButton, hasPlan && s.chosenArea() != nil)
	widgets.Enable(s.PlanButton, hasPlan)
	_, undoable, err := s.store.LastDeleted()
	widgets.Enable(s.UndoButton, undoable && err == nil)
}

// detailHost is what the task pane works with: the screen's data and
// window, and what it tells the screen.
func (s *Screen) detailHost() *detailHost {
	return &detailHost{
		ActionHost: &s.host, store: s.store, asOf: func() store.Date { return s.asOf }, say: s.say,
		onTracked: s.onTracked, onEdited: s.onEdited,
		duplicate: s.DuplicateTask, remove: s.DeleteTask, move: s.MoveTask,
		back: func() { s.view.showPane(false) },
	}
}

// onTracked shows a task whose progress or history changed in its row,
// as it stands on the reporting date.
func (s *Screen) onTracked(t store.Task, standing store.Standing) {
	s.list.replace(db.TaskStanding{Task: t, Standing: standing})
	s.apply()
}

// onEdited reads the plan again after a task's fields were saved (its
// number, its area or its order may change) and shows the task.
func (s *Screen) onEdited(t store.Task) {
	s.reload()
	if i := s.list.indexOf(t.ID); i >= 0 {
		s.showTask(i)
	}
}

// chosenArea is the area the officer is working in: the selected task's,
// else the one the filter names, else the plan's first; nil without areas.
func (s *Screen) chosenArea() *store.Area {
	if i := s.list.indexOf(s.Detail.TaskID()); i >= 0 {
		return &s.list.areas[s.list.tasks[i].area]
	}
	for i := range s.list.areas {
		if s.list.areas[i].ID == s.filter.area || s.filter.area == 0 {
			return &s.list.areas[i]
		}
	}
	return nil
}

// AddTask opens an empty task in the chosen area for its fields to be
// written, Ctrl+N; "Thêm nhiệm vụ" then stores it.
func (s *Screen) AddTask() {
	area := s.chosenArea()
	if area == nil {
		s.say(lang.L("Kế hoạch chưa có lĩnh vực nào để thêm nhiệm vụ."))
		return
	}
	chosen := *area
	s.ConfirmLeave(func() {
		s.Detail.ShowNew(s.list.plan, chosen)
		s.view.showPane(true)
		s.markSelected()
	}, nil)
}

// DuplicateTask copies the task shown right after it and shows the copy.
func (s *Screen) DuplicateTask() {
	from := s.Detail.Number()
	s.ConfirmLeave(func() {
		dup, err := s.store.DuplicateTask(s.list.plan.ID, s.Detail.TaskID())
		if err != nil {
			s.host.ShowError(err)
			return
		}
		s.onEdited(dup)
		s.say(widgets.Localf("Đã nhân bản nhiệm vụ %s thành nhiệm vụ %s.", from, s.Detail.Number()))
	}, nil)
}

// DeleteTask asks, then deletes the task shown with its updates and
// evidence; "Hoàn tác" puts it back.
func (s *Screen) DeleteTask() {
	task, number := s.Detail.Task(), s.Detail.Number()
	if task.ID == 0 {
		return
	}
	question := widgets.Localf("Xoá nhiệm vụ %s “%s”, cùng các lần cập nhật và tài liệu kiểm chứng của nó? Có thể hoàn tác ngay sau đó.",
		number, shorten(task.Content, 120))
	widgets.ConfirmFirst(s.host.Window, s.host.Keys, lang.L("Xoá nhiệm vụ"), question, lang.L("Xoá"), func() {
		deleted, err := s.store.DeleteTask(task.PlanID, task.ID)
		if err != nil {
			s.host.ShowError(err)
			return
		}
		s.Detail.Clear()
		s.view.showPane(false)
		s.reload()
		s.say(widgets.Localf("Đã xoá nhiệm vụ %s (cùng %d lần cập nhật, %d tài liệu kiểm chứng). Bấm “Hoàn tác” để khôi phục.",
			number, len(deleted.Updates), len(deleted.Evidence)))
	})
}

// UndoDelete puts back the task deleted last and shows it.
func (s *Screen) UndoDelete() {
	s.ConfirmLeave(func() {
		task, err := s.store.UndoDelete()
		if err != nil {
			s.host.ShowError(err)
			return
		}
		if task.PlanID != s.list.plan.ID {
			if err := s.host.Current.Select(task.PlanID); err != nil {
				s.host.ShowError(err)
			}
		}
		s.onEdited(task)
		s.say(widgets.Localf("Đã khôi phục nhiệm vụ %s.", s.Detail.Number()))
	}, nil)
}

// MoveTask moves the task shown by delta places within its area: -1 up,
// 1 down.
func (s *Screen) MoveTask(delta int) {
	i := s.list.indexOf(s.Detail.TaskID())
	if i < 0 {
		return
	}
	task := s.list.tasks[i].task
	siblings := 0
	for _, t := range s.list.tasks {
		if t.area == s.list.tasks[i].area {
			siblings++
		}
	}
	to := task.Order + delta
	if to < 1 || to > siblings {
		return
	}
	if err := s.store.MoveTask(task.PlanID, task.ID, to); err != nil {
		s.host.ShowError(err)
		return
	}
	s.reload()
	s.say(widgets.Localf("Đã chuyển nhiệm vụ đến vị trí %d của lĩnh vực: nay là nhiệm vụ %s.", to, s.Detail.Number()))
}

// MoveArea moves the chosen area by delta places within the plan.
func (s *Screen) MoveArea(delta int) {
	area := s.chosenArea()
	if area == nil {
		return
	}
	to := area.Order + delta
	if to < 1 || to > len(s.list.areas) {
		return
	}
	id, name := area.ID, area.Name
	if err := s.store.MoveArea(s.list.plan.ID, id, to); err != nil {
		s.host.ShowError(err)
		return
	}
	s.reload()
	for _, a := range s.list.areas {
		if a.ID == id {
			s.say(widgets.Localf("Đã chuyển lĩnh vực “%s” đến vị trí %d: nay là lĩnh vực %s.", name, to, a.Numeral))
		}
	}
}

// showAreaMenu offers to move the chosen area up or down.
func (s *Screen) showAreaMenu() {
	area := s.chosenArea()
	if area == nil {
		return
	}
	label := area.Label()
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(widgets.Localf("Chuyển “%s” lên", shorten(label, 40)), func() { s.MoveArea(-1) }),
		fyne.NewMenuItem(widgets.Localf("Chuyển “%s” xuống", shorten(label, 40)), func() { s.MoveArea(1) }),
	)
	c := fyne.CurrentApp().Driver().CanvasForObject(s.AreaButton)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.AreaButton)
	widget.ShowPopUpMenuAtPosition(menu, c, pos.AddXY(0, s.AreaButton.Size().Height))
}

// EditPlanHeader opens the plan's header for editing.
func (s *Screen) EditPlanHeader() {
	if s.list.plan.ID == 0 {
		return
	}
	showPlanHeader(s.host.Window, s.host.Keys, s.store, s.list.plan, s.settings, func(saved store.Plan) {
		s.say(widgets.Localf("Đã lưu phần đầu kế hoạch %s.", saved.Ref()))
		if err := s.host.Current.Reload(); err != nil {
			s.host.ShowError(err)
		}
	}, s.host.ShowError)
}

// shorten cuts text to n characters with an ellipsis.
func shorten(text string, n int) string {
	runes := []rune(widgets.OneLine(text))
	if len(runes) <= n {
		return string(runes)
	}
	return string(runes[:n-1]) + "…"
}
