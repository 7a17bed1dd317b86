package diff

import (
	"strconv"
	"strings"

	"github.com/docdrift/docdrift/normalize"
)

// unit is what word diffs compare: a word, an ideograph, a punctuation mark,
// or a whole figure. A figure is a number with what belongs to it — a hedge
// before or after ("nearly", "over", 近, 多), a currency, a scale word
// ("billion", 亿) and a unit ("percent", "-fold", 倍) — so that
// "US$500 billion" → "580 billion US dollars" is one replaced figure and
// never "5[-0-]{+8+}0".
type unit struct {
	key        string // what is compared: the canonical token, or a figure's value, unit and hedge
	value      string // a figure's value and unit, without the hedge
	start, end int    // original byte span
	figure     bool
	text       string // original text, white space tidied: tells a change of format
}

// Words that qualify a figure, by the hedge they express.
var (
	hedgeBefore = map[string]string{
		"over": "over", "exceeding": "over", "exceeded": "over", "exceed": "over", "exceeds": "over",
		"nearly": "nearly", "almost": "nearly", "about": "about", "around": "about", "approximately": "about",
		"roughly": "about", "some": "about", "under": "under", "近": "nearly", "约": "about", "超过": "over",
		"逾": "over", "达": "exact", "reached": "exact", "reaching": "exact",
	}
	hedgeBefore2 = map[string]string{
		"more than": "over", "less than": "under", "close to": "nearly", "up to": "at-most",
		"at least": "at-least", "fewer than": "under", "as many as": "exact",
	}
	// hedgeFirst holds the first words of hedgeBefore2, to test cheaply.
	hedgeFirst = func() map[string]bool {
		m := map[string]bool{}
		for k := range hedgeBefore2 {
			m[strings.Fields(k)[0]] = true
		}
		return m
	}()
	hedgeAfter = map[string]string{"多": "over", "余": "over", "以上": "over", "左右": "about", "以下": "under", "以内": "at-most"}
	scales     = map[string]float64{
		"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9, "tn": 1e12,
		"千": 1e3, "万": 1e4, "亿": 1e8, "百": 1e2, "十": 10,
	}
	currencyBefore = map[string]string{"$": "USD", "us$": "USD", "usd": "USD", "rmb": "CNY", "¥": "CNY", "€": "EUR", "£": "GBP", "cny": "CNY"}
	unitAfter      = map[string]string{
		"percent": "percent", "%": "percent", "‰": "permille", "yuan": "CNY", "dollars": "USD", "dollar": "USD",
		"usd": "USD", "rmb": "CNY", "times": "times", "fold": "times", "倍": "times", "元": "CNY", "美元": "USD",
		"percentage": "percentage-point", "个百分点": "percentage-point", "百分点": "percentage-point",
	}
)

// units turns the tokens of a text into diff units, grouping figures.
// text is the original the tokens point into.
func units(toks []normalize.Token, text string) []unit {
	var out []unit
	for i := 0; i < len(toks); {
		u, n := figureAt(toks, i)
		if n == 0 {
			t := toks[i]
			u, n = unit{key: t.Key, start: t.Start, end: t.End}, 1
		}
		u.text = normalize.Tidy(text[u.start:u.end])
		out = append(out, u)
		i += n
	}
	return out
}

// figureAt reads a figure starting at toks[i] and returns it with the
// number of tokens it spans, or n == 0 if no figure starts there.
func figureAt(toks []normalize.Token, i int) (unit, int) {
	j := i
	hedge := "exact"
	key := func(k int) string {
		if k < len(toks) {
			return toks[k].Key
		}
		return ""
	}
	// Most tokens start no figure: rule them out before anything else.
	if t := toks[i]; t.Kind != normalize.Number && hedgeBefore[t.Key] == "" && !hedgeFirst[t.Key] &&
		currencyBefore[t.Key] == "" && t.Key != "us" && t.Key != "超" {
		return unit{}, 0
	}
	if hedgeFirst[key(j)] && hedgeBefore2[key(j)+" "+key(j+1)] != "" {
		hedge, j = hedgeBefore2[key(j)+" "+key(j+1)], j+2
	} else if h, ok := hedgeBefore[key(j)]; ok {
		hedge, j = h, j+1
	} else if key(j)+key(j+1) == "超过" {
		hedge, j = "over", j+2
	}
	if hedge != "exact" && (key(j) == "the" || key(j) == "a" || key(j) == "an") {
		j++ // "exceeded the US$1 trillion threshold"
	}
	cur := ""
	switch {
	case key(j) == "us" && key(j+1) == "$":
		cur, j = "USD", j+2
	case currencyBefore[key(j)] != "":
		cur, j = currencyBefore[key(j)], j+1
	}
	if j >= len(toks) || toks[j].Kind != normalize.Number {
		return unit{}, 0
	}
	value, err := strconv.ParseFloat(strings.ReplaceAll(key(j), ",", ""), 64)
	if err != nil {
		return unit{}, 0
	}
	numEnd := j + 1
	j = numEnd
	// Chinese scales combine: 万亿 is 1e12.
	for scales[key(j)] != 0 {
		value *= scales[key(j)]
		j++
	}
	unitName := cur
	switch u := key(j); {
	case u == "-" && key(j+1) == "fold":
		unitName, j = "times", j+2
	case u == "per" && key(j+1) == "cent":
		unitName, j = "percent", j+2
	case u == "percentage" && (key(j+1) == "points" || key(j+1) == "point"):
		unitName, j = "percentage-point", j+2
	case u == "us" && (key(j+1) == "dollars" || key(j+1) == "dollar"):
		unitName, j = "USD", j+2
	case u == "个" && key(j+1) == "百" && key(j+2) == "分" && key(j+3) == "点":
		unitName, j = "percentage-point", j+4
	case u == "美" && key(j+1) == "元":
		unitName, j = "USD", j+2
	case unitAfter[u] != "" && u != "percentage":
		unitName, j = unitAfter[u], j+1
	}
	if h, ok := hedgeAfter[key(j)]; ok && hedge == "exact" {
		hedge, j = h, j+1
	} else if key(j)+key(j+1) == "以上" || key(j)+key(j+1) == "左右" {
		hedge, j = hedgeAfter[key(j)+key(j+1)], j+2
	}
	// A bare number with nothing around it is still one unit (it is never
	// split into digits), keyed by its value so that 700,000 = 700000.
	v := "#" + strconv.FormatFloat(value, 'g', -1, 64) + " " + unitName
	u := unit{
		key:    v + " " + hedge,
		value:  v,
		start:  toks[i].Start,
		end:    toks[j-1].End,
		figure: true,
	}
	return u, j - i
}
