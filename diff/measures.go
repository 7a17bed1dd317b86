package diff

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
)

// sameMeasure pairs the sentences left free by similarity that state a
// figure of the same measure with another value: "the current 0 to 1/4
// percent target range for the federal funds rate remains appropriate" and
// "decided to raise the target range for the federal funds rate to 1/4 to
// 1/2 percent" share few words, but a reader reads them as one figure
// changed, old → new, not as a sentence removed and another added.
//
// Evidence, all required: the figures' measures (figures.Observe: the
// phrase of what is measured, without the verbs that frame it) are the
// same words, their units are the same, their roles are the same (a
// dissenter's preferred range is no decision, a target no result), and
// their values differ (an equal value is no figure change, and pairing on
// it would join sentences that merely restate a goal). Choice: a measure
// stated by exactly one free sentence on each side pairs them; one stated
// by several free sentences of either side is ambiguous and pairs
// nothing. Measures are taken in a fixed (sorted) order, and a sentence
// already paired through another measure is not paired again.
//
// Cost: nothing unless both sides have free sentences with digits or Han
// numerals; then one figures.Observe of each document, linear in its
// length, and a pass over the free sentences' figures.
func (al *aligner) sameMeasure() {
	freeA, freeB := al.freeWithFigures(al.a, al.aPair), al.freeWithFigures(al.b, al.bPair)
	if len(freeA) == 0 || len(freeB) == 0 {
		return
	}
	// The two sides' figures are observed on two cores.
	var oa, ob map[string][]measured
	parallel.For(2, func(k int) {
		if k == 0 {
			oa = measuresOf(al.a, freeA)
		} else {
			ob = measuresOf(al.b, freeB)
		}
	})
	for _, k := range sortedMeasureKeys(oa) {
		xs, ys := oa[k], ob[k]
		if len(xs) != 1 || len(ys) != 1 {
			continue
		}
		x, y := xs[0], ys[0]
		if x.value == y.value || al.aPair[x.sent] >= 0 || al.bPair[y.sent] >= 0 {
			continue
		}
		sp, tp := span{x.sent, x.sent + 1}, span{y.sent, y.sent + 1}
		al.add(pair{old: sp, new: tp, score: al.score(sp, tp)})
	}
}

// measured is a figure of one free sentence: the sentence's index in its
// side and the figure's value, as text of its number and range.
type measured struct {
	sent  int
	value string
}

// freeWithFigures returns the set of free sentences of s (pairOf < 0) that
// may hold a figure.
func (al *aligner) freeWithFigures(s side, pairOf []int) map[int]bool {
	out := map[int]bool{}
	for i, se := range s.sents {
		if pairOf[i] < 0 && se.idx >= 0 && mayHoldNumber(s.doc.Text[se.start:se.end]) {
			out[i] = true
		}
	}
	return out
}

func mayBeNumber(r rune) bool {
	return r >= '0' && r <= '9' || normalize.IsHan(r) && strings.ContainsRune("〇零一二三四五六七八九十百千万亿两", r)
}

// mayHoldNumber reports whether text may hold a figure: a digit, a Han
// numeral or an English number word ("eight consecutive years"). It only
// saves extracting figures from text that has none; a false yes costs
// that extraction.
func mayHoldNumber(text string) bool {
	if strings.ContainsFunc(text, mayBeNumber) {
		return true
	}
	lower := strings.ToLower(text)
	return slices.ContainsFunc(numberWords, func(w string) bool { return strings.Contains(lower, w) })
}

// numberWords are English number words, or the parts longer ones hold
// ("seventeen" holds "seven", "ninety" "nine"), and ordinals.
var numberWords = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
	"billion", "trillion", "half", "dozen", "first", "second", "third"}

// observeSome is figures.Observe of the compared sentences of s at the
// indexes idx (in increasing order), and of those only: a shallow copy of
// the document that lists no other sentence. A figure's measure and role
// come from its own sentence (and the block's lead-in), so they read as
// in the whole document, at the cost of the sentences asked for instead
// of the document's.
//
// The figures of a sentence that has units are those its units were made
// of (extracted from the same text): they are not extracted again.
func observeSome(s side, idx []int) []figures.Observation {
	d := *s.doc
	d.Sentences = nil
	var kept []int // the sentence of s of each of d's
	for _, i := range idx {
		if se := s.sents[i]; se.idx >= 0 {
			d.Sentences = append(d.Sentences, s.doc.Sentences[se.idx])
			kept = append(kept, i)
		}
	}
	if len(d.Sentences) == 0 {
		return nil
	}
	return figures.ObserveExtracted(figures.Document{Doc: &d}, func(k int) ([]figures.Figure, bool) {
		se := &s.sents[kept[k]]
		if !se.hasUnits() {
			return nil, false
		}
		return se.work.figs, true
	})
}

// measuresOf returns the figures of the free sentences of s by key: the
// measure's words in lower case, the unit and the role.
func measuresOf(s side, free map[int]bool) map[string][]measured {
	out := map[string][]measured{}
	idx := make([]int, 0, len(free))
	for i := range free {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, o := range observeSome(s, idx) {
		i := sentenceAt(s, o.Start)
		if i < 0 || !free[i] || strings.TrimSpace(o.Measure) == "" || o.NotFigure != "" {
			continue
		}
		k := strings.Join(strings.Fields(strings.ToLower(o.Measure)), " ") + "\x00" + string(o.Unit) + "\x00" + o.Role
		v := measuredValue(o.Figure)
		// One sentence stating one measure twice counts once.
		if ms := out[k]; len(ms) > 0 && ms[len(ms)-1].sent == i {
			continue
		}
		out[k] = append(out[k], measured{sent: i, value: v})
	}
	return out
}

// measuredValue is a figure's value, range end and earlier value, as one
// comparable string.
func measuredValue(f figures.Figure) string {
	return strings.Join([]string{ftoa(f.Value), ftoa(figureEnd(f.High)), ftoa(figureEnd(f.From))}, " ")
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// sentenceAt returns the index of the sentence of s holding byte offset
// at, or -1.
func sentenceAt(s side, at int) int {
	i := sort.Search(len(s.sents), func(i int) bool { return s.sents[i].end > at })
	if i < len(s.sents) && s.sents[i].start <= at {
		return i
	}
	return -1
}

func sortedMeasureKeys(m map[string][]measured) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
