package normalize

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docdrift/docdrift/internal/lazyre"
)

// Kind is the role of a block in its document.
type Kind int

// The kinds of block. Only Furniture is left out of the cleaned text;
// Caption is kept but later comparisons of rhetoric leave it out.
const (
	Body Kind = iota
	Heading
	ListItem
	Caption
	Furniture
)

var kindNames = [...]string{"body", "heading", "list", "caption", "furniture"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MarshalText writes the kind's name, as used in JSON output.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Limits of what counts as a short line: headings, page controls and
// the lines around them.
const (
	maxHeadingWords = 20
	maxHeadingHan   = 50
	maxControlWords = 10
	maxHeadingLines = 3
	// maxLineRuleBytes bounds the text the line-level rules look at.
	maxLineRuleBytes = 400
	// maxControlRowBytes bounds a row of page controls; the longest seen,
	// "FacebookTwitterLinkedInEmailPrintCopy Link", is 42 bytes.
	maxControlRowBytes = 160
	// maxCreditBytes bounds a photo-credit line; a byline may be twice as long.
	maxCreditBytes = 120
)

// pageControls are the words of share bars, navigation rows and reader
// tools found on news and government sites. A line made only of them
// (after splitting run-together words such as "FacebookTwitter") is page
// furniture. They are interface words, not words of any one site.
var pageControls = wordSet(`share facebook twitter x linkedin email e-mail mail print printer copy
	link linked url whatsapp telegram reddit pinterest tumblr weibo wechat qq qzone line vk
	nav navigation search menu home top back to the return next previous prev skip main
	content cite this page article subscribe sign in up log login logout register close
	more related comments comment tags tag font size a a+ a- bookmark save download pdf
	rss feed follow us scroll`)

// chinesePageControls matches the common page controls of Chinese sites.
var chinesePageControls = lazyre.New(`^[【\[]?(字体|字号)[:：]?[\s大中小】\]]*$|^(分享|转发|转播)到[^\s，。；]{0,12}$|^(分享到|分享|打印|打印本页|关闭|关闭窗口|返回|返回顶部|返回首页|收藏|扫一扫|手机看|责任编辑[:：].*|【?纠错】?)[:：]?$`)

var (
	navLinkRE = lazyre.New(`(?i)^(return|back|go|skip|jump) to\b`)
	// mdImageRE is a line that is only a Markdown image: ![alt](file
	// "title"). It and imageFileRE run only on lines of at most
	// maxLineRuleBytes, which bounds them; counted repetitions such as
	// {0,300} compile to a copy per count (2 ms at every start).
	mdImageRE     = lazyre.New(`^!\[[^\]]*\]\(\S+(\s+"[^"]*")?\)$`)
	imageFileRE   = lazyre.New(`(?i)^[^\s/\\]+\.(jpe?g|png|gif|webp|bmp|tiff?|svg|heic)$`)
	photoCreditRE = lazyre.New(`(?i)^(photo|photograph|image|picture|pictured|credit)s?\s*(by|:|/|credit)|^（.{1,30}摄）$|^\(.{1,30}摄\)$|图片来源[:：]|^新华社记者.{1,20}摄$`)
	creditMarkRE  = lazyre.New(`(?i)\bphoto(graph)?s? by\b|\(photo:|（.{1,30}摄）|\bphoto/|/ ?photo\b`)
	bylineRE      = lazyre.New(`^By\s+\p{Lu}[\p{L}.'\- ]{1,60}(\s+(Source|Updated|Published|Posted|Date)\s*:|\s*[|,]\s*\d)`)
	sourceNoteRE  = lazyre.New(`(?i)^\((originally|first|source|reprinted|translated|this article)\b.*\)$`)
	citeHeadingRE = lazyre.New(`(?i)^(cite|citation|how to cite)( this (page|article|document))?:?$`)
	markupRE      = lazyre.New(`^<!--.*-->$`)
	mdHeadingRE   = lazyre.New(`^#{1,6}\s`)
	// Enumerators that open headings and list items: "I.", "1.", "(1)",
	// "一、", "（一）", "第一条", "①".
	enumeratedRE = lazyre.New(`^([IVXLC]{1,6}\.\s|\d{1,3}[.)、]\s?|\(\d{1,3}\)|[一二三四五六七八九十百]{1,4}[、是]|（[一二三四五六七八九十]{1,3}）|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十百千零〇两\d]{1,8}[章节条款编部分]|[①-⑳])`)
	terminalEnd  = ".。!！?？;；:：,，"
)

// minCreditLen is the shortest credit in capitals endsWithCapsCredit accepts.
const minCreditLen = 12

// endsWithCapsCredit reports whether s ends, after its last sentence, with
// a run in capitals such as "PEOPLE'S DAILY / PHOTO BY TANG KE".
func endsWithCapsCredit(s string) bool {
	n := 0
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("'’(),/&- ", r):
			n++
		case strings.ContainsRune(".!?”\"", r):
			return n > minCreditLen && strings.HasPrefix(s[i+size:], " ") && strings.TrimSpace(s[i+size:]) != ""
		default:
			return false
		}
	}
	return false
}

// mayHaveCredit is a cheap test before creditMarkRE.
func mayHaveCredit(s string) bool {
	return strings.Contains(s, "摄") || strings.Contains(s, "hoto") || strings.Contains(s, "HOTO")
}

// tail returns the last n bytes of s or fewer, starting on a character.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func looksEnumerated(s string) bool { return enumeratedRE.MatchString(s) }

// classify gives each block its kind and reason. Rules look at the block's
// own text and at its neighbours; none knows any particular document.
func classify(text string, lines []line, raws []rawBlock, links []Link) []Block {
	blocks := make([]Block, len(raws))
	for i, rb := range raws {
		first, last := lines[rb.first], lines[rb.last]
		blocks[i] = Block{Start: first.lo, End: last.hi, Line: rb.first + 1, EndLine: rb.last + 1}
		b := &blocks[i]
		if onlyLink(links, b.Start, b.End) {
			b.Kind, b.Reason = Furniture, "a Markdown link alone: it points to another page"
			continue
		}
		b.Kind, b.Reason = classifyAlone(text[b.Start:b.End], rb.last-rb.first+1)
		if i == 0 && b.Kind == Body && rb.first == rb.last && isTitleLine(text[b.Start:b.End]) {
			b.Kind, b.Reason = Heading, "first line, without closing punctuation"
		}
	}
	classifyInContext(text, raws, blocks)
	return blocks
}

// onlyLink reports whether the block [start, end) is one Markdown link and
// nothing else.
func onlyLink(links []Link, start, end int) bool {
	i := linkAt(links, start)
	return i < len(links) && links[i].Start == start && links[i].End == end
}

// classifyAlone classifies a block from its own text.
func classifyAlone(s string, lines int) (Kind, string) {
	// The furniture rules are for short lines; testing them only there
	// keeps classification linear and cheap on long paragraphs.
	oneLine := lines == 1 && len(s) <= maxLineRuleBytes
	switch {
	case oneLine && citeHeadingRE.MatchString(s):
		return Furniture, "citation heading"
	case oneLine && isPageControlRow(s):
		return Furniture, "page controls: share or navigation row"
	case oneLine && navLinkRE.MatchString(s) && len(strings.Fields(s)) <= 6:
		return Furniture, "navigation link"
	case oneLine && imageFileRE.MatchString(s):
		return Furniture, "image file name"
	case oneLine && mdImageRE.MatchString(s):
		return Furniture, "image (Markdown)"
	case oneLine && len(s) <= maxCreditBytes && photoCreditRE.MatchString(s):
		return Furniture, "photo credit line"
	case oneLine && len(s) <= 2*maxCreditBytes && bylineRE.MatchString(s):
		return Furniture, "byline and dateline"
	case oneLine && sourceNoteRE.MatchString(s):
		return Furniture, "source note in parentheses"
	case oneLine && markupRE.MatchString(s):
		return Furniture, "markup comment"
	case mayHaveCredit(s) && creditMarkRE.MatchString(s):
		return Caption, "carries a photo credit"
	case endsWithCapsCredit(s) && hasLower(s):
		return Caption, "ends with a credit in capitals"
	case mdHeadingRE.MatchString(s) && oneLine:
		return Heading, "Markdown heading"
	case startsList(s):
		return ListItem, fmt.Sprintf("starts with bullet %q", string(firstRune(s)))
	case lines <= maxHeadingLines && len(s) <= 4*maxLineRuleBytes && isHeadingLike(s):
		if looksEnumerated(s) {
			return Heading, "short numbered line"
		}
		return Heading, "short line without closing punctuation"
	}
	return Body, ""
}

// classifyInContext applies the rules that need neighbours: a caption
// follows an image file name, a citation follows its heading, and short
// lines packed between page controls are page controls too.
func classifyInContext(text string, raws []rawBlock, blocks []Block) {
	for i := range blocks {
		b := &blocks[i]
		if i == 0 {
			continue
		}
		prev := blocks[i-1]
		switch {
		case prev.Kind == Furniture && (prev.Reason == "image file name" || prev.Reason == "image (Markdown)") && b.Kind != Furniture:
			b.Kind, b.Reason = Caption, fmt.Sprintf("follows the image file name on line %d", prev.Line)
		case prev.Kind == Furniture && prev.Reason == "citation heading" && b.Kind != Furniture:
			b.Kind, b.Reason = Furniture, fmt.Sprintf("citation under the heading on line %d", prev.Line)
		}
	}
	// Clusters: a blank-line-delimited group of short lines that holds a
	// page-control row is a toolbar ("Original text / English text / See an
	// error?"), even where its other lines use words of their own.
	start := 0
	for start < len(blocks) {
		end := start
		for end < len(blocks) && raws[end].group == raws[start].group {
			end++
		}
		markCluster(text, blocks[start:end])
		start = end
	}
}

func markCluster(text string, group []Block) {
	if len(group) < 2 {
		return
	}
	anchor := -1
	for i, b := range group {
		if b.Line != b.EndLine || !isShort(text[b.Start:b.End]) {
			return
		}
		if anchor < 0 && b.Kind == Furniture && strings.HasPrefix(b.Reason, "page controls") {
			anchor = i
		}
	}
	if anchor < 0 {
		return
	}
	for i := range group {
		if group[i].Kind != Furniture {
			group[i].Kind = Furniture
			group[i].Reason = fmt.Sprintf("in a cluster of page controls with line %d", group[anchor].Line)
		}
	}
}

func isShort(s string) bool {
	return len(strings.Fields(s)) <= maxControlWords && countHan(s) <= 2*maxControlWords &&
		!strings.ContainsRune(".。", lastRune(s))
}

// isPageControlRow reports whether every word of s is a page control.
func isPageControlRow(s string) bool {
	if len(s) > maxControlRowBytes {
		return false
	}
	if chinesePageControls.MatchString(strings.TrimSpace(s)) {
		return true
	}
	words := splitCamel(s)
	if len(words) == 0 || len(words) > maxControlWords*2 {
		return false
	}
	for _, w := range words {
		if !pageControls[strings.ToLower(w)] {
			return false
		}
	}
	// A lone common word ("Home", "More") is more often a heading than a
	// toolbar; ask for two controls or one that is unmistakable.
	return len(words) >= 2 || len(words[0]) > 4
}

// splitCamel splits s into words at spaces, punctuation and the lower-to-
// upper case changes of run-together labels ("FacebookTwitterLinkedIn").
func splitCamel(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '+' || r == '-' && len(cur) > 0:
			if unicode.IsUpper(r) && unicode.IsLower(prev) && len(cur) > 0 {
				flush()
			}
			cur = append(cur, r)
		case unicode.IsDigit(r):
			return nil // page controls have no numbers
		default:
			flush()
		}
		prev = r
	}
	flush()
	return words
}

func isHeadingLike(s string) bool {
	if strings.ContainsRune(terminalEnd, lastRune(s)) && !(looksEnumerated(s) && strings.ContainsRune("?？", lastRune(s))) {
		return false
	}
	han := countHan(s)
	if han > 0 && han*2 >= len([]rune(s)) {
		return han <= maxHeadingHan && !strings.ContainsAny(s, "。！？")
	}
	body := enumeratedRE.ReplaceAllString(s, "")
	words := strings.Fields(body)
	if strings.Contains(body, ". ") {
		return false
	}
	return len(words) <= maxHeadingWords || len(words) <= 2*maxHeadingWords && isTitleCase(words)
}

// isTitleCase reports whether most words that are not short function words
// start with a capital: "Xi Jinping Stresses Actively Participating in…".
func isTitleCase(words []string) bool {
	upper, counted := 0, 0
	for _, w := range words {
		if len(w) <= 3 {
			continue
		}
		counted++
		if unicode.IsUpper(firstRune(w)) {
			upper++
		}
	}
	return counted > 0 && upper*10 >= counted*8
}

// isTitleLine reports whether s could be a document's title: no closing
// punctuation and at most twice the words of a heading.
func isTitleLine(s string) bool {
	return !strings.ContainsRune(terminalEnd, lastRune(s)) && len(strings.Fields(s)) <= 2*maxHeadingWords
}

func countHan(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}

func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
