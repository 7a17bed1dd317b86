package segment

import (
	"testing"
	"unicode/utf8"
)

// TestSecondMatchesNarrow checks the table of second characters against
// the binary search it replaces, for every first character of the
// dictionary and every second character of its words, and for characters
// that follow none of them.
func TestSecondMatchesNarrow(t *testing.T) {
	d, err := decode(dictionary)
	if err != nil {
		t.Fatal(err)
	}
	seconds := map[rune]bool{'a': true, '1': true, '的': true, '中': true, 0x20000: true}
	for _, s := range d.seconds {
		seconds[s.r] = true
	}
	checked := 0
	for r1, fw := range d.first {
		if r1 == utf8.RuneError {
			continue
		}
		p := utf8.RuneLen(r1)
		want := map[rune]bool{}
		for _, s := range d.seconds[fw.slo:fw.shi] {
			want[s.r] = true
		}
		for r2 := range want {
			checkSecond(t, d, r1, fw, p, r2)
			checked++
		}
		// Characters that follow r1 in no word, a few per first character.
		n := 0
		for r2 := range seconds {
			if n == 3 {
				break
			}
			if !want[r2] {
				checkSecond(t, d, r1, fw, p, r2)
				n++
			}
		}
	}
	if checked < 100000 {
		t.Errorf("%d pairs of first and second characters checked, want the whole dictionary's", checked)
	}
}

func checkSecond(t *testing.T, d *dict, r1 rune, fw firstWords, p int, r2 rune) {
	t.Helper()
	lo, hi := d.second(fw, r2)
	wlo, whi := d.narrow(int(fw.lo), int(fw.hi), p, string(r2))
	if lo >= hi && wlo >= whi {
		return // both empty: the lookup stops either way
	}
	if lo != wlo || hi != whi {
		t.Errorf("second(%q, %q) = [%d, %d), narrow gives [%d, %d)", r1, r2, lo, hi, wlo, whi)
	}
}
