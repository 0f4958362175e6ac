// Package xlsx writes the print-ready workbooks with excelize: a plan's task
// table (A4 landscape, one page wide), the tracking sheet a division fills
// in and returns, the summary with its chart, and the appendices of the
// periodic report.
package xlsx
