// Package data holds the work of cchc-cli's commands on the data file and
// what moves in and out of it: seeding, backing up and locating the file
// (seed, backup, path), checking it (check), its backups and their
// restore, and recovering what a damaged file still holds (backups,
// restore, recover), importing plans and returned tracking sheets (import),
// the settings (settings) and the synthetic demo file (demo).
package data

import "github.com/kehoach/cchc/cmd/cchc-cli/internal/cmdline"

// commands are this group's commands by name; each file adds its own.
var commands = cmdline.Table{}

// Commands returns this group's commands by name.
func Commands() cmdline.Table { return commands }
