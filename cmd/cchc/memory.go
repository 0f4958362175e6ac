package main

import (
	"os"
	"runtime/debug"
)

// windowHeapLimit is the soft limit of the window's Go heap, unless
// GOMEMLIMIT says otherwise. A 10,000-task plan holds about 60 MB live; by
// default the collector lets the heap double while the screens read the
// plan, and the window kept 110 MB of it. The limit makes the collector
// work harder near it instead (it never stops the program: past the limit
// the collector is capped at half the CPU).
const windowHeapLimit = 96 << 20

// limitHeap sets the soft heap limit of the window.
func limitHeap() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(windowHeapLimit)
	}
}
