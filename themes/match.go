package themes

import (
	"slices"

	"github.com/docdrift/docdrift/normalize"
)

// Match is one occurrence of a concept in a document.
type Match struct {
	Concept    string // concept id
	Start, End int    // byte span in the original
	Text       string // the wording as written
	Line       int
}

// term is a token of text for matching: its stem and original span.
type term struct {
	stem       string
	start, end int
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
// alike; each ideograph is a term of its own.
func terms(text string, base int) []term { return termsOf(normalize.Tokens(text, base)) }

// termsOf is terms on tokens already cut.
func termsOf(toks []normalize.Token) []term {
	out := make([]term, 0, len(toks))
	for _, t := range toks {
		if t.Kind == normalize.Punct {
			continue
		}
		out = append(out, term{stem: stem(t.Key), start: t.Start, end: t.End})
	}
	return out
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

// Matcher finds the concepts of a glossary in text.
type Matcher struct {
	byFirst map[string][]pattern // patterns by their first stem
}

type pattern struct {
	concept string
	stems   []string
}

// NewMatcher compiles the wordings of concepts. Its cost is linear in the
// total length of the wordings.
func NewMatcher(concepts []Concept) *Matcher {
	m := &Matcher{byFirst: map[string][]pattern{}}
	for _, c := range concepts {
		for _, w := range c.Wordings() {
			st := stems(w)
			if len(st) == 0 {
				continue
			}
			m.byFirst[st[0]] = append(m.byFirst[st[0]], pattern{c.ID, st})
		}
	}
	// Longest patterns first, so the first match at a position is the longest.
	for k := range m.byFirst {
		slices.SortStableFunc(m.byFirst[k], func(a, b pattern) int { return len(b.stems) - len(a.stems) })
	}
	return m
}

// Find returns the concepts' occurrences in doc's body, heading and list
// sentences (not captions or furniture), in order. Overlapping matches
// are resolved in favour of the longest. The cost is linear in the length
// of the text times the number of wordings that share a first word.
func (m *Matcher) Find(doc *normalize.Document) []Match { return m.FindWithin(doc, nil) }

// FindWithin is Find over the sentences that lie inside one of spans
// (byte spans of the original, sorted by start and disjoint); nil spans
// mean the whole document. Matches come in document order.
func (m *Matcher) FindWithin(doc *normalize.Document, spans [][2]int) []Match {
	var out []Match
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
				break
			}
			if s.Start < spans[k][0] || s.End > spans[k][1] {
				continue
			}
		}
		out = m.appendMatches(out, doc, terms(doc.Text[s.Start:s.End], s.Start))
	}
	return out
}

// FindTokens returns the concepts' occurrences in one sentence of doc
// already cut into tokens (normalize.Tokens of the sentence at its
// offset), for callers that have tokenized it for other uses: the same
// matches FindWithin finds in that sentence.
func (m *Matcher) FindTokens(doc *normalize.Document, toks []normalize.Token) []Match {
	return m.appendMatches(nil, doc, termsOf(toks))
}

func (m *Matcher) appendMatches(out []Match, doc *normalize.Document, ts []term) []Match {
	for i := 0; i < len(ts); {
		p, ok := m.longestAt(ts, i)
		if !ok {
			i++
			continue
		}
		a, b := ts[i].start, ts[i+len(p.stems)-1].end
		out = append(out, Match{Concept: p.concept, Start: a, End: b, Text: normalize.Tidy(doc.Text[a:b]), Line: doc.LineAt(a)})
		i += len(p.stems)
	}
	return out
}

func (m *Matcher) longestAt(ts []term, i int) (pattern, bool) {
	for _, p := range m.byFirst[ts[i].stem] {
		if i+len(p.stems) > len(ts) {
			continue
		}
		ok := true
		for k, s := range p.stems {
			if ts[i+k].stem != s {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return pattern{}, false
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
