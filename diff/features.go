package diff

import (
	"math"
	"slices"
	"strings"

	"github.com/docdrift/docdrift/internal/overlap"

	"github.com/docdrift/docdrift/normalize"
)

// Feature weights relative to a content word. Figures are strong anchors:
// two sentences that share "over 200 million" most likely make the same
// point. Word pairs reward shared phrasing over shared vocabulary.
const (
	figureWeight = 3.0
	bigramWeight = 0.5
)

// stopWords are English function words, left out of similarity features.
// Modal verbs and negations are not among them: "will" → "may" and a
// dropped "not" change what a sentence says.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into onto upon
		is are was were be been being am has have had having do does did
		this that these those it its they them their we our us you your he she his her i me my
		so than too very also just only such both each all any some more most other own same
		which who whom whose what when where why how there here then thus while about over under again
		further once between through during before after above below up down out off because until
		s t d ll re ve`) {
		m[w] = true
	}
	return m
}()

// stem folds a few English suffixes so that "invest", "investing" and
// "invested" share a feature. It is deliberately crude: features only
// decide which sentences to pair, never what is shown.
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "es"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// feature is a similarity feature: its kind (figure, word, word pair,
// ideograph pair) and a 64-bit FNV-1a hash of its text, so that features
// are made without building strings. Two texts sharing a hash by chance
// (about one pair in 10^10 among a million features) would only nudge a
// similarity score, never what is shown.
type feature struct {
	kind byte
	hash uint64
}

// Feature kinds.
const (
	figureFeature = 'f'
	wordFeature   = 'w'
	pairFeature   = 'b'
	hanFeature    = 'h'
)

// newFeature hashes the kind and the text a, b (b may be empty).
func newFeature(kind byte, a, b string) feature {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	h = (h ^ uint64(kind)) * prime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * prime
	}
	h = (h ^ 0xff) * prime // a separator no UTF-8 text holds
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * prime
	}
	return feature{kind, h}
}

// features lists, in a new slice, the similarity features of a
// sentence's units: content word stems, pairs of consecutive content
// words, pairs of consecutive ideographs (Chinese has no spaces; a
// character bigram is the usual proxy for a word), and figures by value.
// It gathers them in sc.
func features(sc *scratch, us []unit) []feature {
	out := sc.features[:0]
	prevWord, prevHan := "", ""
	for _, u := range us {
		switch {
		case u.figure:
			out = append(out, newFeature(figureFeature, u.value(), ""))
			prevWord, prevHan = "", ""
		case isHanKey(u.key):
			if prevHan != "" {
				out = append(out, newFeature(hanFeature, prevHan, u.key))
			}
			prevHan, prevWord = u.key, ""
		case isWordKey(u.key):
			prevHan = ""
			if stopWords[u.key] {
				continue
			}
			s := stem(u.key)
			out = append(out, newFeature(wordFeature, s, ""))
			if prevWord != "" {
				out = append(out, newFeature(pairFeature, prevWord, s))
			}
			prevWord = s
		default:
			prevHan = ""
		}
	}
	sc.features = out
	return slices.Clone(dedupe(out))
}

func isHanKey(k string) bool {
	r := []rune(k)
	return len(r) == 1 && normalize.IsHan(r[0])
}

func isWordKey(k string) bool {
	for _, r := range k {
		if r >= 'a' && r <= 'z' || r > 0x7f && !normalize.IsHan(r) {
			return true
		}
	}
	return false
}

// dedupe keeps the first of equal features, in order: by comparing each
// with those kept for a sentence's few dozen (faster than a map, and
// without allocating), by a map beyond.
func dedupe(s []feature) []feature {
	if len(s) <= 64 {
		out := s[:0]
		for _, x := range s {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		return out
	}
	seen := make(map[feature]struct{}, len(s))
	out := s[:0]
	for _, x := range s {
		if _, ok := seen[x]; !ok {
			seen[x] = struct{}{}
			out = append(out, x)
		}
	}
	return out
}

// featureSet is a sentence's features as sorted, distinct ids.
type featureSet []int32

// weigher interns features and gives each its inverse document frequency
// over the sentences of both documents (rare features tell more), scaled
// by its kind.
type weigher struct {
	ids     featureIDs
	df      []int
	weights []float64
	n       int
}

func newWeigher() *weigher { return &weigher{} }

// intern returns the feature set of one sentence and counts its features.
func (w *weigher) intern(fs []feature) featureSet {
	out := make(featureSet, 0, len(fs))
	for _, f := range fs {
		id, ok := w.ids.get(f)
		if !ok {
			id = int32(len(w.df))
			w.ids.put(f, id)
			w.df = append(w.df, 0)
			w.weights = append(w.weights, kindWeight(f))
		}
		w.df[id]++
		out = append(out, id)
	}
	slices.Sort(out)
	w.n++
	return out
}

// featureIDs maps features to their ids: a table of open addressing
// probed from the feature's own hash, which is already well mixed (FNV-1a
// of its text), so that interning a document's features — serial work —
// costs a few nanoseconds a feature rather than a map's hashing of the
// struct.
type featureIDs struct {
	slots []featureSlot // len a power of two, at most half full
	n     int
}

type featureSlot struct {
	f    feature
	id   int32
	used bool
}

// get returns the id of f, if it has one.
func (t *featureIDs) get(f feature) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := f.hash & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.used {
			return 0, false
		}
		if s.f == f {
			return s.id, true
		}
	}
}

// put gives f, which has no id yet, the id id.
func (t *featureIDs) put(f feature, id int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	i := f.hash & mask
	for t.slots[i].used {
		i = (i + 1) & mask
	}
	t.slots[i] = featureSlot{f: f, id: id, used: true}
	t.n++
}

// grow doubles the table (to 1,024 slots at first) and places its
// features again.
func (t *featureIDs) grow() {
	old := t.slots
	t.slots, t.n = make([]featureSlot, max(2*len(old), 1024)), 0
	for _, s := range old {
		if s.used {
			t.put(s.f, s.id)
		}
	}
}

// lookup returns the ids of the features fs that were interned, as a
// feature set, without counting them: for a piece of a sentence whose
// features the sentence has.
func (w *weigher) lookup(fs []feature) featureSet {
	out := make(featureSet, 0, len(fs))
	for _, f := range fs {
		if id, ok := w.ids.get(f); ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func kindWeight(f feature) float64 {
	switch f.kind {
	case figureFeature:
		return figureWeight
	case pairFeature:
		return bigramWeight
	}
	return 1
}

// finish turns kind weights into kind × IDF weights, once every sentence
// has been interned.
func (w *weigher) finish() {
	for id := range w.weights {
		w.weights[id] *= math.Log(1 + float64(w.n)/float64(max(w.df[id], 1)))
	}
}

func (w *weigher) total(fs featureSet) float64 { return overlap.Total(fs, w.weight) }

// similarity is the weighted Dice coefficient of two feature sets, in
// [0, 1] (see package overlap).
func (w *weigher) similarity(a, b featureSet, ta, tb float64) float64 {
	return overlap.Dice(a, b, ta, tb, w.weight)
}

func (w *weigher) weight(f int32) float64 { return w.weights[f] }

// union merges sorted feature sets into one.
func union(sets ...featureSet) featureSet {
	var out featureSet
	for _, s := range sets {
		out = append(out, s...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
