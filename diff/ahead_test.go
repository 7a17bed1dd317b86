package diff

import (
	"reflect"
	"testing"

	"github.com/docdrift/docdrift/internal/edition"
	"github.com/docdrift/docdrift/normalize"
)

// TestUnitsAheadAsUnitsOf: the units computed ahead, beside the exact
// passes, are those unitsOf computes for the same sentences, and ahead
// takes exactly the sentences whose key the other document lacks.
func TestUnitsAheadAsUnitsOf(t *testing.T) {
	old, new := edition.Pair(64<<10, 3)
	all := func(normalize.Kind) bool { return true }
	a, b := newSide(normalize.Parse(old), all), newSide(normalize.Parse(new), all)
	ah := unitsAhead(a, b)
	ah.finish()
	if len(ah.list) == 0 {
		t.Fatal("no sentence taken ahead in an edited pair")
	}
	keysB := map[string]bool{}
	for _, s := range b.sents {
		keysB[s.key] = true
	}
	wantA := 0
	for _, s := range a.sents {
		if !keysB[s.key] {
			wantA++
		}
	}
	inA := 0
	sc := newScratch()
	for k, se := range ah.list {
		text := ah.from[k].text
		if text == a.doc.Text {
			inA++
		}
		want, toks, figs := units(sc, text, se.start, se.end)
		if !reflect.DeepEqual(se.work.units, want) || !reflect.DeepEqual(se.work.toks, toks) || !reflect.DeepEqual(se.work.figs, figs) {
			t.Fatalf("sentence at %d: the units computed ahead differ from unitsOf's", se.start)
		}
	}
	if inA != wantA {
		t.Errorf("%d old sentences taken ahead, want the %d whose key the new document lacks", inA, wantA)
	}
}
