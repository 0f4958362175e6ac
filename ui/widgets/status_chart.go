package widgets

import (
	"image/color"
	"strconv"

	"github.com/kehoach/cchc/store/reporting"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kehoach/cchc/export"
	"github.com/kehoach/cchc/store"
)

// StatusChart draws the tasks of each area as a bar of their states, one
// area a row with its name above its bar, and above them a legend naming
// each state with its colour and its count over every area. The colours
// are the documents' (export.StateColour), distinct in greyscale, and a
// segment wide enough carries its count.
type StatusChart struct {
	widget.BaseWidget
	// Bars are the areas drawn, each with its tasks counted by state.
	Bars   []reporting.AreaProgress
	states []store.State
	// viewTop and viewHeight are the part of the chart its scroll shows:
	// rows outside it are not drawn, so that a plan of 200 areas costs
	// no more to show than one of 20.
	viewTop, viewHeight float32
}

// defaultViewHeight is how much of the chart is drawn before its scroll
// says how much it shows: more than any screen is high.
const defaultViewHeight = 1200

// ShowPart says which part of the chart its scroll shows, from top and
// height high, and draws the rows in it.
func (c *StatusChart) ShowPart(top, height float32) {
	c.viewTop, c.viewHeight = top, height
	c.Refresh()
}

// inView reports whether the band from y to y+h is in the part shown.
func (c *StatusChart) inView(y, h float32) bool {
	height := c.viewHeight
	if height <= 0 {
		height = defaultViewHeight
	}
	// Half a screen's height of margin on each side: a window made taller,
	// or a scroll by the wheel, finds the next rows drawn.
	return y+h >= c.viewTop-height/2 && y <= c.viewTop+1.5*height
}

// NewStatusChart returns an empty chart.
func NewStatusChart() *StatusChart {
	c := &StatusChart{states: export.ChartStates()}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars shows a bar for each area given, in order.
func (c *StatusChart) SetBars(bars []reporting.AreaProgress) {
	c.Bars = bars
	c.Refresh()
}

// Totals returns the number of tasks in each state over every bar.
func (c *StatusChart) Totals() map[store.State]int {
	totals := map[store.State]int{}
	for _, s := range c.states {
		totals[s] = 0
	}
	for _, b := range c.Bars {
		for s, n := range b.Counts {
			totals[s] += n
		}
	}
	return totals
}

// CreateRenderer builds the chart's drawing.
func (c *StatusChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{chart: c}
	r.build()
	return r
}

// chartSegment is one state's part of a bar, with its count written in it.
type chartSegment struct {
	rect  *canvas.Rectangle
	count *canvas.Text
	n     int
}

// chartRowDrawing is the drawing of one bar: its label and its segments.
type chartRowDrawing struct {
	label    *canvas.Text
	fullText string
	segments []chartSegment
}

// chartRenderer draws a statusChart with rectangles and texts.
type chartRenderer struct {
	chart    *StatusChart
	swatches []*canvas.Rectangle
	legend   []*canvas.Text
	rows     []chartRowDrawing
	objects  []fyne.CanvasObject
}

// Chart measurements, in Fyne units.
const (
	chartBarHeight   = 22
	chartSwatch      = 14
	chartMinWidth    = 240
	chartLegendSpace = 18
	// chartRightMargin keeps the longest bar clear of a scroll bar.
	chartRightMargin = 12
)

func (r *chartRenderer) build() {
	r.swatches, r.legend, r.rows, r.objects = nil, nil, nil, nil
	totals := r.chart.Totals()
	for _, s := range r.chart.states {
		swatch := canvas.NewRectangle(export.StateColour(s))
		swatch.StrokeColor, swatch.StrokeWidth = chartOutline(), 1
		text := canvas.NewText(Localf("%s: %d", string(s), totals[s]), theme.Color(theme.ColorNameForeground))
		r.swatches, r.legend = append(r.swatches, swatch), append(r.legend, text)
		r.objects = append(r.objects, swatch, text)
	}
	for _, b := range r.chart.Bars {
		r.rows = append(r.rows, r.buildRow(b))
	}
}

// chartOutline is the thin line round each coloured box, so that the
// lightest colour keeps its edge on a white screen.
func chartOutline() color.Color {
	return color.NRGBA{R: 0x70, G: 0x70, B: 0x70, A: 0xff}
}

func (r *chartRenderer) buildRow(b reporting.AreaProgress) chartRowDrawing {
	label := store.Area{Numeral: b.Numeral, Name: b.Name}.Label()
	row := chartRowDrawing{fullText: Localf("%s (%d)", label, b.Total())}
	row.label = canvas.NewText(row.fullText, theme.Color(theme.ColorNameForeground))
	row.label.TextStyle = fyne.TextStyle{Bold: true}
	r.objects = append(r.objects, row.label)
	for _, s := range r.chart.states {
		n := b.Counts[s]
		if n == 0 {
			continue
		}
		rect := canvas.NewRectangle(export.StateColour(s))
		rect.StrokeColor, rect.StrokeWidth = chartOutline(), 1
		count := canvas.NewText(strconv.Itoa(n), export.StateTextColour(s))
		count.Alignment = fyne.TextAlignCenter
		row.segments = append(row.segments, chartSegment{rect: rect, count: count, n: n})
		r.objects = append(r.objects, rect, count)
	}
	return row
}

func (r *chartRenderer) Layout(size fyne.Size) {
	y := r.layoutLegend(size.Width)
	pad := theme.Padding()
	widest := 1
	for _, b := range r.chart.Bars {
		widest = max(widest, b.Total())
	}
	rowHeight := r.labelHeight() + pad/2 + chartBarHeight + 2*pad
	for _, row := range r.rows {
		shown := r.chart.inView(y, rowHeight)
		row.show(shown)
		if shown {
			row.layout(y, size.Width, widest)
		}
		y += rowHeight
	}
}

// labelHeight is the height of a row's label: every label is one line of
// the same style.
func (r *chartRenderer) labelHeight() float32 {
	if len(r.rows) == 0 {
		return 0
	}
	return r.rows[0].label.MinSize().Height
}

// show shows or hides the row's label and bar.
func (row chartRowDrawing) show(shown bool) {
	row.label.Hidden = !shown
	for _, seg := range row.segments {
		seg.rect.Hidden, seg.count.Hidden = !shown, !shown
	}
}

// layout places the row's label at y and its bar below it, a segment's
// width its share of the widest bar's tasks.
func (row chartRowDrawing) layout(y, width float32, widest int) {
	pad := theme.Padding()
	row.label.Text = fitText(row.fullText, width, row.label.TextSize, row.label.TextStyle)
	row.label.Move(fyne.NewPos(0, y))
	y += row.label.MinSize().Height + pad/2
	x := float32(0)
	for _, seg := range row.segments {
		w := (width - chartRightMargin) * float32(seg.n) / float32(widest)
		seg.rect.Move(fyne.NewPos(x, y))
		seg.rect.Resize(fyne.NewSize(w, chartBarHeight))
		seg.count.Move(fyne.NewPos(x, y+(chartBarHeight-seg.count.MinSize().Height)/2))
		seg.count.Resize(fyne.NewSize(w, seg.count.MinSize().Height))
		seg.count.Hidden = seg.count.MinSize().Width+4 > w
		x += w
	}
}

// layoutLegend places the legend's entries in lines as wide as the chart,
// and returns the height it takes.
func (r *chartRenderer) layoutLegend(width float32) float32 {
	lines := legendLines(r.legend, width)
	pad := theme.Padding()
	lineHeight := max(chartSwatch, r.legendHeight())
	y := float32(0)
	for _, line := range lines {
		x := float32(0)
		for _, i := range line {
			text := r.legend[i]
			r.swatches[i].Move(fyne.NewPos(x, y+(lineHeight-chartSwatch)/2))
			r.swatches[i].Resize(fyne.NewSquareSize(chartSwatch))
			text.Move(fyne.NewPos(x+chartSwatch+pad, y+(lineHeight-text.MinSize().Height)/2))
			x += chartSwatch + pad + text.MinSize().Width + chartLegendSpace
		}
		y += lineHeight + pad
	}
	return y + pad
}

func (r *chartRenderer) legendHeight() float32 {
	if len(r.legend) == 0 {
		return 0
	}
	return r.legend[0].MinSize().Height
}

// legendLines splits the legend's entries into lines no wider than width,
// as indexes into texts.
func legendLines(texts []*canvas.Text, width float32) [][]int {
	var lines [][]int
	var line []int
	x := float32(0)
	for i, text := range texts {
		w := chartSwatch + theme.Padding() + text.MinSize().Width
		if len(line) > 0 && x+w > width {
			lines, line, x = append(lines, line), nil, 0
		}
		line = append(line, i)
		x += w + chartLegendSpace
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

func (r *chartRenderer) MinSize() fyne.Size {
	width := max(chartMinWidth, r.chart.Size().Width)
	pad := theme.Padding()
	lineHeight := max(chartSwatch, r.legendHeight())
	height := float32(len(legendLines(r.legend, width)))*(lineHeight+pad) + pad
	height += float32(len(r.rows)) * (r.labelHeight() + pad/2 + chartBarHeight + 2*pad)
	return fyne.NewSize(chartMinWidth, height)
}

func (r *chartRenderer) Refresh() {
	r.build()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}

// fitText cuts text to fit width, ending it with "…" when cut.
func fitText(text string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	// The longest cut that fits, found by halving: measuring a text shapes
	// it, and a long area name cut a letter at a time cost a frame.
	runes := []rune(text)
	fits := func(n int) bool { return fyne.MeasureText(string(runes[:n])+"…", size, style).Width <= width }
	lo, hi := 0, len(runes)-1 // runes[:lo] fits (or is empty), runes[:hi+1] does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "…"
	}
	return string(runes[:lo]) + "…"
}
