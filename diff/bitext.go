package diff

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// BiKind says how a paragraph of a document and its translation aligned.
type BiKind string

// Kinds of translation passages.
const (
	Paired  BiKind = "paired"   // paragraphs of each side that translate each other (1:1, 1:2 or 2:1)
	Repeat  BiKind = "repeat"   // a paragraph repeating another of its own document, paired with that one's translation
	OldOnly BiKind = "old-only" // no counterpart in the new document
	NewOnly BiKind = "new-only" // no counterpart in the old document
)

// Mark is a figure, concept or literal found in one side of a passage, and
// whether the other side has it too.
type Mark struct {
	Kind    string `json:"kind"` // figure, concept or literal
	Key     string `json:"key"`  // the figure's value, the concept's id, the literal's canonical form
	Unit    string `json:"unit,omitempty"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Matched bool   `json:"matched"`
}

// BiSide is where a translation passage stands in one document; its text
// is in the passage's sentence pairs.
type BiSide struct {
	Start   int `json:"start"` // byte offsets into Document.Text (JSON: into the file, by Document.Source)
	End     int `json:"end"`
	Line    int `json:"line"` // first and last line, from 1
	EndLine int `json:"end_line"`
	// Paragraph and EndParagraph count the compared paragraphs of the
	// document from 1 (headings and list items included).
	Paragraph    int    `json:"paragraph"`
	EndParagraph int    `json:"end_paragraph"`
	Marks        []Mark `json:"marks"`
}

// SentencePair is a run of sentences of each side that translate each
// other, as pieces of original text: one per paragraph the run spans, so
// that nothing between paragraphs (page furniture) is shown as theirs. One
// side is empty for sentences with no counterpart; for a paragraph with no
// counterpart at all, its sentences make one pair.
type SentencePair struct {
	Old []Side `json:"old"`
	New []Side `json:"new"`
}

// BiPassage is one step of a translation alignment.
type BiPassage struct {
	Kind BiKind `json:"kind"`
	// RepeatOf is, for a repeat, the paragraph of the same document it
	// repeats.
	RepeatOf   int     `json:"repeat_of,omitempty"`
	RepeatSide string  `json:"repeat_side,omitempty"` // old or new: the document that repeats itself
	Old        *BiSide `json:"old"`
	New        *BiSide `json:"new"`
	// LengthRatio is the new side's length over the length expected from
	// the old side's: near 1 for a full translation.
	LengthRatio float64        `json:"length_ratio,omitempty"`
	Sentences   []SentencePair `json:"sentences,omitempty"`
}

// BiSummary counts the passages of a translation alignment, and the
// figures and concepts matched across it or found on one side only
// (repeats left out, as their original counts already).
type BiSummary struct {
	Paired          int `json:"paired"`
	Repeats         int `json:"repeats"`
	OldOnly         int `json:"old_only"`
	NewOnly         int `json:"new_only"`
	FiguresMatched  int `json:"figures_matched"`
	FiguresOneSide  int `json:"figures_one_side"`
	ConceptsMatched int `json:"concepts_matched"`
	ConceptsOneSide int `json:"concepts_one_side"`
}

// Differences counts what a reader checking a translation must look at:
// paragraphs with no counterpart and figures on one side only.
func (s BiSummary) Differences() int { return s.OldOnly + s.NewOnly + s.FiguresOneSide }

// Bitext is the alignment of a document with its translation.
type Bitext struct {
	// Ratio is the length of the new document's text per unit of length of
	// the old's (letters, digits and ideographs), estimated from the
	// documents themselves.
	Ratio    float64     `json:"ratio"`
	Summary  BiSummary   `json:"summary"`
	Passages []BiPassage `json:"passages"`
}

// BitextOptions are the settings of Translate.
type BitextOptions struct {
	Captions bool            // align photo captions too
	Concepts *themes.Matcher // glossary concepts used as anchors; nil for none
}

// bside is one document as the translation aligner sees it.
type bside struct {
	in      *interner // shared by both sides
	doc     *normalize.Document
	blocks  []normalize.Block
	paras   []bunit
	anchors []anchor
	repeat  []int    // paragraph each paragraph repeats, or -1
	lx      *lexical // shared by both sides; nil for none
	zh      bool     // the document is in Chinese
}

// newBside returns the side of doc with its paragraphs found, numbered
// by in and given their words by lx (nil for none), in one goroutine.
func newBside(doc *normalize.Document, opts BitextOptions, in *interner, lx *lexical, zh bool) *bside {
	s := newBlocks(doc, opts, zh)
	s.findParas(opts)
	s.intern(in)
	s.setLex(lx, s.lexOfParas(lx))
	return s
}

// newBlocks returns the side of doc with its blocks to align, and no
// paragraphs yet.
func newBlocks(doc *normalize.Document, opts BitextOptions, zh bool) *bside {
	s := &bside{doc: doc, zh: zh}
	for _, b := range doc.Blocks {
		if b.Kind == normalize.Furniture || b.Kind == normalize.Caption && !opts.Captions || b.First == b.Last {
			continue
		}
		s.blocks = append(s.blocks, b)
	}
	return s
}

// findParas finds the side's anchors, its paragraphs (without their
// anchor ids and words: see intern and setLex) and their repeats. It
// touches nothing but s, so that both sides can be found at once.
func (s *bside) findParas(opts BitextOptions) {
	// The shingles of each paragraph, for its repeats, from the tokens
	// its anchors are found in.
	sh := make([][]uint64, len(s.blocks))
	ids := map[string]uint32{}
	s.anchors = anchorsOf(s.doc, opts.Concepts, s.blocks, func(k int, toks []normalize.Token) { sh[k] = shingles(toks, ids) })
	for _, b := range s.blocks {
		keys := make([]string, 0, b.Last-b.First)
		for _, se := range s.doc.Sentences[b.First:b.Last] {
			keys = append(keys, se.Key)
		}
		s.paras = append(s.paras, s.bareUnit(b.Start, b.End, strings.Join(keys, " ")))
	}
	s.repeat = repeatsOf(sh)
}

// intern numbers the figures and concepts of the side's paragraphs with
// in, which the sentence units made later share. The numbers depend on
// the order of the calls: old side first.
func (s *bside) intern(in *interner) {
	s.in = in
	for k := range s.paras {
		s.paras[k].index(in)
	}
}

// lexOfParas returns the words of each paragraph (nil when lx is nil);
// it reads only the document and the blocks, so that it can run while
// the paragraphs are found and aligned.
func (s *bside) lexOfParas(lx *lexical) []lexUnit {
	if lx == nil {
		return nil
	}
	out := make([]lexUnit, len(s.blocks))
	for k, b := range s.blocks {
		out[k] = s.lexOf(lx, b.Start, b.End)
	}
	return out
}

// setLex gives the paragraphs their words, lexOfParas(lx).
func (s *bside) setLex(lx *lexical, lex []lexUnit) {
	s.lx = lx
	for k := range lex {
		s.paras[k].lex = lex[k]
	}
}

// unit makes the alignment unit of the original text [start, end).
func (s *bside) unit(start, end int, key string) bunit {
	u := s.bareUnit(start, end, key)
	u.index(s.in)
	u.lex = s.lexOf(s.lx, start, end)
	return u
}

// bareUnit is unit without anchor ids and words.
func (s *bside) bareUnit(start, end int, key string) bunit {
	u := bunit{start: start, end: end, length: textLength(s.doc.Text[start:end]), key: key, anchors: s.anchorsWithin(start, end)}
	if u.length > 0 {
		u.logLen = math.Log(u.length)
	}
	return u
}

func (s *bside) lexOf(lx *lexical, start, end int) lexUnit {
	switch {
	case lx == nil:
		return lexUnit{}
	case s.zh:
		return lx.chinese(s.doc.Text[start:end])
	default:
		return lx.english(s.doc.Text[start:end])
	}
}

func (s *bside) anchorsWithin(start, end int) []anchor {
	lo, _ := slices.BinarySearchFunc(s.anchors, start, func(a anchor, off int) int { return a.start - off })
	hi := lo
	for hi < len(s.anchors) && s.anchors[hi].start < end {
		hi++
	}
	return s.anchors[lo:hi:hi]
}

// sentences returns the sentence units of paragraphs [sp.lo, sp.hi).
func (s *bside) sentences(sp span) []bunit {
	var out []bunit
	for _, b := range s.blocks[sp.lo:sp.hi] {
		for _, se := range s.doc.Sentences[b.First:b.Last] {
			out = append(out, s.unit(se.Start, se.End, se.Key))
		}
	}
	return out
}

// Translate aligns a document with its translation, old and new in either
// order of languages: paragraphs by length and shared anchors (figures,
// glossary concepts, foreign-script words) in order, after Gale & Church
// (1993), then the sentences inside each aligned pair the same way. A
// paragraph that repeats another of its own document (a summary restating
// the body) is paired with the translation of the paragraph it repeats.
// See galechurch.go for the costs.
//
// The two documents' paragraphs are found at once, and the dictionary is
// loaded and their words looked up while the rough path is aligned (it
// needs no words): three tasks that use two cores.
func Translate(old, new *normalize.Document, opts BitextOptions) *Bitext {
	in := newInterner()
	zhA, zhB := normalize.DetectLang(old.Text) == "zh", normalize.DetectLang(new.Text) == "zh"
	a, b := newBlocks(old, opts, zhA), newBlocks(new, opts, zhB)
	type words struct {
		lx         *lexical
		lexA, lexB []lexUnit
	}
	lexDone := make(chan words, 1)
	go func() {
		var w words
		switch {
		case zhA && !zhB:
			w.lx = newLexical(new.Text)
		case zhB && !zhA:
			w.lx = newLexical(old.Text)
		}
		w.lexA, w.lexB = a.lexOfParas(w.lx), b.lexOfParas(w.lx)
		lexDone <- w
	}()
	var found sync.WaitGroup
	found.Go(func() { b.findParas(opts) })
	a.findParas(opts)
	found.Wait()
	a.intern(in)
	b.intern(in)
	md := model{zhA: zhA, sentences: oneSentenceEach(a) && oneSentenceEach(b)}
	ai, bi := originals(a.repeat), originals(b.repeat)
	au, bu := pick(a.paras, ai), pick(b.paras, bi)
	ratio := 1.0
	if la, lb := lengthOf(au), lengthOf(bu); la > 0 && lb > 0 {
		ratio = lb / la
	}
	rough := model{rough: true}.withRatio(ratio)
	beads := galeChurch(au, bu, rough)
	// The first ratio counts untranslated paragraphs too; the second is the
	// median of the 1:1 pairs.
	if r := medianRatio(beads, au, bu); r > 0 && math.Abs(r-ratio) > 0.05*ratio {
		ratio = r
	}
	md = md.withRatio(ratio)
	w := <-lexDone
	a.setLex(w.lx, w.lexA)
	b.setLex(w.lx, w.lexB)
	md.lexical = w.lx != nil
	au, bu = pick(a.paras, ai), pick(b.paras, bi)
	beads = refine(au, bu, md, beads)
	// Back to paragraph indexes of the documents.
	for k := range beads {
		beads[k].a = remap(beads[k].a, ai)
		beads[k].b = remap(beads[k].b, bi)
	}
	t := &Bitext{Ratio: round(ratio)}
	for _, bd := range withRepeats(beads, a.repeat, b.repeat) {
		t.Passages = append(t.Passages, passageOf(a, b, bd, md))
	}
	t.Summary = summarize(t.Passages)
	return t
}

// oneSentenceEach reports whether most paragraphs of s (three in four)
// hold one sentence: a document written a sentence a line, or with no
// paragraphs to speak of, whose paragraphs are aligned as sentences.
func oneSentenceEach(s *bside) bool {
	n := 0
	for _, b := range s.blocks {
		if b.Last-b.First == 1 {
			n++
		}
	}
	return len(s.blocks) > 0 && 4*n >= 3*len(s.blocks)
}

// originals returns the indexes of the units that repeat nothing.
func originals(repeat []int) []int {
	var out []int
	for i, r := range repeat {
		if r < 0 {
			out = append(out, i)
		}
	}
	return out
}

func pick(us []bunit, idx []int) []bunit {
	out := make([]bunit, len(idx))
	for k, i := range idx {
		out[k] = us[i]
	}
	return out
}

// remap turns a span of picked units into a span of all units; an empty
// span stays empty. Picked units of one bead are consecutive in the
// alignment, and the repeats between them are not part of the bead.
func remap(sp span, idx []int) span {
	if sp.lo == sp.hi {
		return span{-1, -1}
	}
	return span{idx[sp.lo], idx[sp.hi-1] + 1}
}

func medianRatio(beads []bead, a, b []bunit) float64 {
	var rs []float64
	for _, bd := range beads {
		if bd.a.hi-bd.a.lo == 1 && bd.b.hi-bd.b.lo == 1 {
			if la, lb := a[bd.a.lo].length, b[bd.b.lo].length; la > 0 && lb > 0 {
				rs = append(rs, lb/la)
			}
		}
	}
	if len(rs) == 0 {
		return 0
	}
	slices.Sort(rs)
	return rs[len(rs)/2]
}

// tbead is a bead of the final alignment: paragraphs of each side (lo -1
// for none) and, for a repeat, the paragraph repeated.
type tbead struct {
	a, b     span
	repeatOf int // -1, or the repeated paragraph (on the side that repeats)
	repeatA  bool
}

// withRepeats inserts the repeats of each side among the beads, each where
// it stands in its own document, paired with the other side of the bead of
// the paragraph it repeats.
func withRepeats(beads []bead, ra, rb []int) []tbead {
	// The other side of the bead holding each paragraph, or none.
	none := span{-1, -1}
	partnerA, partnerB := slices.Repeat([]span{none}, len(ra)), slices.Repeat([]span{none}, len(rb))
	for _, bd := range beads {
		for i := max(bd.a.lo, 0); i < bd.a.hi; i++ {
			partnerA[i] = bd.b
		}
		for j := max(bd.b.lo, 0); j < bd.b.hi; j++ {
			partnerB[j] = bd.a
		}
	}
	var out []tbead
	nextA, nextB := 0, 0
	flush := func(limA, limB int) {
		for ; nextA < limA; nextA++ {
			if r := ra[nextA]; r >= 0 {
				out = append(out, tbead{a: span{nextA, nextA + 1}, b: partnerA[r], repeatOf: r, repeatA: true})
			}
		}
		for ; nextB < limB; nextB++ {
			if r := rb[nextB]; r >= 0 {
				out = append(out, tbead{a: partnerB[r], b: span{nextB, nextB + 1}, repeatOf: r})
			}
		}
	}
	for _, bd := range beads {
		limA, limB := nextA, nextB
		if bd.a.lo >= 0 {
			limA = bd.a.lo
		}
		if bd.b.lo >= 0 {
			limB = bd.b.lo
		}
		flush(limA, limB)
		out = append(out, tbead{a: bd.a, b: bd.b, repeatOf: -1})
		if bd.a.lo >= 0 {
			nextA = max(nextA, bd.a.hi)
		}
		if bd.b.lo >= 0 {
			nextB = max(nextB, bd.b.hi)
		}
	}
	flush(len(ra), len(rb))
	return out
}

// passageOf describes one bead: its sides, marks and sentence pairs.
func passageOf(a, b *bside, bd tbead, md model) BiPassage {
	ratio := md.ratio
	var p BiPassage
	switch {
	case bd.repeatOf >= 0:
		p.Kind, p.RepeatOf, p.RepeatSide = Repeat, bd.repeatOf+1, "new"
		if bd.repeatA {
			p.RepeatSide = "old"
		}
	case bd.a.lo < 0:
		p.Kind = NewOnly
	case bd.b.lo < 0:
		p.Kind = OldOnly
	default:
		p.Kind = Paired
	}
	var ua, ub []bunit
	if bd.a.lo >= 0 {
		ua = a.paras[bd.a.lo:bd.a.hi]
		p.Old = a.biSide(bd.a)
	}
	if bd.b.lo >= 0 {
		ub = b.paras[bd.b.lo:bd.b.hi]
		p.New = b.biSide(bd.b)
	}
	if p.Kind == Repeat && (p.Old == nil || p.New == nil) {
		// The repeated paragraph has no counterpart either.
		p.Kind = map[bool]BiKind{true: OldOnly, false: NewOnly}[p.Old != nil]
	}
	aa, ba := anchorsIn(ua), anchorsIn(ub)
	aOK, bOK := matchAnchors(aa, ba, keyOf(ua), keyOf(ub))
	if p.Old != nil {
		p.Old.Marks = marks(a.doc.Text, aa, aOK)
	}
	if p.New != nil {
		p.New.Marks = marks(b.doc.Text, ba, bOK)
	}
	if p.Old == nil || p.New == nil {
		sp := SentencePair{Old: a.pieces(bd.a), New: b.pieces(bd.b)}
		p.Sentences = []SentencePair{sp}
		return p
	}
	if la := lengthOf(ua); la > 0 {
		p.LengthRatio = math.Round(lengthOf(ub)/(la*ratio)*100) / 100
	}
	if md.sentences {
		// The paragraphs were aligned as sentences already.
		p.Sentences = []SentencePair{{Old: a.pieces(bd.a), New: b.pieces(bd.b)}}
		return p
	}
	sa, sb := a.sentences(bd.a), b.sentences(bd.b)
	md.sentences = true
	for _, sbd := range galeChurch(sa, sb, md) {
		p.Sentences = append(p.Sentences, SentencePair{Old: a.piecesOf(sa[sbd.a.lo:sbd.a.hi]), New: b.piecesOf(sb[sbd.b.lo:sbd.b.hi])})
	}
	return p
}

func (s *bside) biSide(sp span) *BiSide {
	start, end := s.blocks[sp.lo].Start, s.blocks[sp.hi-1].End
	return &BiSide{Start: start, End: end, Line: s.doc.LineAt(start), EndLine: s.doc.LineAt(end - 1),
		Paragraph: sp.lo + 1, EndParagraph: sp.hi}
}

// pieces returns the text of paragraphs sp, one piece each; nil for none.
func (s *bside) pieces(sp span) []Side {
	var out []Side
	for i := sp.lo; i >= 0 && i < sp.hi; i++ {
		out = append(out, *sideBetween(s.doc, s.blocks[i].Start, s.blocks[i].End))
	}
	return out
}

// piecesOf returns the text of consecutive sentence units, a piece per
// paragraph they span.
func (s *bside) piecesOf(us []bunit) []Side {
	var out []Side
	for _, u := range us {
		if n := len(out); n > 0 && s.sameBlock(out[n-1].Start, u.start) {
			out[n-1] = *sideBetween(s.doc, out[n-1].Start, u.end)
			continue
		}
		out = append(out, *sideBetween(s.doc, u.start, u.end))
	}
	return out
}

// sameBlock reports whether two offsets are in the same compared paragraph.
func (s *bside) sameBlock(x, y int) bool {
	i, _ := slices.BinarySearchFunc(s.blocks, x+1, func(b normalize.Block, off int) int { return b.Start - off })
	j, _ := slices.BinarySearchFunc(s.blocks, y+1, func(b normalize.Block, off int) int { return b.Start - off })
	return i == j
}

func sideBetween(doc *normalize.Document, start, end int) *Side {
	return &Side{Start: start, End: end, Line: doc.LineAt(start), EndLine: doc.LineAt(end - 1), Text: doc.Text[start:end]}
}

// marks lists the anchors of one side: every figure and concept, and the
// literals and weak figures that found their partner (an unmatched
// foreign word, or a "two" the translation leaves out, is no news).
func marks(text string, as []anchor, ok []bool) []Mark {
	out := []Mark{}
	for i, an := range as {
		if (an.kind == AnchorLiteral || an.weak) && !ok[i] {
			continue
		}
		out = append(out, Mark{Kind: an.kind, Key: an.key, Unit: an.unit, Text: text[an.start:an.end],
			Start: an.start, End: an.end, Matched: ok[i]})
	}
	return out
}

func summarize(ps []BiPassage) BiSummary {
	var s BiSummary
	for _, p := range ps {
		switch p.Kind {
		case Paired:
			s.Paired++
		case Repeat:
			s.Repeats++
			continue
		case OldOnly:
			s.OldOnly++
		case NewOnly:
			s.NewOnly++
		}
		for _, side := range []*BiSide{p.Old, p.New} {
			if side == nil {
				continue
			}
			for _, m := range side.Marks {
				switch {
				case m.Kind == AnchorFigure && m.Matched && side == p.Old:
					s.FiguresMatched++
				case m.Kind == AnchorFigure && !m.Matched:
					s.FiguresOneSide++
				case m.Kind == AnchorConcept && m.Matched && side == p.Old:
					s.ConceptsMatched++
				case m.Kind == AnchorConcept && !m.Matched:
					s.ConceptsOneSide++
				}
			}
		}
	}
	return s
}
