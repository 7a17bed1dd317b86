package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// pageText is the text a page's markup holds, white space left out, with
// where each character stands in the page: the text of its text nodes in
// order, entity references resolved, and not that of the elements a
// browser draws nothing of (script, style, an SVG's title, MathML
// annotations).
type pageText struct {
	text       string
	start, end []int32 // by byte of text: the span in the page of the character starting there
}

// newPageText tokenizes page (already decoded). Its cost is linear in
// len(page).
func newPageText(page string) *pageText {
	var b strings.Builder
	pt := &pageText{}
	z := html.NewTokenizer(strings.NewReader(page))
	off, skip, svg := 0, 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		at := off
		off += len(raw)
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			d := 1
			if tt == html.EndTagToken {
				d = -1
			}
			switch n := string(name); {
			case n == "svg":
				svg = max(svg+d, 0)
			case silent(n, svg > 0):
				skip = max(skip+d, 0)
			}
		case html.TextToken:
			if skip == 0 {
				pt.add(&b, string(raw), at)
			}
		}
	}
	pt.text = b.String()
	return pt
}

// silent reports whether a browser draws nothing of the element's text.
func silent(name string, inSVG bool) bool {
	switch name {
	case "script", "style", "noscript", "template", "textarea", "annotation", "annotation-xml":
		return true
	case "title", "desc":
		return inSVG
	}
	return false
}

// add appends the characters of a text node's raw bytes, which start at
// offset at of the page.
func (pt *pageText) add(b *strings.Builder, raw string, at int) {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRuneInString(raw[i:])
		s := string(r)
		if r == '&' {
			if j := strings.IndexByte(raw[i:min(len(raw), i+40)], ';'); j > 0 {
				if u := html.UnescapeString(raw[i : i+j+1]); u != raw[i:i+j+1] {
					s, n = u, j+1
				}
			}
		}
		for _, c := range s {
			if !unicode.IsSpace(c) {
				for k := 0; k < utf8.RuneLen(c); k++ {
					pt.start = append(pt.start, int32(at+i))
					pt.end = append(pt.end, int32(at+i+n))
				}
				b.WriteRune(c)
			}
		}
		i += n
	}
}

// find returns the span in the page of the paragraph p, looked for from
// byte from of the page's text on, and where in the text it ended. ok is
// false when p is not there. A paragraph the extractor took something
// out of (an element it judged hidden) is found by its first and last
// characters (see ends).
func (pt *pageText) find(p string, from int) (start, end, next int, ok bool) {
	key := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, p)
	if key == "" {
		return 0, 0, from, false
	}
	lo, hi := -1, -1
	if k := strings.Index(pt.text[from:], key); k >= 0 {
		lo, hi = from+k, from+k+len(key)
	} else if lo, hi = pt.ends(key, from); lo < 0 {
		return 0, 0, from, false
	}
	_, n := utf8.DecodeLastRuneInString(pt.text[:hi])
	return int(pt.start[lo]), int(pt.end[hi-n]), hi, true
}

// endChars is how many bytes of a paragraph's start and end ends looks
// for first, and endGap how much further than the paragraph's length
// (times two) one end may lie from the other.
const (
	endChars = 24
	endGap   = 256
)

// ends finds a paragraph the page has with something more inside it:
// by its first endChars bytes after byte from of the text and then its
// last ones (or fewer, down to a quarter) not much further on; or, when
// something sits in its start, by its last bytes and then its first
// (or fewer) before them. It returns the span of the text, or -1, -1.
func (pt *pageText) ends(key string, from int) (int, int) {
	if len(key) < 2*endChars {
		return -1, -1
	}
	reach := 2*len(key) + endGap
	if lo := strings.Index(pt.text[from:], prefix(key, endChars)); lo >= 0 {
		lo += from
		window := pt.text[lo:min(len(pt.text), lo+reach)]
		for n := endChars; n >= endChars/4; n /= 2 {
			tail := suffix(key, n)
			if k := strings.LastIndex(window, tail); k > 0 {
				return lo, lo + k + len(tail)
			}
		}
	}
	tail := suffix(key, endChars)
	k := strings.Index(pt.text[from:], tail)
	if k < 0 {
		return -1, -1
	}
	hi := from + k + len(tail)
	wlo := max(from, hi-reach)
	window := pt.text[wlo : hi-len(tail)]
	for n := endChars; n >= endChars/4; n /= 2 {
		if k := strings.LastIndex(window, prefix(key, n)); k >= 0 {
			return wlo + k, hi
		}
	}
	return -1, -1
}

// prefix and suffix return the first and last n bytes of s, or fewer to
// cut at a character boundary.
func prefix(s string, n int) string {
	s = s[:min(n, len(s))]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

func suffix(s string, n int) string {
	s = s[len(s)-min(n, len(s)):]
	for !utf8.ValidString(s) {
		s = s[1:]
	}
	return s
}

// A paragraph not found costs a scan of the rest of the page, and one
// looked for again from the page's start (a title from a meta tag, text
// the extractor moved) a scan of all of it: after maxMisses of the one
// and maxRescans of the other, paragraphs are no longer looked for, so
// that the cost stays linear in the page's length.
const (
	maxMisses  = 64
	maxRescans = 16
)

// htmlPieces returns where each paragraph of the main text (paras, as
// extractHTML joins them, apart by a blank line) stands in page. A
// paragraph is looked for after the one before it. A paragraph not found
// has no piece.
func htmlPieces(page string, paras []string) []piece {
	pt := newPageText(page)
	var pieces []piece
	at, from, misses, rescans := 0, 0, 0, 0
	for _, p := range paras {
		if misses >= maxMisses {
			break
		}
		start, end, next, ok := pt.find(p, from)
		if !ok && rescans < maxRescans {
			rescans++
			start, end, next, ok = pt.find(p, 0)
		}
		if ok {
			pieces = append(pieces, piece{text: at, n: len(p), file: start, m: end - start, exact: page[start:end] == p})
			from = max(from, next)
		} else {
			misses++
		}
		at += len(p) + len("\n\n")
	}
	return pieces
}
