// Package figures finds the figures of English and Chinese text — numbers
// with their unit, scale, hedge and direction — and says what each is.
//
// Extract reads the canonical form of a text (package normalize: NFKC,
// width folded, lower case, no spaces inside Chinese) so that "２．４％",
// "2.4 %" and "2.4%" read alike, and maps every figure back to its span in
// the original. It knows:
//
//   - numbers in digits (700,000; 1.24; 2e5), with scale words (thousand …
//     trillion, bn, mn) and Chinese scales after digits (1600万, 2.7万亿);
//   - English number words (seven, twenty-one, three hundred and two,
//     a dozen, one third, three quarters) and Chinese numerals (一百四十,
//     两千, 九万零四百, 二百五, 壹千零五, 负四百零五亿, 三分之一);
//   - units: percent (%, percent, per cent, 百分之五, 2成, 八折),
//     percentage points (个百分点), currencies (US$, $, USD, US dollars,
//     yuan, RMB, 元, 美元, €, …), multipliers (11-fold, times, 倍), and
//     otherwise the counted noun that follows ("22 pilot free trade zones");
//   - hedges (over, more than, exceeding, nearly, close to, about, at least,
//     近, 约, 超过, 多, 余, 以上, 左右), which are part of the fact;
//   - ranges ("4-1/2 to 4-3/4 percent", "20%—25%") and changes stated in one
//     phrase ("from 93 items to just 29").
//
// Years ("in 2024") are told apart from quantities: they are reported with
// Unit "date" and are the reference year of the figures around them.
//
// Numbers that name or enumerate rather than measure — article numbers,
// ordinals outside a ranking, clock times, phone numbers, names with
// digits, list enumerators, steps ("by 25 basis points") — are found too
// and carry the reason in Figure.NotFigure (notfigure.go).
//
// Tracks (track.go) gives each figure its meaning — a measure, a role
// (target, result, reference, cumulative, alternative), a reporting
// period (meaning.go) — and links the figures that state one fact across
// documents, one document's figures in one assignment, each link with the
// evidence for it.
//
// Extraction is a left-to-right scan with longest match at each token:
// linear in the length of the text.
package figures

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/docdrift/docdrift/normalize"
)

// Qualifiers: the hedge of a figure.
const (
	Exact   = "exact"
	Over    = "over"
	Under   = "under"
	About   = "about"
	Nearly  = "nearly"
	AtLeast = "at-least"
	AtMost  = "at-most"
)

// Canonical units besides currencies (ISO 4217 codes) and counted nouns.
const (
	Percent         = "percent"
	PercentagePoint = "percentage-point"
	Times           = "times"
	Year            = "year"
	Rank            = "rank"
	// Share is a fraction of a whole, as a value from 0 to 1: "one in
	// five" (0.2), "3 out of 4", "two-thirds".
	Share = "share"
	Date  = "date" // a reference year, not a quantity
	// Period is a reporting period that a figure refers to: "the first
	// six months", "the past five years". It is no fact of its own and
	// is left out of tracks.
	Period = "period"
)

// Figure is one figure found in a text.
type Figure struct {
	// Value is in base units: 2.7 trillion yuan is 2.7e12, 34.6% is 34.6.
	// For a range it is the low end, for a change the later value.
	Value float64  `json:"value"`
	High  *float64 `json:"high,omitempty"` // the high end of a range
	From  *float64 `json:"from,omitempty"` // the earlier value of a change
	Unit  string   `json:"unit"`
	// Qualifier is the hedge: exact, over, under, about, nearly, at-least, at-most.
	Qualifier string `json:"qualifier"`
	// Text is the figure's original wording; Start and End its byte span
	// in the original.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// NounStart is where a counted noun that ends the figure begins
	// ("200 million |jobs"), or End when there is none: the figure
	// proper is [Start, NounStart).
	NounStart int `json:"-"`
	// NotFigure says why a number names or enumerates something rather
	// than measuring it (ArticleNumber, Ordinal, ClockTime, …), or is ""
	// for a figure. Such numbers open no track and are no figure change.
	NotFigure string `json:"not_figure,omitempty"`

	nounTokens int // how many tokens at the end are the counted noun
}

// Extract returns the figures of text, whose first byte is at offset base
// of the original, in order. Both scripts are read in any text.
func Extract(text string, base int) []Figure {
	return ExtractFolded(normalize.Fold(text, base), text, base)
}

// ExtractFolded is Extract on a text already folded by normalize.Fold(text,
// base), for callers that fold it for other uses too.
func ExtractFolded(c normalize.Canonical, text string, base int) []Figure {
	return new(Extractor).ExtractFolded(c, text, base)
}

// An Extractor extracts the figures of one text after another, reusing
// its memory. The zero Extractor is ready to use; it is not safe for
// concurrent use.
type Extractor struct {
	toks []tok
	next []int
}

// ExtractFolded is the function ExtractFolded.
func (e *Extractor) ExtractFolded(c normalize.Canonical, text string, base int) []Figure {
	e.toks = scan(e.toks[:0], c.Key)
	e.next = nextNumbers(e.next[:0], e.toks)
	toks, next := e.toks, e.next
	var out []Figure
	for i := 0; i < len(toks); {
		// No figure starts further than leadIn tokens before a number:
		// skip the stretches of text without one.
		if next[i]-i > leadIn {
			i = next[i] - leadIn
			continue
		}
		if !mayBeginFigure(toks, i) {
			i++
			continue
		}
		if partOfName(toks, i) {
			i++
			continue
		}
		f, n := parseAt(toks, i)
		if n == 0 || nameAfter(toks, i+n, f) {
			i++
			continue
		}
		lo, hi := toks[i].lo, toks[i+n-1].hi
		f.Start, f.End = c.Span(lo, hi)
		f.Text = text[f.Start-base : f.End-base]
		f.NounStart = f.End
		if f.nounTokens > 0 && f.nounTokens < n {
			f.NounStart, _ = c.Span(toks[i+n-f.nounTokens].lo, toks[i+n-f.nounTokens].hi)
		}
		if f.Unit == Year && isZhYear(f.Text) {
			f.Unit = Date // 一九七八年: a year written digit by digit
		}
		f.NotFigure = notFigure(toks, i, n, f, text, base)
		out = append(out, f)
		i += n
	}
	return out
}

// partOfName reports digits written on a word, as in names: G20, A320,
// H1N1 (but not a currency code: USD50).
func partOfName(toks []tok, i int) bool {
	if toks[i].kind != tDigits || i == 0 || toks[i-1].kind != tWord || toks[i-1].hi != toks[i].lo {
		return false
	}
	_, cur := currenciesBefore[toks[i-1].s]
	return !cur
}

// nameAfter reports a figure that is part of a compound name or
// adjective rather than a quantity: "the 14th Five-Year Plan", "two-way
// investment".
func nameAfter(toks []tok, j int, f Figure) bool {
	switch {
	case f.Unit == Year && (at(toks, j) == "plan" || at(toks, j) == "plans"),
		f.Unit == "" && at(toks, j) == "-" && (at(toks, j+1) == "year" || at(toks, j+1) == "years") &&
			(at(toks, j+2) == "plan" || at(toks, j+2) == "plans"):
		return true
	case f.Unit == "" && at(toks, j) == "-" && at(toks, j+1) == "way":
		return true
	}
	return false
}

// tok is a token of the canonical key: a run of digits (with separators),
// a run of letters, one ideograph, or one other character.
type tok struct {
	s      string
	lo, hi int // byte span in the key
	kind   tokKind
}

type tokKind int

const (
	tDigits tokKind = iota
	tWord
	tHan
	tOther
)

// scan appends the tokens of key to toks.
func scan(toks []tok, key string) []tok {
	for i := 0; i < len(key); {
		r, size := decodeRune(key[i:])
		switch {
		case r == ' ':
			i += size
		case isDigit(r):
			if n := spacedDigits(key, i); n > 0 {
				// Read as printed without its spaces: 1 9 9 7 年 is a year.
				toks = append(toks, tok{strings.ReplaceAll(key[i:i+n], " ", ""), i, i + n, tDigits})
				i += n
				continue
			}
			j := i + digitRun(key, i)
			toks = append(toks, tok{key[i:j], i, j, tDigits})
			i = j
		case isLetter(r) && isURL(key[i:]):
			// A web address is one token, never a figure:
			// "https://example.com/?q=30%25".
			j := i + strings.IndexByte(key[i:]+" ", ' ')
			toks = append(toks, tok{key[i:j], i, j, tOther})
			i = j
		case isLetter(r):
			j := i + size
			for j < len(key) {
				r2, s2 := decodeRune(key[j:])
				if !isLetter(r2) {
					break
				}
				j += s2
			}
			toks = append(toks, tok{key[i:j], i, j, tWord})
			i = j
		case normalize.IsHan(r):
			toks = append(toks, tok{key[i : i+size], i, i + size, tHan})
			i += size
		case r == '○' && zhZeroBeside(toks, key[i+size:]):
			// 二○○○年: a white circle for the zero, as many reports print it.
			toks = append(toks, tok{"〇", i, i + size, tHan})
			i += size
		default:
			toks = append(toks, tok{key[i : i+size], i, i + size, tOther})
			i += size
		}
	}
	return toks
}

// zhZeroBeside reports a white circle (○) written as a zero: a Chinese
// digit, or another circle, right before it (the last token) or right
// after it (rest).
func zhZeroBeside(toks []tok, rest string) bool {
	if n := len(toks); n > 0 && toks[n-1].kind == tHan {
		if _, ok := zhDigits[toks[n-1].s]; ok {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(rest)
	_, ok := zhDigits[string(r)]
	return ok || r == '○'
}

// digitRun returns the length of the number in digits at key[i:]: digits
// with the separators between them that belong to the number — 700,000
// and 1.24 but not "2024, and"; Indian grouping (12,34,567); and groups
// of three digits after a space, as SI style writes thousands
// ("1 234 567", "40 000") — but not in a list of numbers ("90 100 120"
// stays three).
func digitRun(key string, i int) int {
	if n := indianGrouping(key[i:]); n > 0 {
		return n
	}
	j := i + 1
	for j < len(key) {
		if isDigit(rune(key[j])) {
			j++
			continue
		}
		if (key[j] == ',' || key[j] == '.') && j+1 < len(key) && isDigit(rune(key[j+1])) {
			if key[j] == ',' && !groupOfThree(key[j+1:]) {
				break
			}
			j++
			continue
		}
		break
	}
	if j-i > 3 || j < len(key) && key[j] != ' ' || i >= 2 && key[i-1] == ' ' && isDigit(rune(key[i-2])) {
		return j - i
	}
	k := j
	for k+4 <= len(key) && key[k] == ' ' && groupOfThree(key[k+1:]) {
		k += 4
	}
	if k == j || k+1 < len(key) && key[k] == ' ' && isDigit(rune(key[k+1])) {
		return j - i
	}
	// Decimals after the last group: "1 234 567.89".
	if k+1 < len(key) && key[k] == '.' && isDigit(rune(key[k+1])) {
		k++
		for k < len(key) && isDigit(rune(key[k])) {
			k++
		}
	}
	return k - i
}

// indianGrouping returns the length of a number in Indian digit grouping
// at the start of s (12,34,567 or 1,23,45,678.90), or 0.
func indianGrouping(s string) int {
	n := 0
	for n < len(s) && isDigit(rune(s[n])) {
		n++
	}
	if n == 0 || n > 2 {
		return 0
	}
	pairs := 0
	for {
		if n < len(s) && s[n] == ',' && groupOfTwo(s[n+1:]) {
			n, pairs = n+3, pairs+1
			continue
		}
		break
	}
	if pairs == 0 || n >= len(s) || s[n] != ',' || !groupOfThree(s[n+1:]) {
		return 0
	}
	n += 4
	if n+1 < len(s) && s[n] == '.' && isDigit(rune(s[n+1])) {
		n++
		for n < len(s) && isDigit(rune(s[n])) {
			n++
		}
	}
	return n
}

func groupOfTwo(s string) bool {
	return len(s) >= 3 && isDigit(rune(s[0])) && isDigit(rune(s[1])) && s[2] == ','
}

// isURL reports whether s starts with a web address.
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// groupOfThree reports whether s starts with exactly three digits, as
// after a thousands separator.
// spacedDigits returns the length of a number typeset with a space after
// each digit inside Chinese text, as some reports print them ("达到7 4 7 7 2
// 亿元", "增长8 ．8 ％", "1 9 9 7 年"), or 0: single digits (or a point and a
// digit) one space apart, two at least, with an ideograph before them and
// an ideograph or a percent sign after them (or the text's start
// before). English text never has them
// between ideographs, so a list of numbers there stays a list.
func spacedDigits(key string, i int) int {
	before := strings.TrimSuffix(key[:i], " ")
	if r, _ := utf8.DecodeLastRuneInString(before); before != "" && !normalize.IsHan(r) {
		return 0
	}
	if i+1 < len(key) && isDigit(rune(key[i+1])) {
		return 0
	}
	single := func(k int) bool { return k == len(key) || !isDigit(rune(key[k])) }
	j, n := i+1, 1
	for j+1 < len(key) && key[j] == ' ' {
		switch {
		case isDigit(rune(key[j+1])) && single(j+2):
			j += 2
		case key[j+1] == '.' && j+2 < len(key) && isDigit(rune(key[j+2])) && single(j+3):
			j += 3
		default:
			goto end
		}
		n++
	}
end:
	if n < 2 {
		return 0
	}
	after := strings.TrimPrefix(key[j:], " ")
	if r, _ := utf8.DecodeRuneInString(after); !normalize.IsHan(r) && r != '%' {
		return 0
	}
	// The space before the unit is the number's, so that the unit is
	// read as written right after it.
	return len(key) - len(after) - i
}

func groupOfThree(s string) bool {
	n := 0
	for n < len(s) && isDigit(rune(s[n])) {
		n++
	}
	return n == 3
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r > 0x7f && !normalize.IsHan(r) && (r >= 0xc0 && r < 0x2000)
}

func decodeRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// words returns the token texts of toks[i:j] joined by spaces.
func words(toks []tok, i, j int) string {
	parts := make([]string, 0, j-i)
	for k := i; k < j && k < len(toks); k++ {
		parts = append(parts, toks[k].s)
	}
	return strings.Join(parts, " ")
}

// leadIn is the most tokens a figure can hold before its number: a hedge
// of up to three words and an article, or "per cent of", then a currency
// of two tokens, a sign and 第 — with room to spare.
const leadIn = 10

// nextNumbers returns, for each token, the index of the first token at or
// after it that can begin a number (digits, a Han character, an English
// number word), or len(toks) when none follows.
func nextNumbers(next []int, toks []tok) []int {
	next = slices.Grow(next[:0], len(toks)+1)[:len(toks)+1]
	next[len(toks)] = len(toks)
	for i := len(toks) - 1; i >= 0; i-- {
		next[i] = next[i+1]
		if mayBeginNumber(toks, i) {
			next[i] = i
		}
	}
	return next
}

// mayBeginNumber reports whether number can read a number starting at
// toks[i]: a cheap test that admits every token number accepts. The
// article "a" begins one only before a word that makes it one ("a dozen",
// "a third", "a hundred", "a twenty-first"); elsewhere, which in English
// is every few words, it would set off a vain attempt at a figure.
func mayBeginNumber(toks []tok, i int) bool {
	switch t := toks[i]; t.kind {
	case tDigits, tHan:
		return true
	case tWord:
		if t.s == "a" {
			next := at(toks, i+1)
			return numberStarts[next] || scaleWords[next] != 0 || next == "dozen" || denominators[next] != 0
		}
		return len(t.s) <= longestNumberWord && numberStartsFilter.mayHold(t.s) && numberStarts[t.s]
	}
	return false
}

// numberStarts are the words number can read a number from: number words,
// "a" ("a dozen"), "half", "quarter", and ordinals ("second-largest").
var numberStarts = func() map[string]bool {
	m := map[string]bool{"a": true, "half": true, "quarter": true, "zero": true, "nought": true, "naught": true}
	for _, words := range []map[string]float64{smallWords, tensWords, ordinalWords} {
		for w := range words {
			m[w] = true
		}
	}
	return m
}()

// numberStartsFilter spares mayBeginNumber a lookup of numberStarts for
// most words.
var numberStartsFilter = newWordFilter(numberStarts)

// longestNumberWord is the length of the longest word in numberStarts.
const longestNumberWord = len("seventeenth")

// mayBeginFigure reports whether parseAt can read a figure starting at t:
// the start of a number, a symbol, or the first word of a hedge, a
// currency or a unit written first.
func mayBeginFigure(toks []tok, i int) bool {
	switch t := toks[i]; t.kind {
	case tDigits:
		return true
	case tHan:
		return hanStarts[t.s]
	case tOther:
		return t.s == "-" || figureStarts[t.s] // a sign, a currency symbol
	}
	return mayBeginNumber(toks, i) || figureStartsFilter.mayHold(toks[i].s) && figureStarts[toks[i].s]
}

// figureStartsFilter spares mayBeginFigure a lookup of figureStarts for
// most words.
var figureStartsFilter = newWordFilter(figureStarts)

// figureStarts are the first words of the lead-ins parseAt reads before a
// number.
var figureStarts = func() map[string]bool {
	m := map[string]bool{"percent": true, "percents": true, "per": true, "minus": true, "negative": true, "from": true}
	for _, lexicon := range []map[string]string{hedgesBefore, currenciesBefore} {
		for k := range lexicon {
			if toks := scan(nil, k); len(toks) > 0 {
				m[toks[0].s] = true
			}
		}
	}
	return m
}()
