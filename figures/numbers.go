package figures

import (
	"math"
	"strconv"
	"strings"
)

// number reads a number at toks[i]: digits, English number words or
// Chinese numerals, with their scale. It returns the value, the tokens
// read, and whether the number itself says percent (百分之五, 2成, 八折).
func number(toks []tok, i int) (float64, int, bool) {
	if i >= len(toks) {
		return 0, 0, false
	}
	switch t := toks[i]; {
	case t.kind == tHan || t.kind == tDigits && (isZhScale(at(toks, i+1)) || zhAfterDigits[at(toks, i+1)] ||
		zhApprox[at(toks, i+1)] && zhBigUnits[at(toks, i+2)] != 0):
		if v, n, pct := chinese(toks, i); n > 0 {
			return v, n, pct
		}
		if t.kind == tHan {
			return 0, 0, false
		}
		return digits(toks, i)
	case t.kind == tDigits:
		return digits(toks, i)
	case t.kind == tWord:
		// "which one", "the one you mentioned": a pronoun, not a number.
		if t.s == "one" && determiners[at(toks, i-1)] && english1(toks, i+1) == 0 {
			return 0, 0, false
		}
		v, n := english(toks, i)
		return v, n, false
	}
	return 0, 0, false
}

// determiners make a following "one" a pronoun.
var determiners = map[string]bool{"the": true, "which": true, "that": true, "this": true, "each": true,
	"every": true, "any": true, "no": true, "another": true, "some": true}

// english1 returns how many tokens at i read as the rest of a number.
func english1(toks []tok, i int) int {
	if scaleWords[at(toks, i)] != 0 || denominators[at(toks, i)] != 0 {
		return 1
	}
	return 0
}

// English scale words after a number.
var scaleWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "k": 1e3, "lakh": 1e5, "crore": 1e7,
	"mil": 1e6, "mm": 1e6, "bln": 1e9, "tln": 1e12,
}

// digits reads a number written in digits: "700,000", "1.24 million",
// "4-1/2", "1/3", "2e5", "3 hundred and 21", "11th".
func digits(toks []tok, i int) (float64, int, bool) {
	s := toks[i].s
	if strings.ContainsAny(s, ", ") {
		s = strings.Map(func(r rune) rune {
			if r == ',' || r == ' ' {
				return -1
			}
			return r
		}, s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	j := i + 1
	adjacent := func(k int) bool { return k < len(toks) && toks[k-1].hi == toks[k].lo }
	// A decimal without its zero: ".25".
	if i > 0 && at(toks, i-1) == "." && adjacent(i) && (i < 2 || toks[i-2].kind != tDigits || !adjacent(i-1)) && !strings.Contains(s, ".") {
		v, _ = strconv.ParseFloat("0."+s, 64)
	}
	// Exponents: 2e5, 12.32e+14, -12e-1, 1.1^23.
	if (at(toks, j) == "e" || at(toks, j) == "^") && adjacent(j) {
		k, sign := j+1, 1.0
		for at(toks, k) == "+" || at(toks, k) == "-" {
			if at(toks, k) == "-" {
				sign = -sign
			}
			k++
		}
		if k < len(toks) && toks[k].kind == tDigits && adjacent(k) {
			e, _ := strconv.ParseFloat(toks[k].s, 64)
			if at(toks, j) == "e" {
				return v * math.Pow(10, sign*e), k + 1 - i, false
			}
			return math.Pow(v, sign*e), k + 1 - i, false
		}
	}
	switch {
	case isSlash(at(toks, j)) && adjacent(j) && adjacent(j+1) && toks[j+1].kind == tDigits && !strings.ContainsAny(toks[j+1].s, ".,"):
		// A fraction: 1/3.
		d, _ := strconv.ParseFloat(toks[j+1].s, 64)
		if d == 0 || strings.Contains(s, ".") {
			return v, 1, false
		}
		return v / d, 3, false
	case at(toks, j) == "-" && adjacent(j) && adjacent(j+1) && isSlash(at(toks, j+2)) && adjacent(j+2) && adjacent(j+3):
		// A mixed fraction: 4-1/2.
		n, _ := strconv.ParseFloat(toks[j+1].s, 64)
		d, _ := strconv.ParseFloat(at(toks, j+3), 64)
		if d != 0 {
			return v + n/d, 5, false
		}
	case at(toks, j) == "e" && adjacent(j) && adjacent(j+1) && j+1 < len(toks) && toks[j+1].kind == tDigits:
		e, _ := strconv.Atoi(toks[j+1].s)
		return v * math.Pow(10, float64(e)), 3, false
	case adjacent(j) && (at(toks, j) == "st" || at(toks, j) == "nd" || at(toks, j) == "rd" || at(toks, j) == "th"):
		return v, 2, false // an ordinal: 11th; the caller sees the suffix via isOrdinal
	}
	// A whole number and a fraction: "2 1/4".
	if j+2 < len(toks) && toks[j].kind == tDigits && isSlash(at(toks, j+1)) && adjacent(j+1) && adjacent(j+2) &&
		!strings.ContainsAny(s, ".,") && !strings.ContainsAny(toks[j].s, ".,") {
		n, _ := strconv.ParseFloat(toks[j].s, 64)
		d, _ := strconv.ParseFloat(at(toks, j+2), 64)
		if d != 0 && n < d {
			return v + n/d, j + 3 - i, false
		}
	}
	// Letter scales written on the number: 2.33k, 1.2b. Not G: 5G and 4G
	// are generations of mobile networks far more often than billions.
	switch at(toks, j) {
	case "k", "b", "bn":
		if adjacent(j) || at(toks, j) == "k" {
			sc := map[string]float64{"k": 1e3, "b": 1e9, "bn": 1e9}[at(toks, j)]
			return v * sc, j + 1 - i, false
		}
	case "g":
		if adjacent(j) {
			return 0, 0, false
		}
	}
	// Dozens: "3 dozens", "3 dzs".
	if d := at(toks, j); d == "dozen" || d == "dozens" || d == "dz" || d == "dzs" || d == "doz" || d == "dozs" {
		return v * 12, j + 1 - i, false
	}
	// Scale words: "1.24 million", "3 hundred and 21", "4 thousand 3 hundred".
	for {
		sc, ok := scaleWords[at(toks, j)]
		if !ok || sc == 1e3 && at(toks, j) == "k" && !adjacent(j) {
			break
		}
		v *= sc
		j++
		// A smaller group follows: "4 thousand 3 hundred and 21".
		if sc >= 1e3 && j+1 < len(toks) && toks[j].kind == tDigits && scaleWords[at(toks, j+1)] != 0 && scaleWords[at(toks, j+1)] < sc {
			if w, n, _ := digits(toks, j); n > 0 {
				v += w
				j += n
				break
			}
		}
		if sc == 1e2 && at(toks, j) == "and" {
			if w, n := english(toks, j+1); n > 0 && w < 100 {
				v += w
				j += 1 + n
			} else if j+1 < len(toks) && toks[j+1].kind == tDigits {
				if w, err := strconv.ParseFloat(toks[j+1].s, 64); err == nil && w < 100 {
					v += w
					j += 2
				}
			}
		}
	}
	// "3 million and a half"
	if j > i+1 && scaleWords[at(toks, j-1)] >= 1e3 && at(toks, j) == "and" {
		if fv, fn := fractionPhrase(toks, j+1); fn > 0 {
			return v + fv*scaleWords[at(toks, j-1)], j + 1 + fn - i, false
		}
	}
	// "quarter million" style is read by english(); "2.7万亿" by chinese().
	return v, j - i, false
}

// isSlash reports a fraction slash: "/", or "⁄", which NFKC makes of "½".
func isSlash(s string) bool { return s == "/" || s == "⁄" }

// English number words.
var (
	smallWords = map[string]float64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "nought": 0, "naught": 0,
	}
	tensWords = map[string]float64{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	// Denominators of fractions: "one third", "three quarters", "a half".
	denominators = map[string]float64{
		"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
		"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
		"ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
		"thousandth": 1e3, "thousandths": 1e3, "millionth": 1e6, "millionths": 1e6, "billionth": 1e9,
		"billionths": 1e9, "trillionth": 1e12, "trillionths": 1e12,
		"eleventh": 11, "elevenths": 11, "twelfth": 12, "twelfths": 12, "thirteenth": 13, "thirteenths": 13,
		"fourteenth": 14, "fourteenths": 14, "fifteenth": 15, "fifteenths": 15, "sixteenth": 16, "sixteenths": 16,
		"seventeenth": 17, "seventeenths": 17, "eighteenth": 18, "eighteenths": 18, "nineteenth": 19,
		"nineteenths": 19, "twentieth": 20, "twentieths": 20, "thirtieth": 30, "thirtieths": 30, "fortieth": 40,
		"fortieths": 40, "fiftieth": 50, "fiftieths": 50, "sixtieth": 60, "sixtieths": 60, "seventieth": 70,
		"seventieths": 70, "eightieth": 80, "eightieths": 80, "ninetieth": 90, "ninetieths": 90,
	}
	// unitOrdinals end a compound denominator after a tens word:
	// "twenty-first", "thirty fifths". "second" is left out: "twenty
	// seconds" is a time.
	unitOrdinals = map[string]float64{
		"first": 1, "firsts": 1, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
		"sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
	}
)

// ordinalWords are the ordinals in words that may rank something ("ranks
// second", "the third-largest"): first, second, and the singular
// denominators up to twentieth.
var ordinalWords = func() map[string]float64 {
	m := map[string]float64{"first": 1, "second": 2}
	for w, v := range denominators {
		if v <= 20 && w != "half" && w != "quarter" && !strings.HasSuffix(w, "s") {
			m[w] = v
		}
	}
	return m
}()

// rankVerbs are the words after which an ordinal is a rank.
var rankVerbs = map[string]bool{"rank": true, "ranks": true, "ranked": true, "ranking": true, "placed": true,
	"placing": true, "came": true, "comes": true, "finished": true}

// rankWord reads an ordinal in words at toks[i] that ranks something:
// after a verb of ranking ("ranks second globally") or before a
// superlative ("the world's second-largest"). It returns the rank and
// the tokens read, or 0 tokens: "for the first time" ranks nothing.
func rankWord(toks []tok, i int) (float64, int) {
	v, n := ordinalWords[at(toks, i)], 1
	if t := tensWords[at(toks, i)]; t != 0 {
		// "twenty-first"
		k := i + 1
		if at(toks, k) == "-" {
			k++
		}
		if u := unitOrdinals[at(toks, k)]; u != 0 && !strings.HasSuffix(at(toks, k), "s") {
			v, n = t+u, k+1-i
		}
	}
	if v == 0 {
		return 0, 0
	}
	next := at(toks, i+n)
	if next == "-" {
		next = at(toks, i+n+1)
	}
	if rankVerbs[at(toks, i-1)] || len(next) > 4 && strings.HasSuffix(next, "est") {
		return v, n
	}
	return 0, 0
}

// periodBefore are the words that make "three quarters" after them a
// count of periods: "the first three quarters", "the past two quarters".
var periodBefore = map[string]bool{"first": true, "last": true, "past": true, "next": true, "previous": true,
	"coming": true, "recent": true, "final": true}

// compoundDenominator reads a denominator made of a tens word and a unit
// ordinal at toks[i] ("twenty-first", "thirty fifths"), returning its
// value, the tokens read and whether the ordinal is plural.
func compoundDenominator(toks []tok, i int) (float64, int, bool) {
	t := tensWords[at(toks, i)]
	if t == 0 {
		return 0, 0, false
	}
	j := i + 1
	if at(toks, j) == "-" {
		j++
	}
	w := at(toks, j)
	u := unitOrdinals[w]
	if u == 0 {
		return 0, 0, false
	}
	return t + u, j + 1 - i, strings.HasSuffix(w, "s")
}

// fractionOf divides the number read so far by the denominator d when the
// wording agrees: a numerator of one takes a singular denominator ("one
// twenty-fifth"), a larger one a plural ("three twenty-firsts"), so that
// "the one hundred thirty fifth anniversary" stays an ordinal.
func fractionOf(num, d float64, plural bool) (float64, bool) {
	if d == 0 || (num == 1) == plural {
		return 0, false
	}
	return num / d, true
}

// english reads a number in words: "seven", "twenty-one", "three hundred
// and two", "a dozen", "one third", "three quarters", "2 dozen",
// "quarter million". It returns 0 tokens for words that are no number.
func english(toks []tok, i int) (float64, int) {
	var total, current float64
	seen := false // whether a number word was read
	last := ""    // the kind of the last word read: small, tens, scale
	lastScale := 0.0
	j := i
	for j < len(toks) {
		w := at(toks, j)
		switch {
		case w == "a" && !seen && (scaleWords[at(toks, j+1)] != 0 || at(toks, j+1) == "dozen" || denominators[at(toks, j+1)] != 0 ||
			tensWords[at(toks, j+1)] != 0 && compoundAt(toks, j+1)):
			current, seen, last = 1, true, "small"
		case smallWords[w] != 0 || w == "zero" || w == "nought" || w == "naught":
			if last == "small" || last == "tens" && smallWords[w] >= 10 {
				return finish(total, current, seen, j-i)
			}
			current += smallWords[w]
			seen, last = true, "small"
		case tensWords[w] != 0 && seen && at(toks, j-1) != "and" && compoundAt(toks, j):
			// "three twenty-firsts", "one hundred thirty fifths": a
			// tens word that cannot continue the number begins the
			// denominator ("one hundred and thirty fifths" is 130/5).
			d, n, plural := compoundDenominator(toks, j)
			if v, ok := fractionOf(total+current, d, plural); ok {
				return v, j + n - i
			}
			if last == "scale" && !plural {
				// "one hundred thirty-fifth": an ordinal.
				return total + current + d, j + n - i
			}
			return finish(total, current, seen, j-i)
		case tensWords[w] != 0:
			if last == "small" || last == "tens" {
				return finish(total, current, seen, j-i)
			}
			current += tensWords[w]
			seen, last = true, "tens"
		case w == "-" && last == "tens" && smallWords[at(toks, j+1)] > 0 && smallWords[at(toks, j+1)] < 10:
			// twenty-one: the next word is read next.
		case w == "-" && (last == "small" || last == "scale") && denominators[at(toks, j+1)] != 0:
			// "two-thirds", "one - eighth", "five hundred-fifths".
		case unitOrdinals[w] != 0 && !strings.HasSuffix(w, "s") && (last == "tens" || last == "scale"):
			// "twenty-first", "one hundred fifth": an ordinal.
			return total + current + unitOrdinals[w], j + 1 - i
		case w == "-" && last == "tens" && unitOrdinals[at(toks, j+1)] != 0:
			// twenty-first: the ordinal is read next.
		case (w == "dozen" || w == "dozens" || w == "dz" || w == "dzs" || w == "doz" || w == "dozs") && seen:
			current *= 12
			last = "scale"
		case w == "half" && !seen && at(toks, j+1) == "a" && at(toks, j+2) == "dozen":
			return 6, j + 3 - i
		case w == "hundred" && seen:
			current = math.Max(current, 1) * 100
			last = "scale"
		case scaleWords[w] >= 1e3 && len(w) > 2 && seen && last == "scale" && current == 0 && scaleWords[w] > lastScale:
			// "three lakh crore", "two thousand million": scales multiply.
			total *= scaleWords[w]
			lastScale = scaleWords[w]
		case scaleWords[w] >= 1e3 && len(w) > 2 && (seen || w == "quarter"):
			total += math.Max(current, 1) * scaleWords[w]
			current, last, lastScale = 0, "scale", scaleWords[w]
		case (w == "quarter" || w == "half") && !seen && scaleWords[at(toks, j+1)] >= 1e3:
			// "quarter million", "half million"
			total += 1 / denominators[w] * scaleWords[at(toks, j+1)]
			return total, 2 + j - i
		case denominators[w] != 0 && seen && last == "small" && scaleWords[at(toks, j+1)] >= 1e3:
			// "three quarters billion"
			return finish(total, current/denominators[w]*scaleWords[at(toks, j+1)], seen, j+2-i)
		case w == "and" && seen && fractionAt(toks, j+1) > 0 && (last != "scale" || fractionAt(toks, j+1) < 1):
			// "one and a half", "twenty and three fifths", "3 million and a
			// half". After a scale word the fraction is a fractional part
			// only when below one: "one hundred and three quarters" is
			// 100.75, "one hundred and thirty fifths" is 130/5.
			fv, fn := fractionPhrase(toks, j+1)
			k := j + 1 + fn
			switch {
			case last == "scale" && lastScale >= 1e3 && current == 0:
				// "3 million and a half"
				fv *= lastScale
			case scaleWords[at(toks, k)] >= 1e3:
				// "five and a half million": the scale applies to both.
				sc := scaleWords[at(toks, k)]
				return finish(total, (current+fv)*sc, seen, k+1-i)
			}
			return finish(total+current+fv, 0, seen, k-i)
		case w == "and" && seen && (last == "scale") && (smallWords[at(toks, j+1)] > 0 || tensWords[at(toks, j+1)] > 0):
			// "three hundred and two"
		case (w == "quarters" || w == "halves") && periodBefore[at(toks, i-1)]:
			// "the first three quarters of 2025": periods, not a share.
			return finish(total, current, seen, j-i)
		case denominators[w] != 0 && seen && (last == "small" || last == "tens" || denominators[w] >= 1e3 ||
			last == "scale" && strings.HasSuffix(w, "s")):
			// The whole number is the numerator: "one million two
			// thousand three fifths", "ninety-five hundred fifths".
			v := (total + current) / denominators[w]
			j++
			// "two thirds of a million"
			if at(toks, j) == "of" && at(toks, j+1) == "a" && scaleWords[at(toks, j+2)] >= 1e6 && len(at(toks, j+2)) > 2 {
				return v * scaleWords[at(toks, j+2)], j + 3 - i
			}
			return v, j - i
		case w == "point" && seen && tensWords[at(toks, j+1)] != 0:
			// "two hundred point seventy-one": the decimals as one number.
			d, n := englishWhole(toks, j+1)
			return finish(total, current+d/100, seen, j+1+n-i)
		case w == "point" && seen && smallWords[at(toks, j+1)] < 10 && (smallWords[at(toks, j+1)] > 0 || isZeroWord(at(toks, j+1))):
			// "one point five"
			frac, scale := 0.0, 0.1
			k := j + 1
			for k < len(toks) && (smallWords[at(toks, k)] < 10 && (smallWords[at(toks, k)] > 0 || isZeroWord(at(toks, k)))) {
				frac += smallWords[at(toks, k)] * scale
				scale /= 10
				k++
			}
			current += frac
			return finish(total, current, seen, k-i)
		default:
			return finish(total, current, seen, j-i)
		}
		j++
	}
	return finish(total, current, seen, j-i)
}

// compoundAt reports whether a compound denominator begins at toks[i].
func compoundAt(toks []tok, i int) bool {
	_, n, _ := compoundDenominator(toks, i)
	return n > 0
}

// fractionAt returns the value of the fraction phrase at toks[i] ("a half",
// "three fifths", "fifty-four hundredths"), or 0.
func fractionAt(toks []tok, i int) float64 {
	v, _ := fractionPhrase(toks, i)
	return v
}

func fractionPhrase(toks []tok, i int) (float64, int) {
	num, j := 0.0, i
	switch w := at(toks, i); {
	case w == "a" || w == "an":
		num, j = 1, i+1
	default:
		v, n := englishWhole(toks, i)
		if n == 0 {
			return 0, 0
		}
		num, j = v, i+n
	}
	d := denominators[at(toks, j)]
	if d == 0 {
		return 0, 0
	}
	return num / d, j + 1 - i
}

// englishWhole reads small and tens words only: "fifty-four", "three".
func englishWhole(toks []tok, i int) (float64, int) {
	v, j := 0.0, i
	if t := tensWords[at(toks, j)]; t != 0 {
		v, j = t, j+1
		if at(toks, j) == "-" && smallWords[at(toks, j+1)] > 0 && smallWords[at(toks, j+1)] < 10 {
			v, j = v+smallWords[at(toks, j+1)], j+2
		} else if s := smallWords[at(toks, j)]; s > 0 && s < 10 {
			v, j = v+s, j+1
		}
		return v, j - i
	}
	if s, ok := smallWords[at(toks, j)]; ok {
		return s, 1
	}
	return 0, 0
}

func isZeroWord(w string) bool { return w == "zero" || w == "nought" || w == "naught" }

func finish(total, current float64, seen bool, n int) (float64, int) {
	if !seen {
		return 0, 0
	}
	return total + current, n
}

// Chinese numerals.
var (
	zhDigits = map[string]float64{
		"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3, "叁": 3, "參": 3,
		"四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
		"倆": 2, "俩": 2,
	}
	zhSmallUnits = map[string]float64{"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
	zhBigUnits   = map[string]float64{"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
)

// zhRankBefore are the characters before 第 that make what follows a rank:
// 世界第一, 全球第一, 位居第二, 排名第三, 名列第一, 全国第一, 亚洲第一.
var zhRankBefore = map[string]bool{"界": true, "球": true, "居": true, "名": true, "列": true, "国": true, "洲": true}

// zhAfterDigits are characters after digits that make them Chinese
// figures: 2成, 75折, 3分之1, 1.5点.
var zhAfterDigits = map[string]bool{"成": true, "折": true, "分": true, "点": true, "點": true}

// zhApprox are the hedges that may stand inside a Chinese number: 500余万.
var zhApprox = map[string]bool{"多": true, "余": true, "几": true, "幾": true}

func isZhScale(s string) bool { return zhSmallUnits[s] != 0 || zhBigUnits[s] != 0 }

func isZhNumeral(s string) bool {
	_, d := zhDigits[s]
	return d || isZhScale(s)
}

// chinese reads a Chinese number at toks[i]: numerals (九万零四百),
// digits with Chinese scales (2.7万亿), decimals (二十六点三三),
// fractions (三分之一), and the percentages 百分之五, 2成 and 八折.
func chinese(toks []tok, i int) (float64, int, bool) {
	// 百分之五 / 百分之5.5: percent.
	if at(toks, i) == "百" && at(toks, i+1) == "分" && at(toks, i+2) == "之" {
		v, n := zhPlain(toks, i+3)
		if n > 0 {
			return v, 3 + n, true
		}
		return 0, 0, false
	}
	// 对折 / 对半: half.
	if at(toks, i) == "对" && at(toks, i+1) == "折" {
		return 50, 2, true
	}
	v, n := zhPlain(toks, i)
	if n == 0 {
		return 0, 0, false
	}
	j := i + n
	switch at(toks, j) {
	case "分":
		// 三分之一: a fraction, denominator first.
		if at(toks, j+1) == "之" {
			if num, m := zhPlain(toks, j+2); m > 0 && v != 0 {
				// 千分之五, 万分之三: shares of a power of ten are percentages.
				if v >= 100 && v == math.Pow(10, math.Round(math.Log10(v))) {
					return num * 100 / v, n + 2 + m, true
				}
				return num / v, n + 2 + m, false
			}
		}
	case "成":
		// 2成 is 20%, 九成五 is 95%.
		if v <= 10 && v > 0 {
			extra, m := 0.0, 0
			if d, ok := zhDigits[at(toks, j+1)]; ok && v < 10 {
				extra, m = d, 1
			}
			return v*10 + extra, n + 1 + m, true
		}
	case "折":
		// 八折 is 80%, 八五折 and 85折 are 85% (a discount: pay that share).
		if v < 10 && v > 0 {
			return v * 10, n + 1, true
		}
		if v >= 10 && v < 100 {
			return v, n + 1, true
		}
	}
	// A lone numeral character is a figure only when a counter or unit
	// follows: "一是" or "统一" hold no figure, "两国" and "三倍" do.
	if n == 1 && toks[i].kind == tHan {
		_, counted := counters[at(toks, j)]
		alone := (i == 0 || toks[i-1].kind != tHan) && (j >= len(toks) || toks[j].kind != tHan)
		// 全球第一, 位居世界第二: a rank, but 第一产业 names a sector.
		ordinal := at(toks, i-1) == "第" && zhRankBefore[at(toks, i-2)]
		if !counted && zhUnit(at(toks, j)) == "" && !alone && !ordinal {
			return 0, 0, false
		}
	}
	return v, n, false
}

// zhPlain reads a plain Chinese or mixed number at toks[i] and returns its
// value and the tokens read.
func zhPlain(toks []tok, i int) (float64, int) {
	j := i
	var parts []string
	for j < len(toks) {
		t := toks[j]
		switch {
		case t.kind == tDigits:
			parts = append(parts, t.s)
		case t.kind == tHan && isZhNumeral(t.s):
			parts = append(parts, t.s)
		case (t.s == "点" || t.s == "點" || t.s == ".") && j > i && j+1 < len(toks) && (toks[j+1].kind == tDigits || zhDigits[toks[j+1].s] != 0 || toks[j+1].s == "零"):
			parts = append(parts, ".")
		case (t.s == "多" || t.s == "余" || t.s == "几" || t.s == "幾") && j > i && zhBigUnits[at(toks, j+1)] != 0:
			// 一千多万, 500余万, 二十几万: an approximate count of a big
			// unit; the hedge is read by the caller from the text.
		case t.s == "打" && j > i:
			// 一打 is a dozen.
			parts = append(parts, "打")
		default:
			goto done
		}
		j++
	}
done:
	// A number must not end on its decimal point.
	for len(parts) > 0 && parts[len(parts)-1] == "." {
		parts = parts[:len(parts)-1]
		j--
	}
	if len(parts) == 0 {
		return 0, 0
	}
	// A big unit alone (万, 万万) is no number.
	if allBigUnits(parts) {
		return 0, 0
	}
	dozen := false
	if len(parts) > 1 && parts[len(parts)-1] == "打" {
		parts, dozen = parts[:len(parts)-1], true
	}
	v, ok := zhValue(parts)
	if !ok {
		return 0, 0
	}
	if dozen {
		v *= 12
	}
	return v, j - i
}

// zhValue computes the value of numeral parts: each part is a Chinese
// numeral character, a run of digits or ".".
func zhValue(parts []string) (float64, bool) {
	// Split at the largest unit, 亿 then 万: left × unit + right.
	for _, big := range []string{"兆", "亿", "億", "万", "萬"} {
		for k := len(parts) - 1; k >= 0; k-- {
			if parts[k] != big {
				continue
			}
			left, right := parts[:k], parts[k+1:]
			l := 1.0
			if len(left) > 0 {
				var ok bool
				if l, ok = zhValue(left); !ok {
					return 0, false
				}
			}
			r := 0.0
			if len(right) > 0 {
				var ok bool
				if r, ok = zhValue(right); !ok {
					return 0, false
				}
				// 一万五 is 15000: a lone digit after a big unit counts in
				// the next unit down.
				if len(right) == 1 && zhDigits[right[0]] != 0 {
					r *= zhBigUnits[big] / 10
				}
			}
			return l*zhBigUnits[big] + r, true
		}
	}
	return zhSmall(parts)
}

// zhSmall computes a number below 10,000 (or digits, or a decimal).
func zhSmall(parts []string) (float64, bool) {
	if dot := indexOf(parts, "."); dot >= 0 {
		whole, ok := zhSmall(parts[:dot])
		if !ok {
			return 0, false
		}
		frac := ""
		for _, p := range parts[dot+1:] {
			switch {
			case zhDigits[p] != 0 || p == "零" || p == "〇":
				frac += strconv.Itoa(int(zhDigits[p]))
			case isAllDigits(p):
				frac += p
			default:
				return 0, false
			}
		}
		f, err := strconv.ParseFloat("0."+frac, 64)
		return whole + f, err == nil
	}
	if len(parts) == 1 && (isAllDigits(parts[0]) || strings.ContainsAny(parts[0], ".,")) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(parts[0], ",", ""), 64)
		return v, err == nil
	}
	// Digit by digit, as in years: 二〇二五.
	allDigits := true
	for _, p := range parts {
		if _, ok := zhDigits[p]; !ok {
			allDigits = false
		}
	}
	if allDigits && len(parts) > 1 {
		s := ""
		for _, p := range parts {
			s += strconv.Itoa(int(zhDigits[p]))
		}
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	var total, num float64
	haveNum, zero := false, false
	lastUnit := 0.0
	for _, p := range parts {
		switch {
		case zhSmallUnits[p] != 0:
			u := zhSmallUnits[p]
			if !haveNum {
				num = 1 // 十 is 10
			}
			total += num * u
			num, haveNum, lastUnit, zero = 0, false, u, false
		case p == "零" || p == "〇":
			zero = true
		case zhDigits[p] != 0:
			num, haveNum = zhDigits[p], true
		case isAllDigits(p):
			v, err := strconv.ParseFloat(p, 64)
			if err != nil {
				return 0, false
			}
			num, haveNum = v, true
		default:
			return 0, false
		}
	}
	if haveNum {
		// 二百五 is 250: a digit right after a unit counts in the next unit down.
		if lastUnit >= 100 && !zero && num < 10 {
			num *= lastUnit / 10
		}
		total += num
	}
	return total, true
}

func allBigUnits(parts []string) bool {
	for _, p := range parts {
		if zhBigUnits[p] == 0 {
			return false
		}
	}
	return true
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

func isAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
