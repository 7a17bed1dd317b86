package diff

import (
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
