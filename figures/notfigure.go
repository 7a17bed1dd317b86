package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons a number is no figure of a track (Figure.NotFigure). Such
// numbers name or enumerate things instead of measuring them: they stay
// in the text a diff shows, but a change of one is no figure change and
// none opens a track.
const (
	ArticleNumber = "article number" // 第五条, Article 52, section 3
	Ordinal       = "ordinal"        // 第一产业, 第三人, 第二十九次会议, the 18th CPC National Congress
	ClockTime     = "clock time"     // 2:30 p.m., 10 a.m.
	PhoneNumber   = "phone number"   // 202-452-2955
	NameNumber    = "name"           // COVID-19, F-35
	Enumerator    = "list enumerator"
	PeriodWord    = "period word" // 上一年度: "the previous year"
	// Step is the size of a move of another figure, said beside the
	// level it reached: "raise … by 25 basis points to 5 percent", "a
	// 25-basis-point increase in the discount rate to 5-1/2 percent". The
	// level's track shows the move; a track of steps is noise.
	Step = "step"
)

// stepAfter are the nouns after a number of points that make it the size
// of a move: "a 25-basis-point increase".
var stepAfter = map[string]bool{"increase": true, "increases": true, "decrease": true, "decreases": true,
	"reduction": true, "reductions": true, "cut": true, "cuts": true, "rise": true, "hike": true, "move": true}

// articleWords are the words before a number that make it the number of
// a part of a text, not a quantity.
var articleWords = map[string]bool{"article": true, "articles": true, "section": true, "sections": true,
	"paragraph": true, "paragraphs": true, "clause": true, "clauses": true, "chapter": true, "chapters": true,
	"subsection": true, "rule": true, "item": true, "items": true}

// zhArticleAfter are the characters after 第N that make it the number of
// a part of a text: 第五条, 第二款, 第三项, 第一章, 第四节, 第二编.
var zhArticleAfter = map[string]bool{"条": true, "款": true, "项": true, "章": true, "节": true, "编": true, "目": true}

// zhRankAfter are the characters after 第N that make it a position in a
// ranking a reader follows: 第二大经济体, 第一位, 第三名.
var zhRankAfter = map[string]bool{"大": true, "位": true, "名": true}

// meetingWords are the nouns after an ordinal that name a meeting: the
// ordinal is part of its name ("the 20th National Congress", "the
// fourth plenary session").
var meetingWords = map[string]bool{"session": true, "sessions": true, "meeting": true, "congress": true,
	"plenum": true, "plenary": true, "conference": true, "summit": true}

// periodBeforeOne are the characters before 一年 that make "the previous
// year", "the next year", "each year": 上一年度, 下一年, 每一年.
var periodBeforeOne = map[string]bool{"上": true, "下": true, "前": true, "后": true, "同": true, "每": true, "当": true}

// notFigure says why the figure f, parsed from toks[i:i+n] of the text
// whose first byte is at base, is no figure of a track, or "" when it is
// one. It reads the tokens around the figure and, for what folding loses
// (capitals, "2:30"), the original text.
func notFigure(toks []tok, i, n int, f Figure, text string, base int) string {
	before := text[:f.Start-base]
	after := text[f.End-base:]
	switch {
	case f.Unit == Rank && strings.Contains(f.Text, "第"):
		return zhOrdinal(toks, i, n)
	case f.Unit == Rank:
		return enOrdinal(toks, i+n, after)
	case f.Unit == Date || f.Unit == Period:
		return ""
	}
	switch {
	case isStep(toks, i, n, f, after):
		return Step
	case articleWords[at(toks, i-1)] && !isStandardUnit(f.Unit) && f.High == nil:
		return ArticleNumber
	case isClock(before, after, f):
		return ClockTime
	case isPhone(before, after, f):
		return PhoneNumber
	case isNamePart(before, f):
		return NameNumber
	case f.Unit == "" && f.High == nil && isEnumerator(before, after):
		return Enumerator
	case f.Unit == Year && f.Value == 1 && strings.HasPrefix(f.Text, "一") && periodBeforeOne[at(toks, i-1)]:
		return PeriodWord
	}
	return ""
}

// zhOrdinal judges a Chinese 第N: a rank a reader follows only after a
// word of ranking (世界第二, 位居第三) or before one (第二大); otherwise it
// numbers an article (第五条) or names an item of a sequence (第一产业,
// 第三人, 第二十九次会议, 第一，).
func zhOrdinal(toks []tok, i, n int) string {
	next := at(toks, i+n)
	switch {
	case zhArticleAfter[next]:
		return ArticleNumber
	case zhRankBefore[at(toks, i-1)] || zhRankAfter[next]:
		return ""
	}
	return Ordinal
}

// enOrdinal judges an English ordinal that is no rank in a ranking: part
// of a name ("the 18th CPC National Congress", "the 20th Central
// Committee") or of a meeting's ("the third plenary session").
func enOrdinal(toks []tok, j int, after string) string {
	if meetingWords[at(toks, j)] {
		return Ordinal
	}
	rest := strings.TrimLeft(after, " ")
	if rest == after {
		return "" // "45th-largest", "2nd," …: not followed by a word
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsUpper(r) {
		return Ordinal
	}
	return ""
}

// isClock reports a time of day: "2:30 p.m.", "10 a.m.", "9 o'clock".
func isClock(before, after string, f Figure) bool {
	if f.Unit != "" && f.Unit != "p" && f.Unit != "a" || f.High != nil {
		return false
	}
	if len(after) >= 3 && after[0] == ':' && isASCIIDigit(after[1]) && isASCIIDigit(after[2]) {
		return true
	}
	if b := len(before); b >= 2 && before[b-1] == ':' && isASCIIDigit(before[b-2]) {
		return true
	}
	// The words right after the number are enough: the rest of the text
	// is not copied for every figure.
	lo := strings.ToLower(strings.TrimLeft(f.Text+after[:min(len(after), 16)], "0123456789 "))
	for _, s := range []string{"a.m.", "p.m.", "am ", "pm ", "o'clock", "o’clock"} {
		if strings.HasPrefix(lo, s) {
			return true
		}
	}
	return false
}

// isPhone reports a number in a run of digit groups joined by hyphens,
// dots or spaces, with parentheses, holding at least seven digits and at
// least two joints: "202-452-2955", "(202) 452-3000", "+86 10 6512 3456".
// An ISO date (2024-09-18) is no phone number.
func isPhone(before, after string, f Figure) bool {
	lo := len(before)
	for lo > 0 && strings.IndexByte("0123456789-.() +", before[lo-1]) >= 0 {
		lo--
	}
	run := before[lo:] + f.Text
	hi := 0
	for hi < len(after) && strings.IndexByte("0123456789-.() +", after[hi]) >= 0 {
		hi++
	}
	run = strings.Trim(run+after[:hi], " .")
	digits, joints := 0, 0
	for k := 0; k < len(run); k++ {
		switch c := run[k]; {
		case isASCIIDigit(c):
			digits++
		case c == '-' || c == ')' || c == ' ' && k > 0 && isASCIIDigit(run[k-1]):
			joints++
		}
	}
	if digits < 7 || joints < 2 || strings.Count(run, ".") > 0 && strings.Count(run, "-") == 0 {
		return false
	}
	return !isISODate(run)
}

func isISODate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && isASCIIDigit(s[0]) && isASCIIDigit(s[5]) && isASCIIDigit(s[8])
}

// isNamePart reports digits joined by a hyphen to a capitalized word, as
// in names: COVID-19, F-35, H-1B.
func isNamePart(before string, f Figure) bool {
	if !strings.HasSuffix(before, "-") || f.Text == "" || !isASCIIDigit(f.Text[0]) {
		return false
	}
	w := before[:len(before)-1]
	k := len(w)
	for k > 0 && (w[k-1] >= 'A' && w[k-1] <= 'Z' || w[k-1] >= 'a' && w[k-1] <= 'z') {
		k--
	}
	return k < len(w) && w[k] >= 'A' && w[k] <= 'Z'
}

// isEnumerator reports a bare number that opens its line or sentence and
// is followed by a list mark: "(一)", "一、", "1)", "2. ".
func isEnumerator(before, after string) bool {
	switch {
	case strings.HasPrefix(after, "、"), strings.HasPrefix(after, ")"), strings.HasPrefix(after, "）"),
		strings.HasPrefix(after, "]"), strings.HasPrefix(after, "．"),
		strings.HasPrefix(after, ". "), after == ".":
		return opensLine(strings.TrimRight(before, " \t(（["))
	}
	return false
}

// opensLine reports whether the end of before holds nothing but white
// space since the start of its line. It reads backwards only as far as
// that line goes, so that a long text is not scanned for every figure.
func opensLine(before string) bool {
	for i := len(before); i > 0; {
		r, size := utf8.DecodeLastRuneInString(before[:i])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i -= size
	}
	return true
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// isZhYear reports a year written in Chinese digit by digit: 一九七八年,
// 二〇二四年 (a duration is written 四十年, never digit by digit).
func isZhYear(s string) bool {
	r := []rune(strings.TrimSuffix(s, "年"))
	if len(r) != 4 || !strings.HasSuffix(s, "年") {
		return false
	}
	for _, c := range r {
		if !strings.ContainsRune("〇○零一二三四五六七八九", c) {
			return false
		}
	}
	return r[0] == '一' || r[0] == '二'
}

// isStep reports a number of points that sizes a move rather than states
// a level: "by 1/2 percentage point", "by 25 basis points", "a
// 25-basis-point increase", "a 1/4 percentage point reduction".
func isStep(toks []tok, i, n int, f Figure, after string) bool {
	points := f.Unit == PercentagePoint || f.Unit == "basis-point"
	if f.Unit == "" && strings.HasPrefix(after, "-basis-point") {
		points = true
		after = strings.TrimPrefix(after, "-basis-point")
	}
	if !points {
		return false
	}
	// "by 25 basis points", "an increase of 25 basis points".
	if at(toks, i-1) == "by" || at(toks, i-1) == "of" && stepAfter[at(toks, i-2)] {
		return true
	}
	next := strings.Fields(strings.ToLower(after))
	// "lower its target for the federal funds rate 50 basis points to
	// 4-3/4 percent": the level follows the step.
	if len(next) > 1 && next[0] == "to" && (isASCIIDigit(next[1][0]) || next[1][0] == '$') {
		return true
	}
	return len(next) > 0 && stepAfter[strings.Trim(next[0], ",.;")]
}
