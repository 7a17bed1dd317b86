package diff

import (
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// TestSameMeasurePairs: two sentences of an edition that state a figure
// of the same measure with another value are one passage changed, even
// when their other words differ (issue 18, item 2).
func TestSameMeasurePairs(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           Kind // of the passage holding the new sentence
		level          Class
		reason         string
	}{
		{"short sentence", "Inflation was 3 percent.\n", "Inflation was 4 percent.\n", Changed, Figure,
			"only the number differs: too few words for similarity to pair"},
		{"policy decision",
			"To support continued progress toward maximum employment and price stability, the Committee today reaffirmed its view that the current 0 to 1/4 percent target range for the federal funds rate remains appropriate.\n",
			"Given the economic outlook, and recognizing the time it takes for policy actions to affect future economic outcomes, the Committee decided to raise the target range for the federal funds rate to 1/4 to 1/2 percent.\n",
			Changed, Figure, "FOMC 2015-10-28 → 2015-12-16: the first rise in nine years"},
		{"same value", "Inflation was 3 percent.\n", "Inflation, which officials watch closely across volatile sectors of trade, energy, housing and services, stood at 3 percent.\n", Added, "",
			"an equal value is no figure change: similarity decides alone"},
		{"other measure", "Inflation was 3 percent.\n", "Unemployment was 4 percent.\n", Added, "",
			"different measures never pair by this rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(normalize.Parse(tt.old), normalize.Parse(tt.new), Options{})
			for _, p := range r.Passages {
				if p.New == nil {
					continue
				}
				if p.Kind != tt.want || tt.level != "" && p.Level != tt.level {
					t.Errorf("Compare(%q, %q): passage %s/%s, want %s/%s (%s)", tt.old, tt.new, p.Kind, p.Level, tt.want, tt.level, tt.reason)
				}
			}
		})
	}
}
