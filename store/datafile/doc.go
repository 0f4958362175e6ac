// Package datafile holds the data file itself: opening it (for reading
// only with a shared lock, or for writing, creating a new file whole under
// a temporary name), its schema and the migrations between versions, the
// consistency check, the error of a damaged file, where the file lives,
// and the layout of its records (bucket names, keys, JSON). Package db
// builds the Store on it; nothing outside package store sees bbolt.
package datafile
