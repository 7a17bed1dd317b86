package diff

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/docdrift/docdrift/figures"
)

// isWhole reports whether a passage is added, removed or moved whole
// (moved with no edit): its changes are its sentences, not hunks.
func isWhole(p Passage) bool {
	return p.Kind == Added || p.Kind == Removed || p.Kind == Moved && len(p.Edits) == 0
}

// wholeChanges lists a passage added, removed or moved whole sentence by
// sentence, each with the class of what it holds (contentClass): a
// reader quotes sentences, and a passage of three sentences may hold a
// decision, a forecast and boilerplate. Concepts are added by
// conceptSides.changes.
func wholeChanges(p Passage, sides [2]side, held *heldFigures) []Change {
	var out []Change
	for k, s := range [2]*Side{p.Old, p.New} {
		if s == nil || p.Kind == Moved && k == 1 {
			continue // a move holds the same sentences on both sides: list them once
		}
		for _, j := range sentencesIn(sides[k], s) {
			se := sides[k].sents[j]
			text := tidy(sides[k].doc.Text[se.start:se.end])
			c := Change{Class: contentClass(sides, k, j, held)}
			switch {
			case p.Kind == Moved:
				c.Old, c.New = text, text
			case k == 0:
				c.Old = text
			default:
				c.New = text
			}
			out = append(out, c)
		}
	}
	if len(out) == 0 { // no compared sentence found: the passage whole, as wording
		c := Change{Class: Wording}
		if p.Old != nil {
			c.Old = tidy(p.Old.Text)
		}
		if p.New != nil {
			c.New = tidy(p.New.Text)
		}
		out = append(out, c)
	}
	return out
}

// sentencesIn returns the indexes of the compared sentences of s that
// lie in the side sd of a passage.
func sentencesIn(s side, sd *Side) []int {
	var out []int
	for i := sentenceAt(s, sd.Start); i >= 0 && i < len(s.sents) && s.sents[i].start < sd.End; i++ {
		out = append(out, i)
	}
	return out
}

// contentClass is the class of sentence j of side k, which a passage
// adds, removes or moves whole, from what it states, most significant
// first: a figure the other document does not state (held.lacks); a
// negation; a modal; else wording.
func contentClass(sides [2]side, k, j int, held *heldFigures) Class {
	se := sides[k].sents[j]
	text := sides[k].doc.Text[se.start:se.end]
	if held.lacks(k, se.start, se.end) {
		return Figure
	}
	ws := words(text)
	hasLemma := func(lemma func(string) string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return lemma(w) != "" })
	}
	hanHas := func(set, except []string) bool {
		return slices.ContainsFunc(set, func(w string) bool { return hanCount(text, w, except) > 0 })
	}
	switch {
	case hasLemma(negationLemma) || hanHas(zhNegations, zhNotNegations):
		return Negation
	case hasLemma(modalLemma) || hanHas(zhModals, nil):
		return Modality
	}
	return Wording
}

// heldFigures is what each document states with figures, worked out on
// first use (most steps add or remove few sentences with figures): its
// observations (figures.Observe: value, unit and the role of the
// statement) and the steps it states ("by 25 basis points"), which
// Observe leaves out.
type heldFigures struct {
	sides [2]side
	load  [2]func() held
}

type held struct {
	obs   []figures.Observation // in document order
	keys  map[string]bool       // of obs: value, unit, role
	steps map[string]bool       // figureKey of each step
}

func newHeldFigures(sides [2]side) *heldFigures {
	h := &heldFigures{sides: sides}
	for k := range sides {
		s := sides[k]
		h.load[k] = sync.OnceValue(func() held {
			out := held{keys: map[string]bool{}, steps: map[string]bool{}}
			for _, o := range figures.Observe(figures.Document{Doc: s.doc}) {
				if sentenceAt(s, o.Start) >= 0 {
					out.obs = append(out.obs, o)
					out.keys[observedKey(o)] = true
				}
			}
			for _, se := range s.sents {
				for _, f := range quantities(s.doc.Text[se.start:se.end]) {
					if f.NotFigure == figures.Step {
						out.steps[figureKey(f)] = true
					}
				}
			}
			return out
		})
	}
	return h
}

// lacks reports whether the sentence [start, end) of side k states a
// figure that the other document does not: no figure of the same value
// and unit in a statement of the same role ("inflation that averages 2
// percent over time", a cumulative goal, is lacking from a document that
// states 2 percent only as the longer-run rate), or a step it never
// takes. A figure the other document states too is no figure change:
// figure tracks say whether the fact moved.
func (h *heldFigures) lacks(k, start, end int) bool {
	text := h.sides[k].doc.Text[start:end]
	if !strings.ContainsFunc(text, mayBeNumber) {
		return false
	}
	own, other := h.load[k](), h.load[1-k]()
	i := sort.Search(len(own.obs), func(i int) bool { return own.obs[i].Start >= start })
	for ; i < len(own.obs) && own.obs[i].Start < end; i++ {
		if !other.keys[observedKey(own.obs[i])] {
			return true
		}
	}
	for _, f := range quantities(text) {
		if f.NotFigure == figures.Step && !other.steps[figureKey(f)] {
			return true
		}
	}
	return false
}

// observedKey is an observation's figureKey and the kind of statement
// that holds it: a level (a result, a target or a reference, which
// figures tells apart less surely, and a reader reads as one value said
// again), a cumulative goal ("averages 2 percent over time") or an
// alternative (a dissenter's preferred value).
func observedKey(o figures.Observation) string {
	kind := "level"
	if o.Role == figures.RoleCumulative || o.Role == figures.RoleAlternative {
		kind = o.Role
	}
	return figureKey(o.Figure) + " " + kind
}

// figureKey is a figure's value, unit, range end and earlier value.
func figureKey(f figures.Figure) string {
	return fmt.Sprint(f.Value, " ", f.Unit, " ", figureEnd(f.High), " ", figureEnd(f.From))
}

// withSentences sets the sentences that hold each hunk change of a
// passage (at: where each hunk stands), when they say more than the hunk.
func withSentences(cs []Change, at []hunkAt, sides [2]side) {
	for i := range cs {
		if i >= len(at) {
			return
		}
		c := &cs[i]
		for k, dst := range [2]*string{&c.OldSentence, &c.NewSentence} {
			j := sentenceAt(sides[k], at[i][k])
			if j < 0 {
				continue
			}
			se := sides[k].sents[j]
			t := tidy(sides[k].doc.Text[se.start:se.end])
			if t != c.Old && t != c.New {
				*dst = t
			}
		}
	}
}

// Weights of the evidence that ranks changes within one class: what a
// reader of a policy statement lists first. Judged on the FOMC
// statements, the longer-run goals and the fixtures (issue 18): a
// decision (a policy verb changed, or stated with a figure) outweighs a vote
// or a dissent, and either a sentence that only states a figure; a figure
// adds to both. Boilerplate has no signal and weighs 0. A decision and a
// vote do not add up: a dissent that "preferred to raise" the rate is a
// vote, not a second decision.
const (
	weightPolicyVerb = 3 // raise, lower, maintain, decided, 提高, 降低 … with a figure
	weightVote       = 2 // a vote or a dissent
	weightFigure     = 2 // the change states a figure (not a date, not a rank)
)

var (
	policyVerb = regexp.MustCompile(`(?i)\b(?:rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|maintain(?:s|ed|ing)?|decided|decides|cut(?:s|ting)?|tighten(?:s|ed|ing)?|reaffirm(?:s|ed)?)\b|提高|降低|上调|下调|维持|保持`)
	vote       = regexp.MustCompile(`(?i)\b(?:vot(?:e|es|ed|ing)|dissent(?:s|ed|ing)?)\b|表决|反对票`)
)

// weighChange sums the evidence of a change's words and of the sentences
// that hold them: a vote, or else a decision (a policy verb in the words
// changed — a sentence added or removed whole included — or in a sentence
// that states a figure: "decided to raise the target range … to 1/4 to
// 1/2 percent", but not "we maintain the largest …" around a hunk that
// adds "first"); and a figure. Signals keeps the names of what counted,
// for --format json.
func weighChange(c *Change) {
	texts := []string{c.Old, c.New, c.OldSentence, c.NewSentence}
	c.Weight, c.Signals = 0, nil
	add := func(w int, name string) {
		c.Weight += w
		c.Signals = append(c.Signals, name)
	}
	switch {
	case slices.ContainsFunc(texts, vote.MatchString):
		add(weightVote, "vote")
	case policyVerb.MatchString(c.Old) || policyVerb.MatchString(c.New) ||
		slices.ContainsFunc(texts, func(t string) bool { return policyVerb.MatchString(t) && statesFigure(t) }):
		add(weightPolicyVerb, "policy verb")
	}
	if slices.ContainsFunc(texts, statesFigure) {
		add(weightFigure, "figure")
	}
}

// statesFigure reports whether text states a figure that measures: not a
// date, and not a rank ("ranking first"), which orders rather than
// measures.
func statesFigure(text string) bool {
	return slices.ContainsFunc(quantities(text), func(f figures.Figure) bool { return f.Unit != figures.Rank })
}
