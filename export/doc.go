// Package export holds the actions both programs offer on documents: print
// a plan to PDF or Excel, import a plan's task table from a file, apply a
// division's returned tracking sheet. The window and cchc-cli call these
// functions and keep only their own presentation (dialogs, flags, printed
// lines).
//
// The formats live in subpackages, one a job: pdf (the Decree 30/2020
// document frame and the documents printed through it), xlsx (the
// workbooks), importer (the readers of foreign Excel and Word tables) and
// fonts (the document typeface). Nothing here touches the window.
package export
