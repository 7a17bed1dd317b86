package diff

import (
	"slices"

	"github.com/docdrift/docdrift/normalize"
)

// Repeats within one document: a summary that restates the body, a
// standfirst that repeats a paragraph. A repeated paragraph aligns with
// the translation of the paragraph it repeats, so it is left out of the
// in-order alignment and paired afterwards.
const (
	// repeatContainment is the share of a paragraph's shingles that must
	// occur in a longer paragraph of the same document for it to count as
	// a repeat of that paragraph.
	repeatContainment = 0.8
	// minRepeatShingles keeps short paragraphs (headings, "Thank you.")
	// from counting as repeats.
	minRepeatShingles = 8
	// maxShinglePosting bounds the paragraphs one shingle indexes, so that
	// finding candidates stays near-linear.
	maxShinglePosting = 32
)

// shingles returns the distinct pairs of consecutive tokens of a text
// (normalize.Tokens): pairs of ideographs in Han script, pairs of words in
// Latin. Each token is numbered by ids, shared by the units of one
// document, and a pair is its first token's number in the high half, its
// second's in the low; sorted.
func shingles(toks []normalize.Token, ids map[string]uint32) []uint64 {
	var out []uint64
	first := true
	prev := uint64(0)
	for _, t := range toks {
		if t.Kind == normalize.Punct {
			continue
		}
		id, ok := ids[t.Key]
		if !ok {
			id = uint32(len(ids))
			ids[t.Key] = id
		}
		if !first {
			out = append(out, prev<<32|uint64(id))
		}
		first, prev = false, uint64(id)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// repeats returns, for each unit, the index of the unit of the same
// document it repeats, or -1. A unit repeats another when at least 80% of
// its shingles occur in the other, which is at least as long; of two
// copies of the same length, the later repeats the earlier. The original
// itself is never a repeat, so chains do not form.
func repeats(text string, us []bunit) []int {
	sh := make([][]uint64, len(us))
	ids := map[string]uint32{}
	for i, u := range us {
		sh[i] = shingles(normalize.Tokens(text[u.start:u.end], u.start), ids)
	}
	return repeatsOf(sh)
}

// repeatsOf is repeats of the units whose shingles are sh.
func repeatsOf(sh [][]uint64) []int {
	out := filled(len(sh), -1)
	index := map[uint64][]int{}
	for i := range sh {
		for _, s := range sh[i] {
			index[s] = append(index[s], i)
		}
	}
	// shared[j] counts the shingles of unit i found in unit j; seen lists
	// the j counted, to reset them for the next i.
	shared := make([]int, len(sh))
	var seen []int
	for i := range sh {
		if len(sh[i]) < minRepeatShingles {
			continue
		}
		seen = seen[:0]
		for _, s := range sh[i] {
			if p := index[s]; len(p) <= maxShinglePosting {
				for _, j := range p {
					if j != i {
						if shared[j] == 0 {
							seen = append(seen, j)
						}
						shared[j]++
					}
				}
			}
		}
		best, bestN := -1, 0
		for _, j := range seen {
			n := shared[j]
			shared[j] = 0
			longer := len(sh[j]) > len(sh[i]) || len(sh[j]) == len(sh[i]) && j < i
			if longer && float64(n) >= repeatContainment*float64(len(sh[i])) && (n > bestN || n == bestN && j < best) {
				best, bestN = j, n
			}
		}
		out[i] = best
	}
	// An original is never itself a repeat: keep the longest copies.
	// Chains end: each step goes to a longer (or, at equal length,
	// earlier) unit.
	for i := range out {
		for out[i] >= 0 && out[out[i]] >= 0 {
			out[i] = out[out[i]]
		}
	}
	return out
}
