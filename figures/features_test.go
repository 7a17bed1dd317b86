package figures

import (
	"math/rand"
	"slices"
	"testing"
	"unicode"

	"github.com/docdrift/docdrift/internal/overlap"
)

// TestMayBeginFigureHan checks that the cheap test Extract skips tokens
// by turns away the Han characters that begin no figure, which are
// nearly all of a Chinese text, and admits those that may.
func TestMayBeginFigureHan(t *testing.T) {
	tests := []struct {
		han  string
		want bool
	}{
		{"的", false}, {"经", false}, {"济", false}, {"增", false}, {"长", false}, {"国", false},
		{"五", true}, {"两", true}, {"十", true}, {"万", true}, {"零", true}, {"〇", true},
		{"约", true}, {"超", true}, {"近", true}, {"不", true}, {"第", true}, {"负", true}, {"人", true}, {"对", true},
	}
	for _, tt := range tests {
		toks := scan(nil, tt.han)
		if got := mayBeginFigure(toks, 0); got != tt.want {
			t.Errorf("mayBeginFigure(%q) = %v, want %v", tt.han, got, tt.want)
		}
	}
}

// TestMayBeginFigureAdmitsEveryHanFigure checks hanStarts against
// parseAt: for every Han character of the Basic Multilingual Plane, before numbers, numerals and units
// and after a few lead-ins, wherever parseAt reads a figure from it,
// mayBeginFigure admits it.
func TestMayBeginFigureAdmitsEveryHanFigure(t *testing.T) {
	after := []string{"5%", "30", "五", "一万", "百分之五", "分之一", "十万元", "民币5元", "5亿", "折", "过30%",
		"万亿元", "一名", "半", "5个百分点", "三", "成", "两番", "了一番"}
	before := []string{"", "世界", "位居"}
	checked := 0
	for _, r16 := range unicode.Han.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			checked += checkHanStart(t, r, before, after)
		}
	}
	if checked < 100 {
		t.Errorf("only %d figures read from a Han character: the test checks too little", checked)
	}
}

// checkHanStart reports a figure parseAt reads from r that
// mayBeginFigure turns away, and returns how many figures it read.
func checkHanStart(t *testing.T, r rune, before, after []string) int {
	t.Helper()
	n := 0
	for _, b := range before {
		for _, a := range after {
			text := b + string(r) + a
			toks := scan(nil, text) // Han text folds to itself
			i := len(scan(nil, b))
			if i >= len(toks) || toks[i].kind != tHan {
				continue
			}
			if _, m := parseAt(toks, i); m > 0 {
				n++
				if !mayBeginFigure(toks, i) {
					t.Fatalf("parseAt reads %d tokens at %q of %q, but mayBeginFigure says no", m, toks[i].s, text)
				}
			}
		}
	}
	return n
}

// TestFeatureIDs checks that linking on feature ids scores as on the
// features' strings, to the last bit, by merging two lists or through a
// focus: ids numbered in sorted order keep the order of every sum.
func TestFeatureIDs(t *testing.T) {
	vocab := []string{"h:国内", "h:生产", "h:总值", "w:trade", "w:servic", "w:rate", "w:fund", "w:feder", "h:增长", "w:target", "h:目标", "w:inflat",
		"w:a", "w:b", "w:c", "w:d", "w:e", "w:f", "w:g", "w:h", "h:就业", "h:城镇", "w:price", "w:deficit"}
	rng := rand.New(rand.NewSource(1))
	set := func() []string {
		var s []string
		for range 1 + rng.Intn(8) {
			s = append(s, vocab[rng.Intn(len(vocab))])
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	obs := make([][]Observation, 20)
	for i := range obs {
		for range 1 + rng.Intn(5) {
			obs[i] = append(obs[i], Observation{context: set(), measure: set()})
		}
	}
	w := newWeights(obs)
	w.featureIDs = w.intern(obs)
	var all []Observation
	for _, os := range obs {
		for _, o := range os {
			o.weight, o.mweight = w.total(o.context), w.total(o.measure)
			all = append(all, o)
		}
	}
	for k, a := range all {
		// Half the time a is the focus, as in linking: marked, not merged.
		if k%2 == 0 {
			w.setFocus(&a)
		}
		for _, b := range all {
			want := overlap.Dice(a.context, b.context, a.weight, b.weight, w.weight)
			if got := w.dice(a.cids, b.cids, a.weight, b.weight); got != want {
				t.Fatalf("dice on ids of %v and %v = %v, want %v (on strings)", a.context, b.context, got, want)
			}
			if got := w.dice(b.cids, a.cids, b.weight, a.weight); got != want {
				t.Fatalf("dice on ids of %v and %v = %v, want %v (on strings)", b.context, a.context, got, want)
			}
			if got, want := w.shared(a.mids, b.mids), overlap.Shared(a.measure, b.measure); got != want {
				t.Fatalf("shared ids of %v and %v = %d, want %d", a.measure, b.measure, got, want)
			}
			if got, want := w.shared(b.cids, a.cids), overlap.Shared(b.context, a.context); got != want {
				t.Fatalf("shared ids of %v and %v = %d, want %d", b.context, a.context, got, want)
			}
		}
	}
}
