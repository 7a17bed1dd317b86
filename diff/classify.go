package diff

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// Class says what kind of change an edit makes, so that a reader can see
// first the changes that alter what a text claims.
type Class string

// Change classes, from the least significant to the most.
const (
	Cosmetic Class = "cosmetic" // punctuation, case, spelling variants, the format of a figure
	Wording  Class = "wording"  // content words changed; a passage added, removed or moved
	Concept  Class = "concept"  // a glossary concept appears in or vanishes from the passage
	Hedge    Class = "hedge"    // a figure's qualifier ("nearly" → "over") or a hedging adverb
	Modality Class = "modality" // a modal changed ("will" → "may", "must" → "should")
	Negation Class = "negation" // a negation added or dropped ("not", "no", 不)
	Figure   Class = "figure"   // a value changed, or a figure appears or vanishes in an aligned passage
)

// Classes lists the change classes in order of significance, least first.
var Classes = []Class{Cosmetic, Wording, Concept, Hedge, Modality, Negation, Figure}

// Rank is the class's place in Classes: higher is more significant; -1
// for an unknown class.
func (c Class) Rank() int { return slices.Index(Classes, c) }

// ParseClass reads a class name.
func ParseClass(s string) (Class, error) {
	if c := Class(strings.ToLower(s)); c.Rank() >= 0 {
		return c, nil
	}
	return "", fmt.Errorf("unknown change class %q (use %s)", s, ClassNames())
}

// ClassNames lists the classes in order of significance, least first:
// "cosmetic, wording, …, figure".
func ClassNames() string {
	names := make([]string, len(Classes))
	for i, c := range Classes {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// Change is one classified change inside a passage: the wording removed
// and the wording added (either may be empty), tidied.
type Change struct {
	Class Class  `json:"class"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	// OldSentence and NewSentence are the whole sentences that hold a
	// change made inside an aligned passage, on each side, when they say
	// more than Old and New: what a reader quotes. Empty for a passage
	// added, removed or moved whole, whose changes are its sentences.
	OldSentence string `json:"old_sentence,omitempty"`
	NewSentence string `json:"new_sentence,omitempty"`
	// Weight ranks the changes of one class by what a reader gives them
	// (see weigh); Signals names the evidence it was summed from.
	Weight  int      `json:"weight,omitempty"`
	Signals []string `json:"signals,omitempty"`
}

// classify fills in the changes and the level of every passage that is
// not the same, on every core. concepts.m may be nil.
func classify(r *Result, sides [2]side, concepts glossary) {
	cs := newConceptSides(r.Passages, sides, concepts)
	held := newHeldFigures(sides)
	parallel.For(len(r.Passages), func(i int) {
		p := &r.Passages[i]
		if p.Kind == Same {
			return
		}
		facts := newFactMemo(sides)
		if isWhole(*p) {
			p.Changes = wholeChanges(*p, sides, held, facts)
		} else {
			var at []hunkAt
			p.Changes, at = passageChanges(*p)
			withSentences(p.Changes, at, sides, facts)
		}
		p.Changes = append(p.Changes, cs.changes(p)...)
		for k := range p.Changes {
			weighChangeWith(&p.Changes[k], facts.of)
		}
		for _, c := range p.Changes {
			if c.Class.Rank() > p.Level.Rank() {
				p.Level = c.Class
			}
		}
	})
}

// passageChanges classifies the edits of a changed or moved passage hunk
// by hunk (a run of edits between unchanged words), with where each hunk
// stands in the two documents; see wholeChanges for a passage added,
// removed or moved whole.
func passageChanges(p Passage) ([]Change, []hunkAt) {
	var out []Change
	var ats []hunkAt
	var old, new strings.Builder
	cosmetic := true // the hunk so far holds only Format edits
	whole := newPassageWords(p.Old.Text, p.New.Text)
	figuresShown := false
	pos := hunkAt{p.Old.Start, p.New.Start} // the end of the last edit on each side
	at := hunkAt{-1, -1}                    // where the hunk's own words begin
	flush := func() {
		if old.Len() == 0 && new.Len() == 0 {
			return
		}
		h := at
		for k := range h {
			if h[k] < 0 {
				h[k] = max(pos[k]-1, 0) // a side without words: the word before
			}
		}
		at = hunkAt{-1, -1}
		o, n := tidy(old.String()), tidy(new.String())
		c := Change{Class: Cosmetic, Old: o, New: n}
		if !cosmetic {
			c.Class = classifyHunk(o, n, whole)
		}
		figureHunk := c.Class == Figure
		if c.Class == Hedge {
			_, figureHunk = figureClass(o, n) // a hedge on a figure, not an adverb
		}
		if figureHunk {
			// A hunk rarely cuts at a figure's edges ("supported over 200
			// million jobs both" → ","): the passage's figures that
			// differ are shown instead, once, in their own words.
			if fc := whole.figureChanges(); len(fc) > 0 {
				if !figuresShown {
					out = append(out, fc...)
					for range fc {
						ats = append(ats, h)
					}
					figuresShown = true
				}
				old.Reset()
				new.Reset()
				cosmetic = true
				return
			}
		}
		out = append(out, c)
		ats = append(ats, h)
		old.Reset()
		new.Reset()
		cosmetic = true
	}
	for _, e := range p.Edits {
		switch e.Op {
		case Equal:
			flush()
		case Delete:
			old.WriteString(e.Text)
			cosmetic = false
		case Insert:
			new.WriteString(e.Text)
			cosmetic = false
		case Format:
			old.WriteString(e.Old)
			new.WriteString(e.Text)
		}
		for k, r := range [2]*Range{e.OldRange, e.NewRange} {
			if r == nil {
				continue
			}
			if e.Op != Equal && at[k] < 0 {
				at[k] = r.Start + len(e.Text) - len(strings.TrimLeftFunc(e.Text, unicode.IsSpace))
				if e.Op == Format && k == 0 {
					at[k] = r.Start + len(e.Old) - len(strings.TrimLeftFunc(e.Old, unicode.IsSpace))
				}
			}
			pos[k] = r.End
		}
	}
	flush()
	return out, ats
}

// hunkAt is where a hunk stands: a byte offset into the old document and
// one into the new.
type hunkAt [2]int

func tidy(s string) string { return normalize.Tidy(strings.TrimSpace(s)) }

// classifyHunk says what replacing old by new does. Figures are compared
// by value and qualifier; then the words removed and added are looked up
// in the negation, modality and hedge lexicons; a change that leaves the
// letters and digits the same (or differs only by a spelling variant) is
// cosmetic; anything else is wording.
//
// A modal or a negation counts only when the passage as a whole gained or
// lost it (whole): "likely" moved from one clause to another is wording.
func classifyHunk(old, new string, whole *passageWords) Class {
	if c, ok := figureClass(old, new); ok {
		if c != Figure {
			return c
		}
		// A figure on one side of the hunk only may have moved within the
		// passage ("the world's second-largest" → "ranks second"): the
		// passage's figures, whole, say whether a figure changed.
		switch fc := whole.figureChanges(); {
		case slices.ContainsFunc(fc, func(c Change) bool { return c.Class == Figure }):
			return Figure
		case len(fc) > 0:
			return Hedge
		}
	}
	gone, came := wordDiff(words(old), words(new))
	hunk := append(gone, came...)
	// A hedge counts when the passage's count of it changed; a negation
	// or a modal only when the passage's set of them, by lemma, differs
	// between its sides ("must" → "must … must" is no change of modality).
	changed := func(in func(string) bool) bool {
		return slices.ContainsFunc(hunk, func(w string) bool { return in(w) && whole.changed(w) })
	}
	inSets := func(lex func(string) string) bool {
		return slices.ContainsFunc(hunk, func(w string) bool { l := lex(w); return l != "" && whole.lemmaChanged(l) })
	}
	inSet := func(set map[string]bool) func(string) bool { return func(w string) bool { return set[w] } }
	switch {
	case inSets(negationLemma) || hanAny(old, new, zhNegations, zhNotNegations) && whole.zhNegation():
		return Negation
	case inSets(modalLemma) || hanAny(old, new, zhModals, nil) && whole.zhModality():
		return Modality
	case len(hunk) <= maxHedgeHunk && changed(inSet(hedges)):
		// A hedging adverb in a short change; inside a new clause it
		// is that clause's wording.
		return Hedge
	case spellingKey(old) == spellingKey(new):
		return Cosmetic
	}
	return Wording
}

// maxHedgeHunk is the most words a change may remove and add together
// for a hedging adverb in it to make it a hedge.
const maxHedgeHunk = 6

// passageWords is what changed between the two sides of a whole passage:
// the words whose count differs, and whether Chinese negations or modals
// did. It is worked out on first use: most hunks hold no word of the
// lexicons and never ask.
type passageWords struct {
	old, new string
	loaded   bool
	counts   map[string]bool // words whose count differs
	lemmas   map[string]bool // negation and modal lemmas on one side only
	zhNeg    bool
	zhModal  bool
	// figures are the passage's figure changes, once figuresLoaded.
	figures       []Change
	figuresLoaded bool
}

func newPassageWords(old, new string) *passageWords { return &passageWords{old: old, new: new} }

func (w *passageWords) load() {
	if w.loaded {
		return
	}
	w.loaded = true
	gone, came := wordDiff(words(w.old), words(w.new))
	w.counts = map[string]bool{}
	for _, x := range append(gone, came...) {
		w.counts[x] = true
	}
	w.lemmas = lemmaDiff(words(w.old), words(w.new))
	w.zhNeg = hanSetDiffers(w.old, w.new, zhNegations, zhNotNegations)
	w.zhModal = hanSetDiffers(w.old, w.new, zhModals, nil)
}

// lemmaDiff returns the negation and modal lemmas found on one side of
// a passage only: the symmetric difference of the two sides' sets.
func lemmaDiff(old, new []string) map[string]bool {
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			if l := negationLemma(w); l != "" {
				m[l] = true
			}
			if l := modalLemma(w); l != "" {
				m[l] = true
			}
		}
		return m
	}
	o, n := set(old), set(new)
	out := map[string]bool{}
	for l := range o {
		if !n[l] {
			out[l] = true
		}
	}
	for l := range n {
		if !o[l] {
			out[l] = true
		}
	}
	return out
}

// negationLemma is the lemma of a negation ("don't", "cannot" → "not"),
// or "" for a word that negates nothing.
func negationLemma(w string) string {
	switch {
	case w == "cannot" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t"):
		return "not"
	case negations[w]:
		return w
	}
	return ""
}

// modalLemma is the lemma of a modal ("expects", "expected" → "expect"),
// or "" for a word that is none.
func modalLemma(w string) string {
	if !modals[w] {
		return ""
	}
	if l, ok := modalLemmas[w]; ok {
		return l
	}
	return w
}

var modalLemmas = map[string]string{"needs": "need", "expects": "expect", "expected": "expect",
	"anticipates": "anticipate", "anticipated": "anticipate", "intends": "intend", "aims": "aim", "plans": "plan"}

// hanSetDiffers reports whether one of the Chinese words of set occurs on
// one side of a passage and not at all on the other (see hanAny for
// except): a modal said once more is no change of modality.
func hanSetDiffers(old, new string, set, except []string) bool {
	for _, w := range set {
		if (hanCount(old, w, except) > 0) != (hanCount(new, w, except) > 0) {
			return true
		}
	}
	return false
}

// hanCount counts w in s, leaving out its occurrences inside the
// compounds of except.
func hanCount(s, w string, except []string) int {
	n := strings.Count(s, w)
	for _, x := range except {
		if strings.Contains(x, w) {
			n -= strings.Count(s, x)
		}
	}
	return n
}

// figureChanges lists the figures that differ between the two sides of
// the passage, in their own words, worked out once: a figure whose hedge
// changed (Hedge), the same number counting something else, a value that
// changed in a figure of the same unit, and figures on one side only
// (Figure). Figures equal in value, unit and hedge are left out, wherever
// they stand: no change at all means the passage holds the same figures,
// and no Figure change that it holds the same values.
func (w *passageWords) figureChanges() []Change {
	if !w.figuresLoaded {
		w.figures, w.figuresLoaded = figureChanges(quantities(w.old), quantities(w.new)), true
	}
	return w.figures
}

// figureChanges matches the figures fo of one side with fn of the other;
// see passageWords.figureChanges.
func figureChanges(fo, fn []figures.Figure) []Change {
	key := func(f figures.Figure) string {
		return fmt.Sprint(f.Value, " ", f.Unit, " ", figureEnd(f.High), " ", figureEnd(f.From))
	}
	usedO, usedN := make([]bool, len(fo)), make([]bool, len(fn))
	// match pairs the figures of both sides for which same holds, in order.
	match := func(same func(a, b figures.Figure) bool, each func(a, b figures.Figure)) {
		for i, a := range fo {
			if usedO[i] {
				continue
			}
			for j, b := range fn {
				if !usedN[j] && same(a, b) {
					usedO[i], usedN[j] = true, true
					each(a, b)
					break
				}
			}
		}
	}
	var out []Change
	match(func(a, b figures.Figure) bool { return key(a) == key(b) && a.Qualifier == b.Qualifier }, func(a, b figures.Figure) {})
	match(func(a, b figures.Figure) bool { return key(a) == key(b) }, func(a, b figures.Figure) {
		out = append(out, Change{Class: Hedge, Old: tidy(a.Text), New: tidy(b.Text)})
	})
	match(func(a, b figures.Figure) bool { return a.Value == b.Value }, func(a, b figures.Figure) {
		// The same number counting something else: "200 million jobs" →
		// "200 million people".
		out = append(out, Change{Class: Figure, Old: tidy(a.Text), New: tidy(b.Text)})
	})
	match(func(a, b figures.Figure) bool { return a.Unit == b.Unit }, func(a, b figures.Figure) {
		out = append(out, Change{Class: Figure, Old: tidy(a.Text), New: tidy(b.Text)})
	})
	for i, a := range fo {
		if !usedO[i] {
			out = append(out, Change{Class: Figure, Old: tidy(a.Text)})
		}
	}
	for j, b := range fn {
		if !usedN[j] {
			out = append(out, Change{Class: Figure, New: tidy(b.Text)})
		}
	}
	return out
}

// figureEnd is a range's high end or a change's earlier value, or 0.
func figureEnd(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func (w *passageWords) changed(x string) bool { w.load(); return w.counts[x] }
func (w *passageWords) lemmaChanged(l string) bool {
	w.load()
	return w.lemmas[l]
}
func (w *passageWords) zhNegation() bool { w.load(); return w.zhNeg }
func (w *passageWords) zhModality() bool { w.load(); return w.zhModal }

// figureClass compares the figures of two wordings: a value that differs
// (or a figure on one side only) is a figure change; equal values under
// another qualifier are a hedge. ok is false when neither has a figure.
func figureClass(old, new string) (Class, bool) {
	fo, fn := quantities(old), quantities(new)
	if len(fo) == 0 && len(fn) == 0 {
		return "", false
	}
	if len(fo) != len(fn) {
		return Figure, true
	}
	hedged := false
	for i := range fo {
		a, b := fo[i], fn[i]
		if a.Value != b.Value || !equalPtr(a.High, b.High) || !equalPtr(a.From, b.From) ||
			a.Unit != b.Unit && a.Unit != "" && b.Unit != "" {
			return Figure, true
		}
		if fo[i].Qualifier != fn[i].Qualifier {
			hedged = true
		}
	}
	if hedged {
		return Hedge, true
	}
	return "", false
}

// monthMay is the month before a day or year ("May 3", "May 2024"), which
// is no modal.
var monthMay = regexp.MustCompile(`\bMay\s+\d`)

// quantities are the figures of s that are not dates: a statement's new
// date is no change of a figure.
//
// A lone spelled "one" ("leaves one behind") is no figure either, nor a
// number that names or enumerates (figures.Figure.NotFigure): a
// renumbered article (第五条 → 第六条) is shown in the text but is no
// figure change. A step ("by 25 basis points") opens no track but is a
// figure still: a larger move is news.
func quantities(s string) []figures.Figure {
	return slices.DeleteFunc(figures.Extract(s, 0), isNoQuantity)
}

func isNoQuantity(f figures.Figure) bool {
	return f.Unit == figures.Date || f.NotFigure != "" && f.NotFigure != figures.Step || f.Unit == "" && strings.EqualFold(f.Text, "one")
}

// quantitiesOf is quantities of the text of sentence j: of the figures
// its units were made of when it has units (extracted from the same text,
// so the same figures, at offsets into the document), else of the text's.
func (s side) quantitiesOf(j int) []figures.Figure {
	se := &s.sents[j]
	if !se.hasUnits() {
		return quantities(s.doc.Text[se.start:se.end])
	}
	var out []figures.Figure
	for _, f := range se.work.figs {
		if !isNoQuantity(f) {
			out = append(out, f)
		}
	}
	return out
}

func equalPtr(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// words splits text into lower-case words of letters, digits and
// apostrophes; Han text is left to hanAny.
func words(s string) []string {
	if strings.Contains(s, "May") { // the regexp costs more than the test
		s = monthMay.ReplaceAllString(s, "month ")
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') || normalize.IsHan(r)
	})
}

// wordDiff returns the words of a missing from b and those of b missing
// from a, as multisets.
func wordDiff(a, b []string) (gone, came []string) {
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
		} else {
			came = append(came, w)
		}
	}
	for _, w := range a {
		if count[w] > 0 {
			count[w]--
			gone = append(gone, w)
		}
	}
	return gone, came
}

func anyIn(ws []string, set map[string]bool) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return set[w] })
}

// hanAny reports whether one of the Chinese words of set occurs in one of
// old and new more often than in the other, not counting occurrences
// inside the compounds of except (不断 "continuously" holds 不 but
// negates nothing). Without a segmenter this is a substring count.
func hanAny(old, new string, set, except []string) bool {
	if !strings.ContainsFunc(old, normalize.IsHan) && !strings.ContainsFunc(new, normalize.IsHan) {
		return false
	}
	for _, w := range set {
		if hanCount(old, w, except) != hanCount(new, w, except) {
			return true
		}
	}
	return false
}

// spellingKey is the letters and digits of s in lower case, with the
// common British and American spelling variants folded (-ise/-ize,
// -our/-or, -tre/-ter, -ll-/-l-), so that a change of punctuation, case or
// spelling compares equal.
func spellingKey(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		for _, v := range spellingVariants {
			w = strings.ReplaceAll(w, v[0], v[1])
		}
		b.WriteString(w)
	}
	// Han characters are not in words: keep them as they are.
	for _, r := range s {
		if normalize.IsHan(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var spellingVariants = [][2]string{{"isation", "ization"}, {"ise", "ize"}, {"yse", "yze"}, {"our", "or"},
	{"tre", "ter"}, {"ll", "l"}, {"ogue", "og"}, {"'", ""}, {"’", ""}}

// Lexicons. English modals and negations are whole words; Chinese ones
// are matched in the text (see hanAny), and only words whose characters
// rarely mean anything else are listed: 要, 将 and 会 are left out because
// they are also parts of 重要, 将来 and 社会.
var (
	negations = setOf("not", "no", "never", "none", "nor", "neither", "without", "cannot", "nothing",
		"nobody", "nowhere", "unlikely")
	modals = setOf("will", "shall", "must", "should", "may", "might", "can", "could", "would", "ought",
		"need", "needs", "likely", "possibly", "probably", "perhaps", "expects", "expect", "expected",
		"anticipates", "anticipate", "anticipated", "intends", "intend", "aim", "aims", "plans", "plan")
	hedges = setOf("nearly", "almost", "approximately", "roughly", "about", "around", "some", "somewhat",
		"slightly", "largely", "broadly", "generally", "partly", "mostly", "modestly", "moderately",
		"fairly", "relatively", "substantially", "significantly", "over", "exceeding", "exceeded")
	zhNegations    = []string{"不", "没有", "未", "无", "非", "勿", "别"}
	zhNotNegations = []string{"不断", "不仅", "不少", "不同", "未来", "无论", "非常", "别人", "特别", "区别", "分别", "个别", "级别", "类别", "识别", "无比", "无数", "毫无疑问", "非洲", "南非", "不但", "不管"}
	zhModals       = []string{"必须", "应当", "应该", "务必", "可能", "可以", "能够", "一定要", "有望", "力争"}
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// conceptSides holds the glossary matches needed to classify concept
// changes. Only the sentences of passages that are not the same are
// matched: a same passage holds the same concepts on both sides. Whether
// a concept occurs anywhere in a document — asked of a passage added or
// removed whole — is answered from those matches, and when they do not
// settle it, from the same passages, matched at most once per document.
type conceptSides struct {
	concepts *themes.Matcher
	given    *[2][]themes.Match // Options.Found
	docs     [2]*normalize.Document
	matches  [2][]themes.Match  // in the changed passages, in document order
	found    [2]map[string]bool // the concepts of matches
	inSame   [2]func() map[string]bool
}

// glossary is the matcher of Options.Concepts and the matches of
// Options.Found.
type glossary struct {
	m     *themes.Matcher
	found *[2][]themes.Match
}

func newConceptSides(ps []Passage, sides [2]side, g glossary) *conceptSides {
	concepts := g.m
	cs := &conceptSides{concepts: concepts, given: g.found, docs: [2]*normalize.Document{sides[0].doc, sides[1].doc}}
	if concepts == nil {
		return cs
	}
	var changed, same [2][][2]int
	for _, p := range ps {
		spans := &changed
		if p.Kind == Same {
			spans = &same
		}
		for k, s := range [2]*Side{p.Old, p.New} {
			if s != nil {
				spans[k] = append(spans[k], [2]int{s.Start, s.End})
			}
		}
	}
	parallel.For(2, func(k int) {
		byStart := func(a, b [2]int) int { return a[0] - b[0] }
		slices.SortFunc(changed[k], byStart)
		slices.SortFunc(same[k], byStart)
		cs.matches[k] = cs.findWithin(k, sides[k], changed[k])
		cs.found[k] = conceptSet(cs.matches[k])
		doc, spans := cs.docs[k], same[k]
		cs.inSame[k] = sync.OnceValue(func() map[string]bool {
			if len(spans) == 0 {
				return nil
			}
			if cs.given != nil {
				return conceptSet(themes.FoundWithin(doc, cs.given[k], spans))
			}
			return conceptSet(concepts.FindWithin(doc, spans))
		})
	})
	return cs
}

// findWithin is concepts.FindWithin(s.doc, spans) over the compared
// sentences of s (side which: 0 old, 1 new), reusing the tokens their
// units were made of, or the matches given (Options.Found) for a sentence
// of the document's.
func (cs *conceptSides) findWithin(which int, s side, spans [][2]int) []themes.Match {
	var out []themes.Match
	k := 0
	for i := range s.sents {
		se := &s.sents[i]
		for k < len(spans) && spans[k][1] <= se.start {
			k++
		}
		if k == len(spans) {
			break
		}
		if se.start < spans[k][0] || se.end > spans[k][1] || s.doc.Blocks[se.block].Kind == normalize.Caption {
			continue
		}
		if cs.given != nil && se.idx >= 0 {
			out = append(out, themes.FoundIn(cs.given[which], se.start, se.end)...)
			continue
		}
		out = append(out, cs.concepts.FindTokens(s.doc, se.tokensOf(s.doc.Text))...)
	}
	return out
}

func conceptSet(ms []themes.Match) map[string]bool {
	set := map[string]bool{}
	for _, m := range ms {
		set[m.Concept] = true
	}
	return set
}

// in returns the concepts matched inside side s of document k, each with
// its first wording.
func (cs *conceptSides) in(k int, s *Side) map[string]string {
	out := map[string]string{}
	ms := cs.matches[k]
	for i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= s.Start }); i < len(ms) && ms[i].End <= s.End; i++ {
		if _, seen := out[ms[i].Concept]; !seen {
			out[ms[i].Concept] = ms[i].Text
		}
	}
	return out
}

// present reports whether concept id occurs anywhere in document k.
func (cs *conceptSides) present(k int, id string) bool {
	return cs.found[k][id] || cs.inSame[k]()[id]
}

// changes lists the glossary concepts found in one side of a passage and
// not in the other. A passage added or removed whole changes a concept
// only when the other document lacks it altogether: most passages of two
// articles on one policy name its concepts.
func (cs *conceptSides) changes(p *Passage) []Change {
	if cs.concepts == nil {
		return nil
	}
	var out []Change
	switch {
	case p.New == nil:
		o := cs.in(0, p.Old)
		for _, id := range sortedKeys(o) {
			if !cs.present(1, id) {
				out = append(out, Change{Class: Concept, Old: o[id]})
			}
		}
	case p.Old == nil:
		n := cs.in(1, p.New)
		for _, id := range sortedKeys(n) {
			if !cs.present(0, id) {
				out = append(out, Change{Class: Concept, New: n[id]})
			}
		}
	default:
		o, n := cs.in(0, p.Old), cs.in(1, p.New)
		for _, id := range sortedKeys(o) {
			if _, ok := n[id]; !ok {
				out = append(out, Change{Class: Concept, Old: o[id]})
			}
		}
		for _, id := range sortedKeys(n) {
			if _, ok := o[id]; !ok {
				out = append(out, Change{Class: Concept, New: n[id]})
			}
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
