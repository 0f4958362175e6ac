// Package export renders the store's plans to documents: ready-to-sign PDF
// laid out as Decree 30/2020 prescribes, and print-ready Excel workbooks; it
// also reads task tables back from Excel and Word files. It writes to an
// io.Writer and never touches the window.
package export
