package diff

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
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
func wholeChanges(p Passage, sides [2]side, held *heldFigures, facts *factMemo) []Change {
	var out []Change
	for k, s := range [2]*Side{p.Old, p.New} {
		if s == nil || p.Kind == Moved && k == 1 {
			continue // a move holds the same sentences on both sides: list them once
		}
		for _, j := range sentencesIn(sides[k], s) {
			se := sides[k].sents[j]
			text := tidy(sides[k].doc.Text[se.start:se.end])
			facts.sentence(text, k, j)
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
	if held.lacks(k, j) {
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

// heldFigures answers whether the other document states a figure, for
// the sentences a passage adds, removes or moves whole. It looks only at
// the sentences that hold the figure's number as written ("1/4 to 1/2",
// "500", 三百), each read once per document and only until one states
// the figure, so that a step with few such sentences costs few
// observations (figures.Observe), not a reading of both documents'
// figures. It is safe for concurrent use: the goroutines classifying
// passages share it.
type heldFigures struct {
	sides   [2]side
	mu      sync.Mutex
	holding [2]map[string][]int // by number: holdingSentences
	digits  [2]func() *digitIndex
	keys    [2]map[int][]string // by sentence: the observedKeys of its figures
	steps   [2]map[int][]string // by sentence: the figureKeys of its steps
}

func newHeldFigures(sides [2]side) *heldFigures {
	h := &heldFigures{sides: sides}
	for k := range sides {
		h.holding[k] = map[string][]int{}
		text := sides[k].doc.Text
		h.digits[k] = sync.OnceValue(func() *digitIndex { return newDigitIndex(text) })
		h.keys[k], h.steps[k] = map[int][]string{}, map[int][]string{}
	}
	return h
}

// holds reports whether a sentence of side k that holds number states
// key: an observedKey, or with step a step's figureKey. A number held by
// more than maxHolding sentences is taken to be stated with every value
// and kind ("2", "one"): no figure change, and no cost of reading them
// all. The work is done outside the lock, so that the goroutines do not
// queue behind one another; two may read the same sentence, and keep one
// answer.
func (h *heldFigures) holds(k int, number, key string, step bool) bool {
	h.mu.Lock()
	holding, ok := h.holding[k][number]
	h.mu.Unlock()
	if !ok {
		holding = holdingSentences(h.sides[k], number, h.digits[k]())
		h.mu.Lock()
		h.holding[k][number] = holding
		h.mu.Unlock()
	}
	if len(holding) > maxHolding {
		return true
	}
	read, memo := h.sentenceKeys, &h.keys[k]
	if step {
		read, memo = h.sentenceSteps, &h.steps[k]
	}
	for _, i := range holding {
		h.mu.Lock()
		keys, ok := (*memo)[i]
		h.mu.Unlock()
		if !ok {
			keys = read(k, i)
			h.mu.Lock()
			(*memo)[i] = keys
			h.mu.Unlock()
		}
		if slices.Contains(keys, key) {
			return true
		}
	}
	return false
}

// sentenceKeys returns the observedKeys of the figures of sentence i of
// side k.
func (h *heldFigures) sentenceKeys(k, i int) []string {
	keys := []string{} // not nil: read
	for _, o := range observeSome(h.sides[k], []int{i}) {
		keys = append(keys, observedKey(o))
	}
	return keys
}

// sentenceSteps returns the figureKeys of the steps of sentence i of side
// k.
func (h *heldFigures) sentenceSteps(k, i int) []string {
	keys := []string{}
	for _, f := range h.sides[k].quantitiesOf(i) {
		if f.NotFigure == figures.Step {
			keys = append(keys, figureKey(f))
		}
	}
	return keys
}

// holdingSentences returns, in order, the sentences of s whose text
// holds number, at most maxHolding+1 of them. Occurrences of a number
// that begins with a digit are looked for where digits has that digit;
// others through the text.
func holdingSentences(s side, number string, digits *digitIndex) []int {
	var holding []int
	text := s.doc.Text
	for off := 0; len(holding) <= maxHolding; {
		at := digits.index(text, number, off)
		if at < 0 {
			break
		}
		off = at + 1
		// The last sentence starting at or before the occurrence.
		j := sort.Search(len(s.sents), func(j int) bool { return s.sents[j].start > at }) - 1
		if j < 0 || at+len(number) > s.sents[j].end {
			continue // not inside a compared sentence
		}
		if n := len(holding); n == 0 || holding[n-1] != j {
			holding = append(holding, j)
		}
		off = max(off, s.sents[j].end) // the next sentence, at the earliest
	}
	return holding
}

// digitIndex holds the offsets where a text has each ASCII digit, in
// order, by that digit and by it and the byte after it: the numbers
// heldFigures looks for begin with a digit most often, and a text holds
// few digits, so looking where they are beats scanning the text for each
// number.
type digitIndex struct {
	digits [10][]int
	pairs  [10][256][]int // by digit and next byte
}

func newDigitIndex(text string) *digitIndex {
	d := new(digitIndex)
	for i := 0; i < len(text); i++ {
		if c := text[i]; '0' <= c && c <= '9' {
			d.digits[c-'0'] = append(d.digits[c-'0'], i)
			if i+1 < len(text) {
				d.pairs[c-'0'][text[i+1]] = append(d.pairs[c-'0'][text[i+1]], i)
			}
		}
	}
	return d
}

// index returns the first offset from off where text holds number, or
// -1: strings.Index, through the offsets of number's first digit (and
// byte after it).
func (d *digitIndex) index(text, number string, off int) int {
	var at []int
	switch {
	case number == "" || number[0] < '0' || number[0] > '9':
		if i := strings.Index(text[off:], number); i >= 0 {
			return off + i
		}
		return -1
	case len(number) == 1:
		at = d.digits[number[0]-'0']
	default:
		at = d.pairs[number[0]-'0'][number[1]]
	}
	for k := sort.SearchInts(at, off); k < len(at); k++ {
		if strings.HasPrefix(text[at[k]:], number) {
			return at[k]
		}
	}
	return -1
}

// maxHolding is the most sentences of a document holding one number that
// heldFigures reads; beyond it, the number counts as held.
const maxHolding = 64

// lacks reports whether sentence j of side k states a figure that the
// other document does not: no figure of the same value and unit in a
// statement of the same kind ("inflation that averages 2 percent over
// time", a cumulative goal, is lacking from a document that states 2
// percent only as the longer-run rate), or a step it never takes. A
// figure the other document states too is no figure change: figure
// tracks say whether the fact moved.
func (h *heldFigures) lacks(k, j int) bool {
	s := h.sides[k]
	text := s.doc.Text[s.sents[j].start:s.sents[j].end]
	if !mayHoldNumber(text) {
		return false
	}
	qs := s.quantitiesOf(j)
	// An observation that measures is of a figure that names and
	// enumerates nothing and is no period or rank (or of the earlier
	// value of one): without one, observing the sentence finds none.
	observable := func(f figures.Figure) bool {
		return f.NotFigure == "" && f.Unit != figures.Period && f.Unit != figures.Rank
	}
	if slices.ContainsFunc(qs, observable) {
		for _, o := range observeSome(s, []int{j}) {
			if measures(o.Figure) && !h.holds(1-k, numberOf(o.Text), observedKey(o), false) {
				return true
			}
		}
	}
	for _, f := range qs {
		if f.NotFigure == figures.Step && !h.holds(1-k, numberOf(f.Text), figureKey(f), true) {
			return true
		}
	}
	return false
}

// measures reports whether f states a quantity a reader would report as
// a figure: not a rank ("the 18th CPC National Congress", "the second
// is"), and not a small count spelled in words ("two markets and two
// resources", "two important ways"), which is rhetoric more often than a
// figure; numerals, spelled numbers from ten and records ("seven
// consecutive years", "four straight years") are figures.
func measures(f figures.Figure) bool {
	record := strings.Contains(f.Text, "consecutive") || strings.Contains(f.Text, "straight")
	return f.Unit != figures.Rank && (strings.ContainsFunc(f.Text, mayBeNumber) || f.Value >= 10 || record)
}

// numberOf is the part of a figure's words from its first numeral to its
// last ("1/4 to 1/2" of "1/4 to 1/2 percent", 三百 of 三百万元 … as
// mayBeNumber reads them); the words whole when they hold none.
func numberOf(text string) string {
	i := strings.IndexFunc(text, mayBeNumber)
	j := strings.LastIndexFunc(text, mayBeNumber)
	if i < 0 {
		return text
	}
	_, size := utf8.DecodeRuneInString(text[j:])
	return text[i : j+size]
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
func withSentences(cs []Change, at []hunkAt, sides [2]side, facts *factMemo) {
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
				facts.sentence(t, k, j)
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

// The words of a decision and of a vote, English by word, Chinese by
// text (see hanAny).
var (
	policyVerbs = setOf("raise", "raises", "raised", "raising", "lower", "lowers", "lowered", "lowering",
		"maintain", "maintains", "maintained", "maintaining", "decided", "decides", "cut", "cuts", "cutting",
		"tighten", "tightens", "tightened", "tightening", "reaffirm", "reaffirms", "reaffirmed")
	zhPolicyVerbs = []string{"提高", "降低", "上调", "下调", "维持", "保持"}
	voteWords     = setOf("vote", "votes", "voted", "voting", "dissent", "dissents", "dissented", "dissenting")
	zhVoteWords   = []string{"表决", "反对票"}
)

// weighChange sums the evidence of a change's words and of the sentences
// that hold them: a vote, or else a decision (a policy verb in the words
// changed — a sentence added or removed whole included — or in a sentence
// that states a figure: "decided to raise the target range … to 1/4 to
// 1/2 percent", but not "we maintain the largest …" around a hunk that
// adds "first"); and a figure. Signals keeps the names of what counted,
// for --format json.
func weighChange(c *Change) { weighChangeWith(c, factsOf) }

// textFacts are what weighChange reads in a text.
type textFacts struct{ vote, decision, figure bool }

// factsOf reads the facts of t. A figure is one that measures: not a
// date, and not a rank ("ranking first"), which orders rather than
// measures; mayHoldNumber costs less than the extraction.
func factsOf(t string) textFacts {
	f := wordFacts(t)
	f.figure = mayHoldNumber(t) && measuresAny(quantities(t))
	return f
}

func measuresAny(qs []figures.Figure) bool {
	return slices.ContainsFunc(qs, func(f figures.Figure) bool { return f.Unit != figures.Rank })
}

// wordFacts reads a vote and a decision in t: one of the English words of
// voteWords or policyVerbs among words(t), or of the Chinese words of
// zhVoteWords or zhPolicyVerbs in t.
func wordFacts(t string) textFacts {
	var f textFacts
	if strings.Contains(t, "May") { // words reads "May 3" as a month
		ws := words(t)
		f.vote, f.decision = anyIn(ws, voteWords), anyIn(ws, policyVerbs)
	} else {
		lowerWords(t, func(w []byte) {
			if len(w) > factWordMax || !factWordStart[w[0]] {
				return // most words: no lookup
			}
			f.vote = f.vote || voteWords[string(w)]
			f.decision = f.decision || policyVerbs[string(w)]
		})
	}
	f.vote = f.vote || slices.ContainsFunc(zhVoteWords, func(w string) bool { return strings.Contains(t, w) })
	f.decision = f.decision || slices.ContainsFunc(zhPolicyVerbs, func(w string) bool { return strings.Contains(t, w) })
	return f
}

// factWordStart holds the first bytes of the words of voteWords and
// policyVerbs, and factWordMax the length of the longest.
var factWordStart, factWordMax = func() (start [256]bool, longest int) {
	for _, set := range []map[string]bool{voteWords, policyVerbs} {
		for w := range set {
			start[w[0]], longest = true, max(longest, len(w))
		}
	}
	return start, longest
}()

// lowerWords calls fn with each of words(s) that is at most 32 bytes long,
// in a buffer it reuses, for a text s without "May" (see words): the same
// lower-case runs of letters, digits and apostrophes, without building
// the lower-case text and the list.
func lowerWords(s string, fn func(w []byte)) {
	var buf [32]byte
	n := 0 // bytes of the word so far; -1 when it is too long
	for i := 0; i < len(s); {
		var r rune
		var in bool // r belongs to a word
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most text: the same tests without the tables.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			r, in = rune(c), 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\''
			i++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			r = unicode.ToLower(r)
			in = (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’') && !normalize.IsHan(r)
			i += size
		}
		if !in {
			if n > 0 {
				fn(buf[:n])
			}
			n = 0
			continue
		}
		switch {
		case n < 0:
		case n+utf8.RuneLen(r) > len(buf):
			n = -1
		default:
			n += utf8.EncodeRune(buf[n:], r)
		}
	}
	if n > 0 {
		fn(buf[:n])
	}
}

// weighChangeWith is weighChange with the facts of a text given: the
// changes of one passage share their sentences, and a memo reads each
// once (memoFacts).
func weighChangeWith(c *Change, facts func(string) textFacts) {
	texts := []string{c.Old, c.New, c.OldSentence, c.NewSentence}
	c.Weight, c.Signals = 0, nil
	add := func(w int, name string) {
		c.Weight += w
		c.Signals = append(c.Signals, name)
	}
	switch {
	case slices.ContainsFunc(texts, func(t string) bool { return facts(t).vote }):
		add(weightVote, "vote")
	case facts(c.Old).decision || facts(c.New).decision ||
		slices.ContainsFunc(texts[2:], func(t string) bool { f := facts(t); return f.decision && f.figure }):
		add(weightPolicyVerb, "policy verb")
	}
	if slices.ContainsFunc(texts, func(t string) bool { return facts(t).figure }) {
		add(weightFigure, "figure")
	}
}

// factMemo is factsOf remembering its answers, for the changes of one
// passage, which share their sentences; the figures of a whole sentence
// come from its units when it has them (side.quantitiesOf), instead of
// being extracted again. Not safe for concurrent use.
type factMemo struct {
	sides [2]side
	memo  map[string]textFacts
	sents map[string][2]int // side and index of the sentences whose text is the key
}

func newFactMemo(sides [2]side) *factMemo {
	return &factMemo{sides: sides, memo: map[string]textFacts{}}
}

// sentence tells the memo that text is that of sentence j of side k,
// when it is the sentence's text as it stands (tidying changed nothing).
func (m *factMemo) sentence(text string, k, j int) {
	se := m.sides[k].sents[j]
	if text != m.sides[k].doc.Text[se.start:se.end] {
		return
	}
	if m.sents == nil {
		m.sents = map[string][2]int{}
	}
	m.sents[text] = [2]int{k, j}
}

// of is factsOf(t).
func (m *factMemo) of(t string) textFacts {
	f, ok := m.memo[t]
	if ok {
		return f
	}
	if kj, ok := m.sents[t]; ok {
		// The figures are at hand: test them first.
		f = wordFacts(t)
		f.figure = measuresAny(m.sides[kj[0]].quantitiesOf(kj[1])) && mayHoldNumber(t)
	} else {
		f = factsOf(t)
	}
	m.memo[t] = f
	return f
}
