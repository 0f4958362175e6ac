package widgets

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/kehoach/cchc/store"
	"github.com/kehoach/cchc/store/reporting"
)

func TestFitTextKeepsTheLongestCutThatFits(t *testing.T) {
	test.NewTempApp(t)
	style := fyne.TextStyle{Bold: true}
	const size = 14
	name := "VI. Xây dựng và phát triển chính quyền điện tử, chính quyền số (1)"
	full := fyne.MeasureText(name, size, style).Width
	tests := []struct {
		name  string
		width float32
	}{
		{"room for all of it", full + 1},
		{"room for half", full / 2},
		{"room for a few letters", full / 10},
		{"no room", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitText(name, tt.width, size, style)
			if got == name {
				if full > tt.width {
					t.Fatalf("the whole name kept in %v of %v", tt.width, full)
				}
				return
			}
			if !strings.HasSuffix(got, "…") {
				t.Fatalf("%q: a cut name ends with …", got)
			}
			kept := []rune(strings.TrimSuffix(got, "…"))
			if len(kept) > 0 && fyne.MeasureText(got, size, style).Width > tt.width {
				t.Errorf("%q is wider than %v", got, tt.width)
			}
			if !strings.HasPrefix(name, string(kept)) {
				t.Errorf("%q is not the name's start", got)
			}
			longer := string([]rune(name)[:len(kept)+1]) + "…"
			if fyne.MeasureText(longer, size, style).Width <= tt.width {
				t.Errorf("%q fits too, and is longer than %q", longer, got)
			}
		})
	}
}

// shownLabels counts the chart's area labels drawn.
func shownLabels(t *testing.T, c *StatusChart) int {
	n := 0
	for _, o := range test.TempWidgetRenderer(t, c).Objects() {
		if text, ok := o.(*canvas.Text); ok && text.Visible() && strings.Contains(text.Text, "Lĩnh vực") {
			n++
		}
	}
	return n
}

func TestTheChartDrawsOnlyTheRowsItsScrollShows(t *testing.T) {
	test.NewTempApp(t)
	bars := make([]reporting.AreaProgress, 200)
	for i := range bars {
		bars[i] = reporting.AreaProgress{Numeral: strconv.Itoa(i + 1), Name: "Lĩnh vực " + strconv.Itoa(i+1),
			Counts: map[store.State]int{store.StateDoneOnTime: 20, store.StateOverdue: 30}}
	}
	c := NewStatusChart()
	c.SetBars(bars)
	c.Resize(fyne.NewSize(600, c.MinSize().Height))
	if got := shownLabels(t, c); got == 0 || got >= 100 {
		t.Fatalf("%d of 200 rows drawn before any scroll", got)
	}
	c.ShowPart(c.MinSize().Height-600, 600)
	c.Resize(fyne.NewSize(600, c.MinSize().Height))
	last := test.TempWidgetRenderer(t, c).Objects()
	drawnLast := false
	for _, o := range last {
		if text, ok := o.(*canvas.Text); ok && text.Visible() && strings.HasPrefix(text.Text, "200.") {
			drawnLast = true
		}
	}
	if !drawnLast {
		t.Error("scrolled to the end, the last row is not drawn")
	}
	if got := shownLabels(t, c); got >= 100 {
		t.Errorf("%d of 200 rows drawn at the end", got)
	}
}
