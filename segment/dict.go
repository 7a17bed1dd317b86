package segment

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"
)

// magic starts a compact dictionary (see internal/gendict).
const magic = "docdrift-segment-dict-1\n"

// dict is a compact dictionary: its words sorted by bytes, one after the
// other in text, word i being text[off[i]:off[i+1]] with frequency freq[i].
type dict struct {
	text  string
	off   []uint32
	freq  []uint32
	logT  float64 // natural log of the total frequency, as gse computes it
	total float64
	// first holds, for each character that begins words, the range of
	// those words and of their second characters in seconds: the first
	// step of every lookup without a search.
	first map[rune]firstWords
	// seconds holds, for each character that begins words, the second
	// characters of those words in order, each with the range of the words
	// that begin with the two: the second step of a lookup is a search
	// among a few characters instead of a binary search of strings over
	// every word of the first character.
	seconds []second
	scratch sync.Pool // of *scratch, the memory of cuts
}

// firstWords is what the dictionary holds under a first character: its words
// (words[lo:hi]) and their second characters (seconds[slo:shi]).
type firstWords struct{ lo, hi, slo, shi int32 }

// second is a second character of words, and the range of the words that
// begin with it and the first character.
type second struct {
	r      rune
	lo, hi int32
}

var errCorrupt = errors.New("segment: dictionary: corrupt")

// decode reads the form internal/gendict writes; the words' text is not
// copied. O(n) in the number of words.
func decode(data string) (*dict, error) {
	if !strings.HasPrefix(data, magic) || len(data) < len(magic)+8 {
		return nil, errCorrupt
	}
	p := len(magic)
	d := &dict{total: math.Float64frombits(binary.LittleEndian.Uint64([]byte(data[p : p+8])))}
	d.logT = math.Log(d.total)
	p += 8
	next := func() uint64 {
		v, n := uvarint(data[p:])
		if n <= 0 {
			p = len(data) + 1
			return 0
		}
		p += n
		return v
	}
	count, textLen := next(), next()
	if p > len(data) || count > uint64(len(data)) || textLen > uint64(len(data)) {
		return nil, errCorrupt
	}
	d.off = make([]uint32, count+1)
	d.freq = make([]uint32, count)
	var o uint64
	for i := range d.freq {
		o += next()
		d.off[i+1] = uint32(o)
		d.freq[i] = uint32(next())
	}
	if p > len(data) || o != textLen || uint64(len(data)-p) != textLen {
		return nil, fmt.Errorf("%w: %d words, %d bytes of text", errCorrupt, count, textLen)
	}
	d.text = data[p:]
	d.first, d.seconds = firsts(d)
	return d, nil
}

// firsts returns the range of words of each first character and the
// table of second characters (see dict.seconds). O(n).
func firsts(d *dict) (map[rune]firstWords, []second) {
	m := make(map[rune]firstWords, 1<<15)
	seconds := make([]second, 0, countSeconds(d))
	start, last := 0, rune(-1)
	for i := range d.freq {
		w := d.word(i)
		r, size := firstRune(w)
		if r != last {
			if i > 0 {
				m[last] = firstWords{lo: int32(start), hi: int32(i)}
			}
			start, last = i, r
		}
		if size == len(w) {
			continue // the character itself, first of its words
		}
		r2, _ := utf8.DecodeRuneInString(w[size:])
		if n := len(seconds); n > 0 && seconds[n-1].r == r2 && int(seconds[n-1].hi) == i && seconds[n-1].lo >= int32(start) {
			seconds[n-1].hi++
			continue
		}
		seconds = append(seconds, second{r: r2, lo: int32(i), hi: int32(i + 1)})
	}
	if len(d.freq) > 0 {
		m[last] = firstWords{lo: int32(start), hi: int32(len(d.freq))}
	}
	// The seconds of each first character are contiguous, in the order of
	// its words.
	for k := 0; k < len(seconds); {
		r, _ := firstRune(d.word(int(seconds[k].lo)))
		p := m[r]
		p.slo = int32(k)
		for k < len(seconds) && seconds[k].lo < p.hi {
			k++
		}
		p.shi = int32(k)
		m[r] = p
	}
	return m, seconds
}

// countSeconds returns how many entries firsts makes in the table of
// second characters, so that it is allocated once.
func countSeconds(d *dict) int {
	n := 0
	var last string // the first two characters of the previous word of two or more
	for i := range d.freq {
		w := d.word(i)
		_, size := firstRune(w)
		if size == len(w) {
			continue
		}
		_, size2 := utf8.DecodeRuneInString(w[size:])
		if two := w[:size+size2]; two != last {
			n++
			last = two
		}
	}
	return n
}

// firstRune returns the first character of w and its size in bytes.
func firstRune(w string) (rune, int) {
	if r := rune(w[0]); r < utf8.RuneSelf {
		return r, 1
	}
	return utf8.DecodeRuneInString(w)
}

// second returns the range of the words of p whose second character is r:
// the range narrow would return after p's first character. The seconds
// of p are in byte order, and UTF-8 keeps the order of characters, so a
// binary search on characters finds them. A second character that is not
// valid UTF-8 in a word (U+FFFD) is not looked up here.
func (d *dict) second(p firstWords, r rune) (int, int) {
	a, b := int(p.slo), int(p.shi)
	for a < b { // the first second character not before r
		m := int(uint(a+b) >> 1)
		if d.seconds[m].r < r {
			a = m + 1
		} else {
			b = m
		}
	}
	if a == int(p.shi) || d.seconds[a].r != r {
		return 0, 0
	}
	return int(d.seconds[a].lo), int(d.seconds[a].hi)
}

// uvarint is binary.Uvarint on a string, without copying it.
func uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

// word returns word i.
func (d *dict) word(i int) string { return d.text[d.off[i]:d.off[i+1]] }

// narrow returns the range of [lo, hi) whose words continue with next at
// byte p, given that every word of [lo, hi) has the same p bytes first.
// O(log(hi-lo)).
func (d *dict) narrow(lo, hi, p int, next string) (int, int) {
	// tail compares the bytes of word i from p with next: -1 if they sort
	// before it, 0 if next begins them, 1 if they sort after it.
	tail := func(i int) int {
		w := d.word(i)[p:]
		if len(w) > len(next) {
			w = w[:len(next)]
		}
		// Operators, not strings.Compare, whose parameters escape: the
		// caller's next would be allocated at every step of a cut.
		switch {
		case w < next:
			return -1 // a proper prefix of next too
		case w > next:
			return 1
		}
		return 0
	}
	a, b := lo, hi
	for a < b { // first word not before next
		m := int(uint(a+b) >> 1)
		if tail(m) < 0 {
			a = m + 1
		} else {
			b = m
		}
	}
	c, e := a, hi
	for c < e { // first word after every word that begins with next
		m := int(uint(c+e) >> 1)
		if tail(m) <= 0 {
			c = m + 1
		} else {
			e = m
		}
	}
	return a, c
}
