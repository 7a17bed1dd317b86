package themes

import (
	"runtime"
	"slices"
	"sync"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/segment"
)

// PhraseDoc is a document of a corpus to count phrases in, with its
// language ("en" leaves Chinese passages out, as in CountPhrases).
type PhraseDoc struct {
	Doc  *normalize.Document
	Lang string
}

// CorpusPhrases are the phrase counts of a corpus, kept only as far as
// Distinctive and Shift can use them: each phrase is a number, the same in
// every document; the corpus's count and wording of each phrase are kept
// once; of each document, only the phrases it uses twice or more (the
// others are never ranked, see keyness) with whether the previous and
// the next document of its language use them at all. The phrase tables of
// a corpus of 1,000 documents took most of the memory of "docdrift
// themes" when every document's whole table was kept at once.
type CorpusPhrases struct {
	docs    []docPhrases
	all     []int32  // the corpus's count of each phrase, by number
	surface []string // the corpus's wording of each phrase (nextSurface), by number
	total   int
}

// docPhrases is what CorpusPhrases keep of a document.
type docPhrases struct {
	total int          // phrases counted, repeats included
	prev  int          // the previous document in the same language; -1 if none
	kept  []keptPhrase // the phrases counted twice or more, by number
}

// keptPhrase is a phrase a document uses twice or more.
type keptPhrase struct {
	id      int32
	n       int32
	surface string // the document's wording
	fresh   bool   // not in the previous document of its language
	dropped bool   // not in the next document of its language
}

// CountCorpus counts the phrases of docs (in date order) as CountPhrases
// does, with seg, on every processor; the result is the same whatever the
// number of processors. Each document is counted into a table of its own,
// and the tables are merged into the corpus's in document order, at most
// a few documents behind the counting: memory holds, beside what is kept,
// the whole tables of a few documents only (and of the latest document of
// each language, until the next one). Cost: linear in the corpus's size.
func CountCorpus(docs []PhraseDoc, seg *segment.Segmenter) *CorpusPhrases {
	return countCorpus(docs, seg, nil)
}

// visitor is called with each sentence of document i that CountPhrases
// reads (roster lines too), cut into tokens toks of text, which starts at
// offset base; c is the table the document is counted in, which no other
// goroutine uses meanwhile.
type visitor func(c *Counts, i int, text string, base int, toks []normalize.Token)

// countCorpus is CountCorpus, calling visit (if not nil) with each
// sentence's tokens.
func countCorpus(docs []PhraseDoc, seg *segment.Segmenter, visit visitor) *CorpusPhrases {
	m := merger{cp: &CorpusPhrases{docs: make([]docPhrases, len(docs))}, ids: map[string]int32{}, latest: map[string]latestDoc{}}
	workers := min(runtime.GOMAXPROCS(0), max(len(docs), 1))
	window := workers + 2 // documents counted but not yet merged, at most
	free := make(chan *Counts, window)
	for range window {
		free <- &Counts{}
	}
	done := make([]chan *Counts, len(docs))
	for i := range done {
		done[i] = make(chan *Counts, 1)
	}
	type job struct {
		i int
		c *Counts
	}
	jobs := make(chan job)
	go func() {
		for i := range docs {
			jobs <- job{i, <-free}
		}
		close(jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				var each func(text string, base int, toks []normalize.Token)
				if visit != nil {
					each = func(text string, base int, toks []normalize.Token) { visit(j.c, j.i, text, base, toks) }
				}
				j.c.countDocVisiting(docs[j.i].Doc, docs[j.i].Lang, seg, each)
				done[j.i] <- j.c
			}
		})
	}
	for i, d := range docs {
		c := <-done[i]
		m.merge(i, d.Lang, c)
		c.reset(nil) // let go of the document's strings
		free <- c
	}
	wg.Wait()
	return m.cp
}

// merger adds document tables to CorpusPhrases in document order.
type merger struct {
	cp     *CorpusPhrases
	ids    map[string]int32 // phrase key → number
	latest map[string]latestDoc
	order  []int32 // scratch: entry indexes by phrase number
}

// latestDoc is the latest document merged in a language: its index and
// the numbers of all its phrases, sorted.
type latestDoc struct {
	i   int
	ids []int32
}

// merge adds document i of language lang, counted in c.
func (m *merger) merge(i int, lang string, c *Counts) {
	cp := m.cp
	d := &cp.docs[i]
	d.total, d.prev = c.total, -1
	cp.total += c.total
	ids := make([]int32, len(c.entries))
	for k, e := range c.entries {
		id, ok := m.ids[e.key]
		if !ok {
			id = int32(len(cp.all))
			m.ids[e.key] = id
			cp.all = append(cp.all, 0)
			cp.surface = append(cp.surface, e.surface)
		} else {
			cp.surface[id] = nextSurface(cp.surface[id], e.surface)
		}
		cp.all[id] += int32(e.n)
		ids[k] = id
	}
	m.order = m.order[:0]
	for k := range c.entries {
		m.order = append(m.order, int32(k))
	}
	slices.SortFunc(m.order, func(a, b int32) int { return int(ids[a]) - int(ids[b]) })
	for _, k := range m.order {
		if e := c.entries[k]; e.n >= 2 {
			d.kept = append(d.kept, keptPhrase{id: ids[k], n: int32(e.n), surface: e.surface})
		}
	}
	d.kept = slices.Clip(d.kept)
	slices.Sort(ids)
	if prev, ok := m.latest[lang]; ok {
		d.prev = prev.i
		for k := range d.kept {
			_, in := slices.BinarySearch(prev.ids, d.kept[k].id)
			d.kept[k].fresh = !in
		}
		pk := cp.docs[prev.i].kept
		for k := range pk {
			_, in := slices.BinarySearch(ids, pk[k].id)
			pk[k].dropped = !in
		}
	}
	m.latest[lang] = latestDoc{i, ids}
}

// Len returns the number of documents counted.
func (cp *CorpusPhrases) Len() int { return len(cp.docs) }

// Distinctive returns the top phrases of document i against the rest of
// the corpus: Distinctive(CountPhrases(doc i), Sum(every document), top).
// Cost: O(v log v) for the v phrases document i uses twice or more.
func (cp *CorpusPhrases) Distinctive(i, top int) []Phrase {
	d := cp.docs[i]
	if cp.total == 0 {
		return nil
	}
	var out []Phrase
	for _, k := range d.kept {
		n, all := int(k.n), int(cp.all[k.id])
		if p, ok := score(surfaceOf(k.surface, cp.surface[k.id]), n, d.total, all-n, cp.total-d.total, all, cp.total); ok {
			out = append(out, p)
		}
	}
	sortRanked(out)
	return dropContained(out, top)
}

// Shift returns the previous document in the language of document i (-1
// if there is none, and no phrases) and what Shift(its counts, document
// i's, the corpus's, top) returns: the phrases that appeared in document
// i and those that vanished from the previous one.
func (cp *CorpusPhrases) Shift(i, top int) (prev int, appeared, vanished []Phrase) {
	d := cp.docs[i]
	if d.prev < 0 {
		return -1, nil, nil
	}
	p := cp.docs[d.prev]
	appeared = cp.unshared(d, p.total, func(k keptPhrase) bool { return k.fresh }, top)
	vanished = cp.unshared(p, d.total, func(k keptPhrase) bool { return k.dropped }, top)
	return d.prev, appeared, vanished
}

// unshared ranks the phrases of d that the other document (of otherTotal
// phrases) does not use, as keyness ranks d's phrases against it.
func (cp *CorpusPhrases) unshared(d docPhrases, otherTotal int, absent func(keptPhrase) bool, top int) []Phrase {
	if cp.total == 0 {
		return nil
	}
	var out []Phrase
	for _, k := range d.kept {
		if !absent(k) {
			continue
		}
		if p, ok := score(surfaceOf(k.surface, cp.surface[k.id]), int(k.n), d.total, 0, otherTotal, int(cp.all[k.id]), cp.total); ok {
			out = append(out, p)
		}
	}
	sortRanked(out)
	return dropContained(out, top)
}
