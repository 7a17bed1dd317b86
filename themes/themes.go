package themes

import (
	"math"
	"strings"
	"sync"

	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
)

// Document is one document to count themes in.
type Document struct {
	ID  string
	Doc *normalize.Document
}

// Theme is one concept followed through a corpus.
type Theme struct {
	Query    string             `json:"query"`
	Concept  string             `json:"concept"` // id; the query itself when no glossary knows it
	Label    string             `json:"label"`
	Known    bool               `json:"in_glossary"`
	Variants []string           `json:"variants"` // the wordings found, in order of first use (one per stem sequence)
	Counts   map[string]int     `json:"counts"`
	Per10k   map[string]float64 `json:"per10k"`
	Trend    string             `json:"trend"`
	Matches  map[string][]Match `json:"-"`
}

// Trends, by the rules of trend (trend.go).
const (
	New          = "new"          // absent before, present in the latest document
	Gone         = "gone"         // present before, absent from the latest document
	Peaked       = "peaked"       // rose to a peak inside the series, then fell
	Rising       = "rising"       // a monotonic upward trend since first use (Mann–Kendall)
	Falling      = "falling"      // a monotonic downward trend since first use (Mann–Kendall)
	Steady       = "steady"       // present in every document since first use, with no trend
	Intermittent = "intermittent" // none of the above: absent in between, with no trend
	Absent       = "absent"       // in no document
)

// Corpus counts concepts in a set of documents (in date order).
type Corpus struct {
	docs    []Document
	words   map[string]int
	matches map[string][]Match // by document id
	matcher *Matcher
	// The terms and matches of the latest document's sentences, found
	// once for every concept that could be gone (Theme), whatever made
	// the Corpus.
	lastOnce sync.Once
	last     []matchedSentence
}

// lastSentences returns the terms and matches of the latest document's
// sentences, found on first use.
func (c *Corpus) lastSentences() []matchedSentence {
	c.lastOnce.Do(func() { c.last = c.matcher.matchedSentences(c.docs[len(c.docs)-1].Doc) })
	return c.last
}

// NewCorpus finds every concept of g in docs once, on every processor;
// Themes then reads the counts of the concepts asked for. Matching every
// concept at once lets the longest wording win where concepts overlap.
// Cost: linear in the corpus size.
func NewCorpus(docs []Document, concepts []Concept) *Corpus {
	return NewCorpusWith(docs, NewMatcher(concepts))
}

// NewCorpusWith is NewCorpus with a matcher already built (sharing its
// segmenter's dictionary with another user).
func NewCorpusWith(docs []Document, m *Matcher) *Corpus {
	words := make([]int, len(docs))
	matches := make([][]Match, len(docs))
	parallel.ForWith(len(docs), func() *normalize.Folder { return new(normalize.Folder) }, func(fl *normalize.Folder, i int) {
		matches[i], words[i] = m.findCounting(docs[i].Doc, fl)
	})
	return newCorpus(docs, m, words, matches)
}

// NewCorpusCounting is NewCorpusWith, and CountCorpus of the same
// documents in languages langs with m's segmenter, in one pass: each
// sentence is cut into tokens once for both.
func NewCorpusCounting(docs []Document, langs []string, m *Matcher) (*Corpus, *CorpusPhrases) {
	words := make([]int, len(docs))
	matches := make([][]Match, len(docs))
	in := make([]PhraseDoc, len(docs))
	for i, d := range docs {
		in[i] = PhraseDoc{Doc: d.Doc, Lang: langs[i]}
	}
	cp := countCorpus(in, m.seg, func(c *Counts, i int, text string, base int, toks []normalize.Token) {
		for _, t := range toks {
			if t.Kind != normalize.Punct {
				words[i]++
			}
		}
		c.terms = appendTerms(c.terms[:0], text, base, toks) // the matches keep nothing of the terms
		matches[i] = m.appendMatches(matches[i], docs[i].Doc, c.terms)
	})
	return newCorpus(docs, m, words, matches), cp
}

// newCorpus is the Corpus of docs matched by m, with their words and
// matches.
func newCorpus(docs []Document, m *Matcher, words []int, matches [][]Match) *Corpus {
	c := &Corpus{docs: docs, words: map[string]int{}, matches: map[string][]Match{}, matcher: m}
	for i, d := range docs {
		c.words[d.ID] = words[i]
		c.matches[d.ID] = matches[i]
	}
	return c
}

// Matcher returns the matcher the corpus was counted with.
func (c *Corpus) Matcher() *Matcher { return c.matcher }

// Theme returns a concept's counts, rates and trend in the corpus. It is
// safe for concurrent use.
func (c *Corpus) Theme(query string, concept Concept, known bool) Theme {
	t := Theme{Query: query, Concept: concept.ID, Label: concept.Label, Known: known,
		Counts: map[string]int{}, Per10k: map[string]float64{}, Matches: map[string][]Match{}, Variants: []string{}}
	seen := map[string]bool{}
	var rates []float64
	var counts []int
	for _, d := range c.docs {
		n := 0
		for _, m := range c.matches[d.ID] {
			if m.Concept != concept.ID {
				continue
			}
			n++
			t.Matches[d.ID] = append(t.Matches[d.ID], m)
			if v := strings.Join(stems(m.Text), " "); !seen[v] {
				seen[v] = true
				t.Variants = append(t.Variants, m.Text)
			}
		}
		t.Counts[d.ID] = n
		rate := 0.0
		if w := c.words[d.ID]; w > 0 {
			rate = math.Round(float64(n)*10000/float64(w)*10) / 10
		}
		t.Per10k[d.ID] = rate
		rates = append(rates, rate)
		counts = append(counts, n)
	}
	t.Trend = trend(counts, rates)
	if t.Trend == Gone {
		// Not gone while the latest document says it in other words
		// (NearVariants): the trend reads those as its uses there.
		last := c.docs[len(c.docs)-1]
		if n := len(c.matcher.nearVariants(last.Doc, c.lastSentences(), concept.ID)); n > 0 {
			counts[len(counts)-1] = n
			if w := c.words[last.ID]; w > 0 {
				rates[len(rates)-1] = float64(n) * 10000 / float64(w)
			}
			t.Trend = trend(counts, rates)
		}
	}
	return t
}
