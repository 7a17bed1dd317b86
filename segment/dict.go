package segment

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
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
	// those words: the first step of every lookup without a search.
	first map[rune][2]int32
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
	d.first = firsts(d)
	return d, nil
}

// firsts returns the range of words of each first character. O(n).
func firsts(d *dict) map[rune][2]int32 {
	m := make(map[rune][2]int32, 1<<15)
	start, last := 0, rune(-1)
	for i := range d.freq {
		w := d.word(i)
		r := rune(w[0])
		if r >= utf8.RuneSelf {
			r, _ = utf8.DecodeRuneInString(w)
		}
		if r != last {
			if i > 0 {
				m[last] = [2]int32{int32(start), int32(i)}
			}
			start, last = i, r
		}
	}
	if len(d.freq) > 0 {
		m[last] = [2]int32{int32(start), int32(len(d.freq))}
	}
	return m
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
		if c := strings.Compare(w, next); c != 0 || len(w) == len(next) {
			return c
		}
		return -1 // a proper prefix of next sorts before it
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
