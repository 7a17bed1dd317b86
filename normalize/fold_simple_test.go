package normalize

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/cases"
)

// foldThroughNFKC folds text as before simple characters skipped NFKC:
// the whole run through the iterator.
func foldThroughNFKC(text string) Canonical {
	f := folder{caser: cases.Fold(), offsets: true}
	f.normalizedRun(text, 0)
	return Canonical{Key: f.key.String(), Starts: f.starts, Ends: f.ends}
}

// foldSkipping folds text the way normalized does.
func foldSkipping(text string) Canonical {
	f := folder{caser: cases.Fold(), offsets: true}
	f.normalized(text, 0)
	return Canonical{Key: f.key.String(), Starts: f.starts, Ends: f.ends}
}

// TestNormalizedSkipsSimpleRunes: writing ideographs and CJK punctuation
// directly gives the key and offsets NFKC over the whole run gives, next
// to combining marks, compatibility ideographs, full-width and expanding
// characters, and every character of simpleFold's blocks.
func TestNormalizedSkipsSimpleRunes(t *testing.T) {
	pieces := []string{"中", "国", "发展", "\u0301", "\u3099", "か", "\uf900", "\u2f00", "Ａ", "１", "…", "％", "，", "。",
		"、", "“", "”", "《", "》", "（", "）", "：", "；", "—", "\u00e9", "e", " ", "\u3000", "ß", "Σ", "\ufe0f",
		"\U00020000", "\u2460", "ﬁ", "\u1100\u1161", "\u302a", "\uff9e", "\uff61"}
	for _, block := range [][2]rune{{0x3000, 0x303F}, {0xFF00, 0xFF65}, {0x2010, 0x2027}} {
		for r := block[0]; r <= block[1]; r++ {
			pieces = append(pieces, string(r))
		}
	}
	check := func(text string) {
		t.Helper()
		want, got := foldThroughNFKC(text), foldSkipping(text)
		if got.Key != want.Key || !slices.Equal(got.Starts, want.Starts) || !slices.Equal(got.Ends, want.Ends) {
			t.Errorf("%q: key %q %v %v, want %q %v %v", text, got.Key, got.Starts, got.Ends, want.Key, want.Starts, want.Ends)
		}
	}
	for _, a := range pieces {
		check(a)
		check("中" + a + "国")
		check(a + "\u0301")
		check("e" + a)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for range 1 + r.IntN(10) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(sb.String())
	}
}
