// Package reports holds the work of cchc-cli's commands that measure a
// plan and print its documents: targets and their actual values (targets,
// actual, target edit), the period's figures (figures), the periodic report
// (report, report draft/print/send ...), the rollover into next year's plan
// (rollover), and the export of a plan as PDF or workbook (export).
package reports

import "github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

// commands are this group's commands by name; each file adds its own.
var commands = cmdline.Table{}

// Commands returns this group's commands by name.
func Commands() cmdline.Table { return commands }
