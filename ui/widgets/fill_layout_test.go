package widgets

import (
	"slices"
	"testing"
)

func TestColumnsFitTheWidth(t *testing.T) {
	widths := []ColumnWidth{
		{Preferred: 44, Least: 40}, {Preferred: 360, Least: 220, Grow: 3}, {Preferred: 200, Least: 120, Grow: 1}, {Preferred: 130, Least: 120},
	}
	tests := []struct {
		name      string
		available float32
		want      []float32
	}{
		{"room: the content takes most of the rest", 1134, []float32{44, 660, 300, 130}},
		{"just room: every column as preferred", 734, []float32{44, 360, 200, 130}},
		{"narrower: the other columns shrink first", 687, []float32{42, 360, 160, 125}},
		{"narrow: every other column at its least", 580, []float32{40, 300, 120, 120}},
		{"too narrow: the content at its least, the table scrolls", 300, []float32{40, 220, 120, 120}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fitColumns(widths, 1, tt.available); !slices.Equal(got, tt.want) {
				t.Errorf("fitColumns(%v) = %v, want %v", tt.available, got, tt.want)
			}
		})
	}
}
