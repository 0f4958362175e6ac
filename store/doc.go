// Package store holds the domain of Kế hoạch CCHC: the agency settings, the
// annual administrative-reform plans with their areas, tasks and numeric
// targets, the rules that derive due dates and statuses from them, and their
// persistence in an embedded bbolt database.
//
// Nothing outside this package sees bbolt: callers open a Store and work with
// the plain Go types defined here. The package never imports Fyne, so the
// command-line program builds without cgo.
package store
