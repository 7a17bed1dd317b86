package lexicon

import (
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
