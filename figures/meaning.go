package figures

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docdrift/docdrift/internal/lazyre"
)

// Roles: what kind of statement holds a figure. Figures of different
// roles are different facts even when they measure the same thing: this
// year's GDP growth target and last year's growth are two tracks.
const (
	// RoleResult is what was or is: "grew 9.2%", a rate the Committee
	// set, 城镇新增就业1221万人. It is the role of a figure without a cue
	// for another.
	RoleResult = "result"
	// RoleTarget is a plan, aim or expectation: 预期目标, 力争, "aims to",
	// "its 2 percent objective", "expects inflation to return to".
	RoleTarget = "target"
	// RoleReference is an earlier value said to compare with: the 2.1%
	// of 从2.1%提高到2.3%, "up from 3.5 percent".
	RoleReference = "reference"
	// RoleCumulative is a total or an average over a span: 年均增长,
	// 累计, "a total of", "over the past five years".
	RoleCumulative = "cumulative"
	// RoleAlternative is a value someone preferred and did not get, or a
	// hypothetical: a dissent's "preferred to maintain … at 4-1/2 to
	// 4-3/4 percent".
	RoleAlternative = "alternative"
)

// Cue words of roles. They are general words of reporting, planning and
// dissenting in each language, not phrases of any one document.
var (
	enAlternative = []string{"preferred", "would have", "favored", "favoured", "had proposed"}
	enTarget      = []string{"aim", "aims", "aiming", "goal", "goals", "objective", "objectives", "expect", "expects",
		"expected", "projected", "projection", "projections", "forecast", "plans to", "plan to", "intends", "seeks", "target of", "targets of"}
	enCumulative = []string{"average", "averaged", "averaging", "a total of", "in total", "cumulative", "cumulatively",
		"over the past", "in the past", "over the last", "in the last", "since"}
	zhTarget = []string{"目标是", "目标为", "目标定为", "目标定在", "目标：", "目标:", "预期目标", "调控目标", "力争", "拟",
		"预期为", "预期增长", "预计"}
	zhNotTarget = []string{"完成", "实现了", "实现年初", "超过预期", "超额", "达到了", "过去", "去年", "上年"}
	zhAhead     = []string{"今后", "未来"}
	// Openings of a block that name the span its figures count over.
	zhSpanOpenings = []string{"五年来", "十年来", "这五年", "过去五年", "五年间", "十年间", "这十年", "过去十年"}
	enSpanOpenings = []string{"over the past", "over the last", "in the past", "in the last", "during the past"}
	zhCumulative   = []string{"年均", "平均每年", "累计", "合计", "总计", "五年来", "十年来", "这五年", "过去五年"}
	zhReferenceTo  = []string{"提高到", "提高至", "提升到", "提升至", "降到", "降至", "下降到", "下降至", "降低到", "增加到", "增长到", "扩大到", "上升到", "减少到", "缩小到"}
)

// roleOf says the role of figure f. before is its sentence up to the
// figure, clause the clause that leads up to it, after the rest of its
// sentence, and intro the text that introduces its block (the block
// before it when that one ends with a colon), or "". A reporting period
// alone makes no role: values of different periods are kept apart by the
// period itself.
func roleOf(f Figure, before, clause, after, intro string) string {
	lo := strings.ToLower(before)
	switch {
	case containsAny(lo, enAlternative):
		return RoleAlternative
	case isReference(f, clause, after):
		return RoleReference
	case containsAny(strings.ToLower(clause), enCumulative) || containsAny(clause, zhCumulative) ||
		startsWithAny(lo, []string{"over the last", "over the past", "in the past", "in the last"}):
		// A span still to come is a plan's: "今后五年…预期目标…年均增长7%".
		if containsAny(clause, zhTarget) || containsAny(clauseOf(before), zhAhead) {
			return RoleTarget
		}
		return RoleCumulative
	case containsAnyWord(strings.ToLower(clause), enTarget) || isGoalAfter(after):
		return RoleTarget
	case containsAny(before, zhNotTarget):
		return RoleResult
	case containsAny(before, zhTarget) || containsAny(intro, zhTarget) || containsAnyWord(strings.ToLower(intro), enTarget):
		return RoleTarget
	}
	return RoleResult
}

// isReference reports the first value of a change said in two figures:
// 从2.1%提高到2.3% (从 or 由 leads the clause and a verb of change to a
// new value follows), "up from 3.5 percent".
func isReference(f Figure, clause, after string) bool {
	if f.From != nil {
		return false
	}
	words := strings.Fields(strings.ToLower(clause))
	if n := len(words); n > 0 && words[n-1] == "from" {
		return true
	}
	if !strings.ContainsAny(clause, "从由") {
		return false
	}
	head := after
	if len(head) > 30 {
		head = head[:30]
	}
	return containsAny(head, zhReferenceTo)
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// containsAnyWord reports whether s (lower case) holds one of words as
// whole words: "aims" but not "claims".
func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		for k := 0; ; {
			i := strings.Index(s[k:], w)
			if i < 0 {
				break
			}
			i += k
			end := i + len(w)
			if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
				return true
			}
			k = i + 1
		}
	}
	return false
}

func startsWithAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) && (len(s) == len(w) || !isWordByte(s[len(w)])) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// zhFraming are the words that frame a Chinese figure without naming
// what it measures: verbs of setting and reaching, and the time words
// that open a statement. They are trimmed from the ends of a measure.
var (
	zhFramingEnd = []string{"控制在", "保持在", "稳定在", "提高到", "提高至", "提升到", "降低到", "降到", "下降到",
		"增加到", "达到", "定为", "预期为", "目标为", "拟按", "按", "约为", "为", "是", "约", "在", "到", "至", "的", "了",
		"处以", "并处", "处", "可以", "应当"}
	zhFramingStart = []string{"今年", "去年", "全年", "比上年", "比去年", "同比", "其中", "力争", "预期", "主要预期目标是",
		"目标是", "全国", "我们", "要"}
	zhChange = []string{"增长", "提高", "下降", "降低", "增加", "减少", "上涨"}
)

// zhMeasure trims a Chinese lead to what it measures: 城镇登记失业率控制在
// → 城镇登记失业率, 比上年增长 → 增长.
func zhMeasure(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		for _, w := range zhFramingEnd {
			if strings.HasSuffix(s, w) && len(s) > len(w) {
				s, changed = strings.TrimSpace(strings.TrimSuffix(s, w)), true
			}
		}
		for _, w := range zhFramingStart {
			if strings.HasPrefix(s, w) && len(s) > len(w) {
				s, changed = strings.TrimSpace(strings.TrimPrefix(s, w)), true
			}
		}
	}
	return s
}

// isThinMeasure reports a measure that names no thing, only a change or
// nothing at all: "", 增长, 提高.
func isThinMeasure(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || slices.Contains(zhChange, s)
}

// isClassifierUnit reports a Chinese counted unit that is a measure word
// or a bare noun (人, 个, 斤, 万人, 项): what it counts is named before the
// number, 城镇新增就业1221万人.
func isClassifierUnit(u string) bool {
	return hasHan(u) && utf8.RuneCountInString(u) <= 2
}

// enFraming are English words that frame a figure without naming what it
// measures: verbs of deciding and setting, and who decided.
var enFraming = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`decided decide decides today keep keeps kept maintain maintains maintained
		raise raises raised lower lowers lowered set sets reduce reduces reduced cut cuts increase increased
		committee committee's committee’s approved approve voted vote judged judges continue continues unanimously
		continued currently reaffirmed`) {
		m[w] = true
	}
	return m
}()

// measureOf cleans a subject into a measure: English without framing
// words ("today keep target federal funds rate" → "target federal funds
// rate"), Chinese without framing verbs and time words (zhMeasure). A
// figure that sizes a change (change is set: "reduce the deficit by
// $2.5 trillion") keeps its verb, which is what it measures: the
// reduction, not the deficit.
func measureOf(subject string, change bool) string {
	if hasHan(subject) {
		return zhMeasure(subject)
	}
	var keep []string
	for _, w := range strings.Fields(subject) {
		if change || !enFraming[strings.ToLower(w)] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// clauseOf returns the last clause of a lead: after its last comma,
// semicolon or colon.
func clauseOf(lead string) string {
	if k := strings.LastIndexAny(lead, ",;:，；："); k >= 0 {
		_, size := utf8.DecodeRuneInString(lead[k:])
		return lead[k+size:]
	}
	return lead
}

// isAverage reports a clause that says its figure of each year of a span
// on average: 年均增长, 平均每年, "an average of", "averaged".
func isAverage(clause string) bool {
	return strings.Contains(clause, "年均") || strings.Contains(clause, "平均") ||
		strings.Contains(strings.ToLower(clause), "averag")
}

// counterCues mark a count of years that advances with time.
var counterCues = []string{"consecutive", "straight", "in a row", "running", "连续", "持续"}

// isCounter reports a count of years kept up to now: "for 13 consecutive
// years", "eight years in a row", 连续13年.
func isCounter(f Figure, lead, after string) bool {
	if f.Unit != Year {
		return false
	}
	lead = strings.ToLower(tail(lead, 3))
	return containsAny(strings.ToLower(f.Text), counterCues) || containsAny(lead, counterCues) ||
		strings.HasPrefix(strings.ToLower(strings.TrimSpace(after)), "in a row")
}

// yearOf reads the year of a date (2024-07-31, 2024), or 0.
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y := 0
	for _, c := range date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// nounAfterStop end the noun phrase after a figure: verbs that follow it
// ("remains appropriate") besides the function words of subjectStop.
var nounAfterStop = map[string]bool{"remains": true, "remain": true, "remained": true, "continues": true, "target.": false}

// nounAfter returns the noun phrase that an English figure qualifies,
// from the words right after it up to a function word or a verb, without
// "for", "of" and "the" inside it: "target range for the federal funds
// rate remains" → "target range federal funds rate"; "" when a function
// word follows the figure ("5 percent in 2024", "2 percent over the
// medium term") or the text is Chinese.
func nounAfter(rest string) string {
	if hasHan(rest) {
		return ""
	}
	if w := strings.TrimLeft(rest, " "); w == "" || !(w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z') {
		return "" // punctuation or the end of the sentence follows
	}
	var keep []string
	for _, w := range strings.Fields(clause(rest)) {
		lw := strings.ToLower(strings.TrimRight(w, ".;:!?\"'”’)"))
		if lw == "for" || lw == "of" || lw == "the" {
			if len(keep) == 0 {
				return ""
			}
			continue
		}
		if subjectStop[lw] || nounAfterStop[lw] || lw == "" {
			break
		}
		keep = append(keep, strings.TrimRight(w, ".;:!?\"'”’)"))
		if len(keep) == 6 || strings.IndexAny(w, ".;:!?") >= 0 {
			break
		}
	}
	return strings.Join(keep, " ")
}

func startsWithAny(s string, prefixes []string) bool {
	s = strings.TrimSpace(s)
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// zhAgents end the names of the bodies that act on a figure rather than
// what it measures: 反垄断执法机构可以处五十万元以下的罚款.
var zhAgents = []string{"机构", "机关", "部门", "政府", "法院", "检察院", "委员会"}

// isZhAgent reports a measure that names only who imposes the figure.
func isZhAgent(m string) bool {
	for _, a := range zhAgents {
		if strings.HasSuffix(m, a) {
			return true
		}
	}
	return false
}

// isZhFraming reports a measure that is a framing word alone: 可以, 为.
func isZhFraming(m string) bool { return slices.Contains(zhFramingEnd, m) || m == "并" }

// isZhSeverity reports a measure that names only how serious a case is
// (情节严重的，并处…): the fine is still of whom the sentence before named.
func isZhSeverity(m string) bool { return strings.HasPrefix(m, "情节") }

// afterArticleNumber returns what follows the number of a law's article
// opening s (第四十八条 经营者… gives 经营者…), and whether one opens it.
func afterArticleNumber(s string) (string, bool) {
	if !strings.HasPrefix(s, "第") {
		return s, false
	}
	if j := strings.Index(s, "条"); j > 0 && j < 24 {
		return strings.TrimSpace(s[j+len("条"):]), true
	}
	return s, false
}

// zhSubjectOf returns what a Chinese sentence, given up to a figure,
// names first: its first clause, trimmed as a measure and cut to twelve
// characters; "" when the sentence is not Chinese or its first clause
// holds the figure.
func zhSubjectOf(before string) string {
	k := strings.IndexAny(before, "，,；;：:")
	if k < 0 || !hasHan(before[:k]) {
		return ""
	}
	first := strings.TrimSpace(before[:k])
	// An article's number opens it and names nothing: 第四十八条 经营者….
	if rest, ok := afterArticleNumber(first); ok {
		first = rest
	}
	// Nor does "违反本法第三十二条规定" opening a law's sentence: what it is
	// about comes next (违反本法第三十二条规定，冒用农产品质量标志的，…).
	if strings.HasPrefix(first, "违反本") && strings.HasSuffix(first, "规定") {
		rest := before[k:]
		_, size := utf8.DecodeRuneInString(rest)
		if next := zhSubjectOf(rest[size:]); next != "" {
			return next
		}
	}
	m := []rune(zhMeasure(first))
	if len(m) > 12 {
		m = m[:12]
	}
	return string(m)
}

// isGoalAfter reports a figure followed by the noun of a goal: "its 2
// percent objective", "a 5 percent target" — but not "the current 0 to
// 1/4 percent target range for the federal funds rate", a rate set.
func isGoalAfter(after string) bool {
	a := strings.ToLower(strings.TrimSpace(after))
	if startsWithAnyWord(a, []string{"objective", "objectives", "goal", "goals"}) {
		return true
	}
	return startsWithAnyWord(a, []string{"target"}) && !startsWithAnyWord(a, []string{"target range", "target for"})
}

// relativeYears are the words that name a year against the document's
// date, with how far from it they are.
var relativeYears = []struct {
	word string
	off  int
}{
	{"今年", 0}, {"本年", 0}, {"this year", 0}, {"去年", -1}, {"上年", -1}, {"过去一年", -1}, {"last year", -1},
	{"past year", -1}, {"明年", 1}, {"next year", 1},
}

// relativeYear returns how many years from the document's own the text
// before a figure refers it to — the word nearest the figure wins: 今年 0,
// 去年 −1, "next year" +1 — and whether it names one. "比上年" compares
// with last year and refers the figure to this one.
func relativeYear(before string) (int, bool) {
	lo := strings.ToLower(before)
	best, off := -1, 0
	for _, r := range relativeYears {
		k := strings.LastIndex(lo, r.word)
		if k < 0 || k <= best {
			continue
		}
		if r.word == "上年" && k >= len("比") && lo[k-len("比"):k] == "比" {
			continue
		}
		best, off = k, r.off
	}
	return off, best >= 0
}

// baseYear matches a comparison with a named year: 比2002年, 与2000年相比,
// "compared with 2002", "than in 2002".
var baseYear = lazyre.New(`(?:比|较|与|同)\s*(\d{4})\s*年|(?i)\b(?:compared (?:with|to)|than in)\s+(\d{4})\b`)

// spansYears reports whether a growth figure compares with a year at
// least two years before the one it is said of (ref, or the document's
// year docYear when unknown, then three): "2007年，国内生产总值达到24.66万亿元，
// 比2002年增长65.5%" is the growth of five years, not of one, whatever the
// words around it say. before is the figure's sentence up to the figure;
// a "last year" said after the comparison makes it a year's again.
func spansYears(before string, ref, docYear int) bool {
	if !strings.Contains(before, "年") && !strings.Contains(before, "compared") && !strings.Contains(before, "than in") {
		return false
	}
	ms := baseYear.Regexp().FindAllStringSubmatchIndex(before, -1)
	if len(ms) == 0 {
		return false
	}
	m := ms[len(ms)-1]
	var digits string
	if m[2] >= 0 {
		digits = before[m[2]:m[3]]
	} else {
		digits = before[m[4]:m[5]]
	}
	base, err := strconv.Atoi(digits)
	if err != nil {
		return false
	}
	if containsAny(before[m[1]:], []string{"上年", "去年", "同比", "last year", "a year earlier"}) {
		return false
	}
	switch {
	case ref > 0 && ref != base: // ref is often the base itself, the year named last
		return ref-base >= 2
	case docYear > 0:
		return docYear-base >= 3
	}
	return false
}
