// Package importer reads a foreign task table, a plan typed in Word (.docx)
// or Excel (.xlsx) by any agency, with its columns in any order and under
// any of their usual names, into a plan to import; and reads a division's
// returned tracking sheet into progress rows. Every row it cannot read is
// listed with its row number and the reason; nothing is guessed. Hostile
// files are refused by the pre-scan (package prescan) before any parser
// runs, within the bounds of package limits.
package importer
