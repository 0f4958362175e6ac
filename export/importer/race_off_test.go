//go:build !race

package importer

// raceEnabled is set when the tests run under the race detector, which
// makes the heaviest of them too slow to run there.
const raceEnabled = false
