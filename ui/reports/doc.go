// Package reports holds the window's screens of the periodic report: the
// targets screen (targets_screen.go), where the officer enters a target's
// actual for a period (target_editor.go) and the figures that feed targets
// (figures_form.go), and the reports screen (reports_screen.go), which
// drafts a period's report from the data, edits it (report_editor.go),
// prints it and marks it sent (report_actions.go).
//
// Each screen names the few store methods it calls in a small interface of
// its own (TargetsStore, ReportsStore) and follows the current plan.
package reports
