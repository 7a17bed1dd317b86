package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestParseAsScanner checks that parse, which cuts one string of the
// whole text and keeps the ids in a few arrays, loads the dictionary a
// line scanner with an allocation per line and per word loads: the same
// words with the same English ids, readings, longest word and longest
// word by first character.
func TestParseAsScanner(t *testing.T) {
	got, err := parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want := parseScanner(t, data)
	if !maps.EqualFunc(got.words, want.words, slices.Equal) {
		t.Errorf("parse: %d words, want %d, or other ids", len(got.words), len(want.words))
	}
	if !maps.EqualFunc(got.readings, want.readings, slices.Equal) || !maps.Equal(got.english, want.english) {
		t.Errorf("parse: %d readings and %d English words, want %d and %d, or others", len(got.readings), len(got.english), len(want.readings), len(want.english))
	}
	if got.maxLen != want.maxLen || !slices.Equal(got.firstLen, want.firstLen) {
		t.Errorf("parse: longest word %d, want %d, or other longest words by first character", got.maxLen, want.maxLen)
	}
}

// parseScanner is parse as it was: a line scanner.
func parseScanner(t *testing.T, gz []byte) *Lexicon {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	l := &Lexicon{words: map[string][]int32{}, readings: map[rune][]string{}, english: map[string]int32{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		word, rest, _ := strings.Cut(sc.Text(), "\t")
		readings, english, _ := strings.Cut(rest, "\t")
		if readings != "" {
			r, _ := utf8.DecodeRuneInString(word)
			l.readings[r] = strings.Fields(readings)
		}
		var ids []int32
		for w := range strings.FieldsSeq(english) {
			ids = append(ids, l.id(w))
		}
		if len(ids) > 0 {
			l.words[word] = sortedSet(ids)
			l.maxLen = max(l.maxLen, utf8.RuneCountInString(word))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	l.firstLen = make([]uint8, firstLenRunes)
	for w := range l.words {
		if r, _ := utf8.DecodeRuneInString(w); r < firstLenRunes {
			l.firstLen[r] = uint8(max(int(l.firstLen[r]), min(utf8.RuneCountInString(w), longOne)))
		}
	}
	return l
}
