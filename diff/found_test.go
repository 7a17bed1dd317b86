package diff

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// TestCompareFound holds a comparison given the documents' concepts found
// beforehand (Options.Found) to the one that finds them itself, on real
// pairs (English and Chinese) and on a text with captions and furniture
// compared apart or with the text, where the furniture's concepts are
// still found by the comparison (Find reads no furniture).
func TestCompareFound(t *testing.T) {
	m := defaultMatcher(t)
	type pairOf struct {
		name     string
		old, new *normalize.Document
	}
	var pairs []pairOf
	for _, pr := range realPairs(t) {
		pairs = append(pairs, pairOf{filepath.Base(pr[0]) + "→" + filepath.Base(pr[1]), readDoc(t, pr[0]), readDoc(t, pr[1])})
	}
	// A concept added to the text, to a caption and to a byline.
	changed := strings.NewReplacer("Trade rose", "Reform and opening up raised trade", "Caspian Sea.", "Caspian Sea, a Belt and Road corridor.",
		"Source: Qiushi Journal", "Source: Qiushi Journal on high-quality development").Replace(leftOutText)
	pairs = append(pairs, pairOf{"furniture and captions", normalize.Parse(leftOutText), normalize.Parse(changed)})
	for _, pr := range pairs {
		for _, opts := range []Options{{Concepts: m}, {Concepts: m, Captions: true, Furniture: true}} {
			t.Run(pr.name, func(t *testing.T) {
				want := Compare(pr.old, pr.new, opts)
				opts.Found = &[2][]themes.Match{m.Find(pr.old), m.Find(pr.new)}
				got := Compare(pr.old, pr.new, opts)
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("Compare with Found (captions %v, furniture %v): (-without +with):\n%s", opts.Captions, opts.Furniture, d)
				}
				if n := concepts(want); n < 2 && pr.name == "furniture and captions" {
					t.Errorf("Compare: %d concept changes, want 2 (the text's and the byline's)", n)
				}
			})
		}
	}
}

// concepts counts the concept changes of a comparison.
func concepts(r *Result) int {
	n := 0
	for _, ps := range [][]Passage{r.Passages, r.Captions, r.Furniture} {
		for _, p := range ps {
			for _, c := range p.Changes {
				if c.Class == Concept {
					n++
				}
			}
		}
	}
	return n
}
