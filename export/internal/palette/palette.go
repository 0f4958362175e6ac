// Package palette holds the colours documents give task states, shared by
// the PDF chart and the workbook's native chart: each distinct on colour
// paper and in greyscale, their lightness (Rec. 601 luma) 38 apart from
// 27 to 217, so a black-and-white printout still tells them apart and the
// lightest stays visible on paper.
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
func (c RGB) Dark() bool { return c.Luma() < 110 }

// stateColours are the colours of the states, darkest first: finished on
// time dark green, overdue red, dropped grey-violet, in progress blue,
// finished late light green, not started light grey. Neighbours in a
// stacked bar (ChartStates) differ the most where they can: in progress
// and overdue by 75 steps of grey.
var stateColours = map[store.State]RGB{
	store.StateDoneOnTime: {0, 44, 8},
	store.StateOverdue:    {160, 25, 20},
	store.StateDropped:    {110, 95, 125},
	store.StateInProgress: {90, 150, 210},
	store.StateDoneLate:   {165, 200, 100},
	store.StateNotStarted: {217, 217, 217},
}

// Of returns the colour of a state.
func Of(s store.State) RGB { return stateColours[s] }

// ChartStates are the states a chart stacks, in order: finished first.
var ChartStates = []store.State{
	store.StateDoneOnTime, store.StateDoneLate, store.StateInProgress, store.StateOverdue, store.StateNotStarted, store.StateDropped,
}
