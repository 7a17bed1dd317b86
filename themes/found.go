package themes

import "github.com/docdrift/docdrift/normalize"

// NewCorpusFound is NewCorpusWith for a caller that has already found
// each document's matches with m (matches[i] = m.Find(docs[i].Doc)) and
// counted its words (words[i] = Words(docs[i].Doc)) — say on every
// processor, beside other work: it does neither again, and the corpus is
// the one NewCorpusWith would make. The corpus keeps matches' lists.
// Cost: linear in the number of documents.
func NewCorpusFound(docs []Document, m *Matcher, matches [][]Match, words []int) *Corpus {
	c := &Corpus{docs: docs, words: make(map[string]int, len(docs)), matches: make(map[string][]Match, len(docs)), matcher: m}
	for i, d := range docs {
		c.words[d.ID] = words[i]
		c.matches[d.ID] = matches[i]
	}
	return c
}

// FindCounting is Find and Words of doc in one pass over its sentences,
// each cut into tokens once, in fl's memory: what NewCorpusFound needs of
// a document, for half the cost of asking Find and Words apart. fl may
// serve one document after another, in one goroutine at a time.
func (m *Matcher) FindCounting(doc *normalize.Document, fl *normalize.Folder) (matches []Match, words int) {
	return m.findCounting(doc, fl)
}

// NearIn returns NearVariants of doc as a function of the concept, for a
// caller that asks about several concepts of one document: doc's
// sentences are cut into terms once, on the first call, not once per
// concept. found, when not nil, is m.Find(doc), and the sentences'
// matches are read from it instead of found again. The function is not
// safe for concurrent use.
func (m *Matcher) NearIn(doc *normalize.Document, found []Match) func(concept string) []Match {
	var sentences []matchedSentence
	read := false
	return func(concept string) []Match {
		if !read {
			sentences, read = m.matchedSentencesFound(doc, found), true
		}
		return m.nearVariants(doc, sentences, concept)
	}
}

// matchedSentencesFound is matchedSentences, taking each sentence's
// matches from found (m.Find(doc)) when it is not nil.
func (m *Matcher) matchedSentencesFound(doc *normalize.Document, found []Match) []matchedSentence {
	if found == nil {
		return m.matchedSentences(doc)
	}
	var out []matchedSentence
	k := 0
	for _, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		// Find's matches come in document order, each inside its
		// sentence.
		for k < len(found) && found[k].Start < s.Start {
			k++
		}
		i := k
		for k < len(found) && found[k].Start < s.End {
			k++
		}
		var ms []Match
		if k > i {
			ms = found[i:k:k]
		}
		out = append(out, matchedSentence{terms(doc.Text[s.Start:s.End], s.Start), ms})
	}
	return out
}
