// Package palette holds the colours documents give task states, shared by
// the PDF chart and the workbook's native chart: each distinct on colour
// paper and in greyscale, their lightness (Rec. 601 luma) 35 to 45 apart
// from 38 to 225, so a black-and-white printout still tells them apart.
package palette

import (
	"fmt"

	"github.com/kehoach/cchc/store"
)

// RGB is a colour.
type RGB struct{ R, G, B int }

// Luma is the colour's lightness in greyscale, 0–255 (Rec. 601).
func (c RGB) Luma() float64 { return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) }

// Hex is the colour as a workbook writes it, "0A3C0F".
func (c RGB) Hex() string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

// Dark reports whether text on the colour should be white.
func (c RGB) Dark() bool { return c.Luma() < 100 }

// stateColours are the colours of the states, darkest first: finished on
// time dark green, overdue red, in progress blue, dropped grey-violet,
// finished late light green, not started light grey.
var stateColours = map[store.State]RGB{
	store.StateDoneOnTime: {5, 60, 15},
	store.StateOverdue:    {190, 35, 30},
	store.StateInProgress: {60, 130, 200},
	store.StateDropped:    {160, 140, 170},
	store.StateDoneLate:   {170, 215, 110},
	store.StateNotStarted: {225, 225, 225},
}

// Of returns the colour of a state.
func Of(s store.State) RGB { return stateColours[s] }

// ChartStates are the states a chart stacks, in order: finished first.
var ChartStates = []store.State{
	store.StateDoneOnTime, store.StateDoneLate, store.StateInProgress, store.StateOverdue, store.StateNotStarted, store.StateDropped,
}
