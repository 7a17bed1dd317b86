package themes

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/segment"
)

// Match is one occurrence of a concept in a document.
type Match struct {
	Concept    string // concept id
	Start, End int    // byte span in the original
	Text       string // the wording as written
	Line       int
}

// term is a token of text for matching: its stem, its key (folded, not
// stemmed) and original span, whether a clause break (a comma, an
// enumeration comma, a full stop …) comes before it, and whether it is
// written with a capital letter.
type term struct {
	stem, key  string
	start, end int
	brk, upper bool
}

// stems returns the matching stems of a wording or text.
func stems(s string) []string {
	var out []string
	for _, t := range terms(s, 0) {
		out = append(out, t.stem)
	}
	return out
}

// terms cuts text (at offset base of the original) into matching terms:
// canonical tokens (NFKC, case folded, quotes and dashes unified), stemmed,
// with punctuation left out so that "opening-up" and "opening up" read
// alike — but a clause break is kept on the term after it; each ideograph
// is a term of its own, traditional ones folded to simplified (fold.go).
func terms(text string, base int) []term {
	return termsOf(text, base, normalize.Tokens(text, base))
}

// termsOf is terms on tokens already cut from text, which starts at
// offset base of the original.
func termsOf(text string, base int, toks []normalize.Token) []term {
	return appendTerms(make([]term, 0, len(toks)), text, base, toks)
}

// appendTerms is termsOf appending to out.
func appendTerms(out []term, text string, base int, toks []normalize.Token) []term {
	brk := false
	for _, t := range toks {
		if t.Kind == normalize.Punct {
			brk = brk || isBreak(t.Key)
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[t.Start-base:])
		key := t.Key
		if t.Kind == normalize.Han {
			key = foldHan(key) // 發 matches as 发 (fold.go)
		}
		out = append(out, term{stem: stem(key), key: key, start: t.Start, end: t.End, brk: brk, upper: unicode.IsUpper(r)})
		brk = false
	}
	return out
}

// isBreak reports whether a punctuation key ends a clause or an item of a
// list: no wording is read across it (第六，保证 holds no 六保).
func isBreak(key string) bool {
	return strings.ContainsAny(key, ",;:.!?()[]、。，；：！？（）【】…")
}

// stem is normalize.Stem: the same folding as everywhere in docdrift.
func stem(w string) string { return normalize.Stem(w) }

func hasHan(s string) bool {
	for _, r := range s {
		if normalize.IsHan(r) {
			return true
		}
	}
	return false
}

// Matcher finds the concepts of a glossary in text. It is safe for
// concurrent use.
type Matcher struct {
	byFirst   map[string][]pattern // patterns by their first stem
	byConcept map[string][]pattern // patterns by concept id, for near-variants
	seg       *segment.Segmenter   // word boundaries for Chinese wordings
	terms     sync.Pool            // of *[]term: FindTokens's terms, reused (matches keep none)
}

// pattern is one wording compiled: its terms, and how text must look
// around them to count.
type pattern struct {
	concept string
	terms   []term
	// name: the wording is a name or title (a word of it is capitalised:
	// "Invest in China", "Belt and Road"); its capitalised words match
	// their own form, or its plural, never another inflection.
	name bool
	han  bool // a Chinese wording: starts and ends on the segmenter's word boundaries (onWords)
}

// NewMatcher compiles the wordings of concepts. Its cost is linear in the
// total length of the wordings. Chinese wordings are checked against word
// boundaries from a segmenter of its own, which loads its dictionary on
// the first Chinese match; UseSegmenter shares one.
func NewMatcher(concepts []Concept) *Matcher {
	m := &Matcher{byFirst: map[string][]pattern{}, byConcept: map[string][]pattern{}, seg: &segment.Segmenter{}}
	for _, c := range concepts {
		for _, w := range c.Wordings() {
			ts := terms(w, 0)
			if len(ts) == 0 {
				continue
			}
			p := pattern{concept: c.ID, terms: ts, han: hasHan(w)}
			for _, t := range ts {
				p.name = p.name || t.upper
			}
			m.byFirst[ts[0].stem] = append(m.byFirst[ts[0].stem], p)
			m.byConcept[c.ID] = append(m.byConcept[c.ID], p)
		}
	}
	// Longest patterns first, so the first match at a position is the longest.
	for k := range m.byFirst {
		slices.SortStableFunc(m.byFirst[k], func(a, b pattern) int { return len(b.terms) - len(a.terms) })
	}
	return m
}

// Segmenter returns the segmenter m cuts Chinese text with, for other
// uses that would otherwise load a dictionary of their own.
func (m *Matcher) Segmenter() *segment.Segmenter { return m.seg }

// UseSegmenter makes m cut Chinese text with seg (whose dictionary another
// user may already have loaded) and returns m.
func (m *Matcher) UseSegmenter(seg *segment.Segmenter) *Matcher {
	m.seg = seg
	return m
}

// Find returns the concepts' occurrences in doc's body, heading and list
// sentences (not captions or furniture), in order. Overlapping matches
// are resolved in favour of the longest. A match is what a reader would
// count: never across a clause break; a Chinese wording only on word
// boundaries (紧缩 is not found in 通货紧缩); a wording in lower case never
// as part of a longer title-cased name ("national security" is not found
// in "National Security Amendment") outside title-cased headings; the
// capitalised words of a name only in their own form or plural ("Invest
// in China" is not found in "Investing in China"). The cost is linear in
// the length of the text times the number of wordings that share a first
// word, plus the segmenter's cost on sentences where a Chinese wording
// matched.
func (m *Matcher) Find(doc *normalize.Document) []Match { return m.FindWithin(doc, nil) }

// FindWithin is Find over the sentences that lie inside one of spans
// (byte spans of the original, sorted by start and disjoint); nil spans
// mean the whole document. Matches come in document order.
func (m *Matcher) FindWithin(doc *normalize.Document, spans [][2]int) []Match {
	var out []Match
	sentencesWithin(doc, spans, func(s normalize.Sentence) {
		out = m.appendMatches(out, doc, terms(doc.Text[s.Start:s.End], s.Start))
	})
	return out
}

// FoundWithin is FindWithin read from found, the matches Find returned
// for doc, instead of matching again: for a caller that found a
// document's concepts once and asks about parts of it several times.
func FoundWithin(doc *normalize.Document, found []Match, spans [][2]int) []Match {
	var out []Match
	sentencesWithin(doc, spans, func(s normalize.Sentence) {
		out = append(out, FoundIn(found, s.Start, s.End)...)
	})
	return out
}

// FoundIn returns the matches of found (in document order, as Find
// returns them) that start in [start, end): those of the sentence there.
// O(log n).
func FoundIn(found []Match, start, end int) []Match {
	i := sort.Search(len(found), func(i int) bool { return found[i].Start >= start })
	j := i
	for j < len(found) && found[j].Start < end {
		j++
	}
	return found[i:j]
}

// sentencesWithin calls f with each body, heading and list sentence of
// doc that lies inside one of spans (sorted by start and disjoint; nil:
// the whole document), in order: the sentences Find matches in.
func sentencesWithin(doc *normalize.Document, spans [][2]int, f func(normalize.Sentence)) {
	k := 0
	for _, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		if spans != nil {
			for k < len(spans) && spans[k][1] <= s.Start {
				k++
			}
			if k == len(spans) {
				return
			}
			if s.Start < spans[k][0] || s.End > spans[k][1] {
				continue
			}
		}
		f(s)
	}
}

// FindTokens returns the concepts' occurrences in one sentence of doc
// already cut into tokens (normalize.Tokens of the sentence at its
// offset), for callers that have tokenized it for other uses: the same
// matches FindWithin finds in that sentence.
func (m *Matcher) FindTokens(doc *normalize.Document, toks []normalize.Token) []Match {
	if len(toks) == 0 {
		return nil
	}
	base := toks[0].Start
	buf, _ := m.terms.Get().(*[]term)
	if buf == nil {
		buf = new([]term)
	}
	*buf = appendTerms((*buf)[:0], doc.Text[base:toks[len(toks)-1].End], base, toks)
	out := m.appendMatches(nil, doc, *buf)
	m.terms.Put(buf)
	return out
}

// sentence is one sentence's terms, with what matching learns of it
// lazily: its Chinese word boundaries and whether it is title-cased.
type sentence struct {
	text   string
	ts     []term
	words  map[int]int  // segmenter words, start to end offset; nil until needed
	ends   map[int]bool // the words' end offsets
	titled int          // 0 unknown, 1 title-cased, -1 not
}

func (m *Matcher) appendMatches(out []Match, doc *normalize.Document, ts []term) []Match {
	if len(ts) == 0 {
		return out
	}
	s := &sentence{text: doc.Text, ts: ts}
	for i := 0; i < len(ts); {
		p, ok := m.longestAt(s, i)
		if !ok {
			i++
			continue
		}
		a, b := ts[i].start, ts[i+len(p.terms)-1].end
		out = append(out, Match{Concept: p.concept, Start: a, End: b, Text: normalize.Tidy(doc.Text[a:b]), Line: doc.LineAt(a)})
		i += len(p.terms)
	}
	return out
}

func (m *Matcher) longestAt(s *sentence, i int) (pattern, bool) {
	ts := s.ts
	for _, p := range m.byFirst[ts[i].stem] {
		if i+len(p.terms) > len(ts) || !p.wordsMatch(ts[i:i+len(p.terms)]) {
			continue
		}
		if m.accept(s, p, i) {
			return p, true
		}
	}
	return pattern{}, false
}

// wordsMatch reports whether text terms ts read as p's terms: the same
// stems (or, for the capitalised words of a name, the same form or its
// plural; a participle of the wording keeps its ending), with no clause
// break inside unless the wording has one there.
func (p pattern) wordsMatch(ts []term) bool {
	for k, w := range p.terms {
		if !p.wordMatch(w, ts[k]) || k > 0 && ts[k].brk && !w.brk {
			return false
		}
	}
	return true
}

// wordMatch reports whether text term t reads as p's word w.
func (p pattern) wordMatch(w, t term) bool {
	switch {
	case t.stem != w.stem:
		return false
	case p.name && w.upper && t.key != w.key && !isPlural(t.key, w.key):
		return false
	}
	return sameParticiple(w.key, t.key)
}

// sameParticiple reports whether text word key keeps the -ing or -ed of
// wording word w: the stemmer folds "developing" and "developed" alike,
// but "developed countries" are not "developing countries", nor is
// "open up" "opening up". A wording word without either ending takes
// every inflection ("invest": "investing", "invested").
func sameParticiple(w, key string) bool {
	for _, suf := range []string{"ing", "ed"} {
		if strings.HasSuffix(w, suf) && !strings.HasSuffix(strings.TrimSuffix(key, "s"), suf) {
			return false
		}
	}
	return true
}

// isPlural reports whether key is word with a plural ending.
func isPlural(key, word string) bool {
	return key == word+"s" || key == word+"es"
}

// accept checks a match of p at term i against the text around it.
func (m *Matcher) accept(s *sentence, p pattern, i int) bool {
	j := i + len(p.terms) - 1
	if p.han {
		return s.onWords(m.seg, s.ts[i].start, s.ts[j].end)
	}
	if p.name {
		return true
	}
	return !s.inName(i, j)
}

// onWords reports whether a Chinese match from a to z reads as words: it
// starts where a segmenter word starts (紧缩 is not found in 通货紧缩) and
// ends where a word ends, or is the head of the one word that starts with
// it (扶贫 in 扶贫开发, 小康 in 小康水平, but not 六保 in 六/保险). True for
// every span if the segmenter failed.
func (s *sentence) onWords(seg *segment.Segmenter, a, z int) bool {
	if s.words == nil {
		s.words, s.ends = map[int]int{}, map[int]bool{}
		x, y := s.ts[0].start, s.ts[len(s.ts)-1].end
		cut, err := seg.Cut(s.text[x:y])
		if err != nil {
			s.words = map[int]int{-1: -1}
			return true
		}
		off := x
		for _, w := range cut {
			s.words[off] = off + len(w)
			off += len(w)
			s.ends[off] = true
		}
	}
	if _, failed := s.words[-1]; failed {
		return true
	}
	end, ok := s.words[a]
	return ok && (s.ends[z] || end > z)
}

// inName reports whether terms i..j are capitalised words inside a longer
// run of capitalised words ("National Security Amendment"), in a sentence
// that is not itself title-cased (a heading's "Promoting High-Standard
// Opening Up" still counts).
func (s *sentence) inName(i, j int) bool {
	for k := i; k <= j; k++ {
		if !s.ts[k].upper && !isMinor(s.ts[k].key) {
			return false
		}
	}
	before := i > 0 && s.ts[i-1].upper && !s.ts[i].brk
	after := j+1 < len(s.ts) && s.ts[j+1].upper && !s.ts[j+1].brk
	if !before && !after {
		return false
	}
	return !s.titleCased()
}

// titleCased reports whether most of the sentence's Latin words are
// capitalised: a heading or title, where capitals name nothing.
func (s *sentence) titleCased() bool {
	if s.titled == 0 {
		words, upper := 0, 0
		for _, t := range s.ts {
			r, _ := utf8.DecodeRuneInString(t.key)
			if !unicode.IsLetter(r) || r >= 0x80 || isMinor(t.key) {
				continue
			}
			words++
			if t.upper {
				upper++
			}
		}
		s.titled = -1
		if words > 0 && upper*3 >= words*2 {
			s.titled = 1
		}
	}
	return s.titled == 1
}

// isMinor reports whether a word stays lower case inside a title.
func isMinor(key string) bool {
	switch key {
	case "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with":
		return true
	}
	return false
}

// Near-variants: a wording's content words (its stems less words such as
// "of" and "the"; each character of a Chinese wording) in its order,
// each within nearGap terms of the one before, in one clause. "inflation
// to its 2 percent objective" is a near-variant of "inflation objective";
// "高水平的对外开放" of "高水平对外开放". A wording of one content word has
// none.
const (
	nearGapWords = 6 // English: up to five other words between two ("inflation to its 2 percent objective")
	nearGapHan   = 2 // Chinese: up to one other character between two
)

// NearVariants returns the near-variants of concept's wordings in doc's
// body, heading and list sentences (a wording itself is one), one per
// sentence, in document order: what keeps a concept from being "gone" from a document
// that still says it in other words. Cost: linear in the length of doc
// times the concept's wordings.
func (m *Matcher) NearVariants(doc *normalize.Document, concept string) []Match {
	return m.nearVariants(doc, m.matchedSentences(doc), concept)
}

// matchedSentence is a sentence's terms and the concepts' matches in it.
type matchedSentence struct {
	ts      []term
	matches []Match
}

// matchedSentences returns the terms and matches of doc's body, heading
// and list sentences, what NearVariants reads of doc whatever the concept.
func (m *Matcher) matchedSentences(doc *normalize.Document) []matchedSentence {
	var out []matchedSentence
	for _, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		ts := terms(doc.Text[s.Start:s.End], s.Start)
		out = append(out, matchedSentence{ts, m.appendMatches(nil, doc, ts)})
	}
	return out
}

// nearVariants is NearVariants on doc's sentences, matched.
func (m *Matcher) nearVariants(doc *normalize.Document, sentences []matchedSentence, concept string) []Match {
	var out []Match
	for _, ms := range sentences {
		ts := ms.ts
		// Words another concept's wording holds are that concept's:
		// "reform and development through opening up" is no
		// near-variant of "reform and opening up".
		taken := make([]bool, len(ts))
		for _, x := range ms.matches {
			for i, t := range ts {
				if x.Concept != concept && t.start >= x.Start && t.end <= x.End {
					taken[i] = true
				}
			}
		}
		sen := &sentence{text: doc.Text, ts: ts}
		for _, p := range m.byConcept[concept] {
			if a, b, ok := p.near(sen, taken); ok {
				out = append(out, Match{Concept: concept, Start: a, End: b, Text: normalize.Tidy(doc.Text[a:b]), Line: doc.LineAt(a)})
				break
			}
		}
	}
	return out
}

// near finds p's content words in ts, in order and close together, and
// returns the span from the first to the last.
func (p pattern) near(s *sentence, taken []bool) (start, end int, ok bool) {
	ts := s.ts
	var want []term
	for _, w := range p.terms {
		if !isMinor(w.key) {
			want = append(want, w)
		}
	}
	if len(want) < 2 {
		return 0, 0, false
	}
	gap := nearGapWords
	if p.han {
		gap = nearGapHan
	}
	for i := range ts {
		if !p.wordMatch(want[0], ts[i]) || taken[i] {
			continue
		}
		last, k := i, 1
		for j := i + 1; j < len(ts) && k < len(want) && j-last <= gap && !ts[j].brk && !taken[j]; j++ {
			if p.wordMatch(want[k], ts[j]) {
				last, k = j, k+1
			}
		}
		// The same rules as a match: no capitalised name a lower-case
		// wording sits in ("National Security Amendment").
		if k == len(want) && (p.han || p.name || !s.inName(i, last)) {
			return ts[i].start, ts[last].end, true
		}
	}
	return 0, 0, false
}

// findCounting is Find and Words in one pass over doc's sentences, each
// cut into tokens once, in fl's memory.
func (m *Matcher) findCounting(doc *normalize.Document, fl *normalize.Folder) (matches []Match, words int) {
	var ts []term
	for _, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		text := doc.Text[s.Start:s.End]
		toks := fl.Tokens(text, s.Start)
		for _, t := range toks {
			if t.Kind != normalize.Punct {
				words++
			}
		}
		ts = appendTerms(ts[:0], text, s.Start, toks) // the matches keep nothing of the terms
		matches = m.appendMatches(matches, doc, ts)
	}
	return matches, words
}

// Words counts a document's words the way rates are computed: Latin words
// and numbers, plus each Chinese character (Chinese rates are therefore
// per 10,000 characters).
func Words(doc *normalize.Document) int {
	n := 0
	for _, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		for _, t := range normalize.Tokens(doc.Text[s.Start:s.End], s.Start) {
			if t.Kind != normalize.Punct {
				n++
			}
		}
	}
	return n
}
