package segment

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// edge is a dictionary word of the text: its last character and frequency
// (0 for a character that begins words but is none itself).
type edge struct {
	end  int
	freq uint32
}

// cut is gse's cutDAGNoHMM (gse v0.80.3, dag.go) over the compact
// dictionary, with its results: the same graph of words, the same
// floating-point path scores in the same order, the same ties.
// O(n·m·log w) for n characters, words of at most m characters and w
// words in the dictionary.
func (d *dict) cut(text string) []string {
	sc, _ := d.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer d.scratch.Put(sc)
	lower := strings.ToLower(text)
	runes := sc.runes[:0]
	for _, r := range lower { // as []rune(…) converts
		runes = append(runes, r)
	}
	sc.runes = runes
	edges, first := d.graph(runes, sc)
	next := d.route(runes, edges, first, sc)
	result := make([]string, 0, len(runes)/2+1) // words average about two characters
	if utf8.ValidString(lower) {
		return words(result, lower, runes, next)
	}
	var buf []rune
	for x := 0; x < len(runes); {
		y := next[x] + 1
		frag := runes[x:y]
		if len(frag) == 1 && isASCIIAlnum(frag[0]) {
			buf = append(buf, frag...)
			x = y
			continue
		}
		if len(buf) > 0 {
			result = append(result, string(buf))
			buf = buf[:0:0]
		}
		result = append(result, string(frag))
		x = y
	}
	if len(buf) > 0 {
		result = append(result, string(buf))
	}
	return result
}

// words appends the words of the path next takes through text, which is
// valid UTF-8 and whose characters are runes: the strings cut does build
// from the runes, as slices of text.
func words(result []string, text string, runes []rune, next []int) []string {
	pos, join := 0, -1 // the byte offset of runes[x]; the start of a run of single ASCII letters and digits
	for x := 0; x < len(runes); {
		y := next[x] + 1
		size := 0
		for _, r := range runes[x:y] {
			size += utf8.RuneLen(r)
		}
		if y-x == 1 && isASCIIAlnum(runes[x]) {
			if join < 0 {
				join = pos
			}
		} else {
			if join >= 0 {
				result = append(result, text[join:pos])
				join = -1
			}
			result = append(result, text[pos:pos+size])
		}
		pos += size
		x = y
	}
	if join >= 0 {
		result = append(result, text[join:pos])
	}
	return result
}

// scratch is the memory of one cut, reused by the next.
type scratch struct {
	runes  []rune
	edges  []edge
	first  []int
	scores []score
	next   []int
}

// score is the best path from a character: its log probability and the
// last character of its first word.
type score struct {
	freq  float64
	index int
}

// isASCIIAlnum is the regexp class [[:alnum:]] gse tests single
// characters with.
func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// graph returns, for each character k, the words that begin there
// (edges[first[k]:first[k+1]], by increasing end); a character that begins
// no word has one edge to itself, with the frequency 0 and a flag in ok.
func (d *dict) graph(runes []rune, sc *scratch) (edges []edge, first []int) {
	first = slices.Grow(sc.first[:0], len(runes)+1)[:len(runes)+1] // every element is set below
	edges = slices.Grow(sc.edges[:0], len(runes)*2)
	defer func() { sc.first, sc.edges = first, edges }()
	var b [4]byte
	for k := range runes {
		first[k] = len(edges)
		lo, hi, p := 0, len(d.freq), 0
		prefix := false   // runes[k:k+1] begins a word
		var pf firstWords // the words of runes[k], when in d.first
		for i := k; i < len(runes); i++ {
			n := encodeRune(b[:], runes[i])
			switch {
			case i == k:
				// Words with the same first character are contiguous,
				// unless the character is not valid UTF-8 (U+FFFD).
				ok := false
				if pf, ok = d.first[runes[i]]; ok && runes[i] != utf8.RuneError {
					lo, hi = int(pf.lo), int(pf.hi)
				} else {
					pf = firstWords{}
					lo, hi = d.narrow(lo, hi, p, string(b[:n]))
				}
			case i == k+1 && pf.hi > 0 && runes[i] != utf8.RuneError:
				lo, hi = d.second(pf, runes[i])
			default:
				lo, hi = d.narrow(lo, hi, p, string(b[:n]))
			}
			if lo >= hi {
				break
			}
			if i == k {
				prefix = true
			}
			p += n
			if len(d.word(lo)) == p { // the first word of the range is the prefix itself
				edges = append(edges, edge{end: i, freq: d.freq[lo]})
			}
		}
		if len(edges) == first[k] {
			edges = append(edges, edge{end: k, freq: noWord(prefix)})
		}
	}
	first[len(runes)] = len(edges)
	return edges, first
}

// A character that begins no word: gse scores it log(1) if it begins no
// word either, and log(0) = -Inf if it begins words but is none itself.
const (
	unknown uint32 = math.MaxUint32
)

func noWord(prefix bool) uint32 {
	if prefix {
		return 0
	}
	return unknown
}

// route returns, for each character, the last character of the word the
// most probable path takes from it (gse's calc).
func (d *dict) route(runes []rune, edges []edge, first []int, sc *scratch) []int {
	n := len(runes)
	rs := slices.Grow(sc.scores[:0], n+1)[:n+1]
	clear(rs)
	sc.scores = rs
	for idx := n - 1; idx >= 0; idx-- {
		set := false
		for _, e := range edges[first[idx]:first[idx+1]] {
			var f float64
			if e.freq == unknown {
				f = math.Log(1.0) - d.logT + rs[e.end+1].freq
			} else {
				f = math.Log(float64(e.freq)) - d.logT + rs[e.end+1].freq
			}
			r := score{freq: f, index: e.end}
			v := rs[idx]
			if !set || v.freq < r.freq || v.freq == r.freq && v.index < r.index {
				rs[idx] = r
				set = true
			}
		}
	}
	next := slices.Grow(sc.next[:0], n)[:n]
	sc.next = next
	for i := range next {
		next[i] = rs[i].index
	}
	return next
}

// encodeRune is utf8.EncodeRune, as string(rune) would write it.
func encodeRune(b []byte, r rune) int {
	return copy(b, string(r))
}
