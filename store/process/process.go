// Package process tells whether a process still runs, so that temporary
// files named after the process that writes them can be told apart from
// those a killed run left behind.
package process
