package themes

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/docdrift/docdrift/normalize"
)

// Phrase is a phrase distinctive of one document against others.
type Phrase struct {
	Text  string  `json:"phrase"` // as first written in the document
	Count int     `json:"count"`  // in the document
	Other int     `json:"other"`  // in the documents compared with
	Z     float64 `json:"z"`      // keyness: the z-score of the log-odds ratio
}

// Counts are the phrase counts of one document.
type Counts struct {
	n       map[string]int
	surface map[string]string // first wording of each phrase
	total   int
}

// Prior is the strength of the informative Dirichlet prior, in
// pseudo-counts spread over the vocabulary in proportion to how often
// each phrase occurs in the whole corpus. Monroe, Colaresi and Quinn use
// the corpus counts themselves; a fixed strength keeps rare phrases from
// dominating small documents.
const Prior = 500.0

// CountPhrases counts a document's phrases: for English, runs of one to
// three words that neither start nor end with a function word and hold no
// article ("dispute settlement", "Buy in China"); for Chinese, runs of
// two to four characters without function characters (a segmenter-free
// approximation of words: 开放, 争端解决). Numbers are left out. Captions
// and furniture are not read. In a document whose lang is "en", Chinese
// passages (a quoted original title) are not counted.
func CountPhrases(doc *normalize.Document, lang string) Counts {
	c := Counts{n: map[string]int{}, surface: map[string]string{}}
	for _, s := range doc.Sentences {
		switch doc.Blocks[s.Block].Kind {
		case normalize.Furniture, normalize.Caption:
			continue
		}
		toks := normalize.Tokens(doc.Text[s.Start:s.End], s.Start)
		var words []normalize.Token // the current run of Latin words
		var han []normalize.Token   // the current run of ideographs
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
			case t.Kind == normalize.Han && !zhFunction[t.Key] && lang != "en":
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
	return c
}

func (c *Counts) add(key, surface string) {
	c.n[key]++
	c.total++
	if _, ok := c.surface[key]; !ok {
		c.surface[key] = surface
	}
}

func (c *Counts) addWords(text string, ws []normalize.Token) {
	for i := range ws {
		if enFunction[ws[i].Key] {
			continue
		}
		for n := 1; n <= 3 && i+n <= len(ws); n++ {
			last := ws[i+n-1]
			if enFunction[last.Key] || len(last.Key) < 2 {
				continue
			}
			var key []string
			article := false
			for _, w := range ws[i : i+n] {
				key = append(key, stem(w.Key))
				article = article || w.Key == "the" || w.Key == "a" || w.Key == "an"
			}
			if article {
				continue // "build the Buy": a phrase holds no article
			}
			c.add(strings.Join(key, " "), normalize.Tidy(text[ws[i].Start:last.End]))
		}
	}
}

func (c *Counts) addHan(text string, hs []normalize.Token) {
	for i := range hs {
		for n := 2; n <= 4 && i+n <= len(hs); n++ {
			var key strings.Builder
			for _, h := range hs[i : i+n] {
				key.WriteString(h.Key)
			}
			c.add(key.String(), text[hs[i].Start:hs[i+n-1].End])
		}
	}
}

// Keyness ranks the phrases of target against the combined counts of
// others by the log-odds ratio with an informative Dirichlet prior
// (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eq. 16-22):
//
//	δ = log((y_t+α)/(n_t+α0−y_t−α)) − log((y_o+α)/(n_o+α0−y_o−α))
//	σ² ≈ 1/(y_t+α) + 1/(y_o+α),   z = δ/σ
//
// where y are a phrase's counts, n the documents' totals, α = α0 · the
// phrase's share of the whole corpus (prior counts prior), and α0 = Prior.
// It returns the top phrases with z > 0 (more typical of target), those
// seen at least twice, best first. Cost: O(v log v) for v phrases.
func Keyness(target Counts, others []Counts, prior Counts, top int) []Phrase {
	var out []Phrase
	other := map[string]int{}
	otherTotal := 0
	for _, o := range others {
		for k, v := range o.n {
			other[k] += v
		}
		otherTotal += o.total
	}
	if prior.total == 0 {
		return nil
	}
	for k, y := range target.n {
		if y < 2 {
			continue
		}
		z := logOddsZ(float64(y), float64(target.total), float64(other[k]), float64(otherTotal),
			Prior*float64(prior.n[k])/float64(prior.total), Prior)
		if z > 0 {
			out = append(out, Phrase{Text: target.surface[k], Count: y, Other: other[k], Z: math.Round(z*100) / 100})
		}
	}
	// Best first; among equals, longer phrases first, so that the shorter
	// ones they contain are dropped.
	slices.SortFunc(out, func(a, b Phrase) int {
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
	return dropContained(out, top)
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

// dropContained keeps the top phrases, leaving out those contained in a
// better-ranked one with the same count ("dispute settlement" beside
// "dispute settlement mechanism").
func dropContained(ps []Phrase, top int) []Phrase {
	var out []Phrase
	for _, p := range ps {
		contained := false
		for _, q := range out {
			if q.Count == p.Count && strings.Contains(strings.ToLower(q.Text), strings.ToLower(p.Text)) ||
				q.Count == p.Count && strings.Contains(strings.ToLower(p.Text), strings.ToLower(q.Text)) {
				contained = true
				break
			}
		}
		if !contained {
			out = append(out, p)
		}
		if len(out) == top {
			break
		}
	}
	return out
}

// Sum returns the counts of several documents together.
func Sum(cs ...Counts) Counts {
	s := Counts{n: map[string]int{}, surface: map[string]string{}}
	for _, c := range cs {
		for k, v := range c.n {
			s.n[k] += v
			if _, ok := s.surface[k]; !ok {
				s.surface[k] = c.surface[k]
			}
		}
		s.total += c.total
	}
	return s
}

// Shift lists the phrases that appeared in next (at least twice there,
// never in prev) and those that vanished (at least twice in prev, never in
// next), each ranked by keyness of the one document against the other.
func Shift(prev, next Counts, prior Counts, top int) (appeared, vanished []Phrase) {
	for _, p := range Keyness(next, []Counts{prev}, prior, 0) {
		if p.Other == 0 {
			appeared = append(appeared, p)
		}
	}
	for _, p := range Keyness(prev, []Counts{next}, prior, 0) {
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
