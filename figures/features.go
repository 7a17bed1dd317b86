package figures

import (
	"slices"

	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
)

// featureIDs numbers the similarity features of a corpus's observations
// (their context and measure features) in sorted order, so that linking
// compares small integers instead of strings and looks weights up in a
// slice instead of a map. Numbering in sorted order keeps every sorted
// feature list sorted, and every sum over the features of two lists in
// the same order as over the strings: the scores are the same to the
// last bit.
type featureIDs struct {
	byID []float64 // each feature's weight (weights.weight), by id
}

// intern numbers the features of obs, sets each observation's cids and
// mids, and returns the weight of each id. Cost: one map lookup per
// feature occurrence, spread over the documents, and a sort of the
// distinct features.
func (w weights) intern(obs [][]Observation) featureIDs {
	set := make(map[string]struct{}, len(w.idf))
	for f := range w.idf {
		set[f] = struct{}{}
	}
	for _, os := range obs {
		for k := range os {
			for _, f := range os[k].measure {
				set[f] = struct{}{}
			}
		}
	}
	names := make([]string, 0, len(set))
	for f := range set {
		names = append(names, f)
	}
	slices.Sort(names)
	id := make(map[string]int32, len(names))
	ids := featureIDs{byID: make([]float64, len(names))}
	for i, f := range names {
		id[f] = int32(i)
		ids.byID[i] = w.weight(f)
	}
	parallel.For(len(obs), func(i int) {
		for k := range obs[i] {
			o := &obs[i][k]
			o.cids = idsOf(id, o.context)
			o.mids = idsOf(id, o.measure)
		}
	})
	return ids
}

// idsOf returns the ids of features, in their order.
func idsOf(id map[string]int32, features []string) []int32 {
	if len(features) == 0 {
		return nil
	}
	out := make([]int32, len(features))
	for i, f := range features {
		out[i] = id[f]
	}
	return out
}

// dice is overlap.Dice on feature ids: the weighted Dice coefficient of
// two sorted id lists with total weights ta and tb, summed in the same
// order as over the features' strings.
func (ids featureIDs) dice(a, b []int32, ta, tb float64) float64 {
	if ta+tb == 0 {
		return 0
	}
	shared := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared += ids.byID[a[i]]
			i++
			j++
		}
	}
	return 2 * shared / (ta + tb)
}

// sharedIDs is overlap.Shared on feature ids: how many ids two sorted
// lists have in common.
func sharedIDs(a, b []int32) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// visits marks the tracks that one observation's search for candidates
// has seen, in a slice reused from one observation to the next rather
// than a map made for each: a new round (next) forgets them all at once.
type visits struct {
	mark  []int // the round in which each track was last seen
	round int
}

// next starts a new round, in which no track has been seen.
func (v *visits) next() { v.round++ }

// first reports whether track ti is seen for the first time this round,
// and marks it seen.
func (v *visits) first(ti int) bool {
	if ti >= len(v.mark) {
		v.mark = append(v.mark, make([]int, ti+1-len(v.mark))...)
	}
	if v.mark[ti] == v.round {
		return false
	}
	v.mark[ti] = v.round
	return true
}

// sentenceExtractor extracts the figures of one sentence after another
// of a document, as Extract does, reusing the memory of the folding and
// the tokens from one sentence to the next.
type sentenceExtractor struct {
	folder normalize.Folder
	ex     Extractor
}

// extract is Extract(text, base).
func (e *sentenceExtractor) extract(text string, base int) []Figure {
	return e.ex.ExtractFolded(e.folder.Fold(text, base), text, base)
}

// hanStarts are the Han characters parseAt can read a figure from: the
// Chinese numerals (number), the first characters of the hedges and
// currencies written before a number (约, 超过, 人民币), a sign (负), the
// ordinal 第 and 对 (对折). A Chinese text is one token per character,
// and nearly all of them start nothing: testing this set first spares
// parseAt's lookups on each (TestMayBeginFigureAdmitsEveryHanFigure
// checks the set against parseAt).
var hanStarts = func() map[string]bool {
	m := map[string]bool{"负": true, "負": true, "第": true, "对": true}
	for _, numerals := range []map[string]float64{zhDigits, zhSmallUnits, zhBigUnits} {
		for s := range numerals {
			m[s] = true
		}
	}
	for _, lexicon := range []map[string]string{hedgesBefore, currenciesBefore} {
		for k := range lexicon {
			if toks := scan(nil, k); len(toks) > 0 && toks[0].kind == tHan {
				m[toks[0].s] = true
			}
		}
	}
	return m
}()
