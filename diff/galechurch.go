package diff

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// Costs of the translation alignment, in nats (negative log-probabilities),
// after Gale & Church (1993): a bead of one unit of each side is the common
// case and costs only what its lengths disagree; a split or join (2:1, 1:2)
// and a unit with no counterpart (1:0, 0:1) cost a fixed prior besides.
// Anchors shared by both sides lower the cost of a bead; figures and
// concepts found on one side only raise it (concepts less: a translator
// may word a concept in a way the glossary does not know). A unit with no
// counterpart costs the flat skipCost whatever it holds: untranslated
// material (an editor's introduction) is common in published translations.
const (
	// lengthSigma is the standard deviation of the log of the ratio
	// between a translation's length and its expected length (the source's
	// length times the documents' ratio). Paragraph translations of these
	// texts stay within ±30% of the expected length.
	lengthSigma = 0.25
	// Priors of units that are paragraphs: a paragraph left untranslated
	// (an editor's introduction) is common, a merge of paragraphs rarer.
	mergeCost = 2.5
	extraCost = 1.5 // each unit beyond three in a bead
	skipCost  = 3.0
	// lengthNoise adds to the variance of the log length ratio of a bead in
	// proportion to the inverse of its length: short units vary more.
	lengthNoise = 1.0
	// Priors of units that are sentences, fitted on the Bible development
	// set (BENCHMARKS.md) and checked on the speech pair: translators
	// split and join sentences often and leave one out seldom (about
	// -log(0.02)); a null bead that lengths alone seem to want is more
	// often a sentence split the other way; a sentence of fifty
	// characters is often half or twice as long as expected (6/200 next
	// to lengthSigma² = 1/16). Skipping costs more still (5.0) gains the
	// Bible nothing and pairs the speech's added English sentence.
	sentenceMergeCost   = 1.5
	sentenceSkipCost    = 4.0
	sentenceLengthNoise = 6.0
	anchorGain          = 1.5
	figureLoss          = 1.0
	conceptLoss         = 0.5
	// lexWeight and lexPrior weigh the lexical term (see lexCost): a pair
	// of sentences whose words all meet gains 4.2, one whose words never
	// meet loses 1.8. Set on the Bible development set.
	lexWeight = 6.0
	lexPrior  = 0.3
	// minBand is the half-width of the band of the dynamic program around
	// the diagonal, in units, beyond the difference in the documents'
	// number of units: an alignment strays from the diagonal by that
	// difference at most, plus local wobble. A constant keeps the cost
	// linear in the documents' length.
	minBand = 50
)

// bunit is a unit of translation alignment: a paragraph or a sentence.
type bunit struct {
	start, end int
	length     float64 // letters, digits and ideographs
	logLen     float64 // its log, when length > 0
	key        string  // canonical text, for literals
	anchors    []anchor
	ids        []int32  // its distinct figures and concepts, interned, sorted
	literals   []string // keys of its literals
	lex        lexUnit  // its words, when the alignment weighs them
}

// interner numbers the distinct figures and concepts of both documents so
// that beads compare them as sorted integer sets. Two figures get the
// same number exactly when compatible() holds; figure numbers are even,
// concept numbers odd.
type interner struct {
	ids  map[string]int32
	next [2]int32
}

func newInterner() *interner { return &interner{ids: map[string]int32{}} }

func (in *interner) id(a anchor) int32 {
	k := a.kind + "\x00" + a.key
	if a.kind == AnchorFigure && measureUnits(a.unit) {
		k += "\x00" + a.unit
	}
	if id, ok := in.ids[k]; ok {
		return id
	}
	parity := int32(0)
	if a.kind == AnchorConcept {
		parity = 1
	}
	id := in.next[parity]*2 + parity
	in.next[parity]++
	in.ids[k] = id
	return id
}

// index fills the unit's ids and literals from its anchors.
func (u *bunit) index(in *interner) {
	for _, a := range u.anchors {
		if a.kind == AnchorLiteral {
			u.literals = append(u.literals, a.key)
			continue
		}
		if !a.weak {
			u.ids = append(u.ids, in.id(a))
		}
	}
	slices.Sort(u.ids)
	u.ids = slices.Compact(u.ids)
}

// bead is a run of units of each side aligned together.
type bead struct{ a, b span }

// textLength counts the letters, digits and ideographs of s: the length
// measure of Gale & Church (characters), without spaces and punctuation
// so that the two scripts' conventions do not weigh in.
func textLength(s string) float64 {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return float64(n)
}

// model is what the cost of a bead depends on besides its units: the
// expected length of a b unit per unit of length of a, and whether the
// units carry lexical evidence (lexical set) with the Chinese side a
// (zhA) or b.
type model struct {
	ratio   float64
	lnRatio float64 // math.Log(ratio), set with it (withRatio); 0 makes newCoster compute it
	lexical bool
	zhA     bool
	rough   bool // the rough path only (see galeChurch)
	// The units are sentences (see priors).
	sentences bool
}

// priors are the costs of a bead's shape and the noise of its length.
type priors struct{ merge, skip, noise float64 }

// withRatio returns md with the length ratio r and its logarithm.
func (md model) withRatio(r float64) model {
	md.ratio, md.lnRatio = r, math.Log(r)
	return md
}

func (md model) priors() priors {
	if md.sentences {
		return priors{sentenceMergeCost, sentenceSkipCost, sentenceLengthNoise}
	}
	return priors{mergeCost, skipCost, lengthNoise}
}

// galeChurch aligns units a and b in order by dynamic programming over
// the bead shapes of moves (1:1 up to 1:4 and 4:1, 2:2, and 1:0 and 0:1),
// after Gale & Church (1993) with Hunalign's lexical term (Varga et al.
// 2005). Only cells within a band around a rough path are computed. For
// long inputs the rough path is itself aligned first, by lengths and
// anchors alone over the small shapes in a wide band (minBand plus the
// difference in number of units) around the line where both sides have
// said as much; the full model then runs in a band of pathBand units
// around that path, which lets it correct the rough path's local errors
// and keeps its cost linear. O((len(a)+len(b))·(minBand+|len(a)-len(b)|))
// cheap steps and O((len(a)+len(b))·pathBand) full ones.
func galeChurch(a, b []bunit, md model) []bead {
	n, m := len(a), len(b)
	band := minBand + max(n-m, m-n)
	center := lengthDiagonal(a, b)
	if n*(2*band+1) <= maxFullCells {
		lo, hi := bandAt(center, band, m)
		mvs := moves[:]
		if md.rough {
			mvs = moves[:5]
		}
		return dp(n, m, lo, hi, mvs, newCoster(a, b, md, lo, hi))
	}
	// The length diagonal already follows the side that cuts its text
	// into more units; the margin is for text one side leaves out.
	band = minBand + max(n-m, m-n)/4
	lo, hi := bandAt(center, band, m)
	cheap := md
	cheap.lexical = false
	rough := dp(n, m, lo, hi, moves[:5], newCoster(a, b, cheap, lo, hi))
	if md.rough {
		return rough
	}
	return refine(a, b, md, rough)
}

// bandAt returns, for each row i of the dynamic program, the columns
// within band units of center[i], in [0, m].
func bandAt(center []int, band, m int) (lo, hi []int) {
	lo, hi = make([]int, len(center)), make([]int, len(center))
	for i, c := range center {
		lo[i], hi[i] = max(0, c-band), min(m, c+band)
	}
	return lo, hi
}

// refine aligns a and b under model md within pathBand units of the
// path rough (see galeChurch); a short pair is aligned anew.
func refine(a, b []bunit, md model, rough []bead) []bead {
	n, m := len(a), len(b)
	if n*(2*(minBand+max(n-m, m-n))+1) <= maxFullCells {
		return galeChurch(a, b, md)
	}
	lo, hi := bandAround(rough, n, m)
	return dp(n, m, lo, hi, moves[:], newCoster(a, b, md, lo, hi))
}

// coster gives the cost of beads of units a and b under model md, from
// the lengths and anchor ids of every span of 1 to maxBead units of each
// side, computed once (spanStats) instead of once per bead that holds the
// span; with the lexical term summed from the evidence of each pair of
// units (one of a, one of b), computed once per pair of the band
// [lo[i], hi[i]].
type coster struct {
	a, b    []bunit
	sa, sb  []spanStat
	ratio   float64
	lnRatio float64
	p       priors
	pc      *pairCache // nil when the model weighs no words
}

func newCoster(a, b []bunit, md model, lo, hi []int) *coster {
	c := &coster{a: a, b: b, sa: spanStats(a), sb: spanStats(b), ratio: md.ratio, lnRatio: md.lnRatio, p: md.priors()}
	if c.lnRatio == 0 {
		c.lnRatio = math.Log(md.ratio)
	}
	if md.lexical {
		c.pc = newPairCache(a, b, md.zhA, lo, hi)
	}
	return c
}

// cost is the cost of aligning the units a[pi:i] and b[pj:j] together,
// 0 to maxBead units of each side.
func (c *coster) cost(pi, i, pj, j int) float64 {
	if pi == i || pj == j {
		return c.p.skip
	}
	cost := c.spanCost(c.a[pi:i], c.b[pj:j], &c.sa[i*maxBead+i-pi-1], &c.sb[j*maxBead+j-pj-1])
	if c.pc == nil {
		return cost
	}
	return cost + c.pc.lexCost(pi, i, pj, j, &c.sa[i*maxBead+i-pi-1], &c.sb[j*maxBead+j-pj-1])
}

// pairCache holds the lexical hits of each pair of units (x of a, y of
// b) that a bead in the band can hold: row x from column lo[x].
type pairCache struct {
	a, b []bunit
	zhA  bool
	lo   []int
	rows [][]int32 // inE<<16 | inZ, or -1 until computed
	// mark[slot(id)] == stamp when id is a word of the English unit of
	// the pair being counted; names take the slots after the dictionary
	// ids, from nDict.
	mark  []uint32
	stamp uint32
	nDict int32
}

// maxBead is the largest number of units of one side in a bead.
const maxBead = 4

func newPairCache(a, b []bunit, zhA bool, lo, hi []int) *pairCache {
	n, m := len(a), len(b)
	pc := &pairCache{a: a, b: b, zhA: zhA, lo: make([]int, n), rows: make([][]int32, n)}
	for x := range n {
		l := max(0, lo[max(0, x-maxBead)]-maxBead)
		h := m
		if x+1 <= n {
			h = max(hi[min(n, x+maxBead)], l) // hi never decreases
		}
		pc.lo[x] = l
		pc.rows[x] = slices.Repeat([]int32{-1}, h-l)
	}
	// The slots: every dictionary id below nDict, every name after them.
	names := int32(0)
	for _, us := range [][]bunit{a, b} {
		for k := range us {
			for _, ids := range [][]int32{us[k].lex.eng, us[k].lex.union} {
				for _, id := range ids {
					if id < nameBase {
						pc.nDict = max(pc.nDict, id+1)
					} else {
						names = max(names, id-nameBase+1)
					}
				}
			}
		}
	}
	pc.mark = make([]uint32, pc.nDict+names)
	return pc
}

func (pc *pairCache) slot(id int32) int32 {
	if id < nameBase {
		return id
	}
	return pc.nDict + id - nameBase
}

func (pc *pairCache) hits(x, y int) (inE, inZ int) {
	row := pc.rows[x]
	k := y - pc.lo[x]
	if k < 0 || k >= len(row) {
		return pc.compute(x, y)
	}
	if row[k] < 0 {
		e, z := pc.compute(x, y)
		row[k] = int32(min(e, 1<<15-1)<<16 | min(z, 1<<16-1))
	}
	return int(row[k] >> 16), int(row[k] & 0xffff)
}

// compute counts what hits counts, by marking the English unit's words
// in a table instead of merging sorted lists: O(|e| + |z|) lookups.
func (pc *pairCache) compute(x, y int) (inE, inZ int) {
	e, z := &pc.a[x].lex, &pc.b[y].lex
	if pc.zhA {
		e, z = z, e
	}
	pc.stamp++
	mark, stamp := pc.mark, pc.stamp
	for _, id := range e.eng {
		mark[pc.slot(id)] = stamp
	}
	// eng and union are sets: each id of both is counted once.
	for _, id := range z.union {
		if mark[pc.slot(id)] == stamp {
			inE++
		}
	}
	for _, w := range z.words {
		for _, id := range w {
			if mark[pc.slot(id)] == stamp {
				inZ++
				break
			}
		}
	}
	return inE, inZ
}

const (
	// maxFullCells is the size of the dynamic program up to which the full
	// model runs in the wide band at once: a few hundred paragraphs.
	maxFullCells = 200_000
	// pathBand is how far, in units, the full model may stray from the
	// rough path on either side.
	pathBand = 12
)

// lengthDiagonal returns, for each i in [0, len(a)], the j where b[:j]
// is as long as a[:i] in proportion to the two sides' lengths.
func lengthDiagonal(a, b []bunit) []int {
	la, lb := lengthOf(a), lengthOf(b)
	out := make([]int, len(a)+1)
	if la == 0 || lb == 0 {
		for i := range out {
			out[i] = i * len(b) / max(len(a), 1)
		}
		return out
	}
	j, sumA, sumB := 0, 0.0, 0.0
	for i := range out {
		if i > 0 {
			sumA += a[i-1].length
		}
		for j < len(b) && (sumB+b[j].length/2)/lb <= sumA/la {
			sumB += b[j].length
			j++
		}
		out[i] = j
	}
	return out
}

// bandAround returns, for each row i of the dynamic program, the columns
// within pathBand units of the path's cells near row i.
func bandAround(path []bead, n, m int) (lo, hi []int) {
	// first[i] and last[i]: the columns of the path's cells in row i.
	first, last := make([]int, n+1), make([]int, n+1)
	for i := range first {
		first[i] = m
	}
	first[0] = 0
	for _, bd := range path {
		for i := bd.a.lo; i <= bd.a.hi; i++ {
			first[i] = min(first[i], bd.b.lo)
			last[i] = max(last[i], bd.b.hi)
		}
	}
	lo, hi = make([]int, n+1), make([]int, n+1)
	for i := range lo {
		lo[i] = max(0, first[max(0, i-pathBand)]-pathBand)
		hi[i] = min(m, last[min(n, i+pathBand)]+pathBand)
	}
	return lo, hi
}

// dp finds the least-cost sequence of beads of shapes mvs that aligns n
// units with m, computing only cells (i, j) with lo[i] <= j <= hi[i].
func dp(n, m int, lo, hi []int, mvs [][2]int, c *coster) []bead {
	// cs[row[i]+j-lo[i]] is the least cost of aligning a[:i] with b[:j];
	// one array for the whole band, rows one after the other.
	row := make([]int, n+2)
	for i := 0; i <= n; i++ {
		row[i+1] = row[i] + max(0, hi[i]-lo[i]+1)
	}
	cs := make([]float64, row[n+1])
	back := make([]uint8, row[n+1])
	for k := range cs {
		cs[k] = math.Inf(1)
	}
	cs[0] = 0
	if c.pc == nil && slices.Equal(mvs, moves[:5]) {
		c.fillSmall(n, lo, hi, row, cs, back)
	} else {
		c.fill(n, lo, hi, row, mvs, cs, back)
	}
	var out []bead
	for i, j := n, m; i > 0 || j > 0; {
		mv := mvs[back[row[i]+j-lo[i]]]
		pi, pj := i-mv[0], j-mv[1]
		out = append(out, bead{a: span{pi, i}, b: span{pj, j}})
		i, j = pi, pj
	}
	slices.Reverse(out)
	return out
}

// fill fills the cells of dp: cs[row[i]+j-lo[i]] the least cost of
// aligning a[:i] with b[:j] by beads of shapes mvs, and back the shape of
// its last bead (the first of mvs of the least cost).
func (c *coster) fill(n int, lo, hi, row []int, mvs [][2]int, cs []float64, back []uint8) {
	for i := 0; i <= n; i++ {
		for j := lo[i]; j <= hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, move := math.Inf(1), uint8(0)
			for k, mv := range mvs {
				pi, pj := i-mv[0], j-mv[1]
				if pi < 0 || pj < lo[pi] || pj > hi[pi] {
					continue
				}
				prev := cs[row[pi]+pj-lo[pi]]
				if math.IsInf(prev, 1) {
					continue
				}
				if v := prev + c.cost(pi, i, pj, j); v < best {
					best, move = v, uint8(k)
				}
			}
			cs[row[i]+j-lo[i]], back[row[i]+j-lo[i]] = best, move
		}
	}
}

// fillSmall is fill for the five shapes of Gale & Church, moves[:5],
// without the lexical term (the rough path: millions of cells on a
// book): the same costs and the same choices, with the shapes written
// out instead of a call per shape (TestFillSmallFillsAsFill).
func (c *coster) fillSmall(n int, lo, hi, row []int, cs []float64, back []uint8) {
	inf := math.Inf(1)
	skip := c.p.skip
	// cell returns the index of (i, j) in cs, or -1 outside the band.
	cell := func(i, j int) int {
		if i < 0 || j < lo[i] || j > hi[i] {
			return -1
		}
		return row[i] + j - lo[i]
	}
	for i := 0; i <= n; i++ {
		for j := lo[i]; j <= hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, move := inf, uint8(0)
			// In the order of moves: 1:1, 1:0, 0:1, 2:1, 1:2.
			if k := cell(i-1, j-1); j >= 1 && k >= 0 && !math.IsInf(cs[k], 1) {
				best = cs[k] + c.spanCost(c.a[i-1:i], c.b[j-1:j], &c.sa[i*maxBead], &c.sb[j*maxBead])
			}
			if k := cell(i-1, j); k >= 0 && !math.IsInf(cs[k], 1) {
				if v := cs[k] + skip; v < best {
					best, move = v, 1
				}
			}
			if k := cell(i, j-1); j >= 1 && k >= 0 && !math.IsInf(cs[k], 1) {
				if v := cs[k] + skip; v < best {
					best, move = v, 2
				}
			}
			if k := cell(i-2, j-1); j >= 1 && k >= 0 && !math.IsInf(cs[k], 1) {
				if v := cs[k] + c.spanCost(c.a[i-2:i], c.b[j-1:j], &c.sa[i*maxBead+1], &c.sb[j*maxBead]); v < best {
					best, move = v, 3
				}
			}
			if k := cell(i-1, j-2); j >= 2 && k >= 0 && !math.IsInf(cs[k], 1) {
				if v := cs[k] + c.spanCost(c.a[i-1:i], c.b[j-2:j], &c.sa[i*maxBead], &c.sb[j*maxBead+1]); v < best {
					best, move = v, 4
				}
			}
			cs[row[i]+j-lo[i]], back[row[i]+j-lo[i]] = best, move
		}
	}
}

// moves are the bead shapes: units of a, units of b. The first five are
// Gale & Church's; translators also cut one sentence into three or four,
// or two into two others.
var moves = [...][2]int{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {3, 1}, {1, 3}, {2, 2}, {4, 1}, {1, 4}}

// shapeCost is the prior cost of a bead of na and nb units, beyond 1:1.
func (p priors) shapeCost(na, nb int) float64 {
	switch {
	case na+nb <= 2:
		return 0
	case na+nb == 3:
		return p.merge
	default:
		return p.merge + extraCost*float64(na+nb-3)
	}
}

// spanStat is what the cost of a bead takes from the units of one side
// alone.
type spanStat struct {
	length   float64 // lengthOf
	logLen   float64 // logLength, when length > 0
	anchored bool    // hasAnchors
	literals bool    // some unit has literals
	ids      []int32 // idsIn, when anchored
	// eng and words count the English words and Chinese words of its
	// units (lexUnit).
	eng, words int
}

func statOf(us []bunit) spanStat {
	st := spanStat{length: lengthOf(us), anchored: hasAnchors(us)}
	if st.length > 0 {
		st.logLen = logLength(us, st.length)
	}
	if st.anchored {
		st.ids = idsIn(us)
	}
	for k := range us {
		st.literals = st.literals || len(us[k].literals) > 0
		st.eng += len(us[k].lex.eng)
		st.words += len(us[k].lex.words)
	}
	return st
}

// spanStats returns statOf(us[i-k:i]) at i*maxBead+k-1 for each span of
// 1 to maxBead units (k <= i).
func spanStats(us []bunit) []spanStat {
	out := make([]spanStat, (len(us)+1)*maxBead)
	for i := 1; i <= len(us); i++ {
		for k := 1; k <= min(i, maxBead); k++ {
			out[i*maxBead+k-1] = statOf(us[i-k : i])
		}
	}
	return out
}

// spanCost is the cost of aligning the units as and bs together, one or
// more on each side, sa and sb their statOf.
func (cr *coster) spanCost(as, bs []bunit, sa, sb *spanStat) float64 {
	ratio, p := cr.ratio, cr.p
	if len(as) == 1 && len(bs) == 1 && as[0].key != "" && as[0].key == bs[0].key {
		// The same text on both sides, left untranslated (a title in the
		// original script): as sure a pair as there is.
		return -skipCost
	}
	c := p.shapeCost(len(as), len(bs))
	la, lb := sa.length, sb.length
	if la > 0 && lb > 0 {
		// The log ratio of lengths varies more in short units than in long
		// ones: sentences of ten characters are often half or twice as long
		// as expected, paragraphs hardly ever.
		d := sb.logLen - sa.logLen - cr.lnRatio
		c += d * d / (2 * (lengthSigma*lengthSigma + p.noise/(la*ratio+lb)))
	} else if la+lb > 0 {
		c += p.skip // text against nothing but punctuation
	}
	if !sa.anchored && !sb.anchored {
		return c
	}
	ia, ib := sa.ids, sb.ids
	matched, missing := 0, [2]int{}
	for i, j := 0, 0; i < len(ia) || j < len(ib); {
		switch {
		case j == len(ib) || i < len(ia) && ia[i] < ib[j]:
			missing[ia[i]&1]++
			i++
		case i == len(ia) || ib[j] < ia[i]:
			missing[ib[j]&1]++
			j++
		default:
			matched += 2 // one on each side
			i++
			j++
		}
	}
	if sa.literals {
		matched += literalsFound(as, bs)
	}
	if sb.literals {
		matched += literalsFound(bs, as)
	}
	c -= anchorGain * float64(matched) / 2
	// Figures on one side make a pair cost at most as much as leaving one
	// of its sides out: in long units (a whole document written as one
	// paragraph) some are bound to go unmatched.
	c += min(figureLoss*float64(missing[0])+conceptLoss*float64(missing[1]), p.skip)
	return c
}

func hasAnchors(us []bunit) bool {
	for k := range us {
		if len(us[k].anchors) > 0 {
			return true
		}
	}
	return false
}

// idsIn returns the distinct anchor ids of units, sorted.
func idsIn(us []bunit) []int32 {
	if len(us) == 1 {
		return us[0].ids
	}
	var out []int32
	for _, u := range us {
		out = append(out, u.ids...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// literalsFound counts the distinct literals of as found in the text of bs.
func literalsFound(as, bs []bunit) int {
	n := 0
	for k, u := range as {
		for i, l := range u.literals {
			if slices.Contains(u.literals[:i], l) || k > 0 && slices.ContainsFunc(as[:k], func(v bunit) bool { return slices.Contains(v.literals, l) }) {
				continue
			}
			// Each unit's text on its own: no joined copy per bead, and a
			// literal never spans two units.
			if slices.ContainsFunc(bs, func(v bunit) bool { return strings.Contains(v.key, l) }) {
				n++
			}
		}
	}
	return n
}

// logLength returns the log of the length l of units us, precomputed
// for a single unit (0 when not computed).
func logLength(us []bunit, l float64) float64 {
	if len(us) == 1 && us[0].logLen != 0 {
		return us[0].logLen
	}
	return math.Log(l)
}

func lengthOf(us []bunit) float64 {
	t := 0.0
	for _, u := range us {
		t += u.length
	}
	return t
}

func anchorsIn(us []bunit) []anchor {
	if len(us) == 1 {
		return us[0].anchors
	}
	var out []anchor
	for _, u := range us {
		out = append(out, u.anchors...)
	}
	return out
}

func keyOf(us []bunit) string {
	if len(us) == 1 {
		return us[0].key
	}
	var b strings.Builder
	for _, u := range us {
		b.WriteString(u.key)
		b.WriteByte(' ')
	}
	return b.String()
}

// lexCost is the lexical term of the bead a[pi:i], b[pj:j]: lexWeight
// times how far the share of its words that have a translation on the
// other side (English words some Chinese word may translate to, Chinese
// words translating to some English word) falls short of lexPrior, the
// share a pair that translates each other usually reaches.
//
// sa and sb are the spans' statOf.
func (pc *pairCache) lexCost(pi, i, pj, j int, sa, sb *spanStat) float64 {
	inE, inZ := 0, 0
	for x := pi; x < i; x++ {
		for y := pj; y < j; y++ {
			e, z := pc.hits(x, y)
			inE += e
			inZ += z
		}
	}
	nE, nZ := sa.eng, sb.words
	if pc.zhA {
		nE, nZ = sb.eng, sa.words
	}
	if nE+nZ == 0 {
		return 0
	}
	sim := float64(min(inE, nE)+min(inZ, nZ)) / float64(nE+nZ)
	return lexWeight * (lexPrior - sim)
}
