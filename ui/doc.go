// Package ui is the window of Kế hoạch CCHC, built with Fyne. Each screen is
// a struct holding its widgets, with onX methods for what the user does; the
// rules those handlers apply live in package store, and the documents they
// write in package export.
package ui
