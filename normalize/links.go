package normalize

import "strings"

// Link is a Markdown link, [words](address), left in a plain text: text
// scraped from the web often keeps them, hard-wrapped like the rest. Its
// words are compared and its address is not (see Fold); a block that is
// only a link is furniture.
type Link struct {
	// Start and End are the byte offsets of the whole link, from "[" to
	// ")"; TextStart and TextEnd those of its words.
	Start, End         int
	TextStart, TextEnd int
	URL                string
}

// Bounds of a link: its words are a phrase, its address one URL. They
// keep findLinks linear, and a stray "[" from swallowing a page.
const (
	maxLinkText = 1000
	maxLinkURL  = 2048
)

// findLinks returns the Markdown links of text, in order: "[", words with
// no bracket and no blank line (line breaks are allowed: links are
// hard-wrapped like the rest of the text), "](", an address with no white
// space and balanced parentheses, ")". An image, "![alt](file)", is not a
// link. Its cost is linear in len(text): each byte is looked at a bounded
// number of times.
func findLinks(text string) []Link {
	if !strings.Contains(text, "](") {
		return nil
	}
	var links []Link
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '[')
		if j < 0 {
			break
		}
		open := i + j
		if open > 0 && text[open-1] == '!' {
			i = open + 1
			continue
		}
		closing, next := linkTextEnd(text, open)
		if closing < 0 {
			i = next
			continue
		}
		end := linkURLEnd(text, closing)
		if end < 0 {
			i = closing + 1
			continue
		}
		links = append(links, Link{Start: open, End: end + 1, TextStart: open + 1, TextEnd: closing,
			URL: text[closing+2 : end]})
		i = end + 1
	}
	return links
}

// linkTextEnd returns the offset of the "]" that closes the link words
// opened at text[open], or -1 and where to look for the next "[".
func linkTextEnd(text string, open int) (closing, next int) {
	k := open + 1
	for ; k < len(text) && k-open <= maxLinkText; k++ {
		switch text[k] {
		case '[':
			return -1, k
		case ']':
			return k, k + 1
		case '\n', '\r':
			if blankLineAfter(text, k) {
				return -1, k
			}
		}
	}
	return -1, k
}

// linkURLEnd returns the offset of the ")" that ends a link address when
// text[at:] starts "](address)", or -1.
func linkURLEnd(text string, at int) int {
	if !strings.HasPrefix(text[at:], "](") {
		return -1
	}
	start := at + 2
	depth := 0
	for m := start; m < len(text) && m-start < maxLinkURL; m++ {
		switch c := text[m]; {
		case c <= ' ' || c == '[' || c == 0x7f:
			return -1
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ')':
			if m == start {
				return -1
			}
			return m
		}
	}
	return -1
}

// blankLineAfter reports whether the line break at text[k] is followed by
// a line of nothing but spaces and tabs.
func blankLineAfter(text string, k int) bool {
	k++
	if text[k-1] == '\r' && k < len(text) && text[k] == '\n' {
		k++
	}
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	return k < len(text) && (text[k] == '\n' || text[k] == '\r')
}

// linkAt returns the index of the first link in links (sorted) that ends
// after off, or len(links).
func linkAt(links []Link, off int) int {
	lo, hi := 0, len(links)
	for lo < hi {
		m := (lo + hi) / 2
		if links[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// insideLink reports whether offset off falls strictly inside a link,
// so that text may not be cut there.
func insideLink(links []Link, off int) bool {
	i := linkAt(links, off)
	return i < len(links) && links[i].Start < off
}

// withoutLinkSyntax returns text[start:end] with each link that lies
// wholly inside it replaced by its words.
func withoutLinkSyntax(text string, links []Link, start, end int) string {
	i := linkAt(links, start)
	if i == len(links) || links[i].Start >= end {
		return text[start:end]
	}
	var b strings.Builder
	pos := start
	for ; i < len(links) && links[i].End <= end; i++ {
		l := links[i]
		if l.Start < pos {
			continue
		}
		b.WriteString(text[pos:l.Start])
		b.WriteString(text[l.TextStart:l.TextEnd])
		pos = l.End
	}
	b.WriteString(text[pos:end])
	return b.String()
}
