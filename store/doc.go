// Package store holds the domain of Kế hoạch CCHC: the agency settings and
// signers, the annual administrative-reform plans with their areas, tasks
// and numeric targets, the dated progress updates and evidence of each
// task, the reporting periods, and the rules that derive due dates,
// statuses, search matches and text cleaning from them. It never imports
// Fyne, so the command-line program builds without cgo.
//
// Its subpackages, one a concern: db (the Store: one method per use case
// over the data file), datafile (the file: opening, schema, migrations,
// check, record layout), reporting (actuals, figures, the periodic report),
// draft (drafting the report's text from the data), backup (backups,
// restore, salvage), files (writing files whole), usererr (the Vietnamese
// text of any error), timeline (reading a task's "Thời gian thực hiện").
// Only db, datafile and backup see bbolt.
package store
