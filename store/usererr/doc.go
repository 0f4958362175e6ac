// Package usererr turns any error into the Vietnamese text a user reads
// (Message), keeping the app's own words and translating the foreign ones,
// so that no English fragment or panic reaches the officer; and it writes
// the whole error, with a panic's stack, to the log (AppendErrorLog).
package usererr
