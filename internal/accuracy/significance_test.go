package accuracy

import (
	"os"
	"testing"
)

// TestSignificanceSet loads the annotated set and scores it: every gold
// sentence must be found in its document, once.
func TestSignificanceSet(t *testing.T) {
	if _, err := os.Stat("../../../shared/corpora/fomc"); err != nil {
		t.Skip("the corpora are not beside the repository")
	}
	s, err := LoadSignificance("testdata/significance.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ScoreSignificance(s, "../..")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Steps < 20 {
		t.Errorf("%d steps, want 20 or more", sc.Steps)
	}
	t.Logf("found %d of %d in the first %d changes of %d steps", sc.Found, sc.Gold, SignificanceTop, sc.Steps)
	for _, m := range sc.Misses {
		t.Log("missed:", m)
	}
}
