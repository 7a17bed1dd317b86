package normalize

import (
	"slices"
	"strings"
	"unicode"
)

// rawBlock is a paragraph before classification: a run of lines that
// belong together, and the blank-line-delimited group it stands in.
type rawBlock struct {
	first, last int // indexes into lines, inclusive
	group       int
}

// Wrap detection: a text is hard-wrapped when nine lines in ten are at most
// maxWrapWidth columns wide; a line then continues into the next when it
// fills at least wrapFill of the usual width.
const (
	maxWrapWidth = 100
	minWrapLines = 5
	wrapFill     = 0.7
)

// paragraphs groups lines into paragraphs. Blank lines always separate
// paragraphs. Inside a run of non-blank lines, each line is its own
// paragraph (text that puts one paragraph on a line) unless it continues
// the previous one: the text is hard-wrapped and the previous line is
// full, the break falls inside a sentence (see continues), or inside a
// Markdown link (findLinks).
func paragraphs(text string, lines []line, links []Link) []rawBlock {
	wrap := wrapWidth(text, lines)
	var blocks []rawBlock
	group := 0
	prevBlank := true
	for i, l := range lines {
		if l.blank() {
			if !prevBlank {
				group++
			}
			prevBlank = true
			continue
		}
		if !prevBlank && (insideLink(links, l.lo) || continues(text, lines[i-1], l, wrap)) {
			blocks[len(blocks)-1].last = i
		} else {
			blocks = append(blocks, rawBlock{first: i, last: i, group: group})
		}
		prevBlank = false
	}
	return blocks
}

// wrapWidth returns the column width at which the text is hard-wrapped, or
// 0 when it is not.
func wrapWidth(text string, lines []line) int {
	var widths []int
	for _, l := range lines {
		if !l.blank() {
			widths = append(widths, DisplayWidth(text[l.lo:l.hi]))
		}
	}
	if len(widths) < minWrapLines {
		return 0
	}
	slices.Sort(widths)
	p90 := widths[len(widths)*9/10]
	if p90 > maxWrapWidth {
		return 0
	}
	return p90
}

// Characters that show a line break falls inside a sentence.
const (
	// A line that starts with one of these continues the line before
	// (web copies and wiki scrapes break lines around links).
	continuationStart = "，、。；：！？）】》」』”’,;:)]!?%"
	// A line that ends with one of these continues on the next.
	continuationEnd = "，、（【《「『“‘([—-–/"
	// Bullets and markers that start a new paragraph.
	listStart = "■□●○•◆◇▪▫►▶·*-–—#>"
)

// continues reports whether cur continues the paragraph of prev.
func continues(text string, prev, cur line, wrap int) bool {
	p, c := text[prev.lo:prev.hi], text[cur.lo:cur.hi]
	if startsList(c) {
		return false
	}
	if strings.ContainsRune(continuationStart, firstRune(c)) {
		return true
	}
	if strings.ContainsRune(continuationEnd, lastRune(p)) {
		return true
	}
	// Chinese has no spaces, so a line that stops on an ideograph with no
	// punctuation and a next line that goes on with one is a broken sentence.
	if isHan(lastRune(p)) && isHan(firstRune(c)) && !startsList(p) && !looksEnumerated(c) {
		return true
	}
	// A line that starts in lower case after one that ends no sentence
	// goes on with it: "a community with a shared\nfuture for mankind".
	if unicode.IsLower(firstRune(c)) && !strings.ContainsRune(".!?:;。！？：；", lastRune(p)) {
		return true
	}
	if wrap > 0 {
		return float64(DisplayWidth(p)) >= wrapFill*float64(wrap)
	}
	return false
}

func startsList(s string) bool {
	r := firstRune(s)
	if !strings.ContainsRune(listStart, r) {
		return false
	}
	// "-5%" or "—" alone are not bullets: a bullet is followed by a space
	// (or, for the CJK bullets, directly by text).
	rest := s[len(string(r)):]
	return r > 0x2000 && r != '—' && r != '–' || strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\u3000")
}
