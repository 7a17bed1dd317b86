package themes

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/segment"
)

// Phrase is a phrase distinctive of one document against others.
type Phrase struct {
	Text  string  `json:"phrase"` // as first written in the document
	Count int     `json:"count"`  // in the document
	Other int     `json:"other"`  // in the documents compared with
	Z     float64 `json:"z"`      // keyness: the z-score of the log-odds ratio
}

// Counts are the phrase counts of one document (or of several, Sum).
type Counts struct {
	index   map[string]int32 // phrase key → its entry
	entries []entry          // in order of first use
	total   int
	seg     *segment.Segmenter
	// Scratch memory, reused from one phrase and sentence to the next.
	key      []byte   // the key of the phrase being counted
	stems    []string // of the run of words being counted
	spans    []span   // of the words of the run of ideographs being counted
	function []bool   // of those words: a function word, a stop word or a number
	run      []byte   // the run of ideographs being cut
	terms    []term   // of a sentence being matched (NewCorpusCounting)
	fl       normalize.Folder
}

// entry is one phrase of Counts.
type entry struct {
	key     string
	n       int
	surface string // first wording (setSurface)
}

// span is a word of a run of ideographs: tokens [lo, hi) of the run.
type span struct{ lo, hi int }

// count returns how often Counts saw phrase key k.
func (c *Counts) count(k string) int {
	if i, ok := c.index[k]; ok {
		return c.entries[i].n
	}
	return 0
}

// reset empties c for another document, keeping its memory.
func (c *Counts) reset(seg *segment.Segmenter) {
	if c.index == nil {
		c.index = map[string]int32{}
	}
	clear(c.index)
	clear(c.entries) // drop the previous document's strings
	c.entries, c.total, c.seg = c.entries[:0], 0, seg
}

// Prior is the strength of the informative Dirichlet prior, in
// pseudo-counts spread over the vocabulary in proportion to how often
// each phrase occurs in the whole corpus. Monroe, Colaresi and Quinn use
// the corpus counts themselves; a fixed strength keeps rare phrases from
// dominating small documents.
const Prior = 500.0

// CountPhrases counts a document's phrases: for English, runs of one to
// three words that neither start nor end with a function word and hold no
// article ("dispute settlement", "Buy in China"); for Chinese, the words
// seg finds (package segment, a dictionary segmenter) of two characters
// or more, and runs of two or three words without function words (争端,
// 争端解决, 争端解决机制). With seg nil, Chinese phrases are runs of two to
// four characters without function characters instead, an approximation
// that also counts fragments across word boundaries. Numbers are left
// out, and so are English calendar words (months, weekdays: they say
// when, not what) and signature lines (roster: the officers who voted).
// Captions and furniture are not read. In a document whose lang is
// "en", Chinese passages (a quoted original title) are not counted.
// English phrases are counted case folded; each is written as it was
// first seen in lower case, if it ever was ("economic growth", not the
// "Economic growth" that starts a sentence).
func CountPhrases(doc *normalize.Document, lang string, seg *segment.Segmenter) Counts {
	var c Counts
	c.countDoc(doc, lang, seg)
	return c
}

// countDoc is CountPhrases into c, which it empties first.
func (c *Counts) countDoc(doc *normalize.Document, lang string, seg *segment.Segmenter) {
	c.countDocVisiting(doc, lang, seg, nil)
}

// countDocVisiting is countDoc calling each (if not nil) with every
// sentence it reads (roster lines too), cut into tokens toks of text,
// which starts at offset base.
func (c *Counts) countDocVisiting(doc *normalize.Document, lang string, seg *segment.Segmenter, each func(text string, base int, toks []normalize.Token)) {
	c.reset(seg)
	var words []normalize.Token // the current run of Latin words
	var han []normalize.Token   // the current run of ideographs
	for _, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		toks := c.fl.Tokens(doc.Text[s.Start:s.End], s.Start) // a sentence's tokens are done with before the next's
		if each != nil {
			each(doc.Text[s.Start:s.End], s.Start, toks)
		}
		if doc.Blocks[s.Block].Kind != normalize.Heading && roster(doc.Text, toks) {
			continue
		}
		flush := func() {
			c.addWords(doc.Text, words)
			c.addHan(doc.Text, han)
			words, han = words[:0], han[:0]
		}
		for _, t := range toks {
			switch {
			case t.Kind == normalize.Word:
				if len(han) > 0 {
					flush()
				}
				words = append(words, t)
			case t.Kind == normalize.Han && lang != "en":
				if len(words) > 0 {
					flush()
				}
				han = append(han, t)
			default:
				flush()
			}
		}
		flush()
	}
}

// add counts the phrase whose key is c.key, written surface.
func (c *Counts) add(surface string) {
	if i, ok := c.index[string(c.key)]; ok {
		c.total++
		e := &c.entries[i]
		e.n++
		e.surface = nextSurface(e.surface, surface)
		return
	}
	key := surface // a Chinese phrase's key is most often its wording: share its bytes
	if key != string(c.key) {
		key = string(c.key)
	}
	c.addKey(key, 1, surface)
}

// addKey counts n uses of the phrase with key k, written surface.
func (c *Counts) addKey(k string, n int, surface string) {
	c.total += n
	if i, ok := c.index[k]; ok {
		e := &c.entries[i]
		e.n += n
		e.surface = nextSurface(e.surface, surface)
		return
	}
	c.index[k] = int32(len(c.entries))
	c.entries = append(c.entries, entry{key: k, n: n, surface: surface})
}

// nextSurface returns the wording to keep of a phrase first written old
// and now surface: the first, or a later one in lower case where the
// first had capitals (a capital that only starts a sentence is no part of
// the phrase).
func nextSurface(old, surface string) string {
	if old != surface && surface == strings.ToLower(surface) && strings.ToLower(old) == surface {
		return surface
	}
	return old
}

// Limits of a signature line (roster): at least rosterNames capitalized
// words after the first, making up at least rosterShare of its words,
// with an initial ("Ben S. Bernanke") or a semicolon between names.
const (
	rosterNames = 4
	rosterShare = 0.4
)

// roster reports whether a sentence, tokens toks of text, lists people
// rather than saying something: "Voting for the FOMC monetary policy
// action were: Ben S. Bernanke, Chairman; Timothy F. Geithner, …", "Ms.
// Cumming voted as the alternate for Timothy F. Geithner." Their names
// and titles would top every document's distinctive phrases. A sentence
// of many names of things ("the Silk Road Fund and the Asian
// Infrastructure Investment Bank") has no initials or semicolons; a list
// of places ("Boston, Philadelphia, Cleveland") is counted, since commas
// also list the exhibitions and partners that are a text's content.
func roster(text string, toks []normalize.Token) bool {
	words, capitals, initials := 0, 0, false
	for i, t := range toks {
		if t.Kind != normalize.Word {
			continue
		}
		words++
		w := text[t.Start:t.End]
		r, size := utf8.DecodeRuneInString(w)
		if i == 0 || !unicode.IsUpper(r) {
			continue
		}
		capitals++
		initials = initials || size == len(w) && strings.HasPrefix(text[t.End:], ".") // "S." of "Ben S. Bernanke"
	}
	if capitals < rosterNames || float64(capitals) < rosterShare*float64(words-1) {
		return false
	}
	return initials || strings.Contains(text[toks[0].Start:toks[len(toks)-1].End], ";")
}

func (c *Counts) addWords(text string, ws []normalize.Token) {
	if len(ws) == 0 {
		return
	}
	c.stems = c.stems[:0]
	for _, w := range ws {
		c.stems = append(c.stems, stem(w.Key))
	}
	for i := range ws {
		if enFunction[ws[i].Key] || enCalendar[ws[i].Key] {
			continue
		}
		for n := 1; n <= 3 && i+n <= len(ws); n++ {
			last := ws[i+n-1]
			if enFunction[last.Key] || enCalendar[last.Key] || len(last.Key) < 2 {
				continue
			}
			c.key = c.key[:0]
			article := false
			for j, w := range ws[i : i+n] {
				if j > 0 {
					c.key = append(c.key, ' ')
				}
				c.key = append(c.key, c.stems[i+j]...)
				article = article || w.Key == "the" || w.Key == "a" || w.Key == "an"
			}
			if article {
				continue // "build the Buy": a phrase holds no article
			}
			c.add(normalize.Tidy(text[ws[i].Start:last.End]))
		}
	}
}

func (c *Counts) addHan(text string, hs []normalize.Token) {
	if len(hs) == 0 {
		return
	}
	if c.seg != nil {
		c.run = c.run[:0]
		for _, h := range hs {
			c.run = append(c.run, h.Key...)
		}
		if words, err := c.seg.Cut(string(c.run)); err == nil {
			c.addHanWords(text, hs, words)
			return
		}
	}
	for i := range hs {
		for n := 2; n <= 4 && i+n <= len(hs); n++ {
			c.key = c.key[:0]
			for _, h := range hs[i : i+n] {
				c.key = append(c.key, h.Key...)
			}
			if bytes.ContainsFunc(c.key, func(r rune) bool { return zhFunction[string(r)] }) {
				break // n-grams stop at function characters
			}
			c.add(text[hs[i].Start:hs[i+n-1].End])
		}
	}
}

// addHanWords counts the words of a run of ideographs hs, cut by the
// segmenter, and the runs of two or three words among them that hold no
// function word. Each ideograph is one token of hs, so word boundaries map
// back to the original.
func (c *Counts) addHanWords(text string, hs []normalize.Token, words []string) {
	ws := c.spans[:0]
	at := 0
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		ws = append(ws, span{at, at + n})
		at += n
	}
	c.spans = ws
	if at != len(hs) {
		return // the segmenter did not give the run back; count nothing rather than misplace
	}
	setKey := func(lo, hi int) {
		c.key = c.key[:0]
		for _, h := range hs[lo:hi] {
			c.key = append(c.key, h.Key...)
		}
	}
	// Whether each word is a function word, a stop word or a number.
	c.function = c.function[:0]
	for i, w := range ws {
		setKey(w.lo, w.hi)
		k := words[i] // the segmenter gives the run's text back, lowercased: ideographs as they are
		if k != string(c.key) {
			k = string(c.key)
		}
		c.function = append(c.function, w.hi-w.lo == 1 && zhFunction[k] || c.seg.IsStop(k) || zhNumber(k))
	}
	function := func(i int) bool { return c.function[i] }
	for i, w := range ws {
		if function(i) {
			continue
		}
		for n := 1; n <= 3 && i+n <= len(ws); n++ {
			last := ws[i+n-1]
			if function(i + n - 1) {
				break
			}
			if last.hi-w.lo < 2 {
				continue // a single character is no phrase
			}
			setKey(w.lo, last.hi)
			c.add(text[hs[w.lo].Start:hs[last.hi-1].End])
		}
	}
}

// zhNumber reports a word that is a number written in Chinese numerals,
// with perhaps a unit of time or counting after it (一九五八年, 第一个,
// 十四五): numbers are no phrases.
func zhNumber(w string) bool {
	rs := []rune(w)
	if n := len(rs); n > 1 && strings.ContainsRune("年月日号个次届项", rs[n-1]) {
		rs = rs[:n-1]
	}
	if len(rs) > 0 && rs[0] == '第' {
		rs = rs[1:]
	}
	for _, r := range rs {
		if !strings.ContainsRune("〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟", r) {
			return false
		}
	}
	return len(rs) > 0
}

// Keyness ranks the phrases of target against those of other by the
// log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
// Quinn 2008, "Fightin' Words", eq. 16-22):
//
//	δ = log((y_t+α)/(n_t+α0−y_t−α)) − log((y_o+α)/(n_o+α0−y_o−α))
//	σ² ≈ 1/(y_t+α) + 1/(y_o+α),   z = δ/σ
//
// where y are a phrase's counts, n the documents' totals, α = α0 · the
// phrase's share of the whole corpus (prior counts prior), and α0 = Prior.
// It returns the top phrases with z > 0 (more typical of target), those
// seen at least twice, best first. Cost: O(v log v) for v phrases of
// target.
func Keyness(target, other Counts, prior Counts, top int) []Phrase {
	return dropContained(ranked(target, other, prior), top)
}

// ranked is Keyness before phrases contained in better ones are dropped.
func ranked(target, other Counts, prior Counts) []Phrase {
	return keyness(target, other.count, other.total, prior)
}

// Distinctive ranks the phrases of target against the rest of a corpus
// whose counts together are all (target among them), as Keyness would
// against the sum of the other documents, and with all as the prior.
// Cost: O(v log v) for v phrases of target, whatever the corpus's size,
// so that ranking every document of a corpus is linear in the corpus.
func Distinctive(target, all Counts, top int) []Phrase {
	return dropContained(keyness(target, func(k string) int { return all.count(k) - target.count(k) }, all.total-target.total, all), top)
}

// keyness ranks the phrases of target, best first, against those of
// another document or set of documents, given as a phrase's count there
// and their total.
func keyness(target Counts, other func(string) int, otherTotal int, prior Counts) []Phrase {
	if prior.total == 0 {
		return nil
	}
	var out []Phrase
	for _, e := range target.entries {
		if e.n < 2 {
			continue
		}
		o := other(e.key)
		text := e.surface
		if i, ok := prior.index[e.key]; ok {
			text = surfaceOf(e.surface, prior.entries[i].surface)
		}
		if p, ok := score(text, e.n, target.total, o, otherTotal, prior.count(e.key), prior.total); ok {
			out = append(out, p)
		}
	}
	sortRanked(out)
	return out
}

// score is a phrase of a target document written text, counted y times
// of the target's nt phrases and o times of the other documents' no, y of
// the prior's priorTotal, if it is more typical of the target (z > 0).
func score(text string, y, nt, o, no, prior, priorTotal int) (Phrase, bool) {
	z := logOddsZ(float64(y), float64(nt), float64(o), float64(no), Prior*float64(prior)/float64(priorTotal), Prior)
	if z <= 0 {
		return Phrase{}, false
	}
	return Phrase{Text: text, Count: y, Other: o, Z: math.Round(z*100) / 100}, true
}

// sortRanked puts phrases best first; among equals, longer phrases
// first, so that the shorter ones they contain are dropped.
func sortRanked(ps []Phrase) {
	slices.SortFunc(ps, func(a, b Phrase) int {
		if a.Z != b.Z {
			if a.Z > b.Z {
				return -1
			}
			return 1
		}
		if la, lb := len(a.Text), len(b.Text); la != lb {
			return lb - la
		}
		return strings.Compare(a.Text, b.Text)
	})
}

// surfaceOf writes a phrase written t in the target as the corpus (the
// prior) writes it, p, when it wrote it in lower case somewhere and the
// target only with capitals, so that a phrase reads the same in every
// document's list.
func surfaceOf(t, p string) string {
	if p != t && p == strings.ToLower(t) {
		return p
	}
	return t
}

// logOddsZ is the z-score of the log-odds ratio of a phrase with counts
// yt of nt and yo of no, under a Dirichlet prior alpha of total alpha0.
func logOddsZ(yt, nt, yo, no, alpha, alpha0 float64) float64 {
	if alpha <= 0 {
		alpha = 0.01
	}
	d := math.Log((yt+alpha)/(nt+alpha0-yt-alpha)) - math.Log((yo+alpha)/(no+alpha0-yo-alpha))
	return d / math.Sqrt(1/(yt+alpha)+1/(yo+alpha))
}

// dropContained keeps the top phrases (all when top is 0), leaving out
// those contained in a better-ranked one with the same count ("dispute
// settlement" beside "dispute settlement mechanism"). Cost: O(k·top)
// phrase comparisons for k phrases.
func dropContained(ps []Phrase, top int) []Phrase {
	var out []Phrase
	var lower []string // of out
	for _, p := range ps {
		lp := strings.ToLower(p.Text)
		contained := false
		for i, q := range out {
			if q.Count == p.Count && (strings.Contains(lower[i], lp) || strings.Contains(lp, lower[i])) {
				contained = true
				break
			}
		}
		if !contained {
			out = append(out, p)
			lower = append(lower, lp)
		}
		if len(out) == top {
			break
		}
	}
	return out
}

// Sum returns the counts of several documents together.
func Sum(cs ...Counts) Counts {
	s := Counts{index: map[string]int32{}}
	for _, c := range cs {
		for _, e := range c.entries {
			s.addKey(e.key, e.n, e.surface)
		}
	}
	return s
}

// Shift lists the phrases that appeared in next (at least twice there,
// never in prev) and those that vanished (at least twice in prev, never in
// next), each ranked by keyness of the one document against the other.
func Shift(prev, next Counts, prior Counts, top int) (appeared, vanished []Phrase) {
	for _, p := range ranked(next, prev, prior) {
		if p.Other == 0 {
			appeared = append(appeared, p)
		}
	}
	for _, p := range ranked(prev, next, prior) {
		if p.Other == 0 {
			vanished = append(vanished, p)
		}
	}
	return dropContained(appeared, top), dropContained(vanished, top)
}

// English function words, which neither start nor end a phrase.
var enFunction = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into onto upon is are was
		were be been being am has have had having do does did will would shall should may might can could must
		this that these those it its they them their we our us you your he she his her i me my not no nor so than
		too very also just only such both each all any some more most other own same which who whom whose what
		when where why how there here then thus while about over under again further once between through
		during before after above below up down out off because until s t said says say one two three first
		new other well further`) {
		m[w] = true
	}
	return m
}()

// English calendar words, which neither start nor end a phrase: a date
// says when a text was written, not what it says ("may" is a function
// word already).
var enCalendar = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		monday tuesday wednesday thursday friday saturday sunday`) {
		m[w] = true
	}
	return m
}()

// Chinese function characters: particles, pronouns and conjunctions that
// cut a run of ideographs into phrases.
var zhFunction = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range "的了是在和与及或等对为以把被从向到于而且之其这那我们你他她它也都并就将要把" {
		if !unicode.IsSpace(r) {
			m[string(r)] = true
		}
	}
	return m
}()
