package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestSegment(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		zh   string
		want []string // English words every one of which some word of zh translates to
	}{
		{"起初神创造天地。", []string{"first", "god", "creat", "heaven", "earth"}},
		{"习近平主席", []string{"xi", "chairman"}},
	}
	for _, tt := range tests {
		var got []int32
		l.Segment(tt.zh, func(ids []int32) { got = append(got, ids...) })
		for _, w := range tt.want {
			id, ok := l.English(Stem(w))
			if !ok || !slices.Contains(got, id) {
				t.Errorf("Segment(%q): no word translates to %q", tt.zh, w)
			}
		}
	}
	if r := l.Readings('瑶'); !slices.Contains(r, "yao") {
		t.Errorf("Readings(瑶): got %v, want yao among them", r)
	}
}

func TestWords(t *testing.T) {
	got := Words("In the beginning God created the heaven and the earth.")
	want := []string{"beginn", "god", "creat", "heaven", "earth"}
	if !slices.Equal(got, want) {
		t.Errorf("Words: got %v, want %v", got, want)
	}
}

// TestSegmentMatchesEveryLength checks that Segment, which tries at each
// position only the lengths of the words starting with its character,
// cuts the fixtures' Chinese texts as forward maximum matching trying
// every length up to the longest word does.
func TestSegmentMatchesEveryLength(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../fixtures/opening-up/*.txt")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b) + "\xff起初\xef\xbf\xbd神" // invalid UTF-8 and U+FFFD too
		var got, want [][]int32
		l.Segment(text, func(ids []int32) { got = append(got, ids) })
		segmentEveryLength(l, text, func(ids []int32) { want = append(want, ids) })
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("Segment(%s): %d words, want the %d of trying every length", f, len(got), len(want))
		}
	}
}

// segmentEveryLength is Segment as it was: every length from maxLen down.
func segmentEveryLength(l *Lexicon, s string, f func(ids []int32)) {
	var off []int
	for i := range s {
		off = append(off, i)
	}
	off = append(off, len(s))
	n := len(off) - 1
	for i := 0; i < n; {
		k := min(l.maxLen, n-i)
		for ; k >= 1; k-- {
			if ids, ok := l.words[s[off[i]:off[i+k]]]; ok {
				f(ids)
				break
			}
		}
		i += max(k, 1)
	}
}
