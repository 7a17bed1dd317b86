package diff

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
)

// Thresholds of the alignment, on the weighted Dice similarity of two
// sentences' features (see features.go).
const (
	// PairThreshold is the similarity from which two sentences are taken to
	// make the same point. Reworded sentences that share their figures and
	// most content words score 0.4–0.8; unrelated sentences of one article
	// rarely pass 0.25.
	PairThreshold = 0.3
	// mergeGain is how much better a 1:2 or 2:1 pairing must score than the
	// 1:1 pairing it extends.
	mergeGain = 0.05
	// crossKindPenalty is added to the threshold for pairing a heading with
	// a sentence of body text: a heading restated as prose is rarer than a
	// coincidence of a few words.
	crossKindPenalty = 0.15
	// maxPosting bounds how many sentences a feature may index before it
	// is too common to find candidates with; this keeps candidate search
	// near-linear however large the documents.
	maxPosting = 64
)

// sent is a sentence of one document, as the aligner sees it.
type sent struct {
	idx        int // index into Document.Sentences; -1 for a furniture block
	block      int
	start, end int
	key        string
	work       *sentWork  // nil but for sentences left to pair by similarity
	feats      featureSet // the features of their units,
	total      float64    // their summed weight,
	common     float64    // and that of those too common to index (see maxPosting)
	heading    bool
}

// sentWork is what the aligner computes of a sentence left to pair by
// similarity, apart from sent: most sentences of a new edition are paired
// exactly and need none of it, and a long document's sentences take half
// the memory without it.
type sentWork struct {
	units   []unit            // its diff units,
	toks    []normalize.Token // the tokens they were made of,
	figs    []figures.Figure  // the figures they were made of,
	clauses []clause          // of a run-on sentence, for matching (see rewording.go)
}

// clauseSet returns the clauses of a run-on sentence left to pair, or nil.
func (s *sent) clauseSet() []clause {
	if s.work == nil {
		return nil
	}
	return s.work.clauses
}

// side is one document's comparable sentences.
type side struct {
	doc   *normalize.Document
	sents []sent
}

// newSide returns the sentences of doc's blocks whose kind compare
// accepts, in order. A furniture block, which has no sentences (see
// normalize.Parse), is one sentence whole.
func newSide(doc *normalize.Document, compare func(normalize.Kind) bool) side {
	s := side{doc: doc, sents: make([]sent, 0, len(doc.Sentences))}
	for bi, b := range doc.Blocks {
		if !compare(b.Kind) {
			continue
		}
		if b.Kind == normalize.Furniture {
			s.sents = append(s.sents, sent{idx: -1, block: bi, start: b.Start, end: b.End, key: normalize.Key(doc.Text[b.Start:b.End])})
			continue
		}
		for i := b.First; i < b.Last; i++ {
			se := doc.Sentences[i]
			s.sents = append(s.sents, sent{idx: i, block: bi, heading: b.Kind == normalize.Heading,
				start: se.Start, end: se.End, key: se.Key})
		}
	}
	return s
}

// unitsOf returns the sentence's diff units, computing them with sc if
// need be.
func (s *sent) unitsOf(sc *scratch, text string) []unit {
	if s.work == nil {
		s.work = &sentWork{}
	}
	if w := s.work; w.units == nil {
		w.units, w.toks, w.figs = units(sc, text, s.start, s.end)
	}
	return s.work.units
}

// hasUnits reports whether the sentence's units were computed (and are
// not empty).
func (s *sent) hasUnits() bool { return s.work != nil && s.work.units != nil }

// tokensOf returns the sentence's tokens (normalize.Tokens), reusing those
// its units were made of.
func (s *sent) tokensOf(text string) []normalize.Token {
	if s.hasUnits() {
		return s.work.toks
	}
	return normalize.Tokens(text[s.start:s.end], s.start)
}

// span is a run of consecutive sentences [lo, hi) of one side.
type span struct{ lo, hi int }

// pair is an alignment of a span of the old document with a span of the new.
type pair struct {
	old, new span
	score    float64
	exact    bool // same canonical text
	moved    bool
	// clause, when set, is the clause of the longer side's sentence that
	// restates the other side whole: the pair is a restatement in part.
	clause *clauseRef
	// mergedOld and mergedNew are sentences of the span's paragraph, not
	// next to it, that the other side also restates (a merge, a split).
	mergedOld, mergedNew []int
}

// clauseRef is a clause of one side of a pair: its byte span.
type clauseRef struct {
	new        bool // the clause is in the new sentence
	start, end int
}

// aligner holds the state of one alignment.
type aligner struct {
	a, b       side
	w          *weigher
	aPair      []int // pair index of each old sentence, or -1
	bPair      []int
	pairs      []pair
	bByFeature [][]int // free new sentences by feature id
	abbr       map[string][]string
}

// align pairs the sentences of a and b. See the package documentation for
// the method and its cost. With idle, the units of the sentences no exact
// pass can pair are computed on the core the exact passes leave idle
// (see ahead).
func align(a, b side, idle bool) []pair {
	al := &aligner{a: a, b: b, pairs: make([]pair, 0, min(len(a.sents), len(b.sents)))}
	al.aPair = filled(len(a.sents), -1)
	al.bPair = filled(len(b.sents), -1)
	var early *ahead
	if idle {
		early = unitsAhead(a, b)
	}
	al.exactInOrder()
	shaped := al.sameShapeInOrder()
	al.exactAnywhere(shaped)
	if early != nil {
		early.finish()
	}
	al.weigh()
	al.addShaped(shaped)
	al.titles()
	al.similar()
	al.sameMeasure()
	al.clauses()
	al.merges()
	al.mergesApart()
	al.partial()
	al.markMoves()
	al.joinMoves()
	return al.pairs
}

func filled(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func (al *aligner) add(p pair) {
	for i := p.old.lo; i < p.old.hi; i++ {
		al.aPair[i] = len(al.pairs)
	}
	for i := p.new.lo; i < p.new.hi; i++ {
		al.bPair[i] = len(al.pairs)
	}
	for _, i := range p.mergedOld {
		al.aPair[i] = len(al.pairs)
	}
	for _, j := range p.mergedNew {
		al.bPair[j] = len(al.pairs)
	}
	al.pairs = append(al.pairs, p)
}

// exactInOrder pairs identical sentences (same canonical key) that keep
// their order: the cheap common case of a new edition. It anchors on the
// keys found exactly once in each document, keeps the longest run of them
// in order (patience diff, O(n log n)), and runs a Myers diff (go-diff,
// one rune per distinct key) only inside the gaps between anchors.
func (al *aligner) exactInOrder() {
	// How often each key occurs on each side, and where on the new side:
	// one map entry per key.
	type occurrence struct{ a, b, posB int }
	occ := make([]occurrence, 0, len(al.a.sents))
	at := make(map[string]int32, len(al.a.sents)) // index in occ
	keyOf := make([]int32, len(al.a.sents))       // of each old sentence
	for i, s := range al.a.sents {
		k, ok := at[s.key]
		if !ok {
			k = int32(len(occ))
			at[s.key] = k
			occ = append(occ, occurrence{})
		}
		occ[k].a++
		keyOf[i] = k
	}
	for j, s := range al.b.sents {
		if k, ok := at[s.key]; ok {
			occ[k].b++
			occ[k].posB = j
		}
	}
	var ai, bj []int
	for i := range al.a.sents {
		if o := occ[keyOf[i]]; o.a == 1 && o.b == 1 {
			ai = append(ai, i)
			bj = append(bj, o.posB)
		}
	}
	inOrder := lis(bj)
	lo, lb := 0, 0
	for k := range ai {
		if !inOrder[k] {
			continue
		}
		al.myers(span{lo, ai[k]}, span{lb, bj[k]})
		al.add(pair{old: span{ai[k], ai[k] + 1}, new: span{bj[k], bj[k] + 1}, score: 1, exact: true})
		lo, lb = ai[k]+1, bj[k]+1
	}
	al.myers(span{lo, len(al.a.sents)}, span{lb, len(al.b.sents)})
}

// myers pairs the identical sentences of a gap that keep their order.
func (al *aligner) myers(a, b span) {
	if a.lo >= a.hi || b.lo >= b.hi {
		return
	}
	if a.hi-a.lo == 1 && b.hi-b.lo == 1 {
		// One sentence on each side, the commonest gap (a sentence
		// changed between two anchors): the diff of two runes pairs them
		// when they are equal.
		if al.a.sents[a.lo].key == al.b.sents[b.lo].key {
			al.add(pair{old: a, new: b, score: 1, exact: true})
		}
		return
	}
	ids := map[string]rune{}
	sentKey := func(s sent) string { return s.key }
	ra, rb := encodeKeys(ids, al.a.sents[a.lo:a.hi], sentKey), encodeKeys(ids, al.b.sents[b.lo:b.hi], sentKey)
	equalPairs(ra, rb, a.lo, b.lo, func(i, j int) {
		al.add(pair{old: span{i, i + 1}, new: span{j, j + 1}, score: 1, exact: true})
	})
}

// equalPairs calls pair for each element that the rune diff of ra and rb
// keeps, with its index in each, counted from loA and loB.
func equalPairs(ra, rb []rune, loA, loB int, pair func(i, j int)) {
	i, j := loA, loB
	for _, d := range diffRunes(ra, rb) {
		n := len([]rune(d.Text))
		switch d.Type {
		case opEqual:
			for k := 0; k < n; k++ {
				pair(i+k, j+k)
			}
			i, j = i+n, j+n
		case opDelete:
			i += n
		case opInsert:
			j += n
		}
	}
}

// exactAnywhere pairs identical sentences left over, wherever they stand:
// they are moved. The sentences of shaped stay where they are.
func (al *aligner) exactAnywhere(shaped []shapedPair) {
	keptA, keptB := map[int]bool{}, map[int]bool{}
	for _, p := range shaped {
		keptA[p.i], keptB[p.j] = true, true
	}
	free := map[string][]int{}
	for j, s := range al.b.sents {
		if al.bPair[j] < 0 && !keptB[j] {
			free[s.key] = append(free[s.key], j)
		}
	}
	for i, s := range al.a.sents {
		if al.aPair[i] >= 0 || keptA[i] || len(free[s.key]) == 0 {
			continue
		}
		j := free[s.key][0]
		free[s.key] = free[s.key][1:]
		al.add(pair{old: span{i, i + 1}, new: span{j, j + 1}, score: 1, exact: true})
	}
}

// shapedPair is an old sentence i and a new sentence j that read the
// same but for their numbers, in order between two exact pairs.
type shapedPair struct{ i, j int }

// sameShapeInOrder finds, in each gap between the pairs exactInOrder
// made, the sentences that keep their order and read the same but for
// their numbers (shapeKey): a fine or a rate changed in place. They are
// paired in place before any identical sentence elsewhere is taken for a
// move: a law whose two articles end in the same words
// (企业事业单位或者其他组织有前款所列行为之一的，可以并处五万元以下的罚款) and trade their
// fines between editions keeps each article's fine in its article,
// changed, instead of showing one article's sentence as moved unchanged
// and hiding that its fine doubled. Myers over each gap, as exactInOrder.
func (al *aligner) sameShapeInOrder() []shapedPair {
	var out []shapedPair
	ids := map[string]rune{}
	gap := func(a, b span) {
		if a.lo >= a.hi || b.lo >= b.hi {
			return
		}
		if a.hi-a.lo == 1 && b.hi-b.lo == 1 { // the common gap: one sentence changed
			if x, y := al.a.sents[a.lo].key, al.b.sents[b.lo].key; x != y && sameShape(x, y) {
				out = append(out, shapedPair{a.lo, b.lo})
			}
			return
		}
		ra := encodeKeys(ids, al.a.sents[a.lo:a.hi], shapeOf)
		rb := encodeKeys(ids, al.b.sents[b.lo:b.hi], shapeOf)
		equalPairs(ra, rb, a.lo, b.lo, func(i, j int) {
			if al.a.sents[i].key != al.b.sents[j].key {
				out = append(out, shapedPair{i, j})
			}
		})
	}
	lo, lb := 0, 0
	for _, p := range al.pairs { // exactInOrder's, in order
		gap(span{lo, p.old.lo}, span{lb, p.new.lo})
		lo, lb = p.old.hi, p.new.hi
	}
	gap(span{lo, len(al.a.sents)}, span{lb, len(al.b.sents)})
	return out
}

// shapeOf is a sentence's key with every run of digits and numeral
// characters one mark; a sentence of little but numbers ("（一）", fewer
// than four other characters) has a shape of its own, its key marked,
// which only the same sentence shares. One pass, one allocation.
func shapeOf(s sent) string {
	var b strings.Builder
	b.Grow(len(s.key))
	other := 0
	inNumber := false
	for _, r := range s.key {
		if isNumeral(r) {
			if !inNumber {
				b.WriteByte('#')
			}
			inNumber = true
			continue
		}
		inNumber = false
		b.WriteRune(r)
		other++
	}
	if other < 4 {
		return "\x00" + s.key
	}
	return b.String()
}

// sameShape reports whether two sentences whose keys are x and y have
// the same shapeOf, without building the shapes when both have four
// characters or more other than numerals (nearly every sentence): it
// walks the two shapes' characters side by side, a run of numerals read
// as the mark '#', which a '#' of the text also is, and counts the other
// characters only as far as it needs to.
func sameShape(x, y string) bool {
	i, j, ox, oy := 0, 0, 0, 0
	for {
		rx, nx, numX := shapeRune(x, i)
		ry, ny, numY := shapeRune(y, j)
		if nx == 0 || ny == 0 || rx != ry {
			break
		}
		if !numX {
			ox++
		}
		if !numY {
			oy++
		}
		i, j = i+nx, j+ny
	}
	if i == len(x) && j == len(y) && ox >= 4 && oy >= 4 {
		return true // the same walk to the end: the same shape
	}
	if hasOtherRunes(x[i:], 4-ox) && hasOtherRunes(y[j:], 4-oy) {
		return false // both shapes are the walks, which differ
	}
	return shapeOf(sent{key: x}) == shapeOf(sent{key: y}) // a shape of its own: rare
}

// hasOtherRunes reports whether s holds at least n characters that are
// not numerals.
func hasOtherRunes(s string, n int) bool {
	for _, r := range s {
		if n <= 0 {
			return true
		}
		if !isNumeral(r) {
			n--
		}
	}
	return n <= 0
}

// shapeRune returns the character of shapeOf's shape that s holds at i,
// the bytes of s it takes, and whether it is a number's mark: '#' for a
// run of numerals; 0 bytes at the end.
func shapeRune(s string, i int) (r rune, n int, number bool) {
	if i >= len(s) {
		return 0, 0, false
	}
	r, n = utf8.DecodeRuneInString(s[i:])
	if isNumeral(r) {
		return '#', skipNumerals(s, i) - i, true
	}
	return r, n, false
}

// skipNumerals returns the offset of the first character of s from i
// that is not a numeral.
func skipNumerals(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isNumeral(r) {
			break
		}
		i += n
	}
	return i
}

// isNumeral reports a digit or a Chinese numeral character.
func isNumeral(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	switch r {
	case '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '两':
		return true
	}
	return false
}

// addShaped pairs the sentences of sameShapeInOrder, each with its
// similarity, those that reach PairThreshold; the others stay free.
func (al *aligner) addShaped(shaped []shapedPair) {
	for _, p := range shaped {
		if al.aPair[p.i] >= 0 || al.bPair[p.j] >= 0 {
			continue
		}
		if sc := al.score(span{p.i, p.i + 1}, span{p.j, p.j + 1}); sc >= PairThreshold {
			al.add(pair{old: span{p.i, p.i + 1}, new: span{p.j, p.j + 1}, score: sc})
		}
	}
}

// weigh computes the features of the sentences the exact passes left
// free (the only ones still to pair: in a new edition, few), their
// weights, and an index of the new side's free sentences by feature.
// Inverse document frequencies count these sentences only.
func (al *aligner) weigh() {
	al.w = newWeigher()
	// The free sentences of both sides, tokenized on every core at once.
	type free struct {
		s    *sent
		text string
	}
	var todo []free
	for k, sd := range []side{al.a, al.b} {
		paired := al.aPair
		if k == 1 {
			paired = al.bPair
		}
		for i := range sd.sents {
			if paired[i] < 0 {
				todo = append(todo, free{&sd.sents[i], sd.doc.Text})
			}
		}
	}
	al.abbr = abbreviations(al.a.doc.Text, al.b.doc.Text)
	words := make([][]feature, len(todo))
	parallel.ForWith(len(todo), newScratch, func(sc *scratch, k int) {
		us := todo[k].s.unitsOf(sc, todo[k].text)
		words[k] = features(sc, expand(us, al.abbr))
		todo[k].s.work.clauses = clausesOf(sc, us, al.abbr)
	})
	for k, f := range todo {
		f.s.feats = al.w.intern(words[k])
	}
	al.w.finish()
	for _, f := range todo {
		for c := range f.s.work.clauses {
			cl := &f.s.work.clauses[c]
			cl.feats, cl.raw = al.w.lookup(cl.raw), nil
			cl.total = al.w.total(cl.feats)
		}
	}
	for _, ss := range [][]sent{al.a.sents, al.b.sents} {
		for i := range ss {
			ss[i].total = al.w.total(ss[i].feats)
			for _, f := range ss[i].feats {
				if al.w.df[f] > maxPosting {
					ss[i].common += al.w.weights[f]
				}
			}
		}
	}
	al.bByFeature = make([][]int, len(al.w.df))
	for j, s := range al.b.sents {
		if al.bPair[j] >= 0 {
			continue
		}
		for _, f := range s.feats {
			if al.w.df[f] <= maxPosting {
				al.bByFeature[f] = append(al.bByFeature[f], j)
			}
		}
	}
}

// titles pairs the two documents' titles — the first compared sentence
// of each, when both are headings — when they are similar enough to pair
// at all, before any other pair is ranked: a reader looks for the title's
// change first, and a title's few words would otherwise go to whichever
// short heading of the other document shares most of them.
func (al *aligner) titles() {
	if len(al.a.sents) == 0 || len(al.b.sents) == 0 || al.aPair[0] >= 0 || al.bPair[0] >= 0 ||
		!al.a.sents[0].heading || !al.b.sents[0].heading {
		return
	}
	if sc := al.score(span{0, 1}, span{0, 1}); sc >= PairThreshold {
		al.add(pair{old: span{0, 1}, new: span{0, 1}, score: sc})
	}
}

// similar pairs the remaining sentences by similarity: every candidate pair
// above PairThreshold, found through the feature index, competes in one
// global ranking, and pairs are taken best first while both sentences are
// free (a global assignment, not first-come). Ties go to the pair whose
// relative positions in the two documents are closest.
func (al *aligner) similar() {
	// Scoring the candidates of each free sentence is independent work,
	// done on every core; the ranking below is one sequential pass.
	var free []int
	for i := range al.a.sents {
		if al.aPair[i] < 0 {
			free = append(free, i)
		}
	}
	found := make([][]cand, len(free))
	newShared := func() *shared {
		return &shared{weight: make([]float64, len(al.b.sents)), own: make([]float64, len(al.w.weights))}
	}
	parallel.ForWith(len(free), newShared, func(sh *shared, k int) { found[k] = al.scored(sh, free[k]) })
	var cands []cand
	for _, c := range found {
		cands = append(cands, c...)
	}
	slices.SortFunc(cands, func(x, y cand) int { return byScore(x, y) })
	for _, c := range cands {
		if al.aPair[c.i] < 0 && al.bPair[c.j] < 0 {
			al.add(pair{old: span{c.i, c.i + 1}, new: span{c.j, c.j + 1}, score: c.score})
		}
	}
}

// cand is a candidate pair of old sentence i and new sentence j.
type cand struct {
	i, j  int
	score float64
	dist  float64
}

// byScore orders candidate pairs best first: by score, then the nearer
// in position, then in reading order.
func byScore(x, y cand) int {
	switch {
	case x.score != y.score:
		if x.score > y.score {
			return -1
		}
		return 1
	case x.dist != y.dist:
		if x.dist < y.dist {
			return -1
		}
		return 1
	case x.i != y.i:
		return x.i - y.i
	}
	return x.j - y.j
}

// scored returns the candidate pairs of the old sentence i that reach the
// threshold, with sh as scratch.
func (al *aligner) scored(sh *shared, i int) []cand {
	s := &al.a.sents[i]
	for _, f := range s.feats {
		sh.own[f] = al.w.weights[f]
	}
	var out []cand
	for _, j := range al.candidates(s, sh) {
		t := &al.b.sents[j]
		threshold := PairThreshold
		if s.heading != t.heading {
			threshold += crossKindPenalty
		}
		// A margin covers the rounding of another order of summation.
		if sh.most(s, t, j) < threshold-1e-9 {
			continue
		}
		if sc := sh.similarity(s, t); sc >= threshold {
			out = append(out, cand{i, j, sc, al.distance(i, j)})
		}
	}
	for _, f := range s.feats {
		sh.own[f] = 0
	}
	sh.reset()
	return out
}

// shared is what similar keeps for one old sentence s: the weight of each
// of its features, and (from candidates) the weight of the indexed
// features it shares with each free new sentence, and which new sentences
// have one.
type shared struct {
	own    []float64 // by feature: its weight if s has it, else 0
	weight []float64 // by new sentence
	found  []int
}

// most bounds the similarity of s with the new sentence t, at index j,
// from above, once candidates has run: they share at most the indexed
// features found through the index and the lighter side's common ones.
// When even that is under the threshold, the exact score is not needed.
func (sh *shared) most(s, t *sent, j int) float64 {
	return 2 * (sh.weight[j] + min(s.common, t.common)) / (s.total + t.total)
}

// similarity is w.similarity(s.feats, t.feats, s.total, t.total), with
// s's features spread in sh.own: a lookup per feature of t instead of a
// merge of the two lists. The shared weights are added in the same order,
// and adding a zero changes no sum, so the score is the same to the bit.
func (sh *shared) similarity(s, t *sent) float64 {
	if s.total+t.total == 0 {
		return 0
	}
	w := 0.0
	for _, f := range t.feats {
		w += sh.own[f]
	}
	return 2 * w / (s.total + t.total)
}

func (sh *shared) reset() {
	for _, j := range sh.found {
		sh.weight[j] = 0
	}
	sh.found = sh.found[:0]
}

// candidates returns the free new sentences that share an indexed feature
// with s, in order, and adds the weight of what they share to sh.weight.
// Cost: the summed length of s's postings, at most maxPosting per feature.
func (al *aligner) candidates(s *sent, sh *shared) []int {
	for _, f := range s.feats {
		w := al.w.weights[f]
		for _, j := range al.bByFeature[f] {
			if al.bPair[j] >= 0 {
				continue
			}
			if sh.weight[j] == 0 {
				sh.found = append(sh.found, j)
			}
			sh.weight[j] += w
		}
	}
	slices.Sort(sh.found)
	return sh.found
}

// distance is how far apart two sentences are in relative position.
func (al *aligner) distance(i, j int) float64 {
	pa := float64(i) / float64(max(len(al.a.sents), 1))
	pb := float64(j) / float64(max(len(al.b.sents), 1))
	if pa > pb {
		return pa - pb
	}
	return pb - pa
}

// score is the similarity of two spans, their features pooled.
func (al *aligner) score(a, b span) float64 {
	fa, ta := al.pool(al.a.sents[a.lo:a.hi])
	fb, tb := al.pool(al.b.sents[b.lo:b.hi])
	return al.w.similarity(fa, fb, ta, tb)
}

func (al *aligner) pool(ss []sent) (featureSet, float64) {
	if len(ss) == 1 {
		return ss[0].feats, ss[0].total
	}
	sets := make([]featureSet, len(ss))
	for i, s := range ss {
		sets[i] = s.feats
	}
	fs := union(sets...)
	return fs, al.w.total(fs)
}

// merges extends 1:1 pairs into 1:2 and 2:1 where a sentence was split or
// two were joined: a free neighbour in the same block joins the pair when
// the pooled similarity beats the 1:1 score by mergeGain.
func (al *aligner) merges() {
	for pi := range al.pairs {
		p := &al.pairs[pi]
		if p.exact || p.old.hi-p.old.lo != 1 || p.new.hi-p.new.lo != 1 {
			continue
		}
		best, bestScore := *p, p.score+mergeGain
		try := func(q pair) {
			if sc := al.score(q.old, q.new); sc > bestScore {
				q.score = sc
				best, bestScore = q, sc
			}
		}
		if j := p.new.lo - 1; j >= 0 && al.bPair[j] < 0 && al.b.sents[j].block == al.b.sents[p.new.lo].block {
			try(pair{old: p.old, new: span{j, p.new.hi}})
		}
		if j := p.new.hi; j < len(al.b.sents) && al.bPair[j] < 0 && al.b.sents[j].block == al.b.sents[p.new.lo].block {
			try(pair{old: p.old, new: span{p.new.lo, j + 1}})
		}
		if i := p.old.lo - 1; i >= 0 && al.aPair[i] < 0 && al.a.sents[i].block == al.a.sents[p.old.lo].block {
			try(pair{old: span{i, p.old.hi}, new: p.new})
		}
		if i := p.old.hi; i < len(al.a.sents) && al.aPair[i] < 0 && al.a.sents[i].block == al.a.sents[p.old.lo].block {
			try(pair{old: span{p.old.lo, i + 1}, new: p.new})
		}
		if best.old != p.old || best.new != p.new {
			*p = best
			for i := p.old.lo; i < p.old.hi; i++ {
				al.aPair[i] = pi
			}
			for j := p.new.lo; j < p.new.hi; j++ {
				al.bPair[j] = pi
			}
		}
	}
}

// markMoves marks as moved the pairs outside the longest run of pairs that
// keep their order in both documents (a longest increasing subsequence,
// O(p log p) for p pairs).
func (al *aligner) markMoves() {
	order := byOldStart(al.pairs, len(al.a.sents), nil)
	keys := make([]int, len(order))
	for k, pi := range order {
		keys[k] = al.pairs[pi].new.lo
	}
	inLIS := lis(keys)
	for k, pi := range order {
		al.pairs[pi].moved = !inLIS[k]
	}
}

// byOldStart returns the indexes of the pairs that keep, in the order of
// their first old sentence, the pairs that keep(pair) accepts (all when
// keep is nil). A pair's sentences are its own, so no two pairs start at
// the same old sentence, and placing each at its start (O(n) for old's n
// sentences) orders them as sorting would (O(p log p), which on a long
// document was most of the aligner's serial time after the passes that
// pair); the sort stays as the answer should two pairs ever share a start.
func byOldStart(pairs []pair, n int, keep func(pair) bool) []int {
	at := filled(n, -1)
	kept, shared := 0, false
	for pi, p := range pairs {
		if keep != nil && !keep(p) {
			continue
		}
		kept++
		if p.old.lo < 0 || p.old.lo >= n || at[p.old.lo] >= 0 {
			shared = true
			continue
		}
		at[p.old.lo] = pi
	}
	order := make([]int, 0, kept)
	if shared {
		for pi, p := range pairs {
			if keep == nil || keep(p) {
				order = append(order, pi)
			}
		}
		slices.SortFunc(order, func(x, y int) int { return pairs[x].old.lo - pairs[y].old.lo })
		return order
	}
	for _, pi := range at {
		if pi >= 0 {
			order = append(order, pi)
		}
	}
	return order
}

// joinMoves makes one moved pair of moved pairs that follow each other in
// both documents inside one paragraph of each: a paragraph that moved is
// one move, with its edits inside, not one move per sentence. The score
// of the joined pair is its parts' scores weighted by their length.
// Cost O(p log p) for p pairs.
func (al *aligner) joinMoves() {
	var moved []int
	for pi, p := range al.pairs {
		if p.moved && p.clause == nil && p.mergedOld == nil && p.mergedNew == nil {
			moved = append(moved, pi)
		}
	}
	if len(moved) < 2 {
		return
	}
	slices.SortFunc(moved, func(x, y int) int { return al.pairs[x].old.lo - al.pairs[y].old.lo })
	drop := make([]bool, len(al.pairs))
	into := moved[0]
	for _, pi := range moved[1:] {
		p, q := &al.pairs[into], al.pairs[pi]
		if q.old.lo != p.old.hi || q.new.lo != p.new.hi ||
			al.a.sents[q.old.lo].block != al.a.sents[p.old.hi-1].block ||
			al.b.sents[q.new.lo].block != al.b.sents[p.new.hi-1].block {
			into = pi
			continue
		}
		lp, lq := al.length(*p), al.length(q)
		p.score = (p.score*lp + q.score*lq) / max(lp+lq, 1)
		p.old.hi, p.new.hi = q.old.hi, q.new.hi
		p.exact = p.exact && q.exact
		drop[pi] = true
	}
	out := al.pairs[:0]
	for pi, p := range al.pairs {
		if !drop[pi] {
			out = append(out, p)
		}
	}
	al.pairs = out
}

// length is the bytes of a pair's two spans.
func (al *aligner) length(p pair) float64 {
	return float64(al.a.sents[p.old.hi-1].end - al.a.sents[p.old.lo].start + al.b.sents[p.new.hi-1].end - al.b.sents[p.new.lo].start)
}

// lis returns which elements of keys form a longest strictly increasing
// subsequence (patience sorting).
func lis(keys []int) []bool {
	var tails []int // index into keys of the smallest tail of each length
	prev := make([]int, len(keys))
	for i, k := range keys {
		n, _ := slices.BinarySearchFunc(tails, k, func(t, k int) int { return keys[t] - k })
		if n > 0 {
			prev[i] = tails[n-1]
		} else {
			prev[i] = -1
		}
		if n == len(tails) {
			tails = append(tails, i)
		} else {
			tails[n] = i
		}
	}
	in := make([]bool, len(keys))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			in[i] = true
		}
	}
	return in
}
