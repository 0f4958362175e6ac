// Package tasks holds the work of cchc-cli's commands on plans and their
// tasks: listing plans and tasks (plans, tasks), editing the plan's header
// (plan edit), tasks and areas (task add/edit/delete/undo/duplicate/move,
// area move), and tracking them through the year: dated updates (update,
// history) and evidence (evidence add/list).
package tasks

import "github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

// commands are this group's commands by name; each file adds its own.
var commands = cmdline.Table{}

// Commands returns this group's commands by name.
func Commands() cmdline.Table { return commands }
