package beadscore

import (
	"math"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	gold := "[0]:[0]\n[1,2]:[1,2,3]\n[3]:[4]\n[]:[]\n"
	tests := []struct {
		name, test             string
		strictP, strictR, laxP float64
		reason                 string
	}{
		{"identical", gold, 1, 1, 1, "every bead is in the gold"},
		{"split", "[0]:[0]\n[1]:[1,2]\n[2]:[3]\n[3]:[4]\n", 2.0 / 4, 2.0 / 3, 1, "the split beads overlap the 2:3 gold bead on both sides"},
		{"one-sided", "[0]:[0]\n[1,2]:[1,2,3]\n[3]:[]\n[]:[4]\n", 2.0 / 4, 2.0 / 3, 2.0 / 4, "a bead with an empty side matches nothing it does not equal"},
		{"shifted", "[0]:[1]\n[1,2]:[0,2,3]\n[3]:[4]\n", 1.0 / 3, 1.0 / 3, 2.0 / 3, "[0]:[1] shares no target with the gold bead of 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(gold))
			if err != nil {
				t.Fatal(err)
			}
			b, err := Parse(strings.NewReader(tt.test))
			if err != nil {
				t.Fatal(err)
			}
			r := Score(g, b)
			got := []float64{r.Strict.Precision, r.Strict.Recall, r.Lax.Precision}
			want := []float64{tt.strictP, tt.strictR, tt.laxP}
			for i := range got {
				if math.Abs(got[i]-want[i]) > 1e-9 {
					t.Errorf("Score(%s): got strict P/R, lax P %v, want %v (%s)", tt.name, got, want, tt.reason)
					break
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"[0]-[1]", "[a]:[1]", "0:1", "[-1]:[2]"} {
		if _, err := Parse(strings.NewReader(in)); err == nil {
			t.Errorf("Parse(%q): got no error, want one", in)
		}
	}
}
