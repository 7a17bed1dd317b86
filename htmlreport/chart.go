package htmlreport

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
)

// Chart geometry, in SVG user units.
const (
	chartW, chartH = 260.0, 120.0
	padLeft        = 44.0 // room for the value axis's labels
	padRight       = 14.0
	padTop         = 22.0 // room for a value label above the highest point
	padBottom      = 38.0 // room for a label below the lowest point, and the date axis
	labelGap       = 8.0  // between a point and its value label
	labelHeight    = 10.0
)

// timeAxis places documents on the x axis of every chart: by date when
// every document has one, so that the gaps between editions show; by
// position in the corpus otherwise. Every chart shares it, so that charts
// can be compared down the table.
type timeAxis struct {
	pos   map[string]float64 // document id → x
	ticks []tick
}

type tick struct {
	X, Y  float64
	Label string
	Align string // the SVG text-anchor: start, middle or end
}

func newTimeAxis(docs []corpus.Document) timeAxis {
	a := timeAxis{pos: map[string]float64{}}
	if len(docs) == 0 {
		return a
	}
	days := make([]float64, len(docs))
	dated := true
	for i, d := range docs {
		t, ok := parseDate(d.Date)
		if !ok {
			dated = false
			break
		}
		days[i] = float64(t.Unix()) / 86400
	}
	if !dated {
		for i := range days {
			days[i] = float64(i)
		}
	}
	lo, hi := days[0], days[0]
	for _, d := range days {
		lo, hi = min(lo, d), max(hi, d)
	}
	x := func(d float64) float64 {
		if hi == lo {
			return chartW / 2
		}
		return padLeft + (d-lo)/(hi-lo)*(chartW-padLeft-padRight)
	}
	for i, d := range docs {
		a.pos[d.ID] = x(days[i])
	}
	first, last := docs[0].Date, docs[len(docs)-1].Date
	if !dated {
		first, last = docs[0].ID, docs[len(docs)-1].ID
	}
	y := chartH - 2
	if hi == lo {
		a.ticks = []tick{{X: x(lo), Y: y, Label: first, Align: "middle"}}
		return a
	}
	a.ticks = []tick{{X: x(lo), Y: y, Label: first, Align: "start"}, {X: x(hi), Y: y, Label: last, Align: "end"}}
	return a
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// trackView is a figure track that changed, with its chart.
type trackView struct {
	Label, Unit, Change, Arrow string
	Hedge                      bool
	Observations               []observation
	Points                     string // the polyline through the observations
	Ticks                      []tick
	// ValueTicks label the value axis, its lowest and highest value, in
	// the track's unit.
	ValueTicks    []tick
	Width, Height float64
	Baseline      float64 // y of the date axis
	// Chart is false for a track of one observation: there is no line to
	// draw.
	Chart bool
	// Long is true for a track of more than maxListed observations: the
	// list of them is folded, and only the first, last, lowest and highest
	// point carry a value label.
	Long bool
}

// maxLabelled is how many points a chart labels each with its value;
// over it, only the first, the last, the lowest and the highest are, so
// that a track of a hundred decisions stays legible (hover names each).
const maxLabelled = 12

// wideFrom is the number of points from which a chart is wideW wide.
const (
	wideFrom = 40
	wideW    = 560.0
)

// maxListed is how many observations the table lists openly; over it
// the list is folded in a details element.
const maxListed = 10

// observation is one point of a chart.
type observation struct {
	figures.Observation
	Date   string
	Short  string
	X, Y   float64
	YHigh  float64 // the high end of a range; equal to Y otherwise
	Range  bool
	LabelY float64
	Anchor string // the label's text-anchor
	Hover  string // the quoted wording, shown on hover
	// Labelled is whether the point shows its value beside it.
	Labelled bool
}

func newTrack(tr figures.Track, docs map[string]corpus.Document, axis timeAxis) trackView {
	v := trackView{Label: tr.Label, Unit: tr.Unit, Change: tr.Change, Arrow: arrows[tr.Change], Hedge: tr.HedgeChanged,
		Ticks: axis.ticks, Width: chartW, Height: chartH, Baseline: chartH - padBottom + labelGap + labelHeight + 4,
		Chart: len(tr.Observations) > 1, Long: len(tr.Observations) > maxListed}
	// A track of many points gets a wider chart, stretched from the
	// shared axis, so that its points stay apart.
	stretch := 1.0
	if len(tr.Observations) > wideFrom {
		v.Width = wideW
		stretch = (wideW - padLeft - padRight) / (chartW - padLeft - padRight)
		v.Ticks = nil
		for _, tk := range axis.ticks {
			tk.X = round(padLeft + (tk.X-padLeft)*stretch)
			v.Ticks = append(v.Ticks, tk)
		}
	}
	xOf := func(doc string) float64 { return round(padLeft + (axis.pos[doc]-padLeft)*stretch) }
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, o := range tr.Observations {
		lo, hi = min(lo, o.Value), max(hi, o.Value)
		if o.High != nil {
			hi = max(hi, *o.High)
		}
	}
	y := func(val float64) float64 {
		top, bottom := padTop, chartH-padBottom
		if hi == lo {
			return (top + bottom) / 2
		}
		return bottom - (val-lo)/(hi-lo)*(bottom-top)
	}
	v.ValueTicks = valueTicks(lo, hi, tr.Unit, y)
	labelled := labelledPoints(tr.Observations)
	for k, o := range tr.Observations {
		ob := observation{Observation: o, Date: docs[o.Doc].Date, Short: o.Figure.Short(),
			X: xOf(o.Doc), Y: round(y(o.Value)), Labelled: labelled[k]}
		ob.YHigh = ob.Y
		if o.High != nil {
			ob.YHigh, ob.Range = round(y(*o.High)), true
		}
		// A value's label goes above its point in the upper half of the
		// chart and below it in the lower half, so that it stays clear of
		// the line; it leans inwards at either end.
		ob.LabelY, ob.Anchor = ob.YHigh-labelGap, "middle"
		if ob.Y > (padTop+chartH-padBottom)/2 {
			ob.LabelY = ob.Y + labelGap + labelHeight
		}
		switch {
		case ob.X < padLeft+20:
			ob.Anchor = "start"
		case ob.X > v.Width-padRight-20:
			ob.Anchor = "end"
		}
		ob.Hover = normalize.Visible(fmt.Sprintf("%s (%s, line %d): “%s” — %s", o.Doc, ob.Date, o.Line, o.Text, normalize.Tidy(o.Sentence)))
		if v.Points != "" {
			v.Points += " "
		}
		v.Points += strconv.FormatFloat(ob.X, 'f', -1, 64) + "," + strconv.FormatFloat(ob.Y, 'f', -1, 64)
		v.Observations = append(v.Observations, ob)
	}
	return v
}

// valueTicks labels the value axis at the lowest and the highest value,
// written in the unit ("0.25%", "$85bn"), right-aligned left of the plot;
// one label when they are equal.
func valueTicks(lo, hi float64, unit string, y func(float64) float64) []tick {
	label := func(v float64) string { return figures.Figure{Value: v, Unit: unit, Qualifier: figures.Exact}.Short() }
	x := padLeft - 8
	if hi == lo {
		return []tick{{X: x, Y: round(y(lo)) + 3, Label: label(lo), Align: "end"}}
	}
	return []tick{{X: x, Y: round(y(hi)) + 3, Label: label(hi), Align: "end"}, {X: x, Y: round(y(lo)) + 3, Label: label(lo), Align: "end"}}
}

// labelledPoints says which points show their value: of a short track
// the first, the last and each that says another value than the one
// before it (a value said again would print over its neighbour); of a
// long one the first, the last, and the lowest and highest.
func labelledPoints(obs []figures.Observation) []bool {
	out := make([]bool, len(obs))
	if len(obs) <= maxLabelled {
		for k := range out {
			out[k] = k == 0 || k == len(obs)-1 || obs[k].Short() != obs[k-1].Short()
		}
		return out
	}
	lo, hi := 0, 0
	for k, o := range obs {
		if o.Value < obs[lo].Value {
			lo = k
		}
		if o.Value > obs[hi].Value {
			hi = k
		}
	}
	out[0], out[len(obs)-1], out[lo], out[hi] = true, true, true, true
	return out
}

// round keeps a coordinate to a tenth of a unit, so that the page is the
// same on every machine and small.
func round(x float64) float64 { return math.Round(x*10) / 10 }
