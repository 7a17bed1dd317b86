package segment

import (
	"math"
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
	runes := []rune(strings.ToLower(text))
	edges, first := d.graph(runes)
	next := d.route(runes, edges, first)
	result := make([]string, 0, int(float32(len(text))/1.5)+1)
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

// isASCIIAlnum is the regexp class [[:alnum:]] gse tests single
// characters with.
func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// graph returns, for each character k, the words that begin there
// (edges[first[k]:first[k+1]], by increasing end); a character that begins
// no word has one edge to itself, with the frequency 0 and a flag in ok.
func (d *dict) graph(runes []rune) (edges []edge, first []int) {
	first = make([]int, len(runes)+1)
	edges = make([]edge, 0, len(runes)*2)
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
func (d *dict) route(runes []rune, edges []edge, first []int) []int {
	n := len(runes)
	type score struct {
		freq  float64
		index int
	}
	rs := make([]score, n+1)
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
	next := make([]int, n)
	for i := range next {
		next[i] = rs[i].index
	}
	return next
}

// encodeRune is utf8.EncodeRune, as string(rune) would write it.
func encodeRune(b []byte, r rune) int {
	return copy(b, string(r))
}
