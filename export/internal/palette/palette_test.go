package palette

import (
	"math"
	"slices"
	"testing"
)

// TestStatesDistinctInGreyscale: every two states' colours differ by at
// least 35 steps of grey, and none is as light as paper.
func TestStatesDistinctInGreyscale(t *testing.T) {
	var lumas []float64
	for _, s := range ChartStates {
		lumas = append(lumas, Of(s).Luma())
	}
	slices.Sort(lumas)
	for i := 1; i < len(lumas); i++ {
		if lumas[i]-lumas[i-1] < 35 {
			t.Errorf("lumas %v: %.0f and %.0f too close", lumas, lumas[i-1], lumas[i])
		}
	}
	if last := lumas[len(lumas)-1]; last > 220 || math.IsNaN(last) {
		t.Errorf("the lightest state (%.0f) vanishes on paper", last)
	}
}
