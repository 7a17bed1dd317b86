package figures

import (
	"runtime"
	"slices"

	"github.com/docdrift/docdrift/internal/overlap"
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
	// focus marks the features of the observation being linked, which
	// is compared with the latest observations of every candidate track.
	focus *focus
}

// A focus marks, by feature id, the context and measure of one
// observation, so that comparing it with another costs a look-up per
// feature of the other rather than a merge of the two lists. Not safe
// for concurrent use: linking is one goroutine.
type focus struct {
	mark       []uint8 // inContext and inMeasure bits, by feature id
	cids, mids []int32 // the lists marked
}

const (
	inContext = 1 << iota
	inMeasure
)

// setFocus marks o's features, and unmarks those of the observation
// marked before. Cost: the length of both.
func (ids featureIDs) setFocus(o *Observation) {
	f := ids.focus
	if f == nil {
		return
	}
	for _, id := range f.cids {
		f.mark[id] = 0
	}
	for _, id := range f.mids {
		f.mark[id] = 0
	}
	f.cids, f.mids = o.cids, o.mids
	for _, id := range f.cids {
		f.mark[id] |= inContext
	}
	for _, id := range f.mids {
		f.mark[id] |= inMeasure
	}
}

// bitOf returns the mark of list s when s is the focus's context or
// measure (the same slice), or 0.
func (f *focus) bitOf(s []int32) uint8 {
	switch {
	case f == nil || len(s) == 0:
		return 0
	case len(s) == len(f.cids) && &s[0] == &f.cids[0]:
		return inContext
	case len(s) == len(f.mids) && &s[0] == &f.mids[0]:
		return inMeasure
	}
	return 0
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
	ids := featureIDs{byID: make([]float64, len(names)), focus: &focus{mark: make([]uint8, len(names))}}
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
	return 2 * ids.sharedWeight(a, b) / (ta + tb)
}

// sharedWeight is the summed weight of the ids two sorted lists share,
// added in increasing order of id whichever way it is computed.
func (ids featureIDs) sharedWeight(a, b []int32) float64 {
	shared := 0.0
	if bit := ids.focus.bitOf(a); bit != 0 {
		for _, id := range b {
			if ids.focus.mark[id]&bit != 0 {
				shared += ids.byID[id]
			}
		}
		return shared
	}
	if bit := ids.focus.bitOf(b); bit != 0 {
		for _, id := range a {
			if ids.focus.mark[id]&bit != 0 {
				shared += ids.byID[id]
			}
		}
		return shared
	}
	return overlap.SharedWeight(a, b, func(id int32) float64 { return ids.byID[id] })
}

// shared is overlap.Shared on feature ids, by the focus when a or b is
// marked.
func (ids featureIDs) shared(a, b []int32) int {
	if bit := ids.focus.bitOf(a); bit != 0 {
		return ids.focus.count(b, bit)
	}
	if bit := ids.focus.bitOf(b); bit != 0 {
		return ids.focus.count(a, bit)
	}
	return overlap.Shared(a, b)
}

// count returns how many ids of s carry the mark bit.
func (f *focus) count(s []int32, bit uint8) int {
	n := 0
	for _, id := range s {
		if f.mark[id]&bit != 0 {
			n++
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
	m := map[string]bool{"负": true, "負": true, "第": true, "对": true, "翻": true} // 翻: 翻两番, a doubling
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

// minParallel is the least number of observations of a document whose
// candidates are looked for on several processors: below it, starting
// goroutines costs more than it saves.
const minParallel = 16

// linkScratch is what one goroutine looking for candidates writes to:
// the tracks it has seen and its focus.
type linkScratch struct {
	seen  visits
	focus *focus
}

// candidatesOf returns the candidates of each observation of obs, in
// order: what calling l.candidates on each in turn returns, computed on
// every processor for a document of many figures. Each goroutine takes a
// contiguous share of obs and a shallow copy of the linker with its own
// scratch (seen, focus), so candidates must only read the rest of the
// linker — the tracks do not change while a document is assigned.
func (l *linker) candidatesOf(obs []Observation) []candidate {
	workers := min(runtime.GOMAXPROCS(0), len(obs)/minParallel)
	if workers <= 1 {
		var cands []candidate
		for k, o := range obs {
			cands = l.candidates(cands, k, o)
		}
		return cands
	}
	for len(l.scratch) < workers {
		l.scratch = append(l.scratch, &linkScratch{focus: &focus{mark: make([]uint8, len(l.w.byID))}})
	}
	parts := make([][]candidate, workers)
	parallel.For(workers, func(i int) {
		h := *l
		h.seen, h.w.focus = l.scratch[i].seen, l.scratch[i].focus
		lo, hi := i*len(obs)/workers, (i+1)*len(obs)/workers
		for k := lo; k < hi; k++ {
			parts[i] = h.candidates(parts[i], k, obs[k])
		}
		l.scratch[i].seen = h.seen // its marks may have grown
	})
	return slices.Concat(parts...)
}

// explainAll returns, for each observation of obs that assign linked to
// track tracks[k] (not -1), l.explain(obs[k], tracks[k], ""): computed
// on every processor for a document of many figures, before any joins
// its track (assign gives each track at most one, so each explanation
// reads its track as it stands). explain only reads the linker.
func (l *linker) explainAll(obs []Observation, tracks []int) []*Evidence {
	out := make([]*Evidence, len(obs))
	one := func(k int) {
		if tracks[k] >= 0 {
			out[k] = l.explain(obs[k], tracks[k], "")
		}
	}
	if len(obs) < minParallel {
		for k := range obs {
			one(k)
		}
		return out
	}
	parallel.For(len(obs), one)
	return out
}
