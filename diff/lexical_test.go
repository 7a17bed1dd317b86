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
