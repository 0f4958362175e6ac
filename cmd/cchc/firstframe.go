package main

import (
	"fmt"
	"image"
	"os"
	"runtime/pprof"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// EnvFirstFrame, set to 1, makes the window exit as soon as it has drawn
// its first frame, printing how long that took since the program started:
// what `make bench` measures (the first frame with the seed plan and with
// 10,000 tasks, and the memory the window holds then). It skips the
// backup made on closing.
const EnvFirstFrame = "CCHC_EXIT_AFTER_FIRST_FRAME"

// EnvCPUProfile and EnvHeapProfile name files for a CPU profile of the
// run up to the first frame and a heap profile at it, with EnvFirstFrame:
// what make bench shows when the window misses its targets.
const (
	EnvCPUProfile  = "CCHC_CPUPROFILE"
	EnvHeapProfile = "CCHC_HEAPPROFILE"
)

// started is when the program started, near enough: package variables are
// set before main runs.
var started = time.Now()

func init() {
	if path := os.Getenv(EnvCPUProfile); path != "" && os.Getenv(EnvFirstFrame) == "1" {
		if f, err := os.Create(path); err == nil {
			_ = pprof.StartCPUProfile(f)
		}
	}
}

// exitAfterFirstFrame lays over w's content a one-pixel raster whose image
// the painter asks for while it draws the window's first frame; once that
// frame is done (the main loop runs the next queued function), it prints
// the time taken and exits.
func exitAfterFirstFrame(w fyne.Window) {
	var once sync.Once
	marker := canvas.NewRaster(func(_, _ int) image.Image {
		once.Do(func() { go exitOnNextTurn() })
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	marker.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(w.Content(), container.NewWithoutLayout(marker)))
}

// exitOnNextTurn waits for the main loop to finish the frame it is drawing
// and exits.
func exitOnNextTurn() {
	fyne.DoAndWait(func() {})
	fmt.Fprintf(os.Stderr, "first frame: %.1f ms\n", float64(time.Since(started).Microseconds())/1000)
	pprof.StopCPUProfile()
	if path := os.Getenv(EnvHeapProfile); path != "" {
		if f, err := os.Create(path); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	os.Exit(0)
}
