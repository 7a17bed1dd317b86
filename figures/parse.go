package figures

import (
	"math"
	"strconv"
	"strings"
)

// parseAt reads a figure starting at toks[i]: an optional hedge, an
// optional currency, a number (digits, words or Chinese numerals), an
// optional scale, and an optional unit and trailing hedge; then an
// optional second number making a range. It returns the figure and the
// number of tokens it spans, or 0 when no figure starts at i.
func parseAt(toks []tok, i int) (Figure, int) { return parseFigure(toks, i, true) }

// parseFigure is parseAt; a range is read only when ranges is set.
func parseFigure(toks []tok, i int, ranges bool) (Figure, int) {
	if f, n := doubling(toks, i); n > 0 {
		return f, n
	}
	j := i
	f := Figure{Qualifier: Exact}
	if q, n := hedgeBefore(toks, j); n > 0 {
		f.Qualifier, j = q, j+n
	}
	// "from 93 items to just 29": a change in one phrase.
	if j == i && at(toks, j) == "from" {
		if g, n := parseChange(toks, j); n > 0 {
			return g, n
		}
	}
	cur, n := currencyBefore(toks, j)
	j += n
	// "percent of 10", "per cent of twenty-two": the unit first.
	pctFirst := false
	if cur == "" {
		if _, k := percentOf(toks, j); k > 0 {
			pctFirst, j = true, j+k
		}
	}
	neg := false
	if s := at(toks, j); s == "minus" || s == "negative" || s == "负" || s == "負" || s == "-" && cur == "" && j == i && (toks[j].hi == tokLo(toks, j+1) && (j == 0 || toks[j-1].hi < toks[j].lo) || j == 0) {
		neg, j = true, j+1
	}
	ordinal := false
	if at(toks, j) == "第" {
		ordinal, j = true, j+1
	}
	v, n, pct := number(toks, j)
	if n == 0 && f.Qualifier != Exact && at(toks, j) == "half" && at(toks, j+1) != "a" && scaleWords[at(toks, j+1)] == 0 {
		// "more than half", "nearly half of exports": a hedged half.
		v, n = 0.5, 1
	}
	if n == 0 && cur == "" && !pctFirst && !neg {
		if r, m := rankWord(toks, j); m > 0 {
			f.Value, f.Unit = r, Rank
			return f, j + m - i
		}
	}
	if n == 0 {
		return Figure{}, 0
	}
	if s := at(toks, j+n-1); toks[j].kind == tDigits && n == 2 && (s == "st" || s == "nd" || s == "rd" || s == "th") {
		ordinal = true
	}
	// "twenty-first", "one hundred fifth": an ordinal in words.
	if s := at(toks, j+n-1); toks[j].kind == tWord && ordinalWords[s] != 0 && v == math.Trunc(v) && v >= 1 {
		ordinal = true
	}
	if neg {
		v = -v
	}
	// "$10m", "£2.5m": after a currency an "m" on the number is millions
	// (elsewhere it may be metres).
	if cur != "" && at(toks, j+n) == "m" && toks[j+n-1].hi == toks[j+n].lo {
		v, n = v*1e6, n+1
	}
	start := j
	j += n
	f.Value = v
	if f.Qualifier == Exact && innerHedge(toks, start, j) {
		f.Qualifier = Over
	}
	if pct || pctFirst {
		f.Unit = Percent
	}
	// Days of the month: "June 18", "May 4th", "18 June", "9月27日".
	if cur == "" && !pct && n <= 2 && v >= 1 && v <= 31 && v == math.Trunc(v) &&
		(months[at(toks, start-1)] || months[at(toks, j)] || at(toks, j) == "日" || at(toks, j) == "号" || at(toks, j) == "月") {
		switch at(toks, j) {
		case "日", "号", "月":
			j++
		}
		f.Unit, f.Qualifier = Date, Exact
		return f, j - i
	}
	// A four-digit number alone in the range of years is a date, not a
	// quantity: "in 2024", "since 2013", "2023年".
	if cur == "" && !pct && !pctFirst && !ordinal && isYear(toks, start, j) {
		if at(toks, j) == "年" && !strings.HasPrefix(at(toks, j+1), "代") {
			j++
		}
		f.Unit, f.Qualifier = Date, Exact
		return f, j - i
	}
	if ordinal {
		f.Unit = Rank
	}
	// "one in five", "3 out of 4", "1 over 3": a share.
	if cur == "" && !pct && !pctFirst && !ordinal {
		if d, k := ratioAfter(toks, j, v); k > 0 {
			f.Value, f.Unit = round(v/d), Share
			j += k
			if q, n := hedgeAfter(toks, j); n > 0 && f.Qualifier == Exact {
				f.Qualifier, j = q, j+n
			}
			return f, j - i
		}
	}
	// "two-thirds", "a quarter of", "more than half": a fraction alone is
	// a share.
	if w := at(toks, j-1); !pct && !pctFirst && cur == "" && v > 0 && v < 1 && (denominators[w] != 0 || unitOrdinals[w] != 0) {
		f.Unit = Share
	}
	// "20-plus years", "20 plus years": a hedge between the number and
	// its unit (not "2 plus 2").
	k := j
	if at(toks, k) == "-" {
		k++
	}
	if f.Qualifier == Exact && !pct && at(toks, k) == "plus" {
		if _, m, _ := number(toks, k+1); m == 0 {
			f.Qualifier, j = Over, k+1
		}
	}
	// "30 MUSD", "120 MEUR": a currency in millions.
	if w := at(toks, j); f.Unit == "" && cur == "" && len(w) == 4 && w[0] == 'm' && knownCodes[strings.ToUpper(w[1:])] {
		f.Unit, f.Value, j = strings.ToUpper(w[1:]), f.Value*1e6, j+1
	}
	if f.Unit == "" {
		unit, n := unitAfter(toks, j)
		switch {
		case cur == "" && isCurrency(unit) && scaleWords[at(toks, j+n)] >= 1e3:
			// "75 USD million"
			f.Unit, f.Value, j = unit, f.Value*scaleWords[at(toks, j+n)], j+n+1
		case cur == "" && unit != "":
			f.Unit, j = unit, j+n
			if !isStandardUnit(unit) && !unitsAfterWord(toks, j-n, n) {
				f.nounTokens = n
			}
		case cur != "" && unit == cur:
			f.Unit, j = unit, j+n // "US$ 5 dollars": one currency
		case cur != "":
			f.Unit = cur // a noun after an amount of money is what it buys
		}
	}
	// "15 dollars 50", "3 dollars 50 cents", "thirteen dollars and forty-five cents".
	if isCurrency(f.Unit) && f.Value == math.Trunc(f.Value) && f.High == nil {
		k := j
		if at(toks, k) == "and" {
			k++
		}
		if c, n, pct := number(toks, k); n > 0 && !pct && c < 100 && c == math.Trunc(c) {
			after := at(toks, k+n)
			if after == "cents" || after == "cent" || after == "" || after == "." || after == "," {
				f.Value += c / 100
				j = k + n
				if after == "cents" || after == "cent" {
					j++
				}
			}
		}
	}
	if q, n := hedgeAfter(toks, j); n > 0 && f.Qualifier == Exact {
		f.Qualifier, j = q, j+n
		f.nounTokens = 0 // 1200万人以上: the noun is inside
		// Chinese puts the hedge before the counter: 140多个国家, 20余年.
		if f.Unit == "" {
			if unit, n := unitAfter(toks, j); unit != "" {
				f.Unit, j = unit, j+n
			}
		}
	}
	// A range: "4-1/2 to 4-3/4 percent", "20%-25%", "10至15".
	if sep := at(toks, j); ranges && isRangeSep(sep) && !stepOrChange(toks, i, sep) {
		if hv, n, hpct := number(toks, j+1); n > 0 && !isYear(toks, j+1, j+1+n) && !startsRange(toks, j+1+n) {
			k := j + 1 + n
			unit, un := unitAfter(toks, k)
			if hpct {
				unit, un = Percent, 0
			}
			if unit == "" || unit == f.Unit || f.Unit == "" {
				high := hv
				if f.Unit == "" {
					f.Unit = unit
				}
				f.High = &high
				j = k + un
			}
		}
	}
	// A span a law sets by its two bounds: 二万元以上十万元以下, 百分之一以上百分之十以下.
	if ranges && f.High == nil && f.Qualifier == Over && j >= 2 && at(toks, j-2) == "以" && at(toks, j-1) == "上" && toks[j-1].hi == at0(toks, j) {
		if g, n := parseFigure(toks, j, false); n > 0 && (g.Qualifier == Under || g.Qualifier == AtMost) &&
			g.Value > f.Value && (g.Unit == f.Unit || g.Unit == "" || f.Unit == "") {
			high := g.Value
			f.High, f.Qualifier = &high, Exact
			if f.Unit == "" {
				f.Unit = g.Unit
			}
			j += n
		}
	}
	if f.Qualifier == Exact && f.High == nil && (periodBefore[at(toks, i-1)] || at(toks, i-2)+at(toks, i-1) == "过去") && isPeriodUnit(f.Unit) {
		f.Unit, f.nounTokens = Period, 0
	}
	f.Value, f.High = round(f.Value), roundPtr(f.High)
	return f, j - i
}

// doublings are how many times 翻N番 doubles: 翻一番 is twice, 翻两番 four
// times.
var doublings = map[string]int{"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}

// doubling reads 翻一番, 翻两番, 翻了一番 at toks[i]: a value multiplied by
// 2, 4 …, unit times (a doubling target of the CPC's reports since 1982).
func doubling(toks []tok, i int) (Figure, int) {
	if at(toks, i) != "翻" {
		return Figure{}, 0
	}
	j := i + 1
	if at(toks, j) == "了" {
		j++
	}
	d, ok := doublings[at(toks, j)]
	if !ok || at(toks, j+1) != "番" {
		return Figure{}, 0
	}
	return Figure{Value: float64(int(1) << d), Unit: Times, Qualifier: Exact}, j + 2 - i
}

func isRangeSep(s string) bool { return s == "to" || s == "-" || s == "至" || s == "到" || s == "~" }

// stepOrChange reports a "to" that ends a step or a change rather than a
// range: "lower the target range by 1/2 percentage point to 4-3/4 to 5
// percent" (a step, then the level it reached), "from 10 to 23" (a
// change). The figure starts at toks[i].
func stepOrChange(toks []tok, i int, sep string) bool {
	if sep != "to" {
		return false
	}
	switch at(toks, i-1) {
	case "by", "from":
		return true
	}
	return false
}

// startsRange reports a number at toks[k-1] that is followed by a range
// separator and another number: it is the low end of the next range,
// not the high end of this one ("… percentage point to 4-3/4 to 5").
func startsRange(toks []tok, k int) bool {
	if !isRangeSep(at(toks, k)) {
		return false
	}
	_, n, _ := number(toks, k+1)
	return n > 0
}

// isPeriodUnit reports units that count spans of time.
func isPeriodUnit(u string) bool { return u == Year || periods[strings.TrimSuffix(u, "s")] }

// unitsAfterWord reports whether toks[i:i+n] is a unit word of the
// lexicon (percent, dollars, 倍 …) rather than a counted noun.
func unitsAfterWord(toks []tok, i, n int) bool {
	_, ok := lookup(unitsAfter, toks, i, n)
	return ok
}

// parseChange reads "from A [unit] to B [unit]" (a value that changed,
// stated in one phrase) starting at "from".
func parseChange(toks []tok, i int) (Figure, int) {
	a, n := parseFigure(toks, i+1, false)
	if n == 0 || a.Unit == Date || a.High != nil {
		return Figure{}, 0
	}
	j := i + 1 + n
	// "from 9.7% in 2012 to 10.5% in 2024": skip a year between.
	if at(toks, j) == "in" {
		if y, yn := parseAt(toks, j+1); yn > 0 && y.Unit == Date {
			j += 1 + yn
		}
	}
	if at(toks, j) != "to" {
		return Figure{}, 0
	}
	j++
	if s := at(toks, j); s == "just" || s == "only" || s == "a" && at(toks, j+1) == "mere" {
		j++
	}
	b, bn := parseAt(toks, j)
	if bn == 0 || b.Unit == Date || b.Unit != a.Unit && a.Unit != "" && b.Unit != "" {
		return Figure{}, 0
	}
	from := a.Value
	b.From = &from
	if b.Unit == "" {
		b.Unit = a.Unit
	}
	return b, j + bn - i
}

// innerHedge reports whether a Chinese number holds a hedge before its
// unit: 一千多万, 500余万.
func innerHedge(toks []tok, i, j int) bool {
	for k := i; k < j; k++ {
		if s := toks[k].s; s == "多" || s == "余" || s == "几" || s == "幾" {
			return true
		}
	}
	return false
}

// months are English month names and their abbreviations.
var months = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec`) {
		m[w] = true
	}
	return m
}()

// at0 is the start of toks[i], or -1 past the end.
func at0(toks []tok, i int) int {
	if i >= 0 && i < len(toks) {
		return toks[i].lo
	}
	return -1
}

func at(toks []tok, i int) string {
	if i >= 0 && i < len(toks) {
		return toks[i].s
	}
	return ""
}

func tokLo(toks []tok, i int) int {
	if i < len(toks) {
		return toks[i].lo
	}
	return -1
}

// isYear reports whether toks[i:j] is one four-digit number from 1800 to
// 2199 with nothing that makes it a quantity.
func isYear(toks []tok, i, j int) bool {
	if j != i+1 || toks[i].kind != tDigits || len(toks[i].s) != 4 {
		return false
	}
	y, err := strconv.Atoi(toks[i].s)
	if err != nil || y < 1800 || y > 2199 {
		return false
	}
	// "2024 companies" is a count; "in 2024" and "2024年" are dates.
	prev := at(toks, i-1)
	switch prev {
	case "in", "since", "by", "from", "of", "until", "till", "before", "after", "during", "to", "and", "year", "fiscal", "end":
		return true
	case "", ".", "!", "?":
		// Style guides spell out a count that opens a sentence; a year
		// stays in digits: "2025 marks the 80th anniversary".
		return true
	}
	// "September 27, 2023": a year after a day of the month.
	if prev == "," && i >= 2 && toks[i-2].kind == tDigits && len(toks[i-2].s) <= 2 {
		return true
	}
	next := at(toks, j)
	return next == "年" || next == "," || next == "." || next == "" || next == ")" || next == "-" || next == "/"
}

func round(x float64) float64 {
	// Remove float noise such as 0.30000000000000004, keeping 12 digits.
	s := strconv.FormatFloat(x, 'g', 12, 64)
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

func roundPtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := round(*p)
	return &v
}

// percentOf reads "percent of", "percents of" or "per cent of" at toks[i]
// (the unit written before its number) and returns the tokens it spans.
func percentOf(toks []tok, i int) (string, int) {
	for _, p := range [][]string{{"percent", "of"}, {"percents", "of"}, {"per", "cent", "of"}} {
		if at(toks, i) != p[0] {
			continue
		}
		k := 1
		for k < len(p) && at(toks, i+k) == p[k] {
			k++
		}
		if k == len(p) {
			return Percent, k
		}
	}
	return "", 0
}

// ratioAfter reads the rest of a ratio after its first number v at
// toks[i]: "out of 4", "in five", "over 3". It returns the denominator and
// the tokens read, or 0 tokens. "in" and "over" read a ratio only when
// what follows is no period of time ("5 in 10 years", "rose 5 over 3
// years"), and "over" only at the end of a clause.
func ratioAfter(toks []tok, i int, v float64) (float64, int) {
	c := 0
	switch at(toks, i) {
	case "out":
		if at(toks, i+1) == "of" {
			c = 2
		}
	case "in", "over":
		c = 1
	}
	if c == 0 {
		return 0, 0
	}
	d, n, pct := number(toks, i+c)
	if n == 0 || pct || d <= 0 || d < v || isYear(toks, i+c, i+c+n) {
		return 0, 0
	}
	k := i + c + n
	next := at(toks, k)
	if at(toks, i) != "out" {
		if d == v || periods[strings.TrimSuffix(next, "s")] || next == "%" || next == "percent" {
			return 0, 0
		}
		if at(toks, i) == "over" && k < len(toks) && toks[k].kind != tOther {
			return 0, 0
		}
	}
	return d, k - i
}
