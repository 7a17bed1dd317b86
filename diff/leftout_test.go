package diff

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docdrift/docdrift/normalize"
)

// A short article with a photo caption (it ends in a credit in capitals)
// and page furniture (a share row, a byline).
const leftOutText = `Share Facebook Twitter

By Wang Wentao Source: Qiushi Journal Updated: 2024-11-12

Trade rose in 2024, and the ports handled more containers than ever.

A train departs from Jinhua, June 18, 2025. The train opened a corridor over the Caspian Sea. PEOPLE'S DAILY / PHOTO BY HU XIAOFEI

Exports of services grew faster than exports of goods.
`

func TestCompareLeftOut(t *testing.T) {
	dropCaption := strings.Replace(leftOutText, " The train opened a corridor over the Caspian Sea.", "", 1)
	newByline := strings.Replace(leftOutText, "Updated: 2024-11-12", "Updated: 2024-11-13", 1)
	tests := []struct {
		name     string
		new      string
		opts     Options
		want     LeftOut
		passages Summary // counts of Passages, levels aside
		reason   string
	}{
		{"identical", leftOutText, Options{}, LeftOut{}, Summary{Same: 2}, ""},
		{"caption sentence deleted", dropCaption, Options{}, LeftOut{Captions: 1}, Summary{Same: 2},
			"a caption is left out of the passages, but its change must not be silent"},
		{"caption sentence deleted, --captions", dropCaption, Options{Captions: true}, LeftOut{}, Summary{Same: 4, Removed: 1},
			"compared with the text, the caption change is a passage and nothing is left out"},
		{"byline changed", newByline, Options{}, LeftOut{Furniture: 1}, Summary{Same: 2}, ""},
		{"byline changed, --furniture", newByline, Options{Furniture: true}, LeftOut{}, Summary{Same: 3, Changed: 1},
			"each furniture block is one sentence: the byline pairs with the new one, the share row is the same"},
		{"both", strings.Replace(dropCaption, "Share Facebook Twitter", "Share Facebook", 1), Options{}, LeftOut{Captions: 1, Furniture: 1}, Summary{Same: 2}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := normalize.Parse(leftOutText), normalize.Parse(tt.new)
			r := Compare(old, new, tt.opts)
			if d := cmp.Diff(tt.want, r.Summary.LeftOut); d != "" {
				t.Errorf("Compare: LeftOut (-want +got):\n%s%s", d, tt.reason)
			}
			got := r.Summary
			got.Levels, got.LeftOut = nil, LeftOut{}
			if d := cmp.Diff(tt.passages, got); d != "" {
				t.Errorf("Compare: passages (-want +got):\n%s%s", d, tt.reason)
			}
			if n := len(r.Captions); n != tt.want.Captions {
				t.Errorf("Compare: %d caption passages kept apart, want %d", n, tt.want.Captions)
			}
			if n := len(r.Furniture); n != tt.want.Furniture {
				t.Errorf("Compare: %d furniture passages kept apart, want %d", n, tt.want.Furniture)
			}
			checkCoverage(t, old, new, r, tt.opts)
		})
	}
}
