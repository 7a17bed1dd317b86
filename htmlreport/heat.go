package htmlreport

import (
	"fmt"
	"slices"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/themes"
)

// heatShades is the number of shades of the heat map besides blank (no
// mention).
const heatShades = 5

// heatMap is themes × documents: each cell a count of mentions, shaded by
// mentions per 10,000 words relative to the theme's own peak, so that a
// row shows a theme rising or fading whatever its overall frequency.
type heatMap struct {
	Docs []corpus.Document
	Rows []heatRow
}

type heatRow struct {
	Label, Trend string
	Variants     []string
	Cells        []heatCell
}

type heatCell struct {
	Count int
	Shade int // 0 for no mention, 1..heatShades
	Title string
}

// trendOrder puts the themes that shifted first.
var trendOrder = []string{themes.New, themes.Gone, themes.Rising, themes.Falling, themes.Intermittent, themes.Steady}

func newHeatMap(present []themes.Theme, docs []corpus.Document) heatMap {
	h := heatMap{Docs: docs}
	ths := slices.Clone(present)
	slices.SortStableFunc(ths, func(a, b themes.Theme) int {
		return slices.Index(trendOrder, a.Trend) - slices.Index(trendOrder, b.Trend)
	})
	for _, th := range ths {
		peak := 0.0
		for _, d := range docs {
			peak = max(peak, th.Per10k[d.ID])
		}
		r := heatRow{Label: th.Label, Trend: th.Trend, Variants: th.Variants}
		for _, d := range docs {
			c := heatCell{Count: th.Counts[d.ID]}
			if rate := th.Per10k[d.ID]; c.Count > 0 && peak > 0 {
				c.Shade = max(1, int(rate/peak*heatShades+0.5))
			}
			c.Title = fmt.Sprintf("%s in %s: %d mentions, %.1f per 10,000 words", th.Label, d.ID, c.Count, th.Per10k[d.ID])
			r.Cells = append(r.Cells, c)
		}
		h.Rows = append(h.Rows, r)
	}
	return h
}
