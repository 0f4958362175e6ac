// Package ui is the window of Kế hoạch CCHC, built with Fyne.
//
// MainWindow (main_window.go) is the shell: the choice of plan and the
// actions on it along the top, the screens listed down the left
// (navigation.go), the chosen screen beside them. widgets.CurrentPlan is
// the plan every screen shows: a screen subscribes with OnChanged, and an
// action that changes the data calls Select or Reload, so no screen reloads
// another by hand; the window title follows it too.
//
// Each screen and action is a struct in its own file holding its widgets,
// with onX methods for what the user does, and names the few store methods
// it calls in a small interface of its own (tasks.Store, PDFExportStore,
// ImportStore); *db.Store satisfies them all. The screens live in
// subpackages: tasks, reports (targets and reports), overview; what they
// share (fields, dialogs, progress, the ActionHost) in widgets. This
// package keeps the shell, the settings and backup screens, the window's
// actions (export, import, recovery, next year's plan) and the words.
// Adding a screen is one package or file and one screenEntry in
// NewMainWindow. The rules the handlers apply live in package store, the
// documents they write in package export, and every error reaches the
// officer through widgets.ShowError.
package ui
