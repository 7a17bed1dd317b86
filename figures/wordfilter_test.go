package figures

import "testing"

// TestWordFilterHoldsItsWords: a filter never turns away a word of its
// set (what would hide a figure), and turns away the commonest words.
func TestWordFilterHoldsItsWords(t *testing.T) {
	for name, set := range map[string]map[string]bool{"numberStarts": numberStarts, "figureStarts": figureStarts} {
		f := newWordFilter(set)
		for w := range set {
			if !f.mayHold(w) {
				t.Errorf("%s: the filter turns away %q, a word of its set", name, w)
			}
		}
	}
	turnedAway := 0
	common := []string{"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "economic", "trade"}
	for _, w := range common {
		if !numberStartsFilter.mayHold(w) {
			turnedAway++
		}
	}
	if turnedAway < len(common)-2 {
		t.Errorf("numberStartsFilter turns away %d of %d common words, want nearly all", turnedAway, len(common))
	}
}

// FuzzWordFilter checks that no filter turns away a word of its set:
//
//	go test ./figures -run '^$' -fuzz FuzzWordFilter -fuzztime 1m
func FuzzWordFilter(f *testing.F) {
	f.Add("seven")
	f.Add("the")
	f.Fuzz(func(t *testing.T, w string) {
		if numberStarts[w] && !numberStartsFilter.mayHold(w) || figureStarts[w] && !figureStartsFilter.mayHold(w) {
			t.Errorf("the filter turns away %q, a word of its set", w)
		}
	})
}
