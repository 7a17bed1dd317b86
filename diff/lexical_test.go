package diff

import (
	"math"
	"slices"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// TestNameIDsSpellsAsEveryReading checks that nameIDs, which stops
// spelling a run of characters once no name begins with the spelling,
// finds the names that spelling out every reading (up to maxReadings of
// each length) finds, in the same order, on the speech pair and on text
// whose characters have many readings.
func TestNameIDsSpellsAsEveryReading(t *testing.T) {
	zh, en := readFixture(t, "speech-2023.zh.txt"), readFixture(t, "speech-2023.en.txt")
	lx := newLexical(en + " Xi Jinping Zhang Wei Chang Le Xing Hang Cao Cao")
	if lx == nil {
		t.Fatal("no dictionary")
	}
	for _, text := range []string{zh, "习近平主席会见张伟。长乐行曹操。", "行长长行重重"} {
		got, want := lx.nameIDs(text), nameIDsEveryReading(lx, text)
		if !slices.Equal(got, want) {
			t.Errorf("nameIDs(%.20q…): got %v, want %v", text, got, want)
		}
		if len(want) == 0 {
			t.Errorf("nameIDs(%.20q…): no names found; the test shows nothing", text)
		}
	}
}

// nameIDsEveryReading is nameIDs as it was: every spelling spelt out.
func nameIDsEveryReading(lx *lexical, text string) []int32 {
	rs := []rune(text)
	var out []int32
	for i := range rs {
		spell := []string{""}
		for k := i; k < len(rs) && k < i+maxNameChars && normalize.IsHan(rs[k]); k++ {
			var next []string
			for _, p := range spell {
				for _, r := range lx.dict.Readings(rs[k]) {
					if len(next) < maxReadings {
						next = append(next, p+r)
					}
				}
			}
			spell = next
			for _, s := range spell {
				if id, ok := lx.names[s]; ok && !slices.Contains(out, id) {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// TestPairCacheCountsAsHits checks that the pair cache, which counts a
// pair's evidence by marking the English unit's words in a table, counts
// what hits does by merging sorted lists, for every pair of sentences of
// the speech pair, with either language first.
func TestPairCacheCountsAsHits(t *testing.T) {
	zh, en := parseFixture(t, "speech-2023.zh.txt"), parseFixture(t, "speech-2023.en.txt")
	lx := newLexical(en.Text)
	if lx == nil {
		t.Fatal("no dictionary")
	}
	in := newInterner()
	bz, be := newBside(zh, BitextOptions{}, in, lx, true), newBside(en, BitextOptions{}, in, lx, false)
	sz, se := bz.sentences(span{0, len(bz.blocks)}), be.sentences(span{0, len(be.blocks)})
	for _, zhA := range []bool{true, false} {
		a, b := sz, se
		if !zhA {
			a, b = se, sz
		}
		lo, hi := make([]int, len(a)+1), filled(len(a)+1, len(b))
		pc := newPairCache(a, b, zhA, lo, hi)
		matched := 0
		for x := range a {
			for y := range b {
				e, z := &a[x].lex, &b[y].lex
				if zhA {
					e, z = z, e
				}
				wantE, wantZ := hits(e, z)
				if gotE, gotZ := pc.hits(x, y); gotE != wantE || gotZ != wantZ {
					t.Fatalf("zhA %v, pair (%d, %d): got %d, %d, want %d, %d", zhA, x, y, gotE, gotZ, wantE, wantZ)
				}
				matched += wantE
			}
		}
		if matched == 0 {
			t.Fatalf("zhA %v: no evidence in any pair; the test shows nothing", zhA)
		}
	}
}

// TestFillSmallFillsAsFill checks that fillSmall, the rough path's loop
// with its five shapes written out, fills the same costs (to the bit) and
// the same choices as fill, on the sentences of the speech pair, both
// ways round, under both sets of priors, in a wide and a narrow band.
func TestFillSmallFillsAsFill(t *testing.T) {
	zh, en := parseFixture(t, "speech-2023.zh.txt"), parseFixture(t, "speech-2023.en.txt")
	in := newInterner()
	bz, be := newBside(zh, BitextOptions{}, in, nil, true), newBside(en, BitextOptions{}, in, nil, false)
	sz, se := bz.sentences(span{0, len(bz.blocks)}), be.sentences(span{0, len(be.blocks)})
	for _, tt := range []struct {
		name      string
		a, b      []bunit
		sentences bool
		band      int
	}{
		{"zh-en", sz, se, false, 50},
		{"en-zh", se, sz, false, 50},
		{"zh-en sentences", sz, se, true, 50},
		{"en-zh narrow", se, sz, true, 3},
	} {
		n := len(tt.a)
		md := model{sentences: tt.sentences}.withRatio(lengthOf(tt.b) / lengthOf(tt.a))
		lo, hi := bandAt(lengthDiagonal(tt.a, tt.b), tt.band, len(tt.b))
		c := newCoster(tt.a, tt.b, md, lo, hi)
		row := make([]int, n+2)
		for i := 0; i <= n; i++ {
			row[i+1] = row[i] + max(0, hi[i]-lo[i]+1)
		}
		var cs [2][]float64
		var back [2][]uint8
		for k := range 2 {
			cs[k], back[k] = slices.Repeat([]float64{math.Inf(1)}, row[n+1]), make([]uint8, row[n+1])
			cs[k][0] = 0
		}
		c.fill(n, lo, hi, row, moves[:5], cs[0], back[0])
		c.fillSmall(n, lo, hi, row, cs[1], back[1])
		for k := range cs[0] {
			if math.Float64bits(cs[0][k]) != math.Float64bits(cs[1][k]) || back[0][k] != back[1][k] {
				t.Fatalf("%s: cell %d: fillSmall %v (shape %d), fill %v (shape %d)", tt.name, k, cs[1][k], back[1][k], cs[0][k], back[0][k])
			}
		}
		if shapes := len(slices.Compact(slices.Sorted(slices.Values(back[0])))); shapes < 5 {
			t.Errorf("%s: %d shapes chosen, want all five; the test shows less than it could", tt.name, shapes)
		}
	}
}
