package export

import (
	"image/color"

	"github.com/kehoach/cchc/export/internal/palette"
	"github.com/kehoach/cchc/store"
)

// StateColour is the colour the documents' charts give a task state, for a
// chart in the window to match them: each distinct in greyscale too.
func StateColour(s store.State) color.NRGBA {
	c := palette.Of(s)
	return color.NRGBA{R: uint8(c.R), G: uint8(c.G), B: uint8(c.B), A: 0xff}
}

// StateTextColour is the colour of text written on StateColour(s): white on
// the dark colours, black on the light ones.
func StateTextColour(s store.State) color.NRGBA {
	if palette.Of(s).Dark() {
		return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	return color.NRGBA{A: 0xff}
}

// ChartStates are the states a chart of status stacks, in the documents'
// order: finished first.
func ChartStates() []store.State {
	return append([]store.State(nil), palette.ChartStates...)
}
