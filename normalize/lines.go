package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// line is one line of the original text. start and end are byte offsets of
// its content without the line terminator; lo and hi are those of its
// content without leading and trailing white space (lo == hi when blank).
type line struct {
	start, end int
	lo, hi     int
}

func (l line) blank() bool { return l.lo == l.hi }

// splitLines cuts text at LF, CRLF and lone CR.
func splitLines(text string) []line {
	if !strings.Contains(text, "\r") {
		return splitLF(text)
	}
	var lines []line
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\n' && c != '\r' {
			continue
		}
		lines = append(lines, newLine(text, start, i))
		if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		start = i + 1
	}
	if start < len(text) {
		lines = append(lines, newLine(text, start, len(text)))
	}
	return lines
}

// splitLF is splitLines for text whose only line breaks are line feeds,
// found by the standard library's vectorized search.
func splitLF(text string) []line {
	lines := make([]line, 0, strings.Count(text, "\n")+1)
	start := 0
	for {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			break
		}
		lines = append(lines, newLine(text, start, start+i))
		start += i + 1
	}
	if start < len(text) {
		lines = append(lines, newLine(text, start, len(text)))
	}
	return lines
}

func newLine(text string, start, end int) line {
	s := text[start:end]
	trimmed := strings.TrimLeftFunc(s, isSpaceLike)
	lo := start + len(s) - len(trimmed)
	hi := lo + len(strings.TrimRightFunc(trimmed, isSpaceLike))
	return line{start: start, end: end, lo: lo, hi: hi}
}

// isSpaceLike reports white space and the invisible format characters
// (zero-width space, joiners, byte-order mark) that web copies leave at
// line ends. Neither counts as content.
func isSpaceLike(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// DisplayWidth is the number of terminal columns s takes: two for East
// Asian wide and fullwidth characters, one for the others.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x1100 { // nothing below U+1100 is wide
			n++
			continue
		}
		if isWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// isHan reports whether r is a CJK ideograph. No Han character comes
// before U+2E80: most runes tested are Latin, and cost one comparison.
func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// cjkJoin reports whether white space between a and b is an artifact to
// drop: both are beyond Latin script (U+2000 and up: ideographs, CJK and
// general punctuation such as "——" and "“") and one of them is wide.
func cjkJoin(a, b rune) bool {
	return a >= 0x2000 && b >= 0x2000 && (isWide(a) || isWide(b))
}

func isWide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// IsHan reports whether r is a CJK ideograph.
func IsHan(r rune) bool { return isHan(r) }
