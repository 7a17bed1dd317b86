package diff

import (
	"slices"
	"strings"
	"unicode"

	"github.com/docdrift/docdrift/internal/lexicon"
	"github.com/docdrift/docdrift/normalize"
)

// lexical is the translation evidence of words, shared by both sides of a
// translation alignment when one is in Chinese and the other is not: each
// English content word is numbered by the dictionary (lexicon.English);
// each Chinese unit is cut into dictionary words, each standing for the
// English words it may translate to. Names the dictionary does not know
// are numbered from nameBase: a capitalized English word that is no
// dictionary word ("Qiyao"), and the Chinese characters whose pinyin
// readings spell it (琦瑶).
type lexical struct {
	dict     *lexicon.Lexicon
	names    map[string]int32 // lowercased English names → id
	prefixes map[string]bool  // the names' prefixes, the names themselves included
}

const (
	nameBase = 1 << 24
	// maxNameChars bounds the characters a name's word spans (Qiyao: 琦瑶);
	// maxReadings the spellings tried per run of characters.
	maxNameChars = 4
	maxReadings  = 16
)

// newLexical loads the dictionary and collects the names of the
// non-Chinese document latin. It returns nil when the dictionary cannot be
// loaded: the alignment then goes by lengths and anchors alone.
func newLexical(latin string) *lexical {
	dict, err := lexicon.Load()
	if err != nil {
		return nil
	}
	lx := &lexical{dict: dict, names: map[string]int32{}, prefixes: map[string]bool{}}
	for _, w := range nameWords(latin) {
		if _, ok := lx.names[w]; !ok {
			lx.names[w] = nameBase + int32(len(lx.names))
			for k := 1; k <= len(w); k++ {
				lx.prefixes[w[:k]] = true
			}
		}
	}
	return lx
}

// nameWords returns the lowercased capitalized words of s, stop words
// left out: names, and words capitalized at the start of a sentence,
// which seldom spell Chinese characters' readings by chance ("Wang" is
// also a dictionary word).
func nameWords(s string) []string {
	var out []string
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		r := []rune(f)
		if len(r) < 2 || !unicode.IsUpper(r[0]) || r[0] > unicode.MaxASCII {
			continue
		}
		w := strings.ToLower(f)
		if len(lexicon.Words(w)) == 0 {
			continue
		}
		out = append(out, w)
	}
	return out
}

// lexUnit is the lexical evidence of one unit. An English unit has eng
// (distinct ids, sorted) and sig, a 64-bit signature of eng for a quick
// test of membership; a Chinese unit has words (each a sorted set of ids)
// and union, all their ids sorted.
type lexUnit struct {
	eng   []int32
	sig   uint64
	words [][]int32
	union []int32
}

func (lx *lexical) english(text string) lexUnit {
	var u lexUnit
	for _, w := range lexicon.Words(text) {
		if id, ok := lx.dict.English(w); ok {
			u.eng = append(u.eng, id)
		}
	}
	for _, w := range nameWords(text) {
		u.eng = append(u.eng, lx.names[w])
	}
	slices.Sort(u.eng)
	u.eng = slices.Compact(u.eng)
	for _, id := range u.eng {
		u.sig |= 1 << (uint32(id) & 63)
	}
	return u
}

func (lx *lexical) chinese(text string) lexUnit {
	var u lexUnit
	lx.dict.Segment(text, func(ids []int32) {
		u.words = append(u.words, ids)
		u.union = append(u.union, ids...)
	})
	if len(lx.names) > 0 {
		for _, id := range lx.nameIDs(text) {
			u.words = append(u.words, []int32{id})
			u.union = append(u.union, id)
		}
	}
	slices.Sort(u.union)
	u.union = slices.Compact(u.union)
	return u
}

// nameIDs returns the names of the English document that runs of one to
// maxNameChars Han characters of text spell in pinyin: 习近平 reads
// "xi", "jin", "ping", and so spells "xi" and "jinping".
//
// The spellings tried are the first maxReadings of each length, in the
// order of the characters' readings; a spelling that begins no name is
// kept as a place in that order (dead), not spelt out, since no reading
// added to it can make a name.
func (lx *lexical) nameIDs(text string) []int32 {
	rs := []rune(text)
	var out []int32
	type spelling struct {
		s    string
		dead bool
	}
	var spell, next []spelling
	for i := range rs {
		spell = append(spell[:0], spelling{})
		for k := i; k < len(rs) && k < i+maxNameChars && normalize.IsHan(rs[k]); k++ {
			next = next[:0]
			live := false
			for _, p := range spell {
				for _, r := range lx.dict.Readings(rs[k]) {
					if len(next) == maxReadings {
						break
					}
					sp := spelling{dead: true}
					if !p.dead && lx.prefixes[p.s+r] {
						sp = spelling{s: p.s + r}
						live = true
					}
					next = append(next, sp)
				}
			}
			spell, next = next, spell
			if !live {
				break
			}
			for _, s := range spell {
				if s.dead {
					continue
				}
				if id, ok := lx.names[s.s]; ok && !slices.Contains(out, id) {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// hits counts the evidence that an English unit e and a Chinese unit z
// translate each other: the English words some word of z may translate
// to, and the words of z that translate to some word of e.
func hits(e, z *lexUnit) (inE, inZ int) {
	for i, j := 0, 0; i < len(e.eng) && j < len(z.union); {
		switch {
		case e.eng[i] < z.union[j]:
			i++
		case e.eng[i] > z.union[j]:
			j++
		default:
			inE++
			i++
			j++
		}
	}
	for _, w := range z.words {
		for _, id := range w {
			if e.sig&(1<<(uint32(id)&63)) != 0 {
				if _, ok := slices.BinarySearch(e.eng, id); ok {
					inZ++
					break
				}
			}
		}
	}
	return inE, inZ
}

// sizes returns the number of English words and Chinese words of a unit.
func (u *lexUnit) size() int { return len(u.eng) + len(u.words) }
