package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"

	"github.com/docdrift/docdrift/internal/lazyre"
)

// Sentence is one sentence of a kept block. Start and End are byte offsets
// of its original text; Key is its canonical form (see Fold).
type Sentence struct {
	Start, End int
	Block      int // index into Document.Blocks
	Key        string
}

// abbreviations end with a full stop that does not end a sentence: titles,
// "No. 14", and the initials of countries and bodies.
var abbreviations = wordSet(`Mr. Mrs. Ms. Dr. Prof. St. Mt. No. Nos. Art. Arts. Sec. Secs. Fig. Figs.
	Vol. Vols. pp. p. vs. v. e.g. i.e. cf. approx. Inc. Ltd. Co. Corp. Jr. Sr. Gen. Gov. Sen. Rep.
	Hon. Rev. Lt. Col. Capt. Sgt. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
	U.S. U.K. U.N. E.U. D.C. P.R.C. U.S.A. Ph.D.`)

// enumeratorRE matches a "sentence" that is only a section number: "IV.", "3.", "b.".
var enumeratorRE = lazyre.New(`^([IVXLCivxlc]{1,6}|\d{1,3}|[A-Za-z])\.$`)

// splitSentences cuts the original text of one block, text[start:end], into
// sentences: by the Unicode sentence rules (UAX #29), then rejoined after
// abbreviations, and split again at the Chinese semicolon "；", which ends
// a clause as a full stop does. Line breaks inside the block count as
// spaces. Spans exclude surrounding white space.
func splitSentences(text string, start, end int) [][2]int {
	block := flattenLines(text[start:end])
	var spans [][2]int
	var it sentenceIterator = sentences.FromString(block)
	if isASCII(block) {
		it = &asciiSentences{data: block} // the same breaks, faster
	}
	for it.Next() {
		lo, hi := trimSpan(block, it.Start(), it.End())
		if lo == hi {
			continue
		}
		if n := len(spans); n > 0 && endsWithAbbreviation(block[spans[n-1][0]:spans[n-1][1]]) {
			spans[n-1][1] = hi
			continue
		}
		spans = append(spans, [2]int{lo, hi})
	}
	spans = splitAt(block, spans, "；")
	spans = splitLong(block, spans, MaxSentence)
	for i := range spans {
		spans[i][0] += start
		spans[i][1] += start
	}
	return spans
}

// sentenceIterator is what splitSentences reads sentences from: the
// uax29 library's Iterator, or asciiSentences.
type sentenceIterator interface {
	Next() bool
	Start() int
	End() int
}

// MaxSentence is the longest sentence, in bytes, that Parse keeps whole.
// Real sentences stay far below it (the longest in the fixtures and the
// FOMC, SOTU and Government Work Report series are under 2 KB); text with
// no sentence breaks, such as a 10 MB line, is cut into pieces of at most
// this size, so that aligning and word-diffing it stay linear in time and
// bounded in memory.
const MaxSentence = 8 << 10

// splitLong cuts each span longer than max bytes into pieces of at most
// max: after the last white space or Chinese comma in the piece, or at a
// character boundary when it has none.
func splitLong(s string, spans [][2]int, max int) [][2]int {
	if !slices.ContainsFunc(spans, func(sp [2]int) bool { return sp[1]-sp[0] > max }) {
		return spans // nothing to cut: most blocks
	}
	var out [][2]int
	for _, sp := range spans {
		lo := sp[0]
		for sp[1]-lo > max {
			cut := lo + max
			for cut > lo && !utf8.RuneStart(s[cut]) {
				cut--
			}
			if i := lastBreak(s[lo:cut]); i > 0 {
				cut = lo + i
			}
			if a, b := trimSpan(s, lo, cut); a < b {
				out = append(out, [2]int{a, b})
			}
			lo, _ = trimSpan(s, cut, sp[1])
		}
		if lo < sp[1] {
			out = append(out, [2]int{lo, sp[1]})
		}
	}
	return out
}

// lastBreak returns the offset just after the last white space or Chinese
// comma or enumeration comma in s, or -1.
func lastBreak(s string) int {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '，' || r == '、' })
	if i < 0 {
		return -1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

// flattenLines replaces line ends with spaces, keeping every byte offset.
func flattenLines(s string) string {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

func trimSpan(s string, lo, hi int) (int, int) {
	t := strings.TrimLeftFunc(s[lo:hi], isSpaceLike)
	lo = hi - len(t)
	hi = lo + len(strings.TrimRightFunc(t, isSpaceLike))
	return lo, hi
}

func endsWithAbbreviation(s string) bool {
	i := strings.LastIndexFunc(s, isSpaceLike)
	last := s[i+1:]
	if abbreviations[last] || len(s) <= 8 && enumeratorRE.MatchString(s) {
		return true
	}
	return endsWithInitial(s)
}

// endsWithInitial reports whether s ends with a single capital initial,
// such as the "F." of "John F. Kennedy".
func endsWithInitial(s string) bool {
	if !strings.HasSuffix(s, ".") || len(s) < 3 {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(s[:len(s)-1])
	if !unicode.IsUpper(r) {
		return false
	}
	before := s[:len(s)-1-n]
	return before == "" || isSpaceLike(lastRune(before))
}

// splitAt splits each span after every occurrence of sep that has text
// after it.
func splitAt(s string, spans [][2]int, sep string) [][2]int {
	if len(spans) == 0 || !strings.Contains(s[spans[0][0]:spans[len(spans)-1][1]], sep) {
		return spans // nothing to cut: most blocks
	}
	var out [][2]int
	for _, sp := range spans {
		lo := sp[0]
		for {
			i := strings.Index(s[lo:sp[1]], sep)
			if i < 0 {
				break
			}
			cut := lo + i + len(sep)
			a, b := trimSpan(s, lo, cut)
			c, _ := trimSpan(s, cut, sp[1])
			if c == sp[1] {
				break
			}
			out = append(out, [2]int{a, b})
			lo = c
		}
		out = append(out, [2]int{lo, sp[1]})
	}
	return out
}
