package themes

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
