package pdf

import (
	"context"
	"math"
	"strconv"

	"github.com/kehoach/cchc/store/reporting"

	"github.com/kehoach/cchc/export/fonts"
	"github.com/kehoach/cchc/export/internal/palette"
	"github.com/kehoach/cchc/store"
)

// The chart of states by area: one horizontal bar per area, its tasks
// stacked by state, drawn as vectors; the colours stay apart in greyscale
// (palette) and the overdue segments are hatched as well. Every label is
// in the document font, in black.
const (
	chartLabelWidth = 70.0 // the area names on the left
	chartTotalWidth = 14.0 // the totals on the right
	chartBarHeight  = 7.0
	chartRowGap     = 4.0
	chartAxisHeight = 8.0
	legendSwatchW   = 9.0
	legendSwatchH   = 4.5
	hatchStep       = 1.6
)

var (
	chartLabelStyle = textStyle{fonts.Regular, 12}
	chartValueStyle = textStyle{fonts.Bold, 11}
	chartAxisStyle  = textStyle{fonts.Regular, 11}
)

// chart is the geometry of the chart on the page.
type chart struct {
	l      *layout
	barX   float64 // where the bars start
	barW   float64 // the width of the axis
	maxVal int     // the value at the axis's end
	step   int
}

// stateChart lays out the legend, then a bar for every area with tasks,
// going on to new pages as needed, each page with its own axis.
func stateChart(ctx context.Context, l *layout, t reporting.ReportTables) error {
	c := chart{l: l, barX: l.page.left() + chartLabelWidth}
	c.barW = l.page.right() - chartTotalWidth - c.barX
	for _, a := range t.Areas {
		c.maxVal = max(c.maxVal, a.Total())
	}
	c.step = tickStep(c.maxVal)
	c.maxVal = max(1, (c.maxVal+c.step-1)/c.step) * c.step // the axis ends on a tick
	c.legend()
	top := l.y
	for i, a := range t.Areas {
		if a.Total() == 0 {
			continue
		}
		h := c.rowHeight(a)
		if l.y+h+chartAxisHeight > l.page.bottom() {
			c.axis(top, l.y)
			l.newPage()
			top = l.y
		}
		c.bar(a)
		if i%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	c.axis(top, l.y)
	return ctx.Err()
}

// tickStep chooses the axis step: 1, 2 or 5 times a power of ten, at most
// ten steps to the largest total.
func tickStep(maxVal int) int {
	for scale := 1; ; scale *= 10 {
		for _, m := range []int{1, 2, 5} {
			if step := m * scale; maxVal <= 10*step {
				return step
			}
		}
	}
}

// legend draws a swatch and the name of each state, on as many lines as
// they need.
func (c chart) legend() {
	l := c.l
	x, y := l.page.left(), l.y+2
	lh := chartLabelStyle.lineHeight()
	for _, s := range palette.ChartStates {
		w := legendSwatchW + 2 + l.textWidth(string(s), chartLabelStyle) + 8
		if x+w > l.page.right() {
			x, y = l.page.left(), y+lh+1
		}
		c.swatch(s, x, y+(lh-legendSwatchH)/2, legendSwatchW, legendSwatchH)
		l.drawText(x+legendSwatchW+2, y, w, string(s), chartLabelStyle, "L")
		l.record("chart legend", x, y, w-8, lh)
		x += w
	}
	l.y = y + lh + 5
}

// swatch fills a box in the colour of a state, outlined, hatched when the
// state is overdue.
func (c chart) swatch(s store.State, x, y, w, h float64) {
	p := c.l.pdf
	col := palette.Of(s)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.SetFillColor(col.R, col.G, col.B)
	p.Rect(x, y, w, h, "FD")
	if s == store.StateOverdue {
		c.hatch(x, y, w, h)
	}
}

// hatch draws light diagonal lines inside a box.
func (c chart) hatch(x, y, w, h float64) {
	p := c.l.pdf
	p.ClipRect(x, y, w, h, false)
	p.SetDrawColor(255, 255, 255)
	p.SetLineWidth(0.35)
	for d := -h; d < w; d += hatchStep {
		p.Line(x+d, y+h, x+d+h, y)
	}
	p.ClipEnd()
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
}

// rowHeight is the height of an area's row: its name's lines or the bar.
func (c chart) rowHeight(a reporting.AreaProgress) float64 {
	lines := len(c.l.wrapItems(areaLabel(a), chartLabelStyle, chartLabelWidth-3))
	return max(float64(lines)*chartLabelStyle.lineHeight(), chartBarHeight) + chartRowGap
}

func areaLabel(a reporting.AreaProgress) string {
	if a.Numeral == "" {
		return a.Name
	}
	return a.Numeral + ". " + a.Name
}

// bar draws an area's name, its stacked bar with the count of each state
// inside its segment where it fits, and its total.
func (c chart) bar(a reporting.AreaProgress) {
	l := c.l
	h := c.rowHeight(a) - chartRowGap
	y := l.y + chartRowGap/2
	for i, ln := range l.wrapItems(areaLabel(a), chartLabelStyle, chartLabelWidth-3) {
		l.drawText(l.page.left(), y+float64(i)*chartLabelStyle.lineHeight(), chartLabelWidth-3, ln.text, chartLabelStyle, "L")
	}
	l.record("chart label", l.page.left(), y, chartLabelWidth-3, h)
	barY := y + (h-chartBarHeight)/2
	x := c.barX
	for _, s := range palette.ChartStates {
		n := a.Counts[s]
		if n == 0 {
			continue
		}
		w := c.barW * float64(n) / float64(c.maxVal)
		c.swatch(s, x, barY, w, chartBarHeight)
		c.segmentValue(s, n, x, barY, w)
		x += w
	}
	total := strconv.Itoa(a.Total())
	l.drawText(x+1.5, barY+(chartBarHeight-chartLabelStyle.lineHeight())/2, chartTotalWidth, total, chartLabelStyle, "L")
	l.record("chart total", x+1.5, barY, l.textWidth(total, chartLabelStyle), chartBarHeight)
	l.y += h + chartRowGap
}

// segmentValue writes a segment's count inside it, white on the dark
// colours, when the segment is wide enough.
func (c chart) segmentValue(s store.State, n int, x, y, w float64) {
	l := c.l
	text := strconv.Itoa(n)
	if l.textWidth(text, chartValueStyle)+1.5 > w {
		return
	}
	col := palette.Of(s)
	if s == store.StateOverdue { // a plain patch under the number, clear of the hatching
		tw := l.textWidth(text, chartValueStyle) + 1.5
		l.pdf.SetFillColor(col.R, col.G, col.B)
		l.pdf.Rect(x+(w-tw)/2, y+1, tw, chartBarHeight-2, "F")
	}
	if col.Dark() {
		l.pdf.SetTextColor(255, 255, 255)
	}
	l.drawText(x, y+(chartBarHeight-chartValueStyle.lineHeight())/2, w, text, chartValueStyle, "C")
	l.pdf.SetTextColor(0, 0, 0)
}

// axis draws the value axis under the bars from top to bottom: a line,
// and ticks with their numbers.
func (c chart) axis(top, bottom float64) {
	l := c.l
	p := l.pdf
	p.SetLineWidth(0.2)
	p.SetDrawColor(0, 0, 0)
	p.Line(c.barX, top, c.barX, bottom)
	p.Line(c.barX, bottom, c.barX+c.barW, bottom)
	for v := 0; v <= c.maxVal; v += c.step {
		x := c.barX + c.barW*float64(v)/float64(c.maxVal)
		p.Line(x, bottom, x, bottom+1.2)
		label := strconv.Itoa(v)
		w := l.textWidth(label, chartAxisStyle)
		l.drawText(x-w/2, bottom+1.5, w, label, chartAxisStyle, "C")
		l.record("chart axis", x-w/2, bottom+1.5, w, chartAxisStyle.lineHeight())
	}
	caption := "Số nhiệm vụ"
	w := l.textWidth(caption, chartAxisStyle)
	l.drawText(c.barX+c.barW-w, bottom+1.5+chartAxisStyle.lineHeight(), w, caption, chartAxisStyle, "R")
	l.y = math.Max(l.y, bottom+chartAxisHeight+chartAxisStyle.lineHeight())
}
