package diff

import (
	"math"
	"slices"

	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// Kind says what happened to a passage.
type Kind string

// Passage kinds.
const (
	Same    Kind = "same"    // aligned, same wording (white space aside)
	Changed Kind = "changed" // aligned, in order, with word-level edits
	Moved   Kind = "moved"   // aligned but out of order; may carry edits too
	Added   Kind = "added"   // only in the new document
	Removed Kind = "removed" // only in the old document
)

// Side is where a passage stands in one document.
type Side struct {
	Start   int    `json:"start"` // byte offsets into Document.Text (JSON: into the file, by Document.Source)
	End     int    `json:"end"`
	Line    int    `json:"line"` // first and last line, from 1
	EndLine int    `json:"end_line"`
	Text    string `json:"text"` // the original words
}

// Passage is a run of sentences of the old document, the new one, or
// both, and what happened to it.
type Passage struct {
	Kind  Kind    `json:"kind"`
	Score float64 `json:"score"` // similarity of the pair; 1 for same, 0 for added and removed
	Old   *Side   `json:"old"`   // nil for added passages
	New   *Side   `json:"new"`   // nil for removed passages
	Edits []Edit  `json:"edits,omitempty"`
	// Level is the most significant class among Changes; "" for a
	// passage that is the same.
	Level   Class    `json:"level,omitempty"`
	Changes []Change `json:"changes,omitempty"`
	// Move, on a moved passage, is the id of the move (from 1, in the
	// new document's order), which links its source, Old, with its
	// destination, New; 0 on other passages.
	Move int `json:"move,omitempty"`
	// Clause, on a pair that one side restates only in part, is the
	// clause of the longer side's sentence (a run-on sentence cut at a
	// semicolon, a colon, or a comma before "and", "but", "while") that
	// restates the other side whole; nil on other passages.
	Clause *Clause `json:"clause,omitempty"`
	// MergedOld are sentences of the old document's paragraph, not next
	// to Old, that New also restates: New merges them with Old.
	// MergedNew likewise are sentences of the new document that restate
	// part of Old: Old was split. Each such sentence is in this passage
	// and in no other.
	MergedOld []*Side `json:"merged_old,omitempty"`
	MergedNew []*Side `json:"merged_new,omitempty"`
}

// Clause is the part of one side of a passage that restates the other
// side: Side is "old" or "new"; Start and End are byte offsets as in
// Side, and Text the original words.
type Clause struct {
	Side  string `json:"side"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Summary counts passages by kind.
type Summary struct {
	Same    int `json:"same"`
	Changed int `json:"changed"`
	Moved   int `json:"moved"`
	Added   int `json:"added"`
	Removed int `json:"removed"`
	// Levels counts the passages that are not the same by their level
	// (the most significant class of their changes).
	Levels map[Class]int `json:"levels,omitempty"`
	// LeftOut counts what differs in the blocks left out of the passages.
	LeftOut LeftOut `json:"left_out"`
}

// LeftOut counts the passages that differ among the photo captions and
// among the page furniture when the comparison leaves them out (see
// Options): they are compared apart, captions with captions and
// furniture with furniture, so that a change there is never silent. Zero
// for what is compared with the text.
type LeftOut struct {
	Captions  int `json:"captions"`
	Furniture int `json:"furniture"`
}

// Changes is the number of passages that are not the same.
func (s Summary) Changes() int { return s.Changed + s.Moved + s.Added + s.Removed }

// Options controls Compare.
type Options struct {
	// Captions includes photo captions in the comparison; by default
	// they are compared apart (see LeftOut).
	Captions bool
	// Furniture includes page furniture (share rows, bylines, image file
	// names), each block as one sentence; by default it is compared
	// apart (see LeftOut).
	Furniture bool
	// Concepts, when set, finds glossary concepts, so that a concept
	// appearing in or vanishing from a passage is classified as such.
	Concepts *themes.Matcher
	// Found, when set with Concepts, holds Concepts.Find of the old and
	// of the new document, found beforehand (a corpus finds them once per
	// document): the comparison reads its sentences' concepts from them
	// instead of finding them again. The result is the same.
	Found *[2][]themes.Match
	// Busy says that the caller keeps every core busy with other
	// comparisons (timeline compares its steps in parallel): the
	// comparison then does not compute ahead, on the core its serial
	// passes would leave idle, what it will need (see align), which would
	// only compete with the caller's work. The result is the same.
	Busy bool
}

// Result is the comparison of two documents.
type Result struct {
	Passages []Passage
	Summary  Summary
	// Captions and Furniture are the passages that differ among the
	// captions and among the furniture left out of Passages, compared
	// apart and classified as Passages are; nil when they are compared
	// with the text or nothing differs there.
	Captions, Furniture []Passage
}

// Compare aligns the sentences of old and new and returns their passages
// in reading order: passages that keep their order, with removed passages
// where they stood in the old document and added and moved ones where they
// stand in the new. Every compared sentence of each document is in exactly
// one passage. Identical documents give only Same passages.
//
// Captions and furniture left out of the comparison (see Options) are
// compared apart, each with its own kind, when they differ at all: their
// passages that are not the same are in Result.Captions and
// Result.Furniture and counted in Summary.LeftOut. This costs little: an
// article has few of them, and none when they are the same.
func Compare(old, new *normalize.Document, opts Options) *Result {
	r := compareKinds(old, new, func(k normalize.Kind) bool {
		return k != normalize.Furniture && k != normalize.Caption ||
			k == normalize.Caption && opts.Captions || k == normalize.Furniture && opts.Furniture
	}, glossary{opts.Concepts, opts.Found}, opts.Busy)
	if !opts.Captions {
		r.Captions = leftOut(old, new, normalize.Caption, glossary{opts.Concepts, opts.Found})
		r.Summary.LeftOut.Captions = len(r.Captions)
	}
	if !opts.Furniture {
		r.Furniture = leftOut(old, new, normalize.Furniture, glossary{opts.Concepts, opts.Found})
		r.Summary.LeftOut.Furniture = len(r.Furniture)
	}
	return r
}

// leftOut compares the blocks of one kind of old and new apart from the
// rest and returns the passages that are not the same; none, without
// aligning, when the blocks are the same text for text.
func leftOut(old, new *normalize.Document, kind normalize.Kind, concepts glossary) []Passage {
	if slices.Equal(blockTexts(old, kind), blockTexts(new, kind)) {
		return nil
	}
	var out []Passage
	// Few sentences: nothing to gain from computing ahead (busy).
	for _, p := range compareKinds(old, new, func(k normalize.Kind) bool { return k == kind }, concepts, true).Passages {
		if p.Kind != Same {
			out = append(out, p)
		}
	}
	return out
}

// blockTexts returns the tidied text of each block of one kind.
func blockTexts(doc *normalize.Document, kind normalize.Kind) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Kind == kind {
			out = append(out, normalize.Tidy(doc.Text[b.Start:b.End]))
		}
	}
	return out
}

// compareKinds compares the blocks of old and new whose kind compare
// accepts, as Compare describes; busy as Options.Busy says.
func compareKinds(old, new *normalize.Document, compare func(normalize.Kind) bool, concepts glossary, busy bool) *Result {
	var a, b side
	parallel.For(2, func(k int) { // fresh memory for each side's sentences, on its own core
		if k == 0 {
			a = newSide(old, compare)
		} else {
			b = newSide(new, compare)
		}
	})
	pairs := align(a, b, !busy)
	bl := builder{a: a, b: b, pairs: pairs}
	bl.build()
	r := &Result{Passages: bl.out}
	classify(r, [2]side{a, b}, concepts)
	for _, p := range r.Passages {
		if p.Level != "" {
			if r.Summary.Levels == nil {
				r.Summary.Levels = map[Class]int{}
			}
			r.Summary.Levels[p.Level]++
		}
	}
	for _, p := range r.Passages {
		switch p.Kind {
		case Same:
			r.Summary.Same++
		case Changed:
			r.Summary.Changed++
		case Moved:
			r.Summary.Moved++
		case Added:
			r.Summary.Added++
		case Removed:
			r.Summary.Removed++
		}
	}
	return r
}

type builder struct {
	a, b         side
	pairs        []pair
	aPair, bPair []int
	out          []Passage
	spans        []placed  // of each passage of out
	passages     []Passage // of each pair, with its word edits
	moves        int       // moved passages emitted so far
}

func (bl *builder) build() {
	bl.passages = make([]Passage, len(bl.pairs))
	parallel.ForWith(len(bl.pairs), newScratch, func(sc *scratch, i int) { bl.passages[i] = bl.pairPassage(sc, bl.pairs[i]) })
	bl.aPair, bl.bPair = filled(len(bl.a.sents), -1), filled(len(bl.b.sents), -1)
	for pi, p := range bl.pairs {
		for i := p.old.lo; i < p.old.hi; i++ {
			bl.aPair[i] = pi
		}
		for j := p.new.lo; j < p.new.hi; j++ {
			bl.bPair[j] = pi
		}
		for _, i := range p.mergedOld {
			bl.aPair[i] = pi
		}
		for _, j := range p.mergedNew {
			bl.bPair[j] = pi
		}
	}
	anchors := byOldStart(bl.pairs, len(bl.a.sents), func(p pair) bool { return !p.moved })
	// Room for the passages at once, which a long document's growing
	// slices would allocate several times over: a passage of each pair
	// that is not the same sentence in place, and on either side of it a
	// run of the same, added or removed sentences, which also ends at each
	// paragraph's end. An estimate, not a bound: append grows past it.
	changed := 0
	for _, p := range bl.pairs {
		if !p.exact || p.moved {
			changed++
		}
	}
	est := 3*changed + len(bl.a.doc.Blocks) + len(bl.b.doc.Blocks) + 1
	bl.out, bl.spans = make([]Passage, 0, est), make([]placed, 0, est)
	i, j := 0, 0
	gap := func(oldEnd, newEnd int) {
		for ; i < oldEnd; i++ {
			if bl.aPair[i] < 0 {
				bl.emit(Passage{Kind: Removed, Old: bl.sideOf(bl.a, span{i, i + 1})}, span{i, i + 1}, span{})
			}
		}
		for ; j < newEnd; j++ {
			if bl.bPair[j] < 0 {
				bl.emit(Passage{Kind: Added, New: bl.sideOf(bl.b, span{j, j + 1})}, span{}, span{j, j + 1})
			} else if p := bl.pairs[bl.bPair[j]]; p.moved && p.new.lo == j {
				ps := bl.passages[bl.bPair[j]]
				bl.moves++
				ps.Move = bl.moves
				bl.emit(ps, p.old, p.new)
			}
		}
	}
	for _, pi := range anchors {
		p := bl.pairs[pi]
		gap(p.old.lo, p.new.lo)
		bl.emit(bl.passages[pi], p.old, p.new)
		i, j = p.old.hi, p.new.hi
	}
	gap(len(bl.a.sents), len(bl.b.sents))
}

// emit appends p, whose sentences are the spans old and new (empty for a
// side it lacks), joining it to the previous passage when both are Same,
// Added or Removed runs that continue each other inside one paragraph.
func (bl *builder) emit(p Passage, old, new span) {
	if n := len(bl.out); n > 0 {
		last, at := &bl.out[n-1], &bl.spans[n-1]
		if last.Kind == p.Kind && (p.Kind == Same || p.Kind == Added || p.Kind == Removed) &&
			continues(bl.a, at.old, old) && continues(bl.b, at.new, new) {
			last.Old = bl.join(bl.a, last.Old, p.Old)
			last.New = bl.join(bl.b, last.New, p.New)
			at.old.hi, at.new.hi = old.hi, new.hi
			return
		}
	}
	bl.out = append(bl.out, p)
	bl.spans = append(bl.spans, placed{old, new})
}

// placed is the sentences of an emitted passage on each side: an empty
// span for a side it does not have.
type placed struct{ old, new span }

// continues reports whether span y of side s starts with the compared
// sentence that follows the last one of x, in the same block, or whether
// both are empty.
func continues(s side, x, y span) bool {
	if x.lo == x.hi || y.lo == y.hi {
		return x.lo == x.hi && y.lo == y.hi
	}
	return y.lo == x.hi && s.sents[x.hi-1].block == s.sents[y.lo].block
}

// join extends x, in place, to the end of y, which continues it.
func (bl *builder) join(s side, x, y *Side) *Side {
	if x == nil {
		return nil
	}
	x.End, x.EndLine, x.Text = y.End, y.EndLine, s.doc.Text[x.Start:y.End]
	return x
}

func (bl *builder) sideOf(s side, sp span) *Side {
	return bl.sideAt(s, s.sents[sp.lo].start, s.sents[sp.hi-1].end)
}

func (bl *builder) sideAt(s side, start, end int) *Side {
	return &Side{Start: start, End: end, Line: s.doc.LineAt(start), EndLine: s.doc.LineAt(end - 1), Text: s.doc.Text[start:end]}
}

// pairPassage makes the passage of an aligned pair, with its word edits.
func (bl *builder) pairPassage(sc *scratch, p pair) Passage {
	old, new := bl.sideOf(bl.a, p.old), bl.sideOf(bl.b, p.new)
	out := Passage{Kind: Changed, Score: round(p.score), Old: old, New: new}
	if p.moved {
		out.Kind = Moved
	}
	if c := p.clause; c != nil {
		s, name := bl.a, "old"
		if c.new {
			s, name = bl.b, "new"
		}
		out.Clause = &Clause{Side: name, Start: c.start, End: c.end, Text: s.doc.Text[c.start:c.end]}
	}
	for _, i := range p.mergedOld {
		out.MergedOld = append(out.MergedOld, bl.sideOf(bl.a, span{i, i + 1}))
	}
	for _, j := range p.mergedNew {
		out.MergedNew = append(out.MergedNew, bl.sideOf(bl.b, span{j, j + 1}))
	}
	// Texts that differ only in white space, or in the syntax and address
	// of Markdown links left in them, are the same.
	if old.Text == new.Text || normalize.Tidy(old.Text) == normalize.Tidy(new.Text) ||
		normalize.Tidy(bl.a.doc.Plain(old.Start, old.End)) == normalize.Tidy(bl.b.doc.Plain(new.Start, new.End)) {
		if !p.moved {
			out.Kind = Same
		}
		return out
	}
	sc.oldUnits = stretch(spanUnits(sc.oldUnits[:0], sc, bl.a, p.old), old)
	sc.newUnits = stretch(spanUnits(sc.newUnits[:0], sc, bl.b, p.new), new)
	ou, nu := sc.oldUnits, sc.newUnits
	out.Edits = wordEdits(sc, bl.a.doc.Text, ou, bl.b.doc.Text, nu)
	return out
}

// spanUnits appends the units of a span's sentences to us.
func spanUnits(us []unit, sc *scratch, s side, sp span) []unit {
	for i := sp.lo; i < sp.hi; i++ {
		us = append(us, s.sents[i].unitsOf(sc, s.doc.Text)...)
	}
	return us
}

// stretch makes the units cover all of s: characters the canonical form
// leaves out (control and format characters) at either end belong to the
// first or last unit, so that the edits rebuild the original exactly.
func stretch(us []unit, s *Side) []unit {
	if len(us) > 0 {
		us[0].start, us[len(us)-1].end = s.Start, s.End
	}
	return us
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
