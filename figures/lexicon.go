package figures

import (
	"slices"
	"strings"
)

// Hedges before a figure, by their words (canonical, lower case).
var hedgesBefore = map[string]string{
	"over": Over, "exceeding": Over, "exceeded": Over, "exceed": Over, "exceeds": Over, "surpassing": Over,
	"surpassed": Over, "above": Over, "beyond": Over, "more than": Over, "in excess of": Over,
	"upwards of": Over, "nearly": Nearly, "almost": Nearly, "close to": Nearly, "approaching": Nearly,
	"about": About, "around": About, "approximately": About, "roughly": About, "some": About,
	"an estimated": About, "under": Under, "less than": Under, "fewer than": Under, "below": Under,
	"at least": AtLeast, "no less than": AtLeast, "not less than": AtLeast, "at most": AtMost,
	"up to": AtMost, "no more than": AtMost, "not more than": AtMost,
	"近": Nearly, "将近": Nearly, "接近": Nearly, "约": About, "大约": About, "超过": Over, "逾": Over,
	"超": Over, "达": Exact, "不到": Under, "不足": Under, "至少": AtLeast, "最多": AtMost,
}

// Hedges after a figure: 140多个, 20余年, 1200万人以上, 5%左右.
var hedgesAfter = map[string]string{
	"多": Over, "余": Over, "以上": Over, "左右": About, "上下": About, "以下": Under, "以内": AtMost,
	"or more": Over, "or so": About, "plus": Over,
}

// hedgeLengths lists, by the first token of a hedge before a figure, the
// lengths in tokens of the hedges that begin with it, longest first: one
// map lookup tells whether a token can begin a hedge at all.
var hedgeLengths = func() map[string][]int {
	m := map[string][]int{}
	for h := range hedgesBefore {
		toks := scan(nil, h)
		if len(toks) > 0 && !slices.Contains(m[toks[0].s], len(toks)) {
			m[toks[0].s] = append(m[toks[0].s], len(toks))
		}
	}
	for _, ns := range m {
		slices.SortFunc(ns, func(a, b int) int { return b - a })
	}
	return m
}()

// hedgeBefore reads a hedge of up to three words at toks[i].
func hedgeBefore(toks []tok, i int) (string, int) {
	if i >= len(toks) {
		return "", 0
	}
	for _, n := range hedgeLengths[toks[i].s] {
		if q, ok := lookup(hedgesBefore, toks, i, n); ok {
			// "some" and "about" hedge only a number that follows.
			if _, m, _ := number(toks, i+n); m > 0 || currencyAt(toks, i+n) || at(toks, i+n) == "half" {
				return q, n
			}
			if at(toks, i+n) == "the" || at(toks, i+n) == "a" {
				if _, m, _ := number(toks, i+n+1); m > 0 || currencyAt(toks, i+n+1) {
					return q, n + 1 // "exceeded the US$1 trillion threshold"
				}
			}
		}
	}
	return "", 0
}

func currencyAt(toks []tok, i int) bool {
	_, n := currencyBefore(toks, i)
	return n > 0
}

// hedgeAfter reads a hedge of up to two tokens at toks[i].
func hedgeAfter(toks []tok, i int) (string, int) {
	for n := 2; n >= 1; n-- {
		if q, ok := lookup(hedgesAfter, toks, i, n); ok {
			return q, n
		}
	}
	// Chinese hedges are written without spaces: 以上 is two tokens.
	if q, ok := hedgesAfter[at(toks, i)+at(toks, i+1)]; ok {
		return q, 2
	}
	return "", 0
}

// phrase joins n tokens at i with spaces, for Latin words, or without,
// for Chinese.
// lookup finds the phrase of toks[i:i+n] (as phrase builds it) in m
// without allocating: the phrase is assembled in a stack buffer, and a
// map index by string(bytes) does not copy.
func lookup[V any](m map[string]V, toks []tok, i, n int) (V, bool) {
	var zero V
	if i+n > len(toks) || n == 0 {
		return zero, false
	}
	var arr [64]byte
	b := arr[:0]
	han := toks[i].kind == tHan
	for k := i; k < i+n; k++ {
		if han && toks[k].kind != tHan {
			return zero, false
		}
		if !han && k > i {
			b = append(b, ' ')
		}
		b = append(b, toks[k].s...)
	}
	v, ok := m[string(b)]
	return v, ok
}

func phrase(toks []tok, i, n int) string {
	if i+n > len(toks) {
		return ""
	}
	if toks[i].kind == tHan {
		var b strings.Builder
		for k := i; k < i+n; k++ {
			if toks[k].kind != tHan {
				return ""
			}
			b.WriteString(toks[k].s)
		}
		return b.String()
	}
	return words(toks, i, i+n)
}

// Currencies written before the amount.
var currenciesBefore = map[string]string{
	"$": "USD", "us$": "USD", "usd": "USD", "us": "", "rmb": "CNY", "cny": "CNY", "¥": "CNY", "€": "EUR",
	"eur": "EUR", "£": "GBP", "gbp": "GBP", "c$": "CAD", "cad$": "CAD", "cad": "CAD", "hk$": "HKD",
	"hkd": "HKD", "a$": "AUD", "aud": "AUD", "jpy": "JPY", "mex$": "MXN", "₹": "INR", "₩": "KRW",
	"人民币": "CNY", "美元": "USD", "dollar": "USD", "dollars": "USD", "₡": "CRC", "₭": "LAK", "₿": "BTC",
}

// currencyBefore reads a currency written before an amount: "$", "US$",
// "US $", "USD", "RMB", "C$", "人民币".
func currencyBefore(toks []tok, i int) (string, int) {
	a, b := at(toks, i), at(toks, i+1)
	switch {
	case (a == "us" || a == "c" || a == "hk" || a == "a" || a == "cad" || a == "mex") && b == "$":
		return currenciesBefore[a+"$"], 2
	case a == "人" && b == "民" && at(toks, i+2) == "币":
		return "CNY", 3
	case a != "us" && currenciesBefore[a] != "" && (a != "美元" && a != "人民币"):
		return currenciesBefore[a], 1
	}
	return "", 0
}

// Units written after an amount, by their words.
var unitsAfter = map[string]string{
	"%": Percent, "percent": Percent, "per cent": Percent, "pct": Percent, "‰": "permille",
	"percents": Percent, "percentage": Percent,
	"percentage point": PercentagePoint, "percentage points": PercentagePoint, "basis points": "basis-point",
	"basis point": "basis-point", "个百分点": PercentagePoint, "個百分點": PercentagePoint, "百分点": PercentagePoint,
	"times": Times, "fold": Times, "倍": Times,
	"dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
	"usd": "USD", "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "yuan rmb": "CNY",
	"euro": "EUR", "euros": "EUR", "eur": "EUR", "yen": "JPY", "japanese yen": "JPY", "pounds sterling": "GBP",
	"francs": "CHF", "swiss francs": "CHF", "won": "KRW", "rupees": "INR", "rupee": "INR",
	"canadian dollars": "CAD", "hong kong dollars": "HKD", "australian dollars": "AUD",
	"元": "CNY", "元人民币": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP",
	"港元": "HKD", "港币": "HKD", "块": "CNY", "块钱": "CNY", "kuai": "CNY",
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR", "₩": "KRW", "₡": "CRC", "₾": "GEL", "₭": "LAK",
	"₿": "BTC", "฿": "THB", "₽": "RUB", "btc": "BTC", "bitcoin": "BTC", "bitcoins": "BTC", "satoshi": "BTC",
	"satoshis": "BTC", "pounds": "GBP", "pound": "GBP", "pence": "GBX", "penny": "GBX", "cents": "USC",
	"cent": "USC", "markka": "FIM", "finnish markka": "FIM", "guilders": "NLG", "dutch guilders": "NLG",
	"lira": "TRY", "turkish lira": "TRY", "deutsche marks": "DEM", "deutschmarks": "DEM", "yuan renminbi": "CNY",
	"pesetas": "ESP", "peseta": "ESP", "pesos": "MXN", "rubles": "RUB", "roubles": "RUB", "rand": "ZAR",
}

// knownCodes are the currency codes the lexicons name, and other common
// ISO 4217 codes: what "30 MUSD" may be written with.
var knownCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, lexicon := range []map[string]string{unitsAfter, currenciesBefore} {
		for _, u := range lexicon {
			if isCurrency(u) {
				m[u] = true
			}
		}
	}
	for _, c := range strings.Fields("SGD NZD SEK NOK DKK BRL ZAR TWD PLN CZK HUF ILS AED SAR THB IDR MYR PHP VND NGN EGP") {
		m[c] = true
	}
	return m
}()

// isCurrency reports whether a unit is a currency: an ISO 4217 code (or
// USC and GBX, the cent and the penny).
func isCurrency(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

// periods are the time spans of a frequency: "four times a year".
var periods = map[string]bool{"year": true, "month": true, "week": true, "day": true, "quarter": true, "decade": true}

// Chinese counters: 个, 家, 项 … The noun they count follows.
var counters = map[string]bool{
	"个": true, "個": true, "家": true, "项": true, "項": true, "名": true, "座": true, "条": true, "條": true,
	"批": true, "件": true, "次": true, "所": true, "位": true, "只": true, "种": true, "類": true, "类": true,
	"人": true, "国": true, "國": true, "届": true, "期": true, "斤": true, "吨": true, "噸": true, "双": true,
	"雙": true, "对": true, "對": true, "头": true, "张": true, "本": true, "辆": true,
}

// zhUnit returns the unit a single Chinese character names after a
// number, or "".
func zhUnit(s string) string {
	switch s {
	case "倍":
		return Times
	case "年":
		return Year
	case "元", "块":
		return "CNY"
	case "%":
		return Percent
	}
	return ""
}

// unitAfter reads the unit after an amount: percent and percentage
// points, currencies, multipliers ("-fold", "times", 倍), durations in
// years, and otherwise the counted noun ("22 pilot free trade zones",
// 140多个国家).
func unitAfter(toks []tok, i int) (string, int) {
	if at(toks, i) == "-" && at(toks, i+1) == "fold" {
		return Times, 2
	}
	// "four times a year" is a frequency, not a multiplier.
	if at(toks, i) == "times" && (at(toks, i+1) == "a" || at(toks, i+1) == "per" || at(toks, i+1) == "each") && periods[at(toks, i+2)] {
		return "times a " + at(toks, i+2), 3
	}
	// Chinese: 个百分点, 美元, 亿元人民币 … written without spaces.
	for n := 4; n >= 1; n-- {
		if u, ok := lookup(unitsAfter, toks, i, n); ok {
			return u, n
		}
	}
	if u := zhUnit(at(toks, i)); u != "" {
		if u == Year && at(toks, i+1) == "代" {
			return "", 0
		}
		if at(toks, i) == "周" && at(toks, i+1) == "年" {
			return "anniversary", 2
		}
		return u, 1
	}
	if at(toks, i) == "周" && at(toks, i+1) == "年" {
		return "anniversary", 2
	}
	return noun(toks, i)
}

// noun reads the counted noun after an amount: for English, up to four
// words until a function word or punctuation ("pilot free trade zones");
// for Chinese, a counter and up to eight characters until a particle or
// punctuation (个国家). Years become the unit "year".
func noun(toks []tok, i int) (string, int) {
	if i >= len(toks) {
		return "", 0
	}
	if toks[i].kind == tHan {
		j := i
		if counters[at(toks, j)] {
			j++
		}
		k := j
		for k < len(toks) && k-j < 8 && toks[k].kind == tHan && !zhStop[toks[k].s] {
			k++
		}
		if k == j {
			if j > i {
				return at(toks, i), j - i
			}
			return "", 0
		}
		// Without a counter only a short noun is trusted: 两国, 三地.
		if j == i && k-j > 2 {
			return "", 0
		}
		return phrase(toks, j, k-j), k - i
	}
	// A measurement written on the number: 180ml, 29km.
	if i > 0 && toks[i-1].hi == toks[i].lo && toks[i].kind == tWord && measures[toks[i].s] {
		return toks[i].s, 1
	}
	j := i
	for j < len(toks) && j-i < 4 && toks[j].kind == tWord && !nounStop[toks[j].s] {
		// A past-tense verb after the noun ends it: "30 countries joined".
		if j > i && strings.HasSuffix(toks[j].s, "ed") {
			break
		}
		j++
	}
	if j == i {
		return "", 0
	}
	// A noun ends at a year word: "four straight years", "20 years".
	for k := i; k < j; k++ {
		if toks[k].s == "year" || toks[k].s == "years" {
			return Year, k + 1 - i
		}
	}
	return words(toks, i, j), j - i
}

// measures are units of measurement written on a number (180ml, 29km).
var measures = map[string]bool{
	"ml": true, "l": true, "km": true, "m": true, "cm": true, "mm": true, "kg": true, "g": true, "t": true,
	"kwh": true, "mw": true, "gw": true, "kw": true, "ha": true, "mb": true, "gb": true, "tb": true,
}

// Words that end a counted noun.
var nounStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but of to in on at by for with from as into is are was were be
		been has have had will would can could may might must should that which who this these those it its than
		over under about per each every while since until after before during through across between among
		including such also not no only just more most less than percent per cent times fold
		rose fell grew increased decreased reached exceeded totaled totalled stood hit accounted accounting
		ago later earlier behind ahead apart away back another both either neither respectively directly
		indirectly annually`) {
		m[w] = true
	}
	return m
}()

// Chinese characters that end a counted noun: particles, conjunctions and
// verbs that commonly follow one.
var zhStop = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range "的和与及或、，。；：在是了也都并对为以把被从向到至于而且之多余几幾左" {
		m[string(r)] = true
	}
	return m
}()

// measureVariants spells a few measures that documents name in more than
// one way the same way, for the features that compare contexts only (a
// track's label keeps the document's words): "economic growth" is the
// growth of GDP, 经济增长 that of 国内生产总值, and a report that says
// 今年经济增长预期目标为8%左右 in one year and 国内生产总值增长8%左右 in the
// next states one target. Names of measures, not sentences of a corpus;
// the canonical spelling is the commoner one in statistical reports.
var measureVariants = [][2]string{
	{"经济增长", "国内生产总值增长"},
	{"经济增速", "国内生产总值增速"},
	{"GDP增长", "国内生产总值增长"},
	{"gross domestic product", "GDP"},
	{"Gross Domestic Product", "GDP"},
	{"Gross domestic product", "GDP"},
}

// spellMeasures spells the measures of measureVariants one way.
var spellMeasures = func() *strings.Replacer {
	var pairs []string
	for _, v := range measureVariants {
		pairs = append(pairs, v[0], v[1])
	}
	return strings.NewReplacer(pairs...)
}()

// variantHolding returns the words of sentence that spellMeasures turned
// into a spelling that holds part, or "": what a reader finds in the
// sentence for a feature of the other spelling (经济增长 for 国内).
func variantHolding(part, sentence string) string {
	for _, v := range measureVariants {
		if strings.Contains(v[1], part) && strings.Contains(sentence, v[0]) {
			return v[0]
		}
	}
	return ""
}
