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
	mergeCost   = 2.5
	skipCost    = 3.0
	anchorGain  = 1.5
	figureLoss  = 1.0
	conceptLoss = 0.5
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
	key        string  // canonical text, for literals
	anchors    []anchor
	ids        []int32  // its distinct figures and concepts, interned, sorted
	literals   []string // keys of its literals
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
		u.ids = append(u.ids, in.id(a))
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

// galeChurch aligns units a and b in order, by dynamic programming over
// beads 1:1, 1:0, 0:1, 2:1 and 1:2, where ratio is the expected length of
// a b unit per unit of length of a. Only cells within a band around the
// diagonal are computed: O((len(a)+len(b))·band) time and space, band
// being minBand plus the difference in number of units.
func galeChurch(a, b []bunit, ratio float64) []bead {
	n, m := len(a), len(b)
	band := minBand + max(n-m, m-n)
	lo := func(i int) int { return max(0, i*m/max(n, 1)-band) }
	hi := func(i int) int { return min(m, i*m/max(n, 1)+band) }
	// cost[i][j-lo(i)] is the least cost of aligning a[:i] with b[:j].
	cost := make([][]float64, n+1)
	back := make([][]uint8, n+1)
	for i := range cost {
		cost[i] = make([]float64, hi(i)-lo(i)+1)
		back[i] = make([]uint8, len(cost[i]))
		for k := range cost[i] {
			cost[i][k] = math.Inf(1)
		}
	}
	at := func(i, j int) float64 {
		if i < 0 || j < lo(i) || j > hi(i) {
			return math.Inf(1)
		}
		return cost[i][j-lo(i)]
	}
	cost[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := lo(i); j <= hi(i); j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, move := math.Inf(1), uint8(0)
			for k, mv := range moves {
				pi, pj := i-mv[0], j-mv[1]
				if pi < 0 || pj < 0 {
					continue
				}
				prev := at(pi, pj)
				if math.IsInf(prev, 1) {
					continue
				}
				if c := prev + beadCost(a[pi:i], b[pj:j], ratio); c < best {
					best, move = c, uint8(k)
				}
			}
			cost[i][j-lo(i)], back[i][j-lo(i)] = best, move
		}
	}
	var out []bead
	for i, j := n, m; i > 0 || j > 0; {
		mv := moves[back[i][j-lo(i)]]
		pi, pj := i-mv[0], j-mv[1]
		out = append(out, bead{a: span{pi, i}, b: span{pj, j}})
		i, j = pi, pj
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// moves are the bead shapes: units of a, units of b.
var moves = [...][2]int{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}

// beadCost is the cost of aligning the units as and bs together.
func beadCost(as, bs []bunit, ratio float64) float64 {
	if len(as) == 0 || len(bs) == 0 {
		return skipCost
	}
	if len(as) == 1 && len(bs) == 1 && as[0].key != "" && as[0].key == bs[0].key {
		// The same text on both sides, left untranslated (a title in the
		// original script): as sure a pair as there is.
		return -skipCost
	}
	c := 0.0
	if len(as)+len(bs) > 2 {
		c = mergeCost
	}
	la, lb := lengthOf(as), lengthOf(bs)
	if la > 0 && lb > 0 {
		d := math.Log(lb/(la*ratio)) / lengthSigma
		c += d * d / 2
	} else if la+lb > 0 {
		c += skipCost // text against nothing but punctuation
	}
	ia, ib := idsIn(as), idsIn(bs)
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
	matched += literalsFound(as, bs) + literalsFound(bs, as)
	c -= anchorGain * float64(matched) / 2
	c += figureLoss*float64(missing[0]) + conceptLoss*float64(missing[1])
	return c
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
	var key string
	for k, u := range as {
		for i, l := range u.literals {
			if slices.Contains(u.literals[:i], l) || k > 0 && slices.ContainsFunc(as[:k], func(v bunit) bool { return slices.Contains(v.literals, l) }) {
				continue
			}
			if key == "" {
				key = keyOf(bs)
			}
			if strings.Contains(key, l) {
				n++
			}
		}
	}
	return n
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
