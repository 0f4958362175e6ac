// Package widgets holds what the window's screens share and none owns: the
// fields (Entry, GrowingEntry), layouts (FillColumnLayout, FlowLayout,
// NewFieldsWithButtons), the period choice and status chart, the dialogs
// (Ask, Question, ConfirmFirst, AskSavePath and the Esc/Enter keys of
// DialogKeys), the system's file dialogs (FileChooser) and file opener
// (Opener), long work behind a progress dialog (RunWithProgress, which calls
// back through OnUI), and the text helpers (Localf, Capitalize, OneLine).
//
// ActionHost is what an action works with besides the data: the window, the
// CurrentPlan every screen follows, the clock, the file dialogs, the opener
// and the dialog keys. ShowError is the one way the window shows an error.
package widgets
