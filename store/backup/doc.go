// Package backup makes, lists, checks and restores backups of the data
// file: one zip holding the database, the evidence files it names and a
// manifest; the automatic rolling backups in the data folder; and the
// salvage of a damaged file's records into a new one.
package backup
