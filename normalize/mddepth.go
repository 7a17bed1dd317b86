package normalize

import "strings"

// maxMarkdownDepth bounds how deep block quotes and lists may nest in a
// file read as Markdown. goldmark's block parser revisits every open
// container on each line, so its time grows with the square of the
// nesting: ">" repeated 400,000 times took 72 s and a list nested 2,000
// deep 9.4 s and 757 MB. Real documents nest a few levels; markdown-it
// stops at 100. Deeper files are read as plain text, with a warning.
const maxMarkdownDepth = 100

// markdownDepth returns an upper bound on how deep block containers nest
// on any line of src: the block-quote markers and list bullets a line
// opens with, plus one level for every two columns of indentation before
// the first of them (a nested list item is indented by at least two
// columns per level). A line of plain text counts 0, however indented.
// The cost is linear in len(src).
func markdownDepth(src string) int {
	deepest := 0
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		if d := lineDepth(line); d > deepest {
			deepest = d
		}
	}
	return deepest
}

// lineDepth is markdownDepth for one line.
func lineDepth(line string) int {
	markers, indent, first := 0, 0, true
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			if first {
				indent++
				if c == '\t' {
					indent += 3
				}
			}
			i++
		case c == '>':
			markers, first = markers+1, false
			i++
		default:
			n := listMarker(line[i:])
			if n == 0 {
				return depthOf(markers, indent)
			}
			markers, first = markers+1, false
			i += n
		}
	}
	return depthOf(markers, indent)
}

func depthOf(markers, indent int) int {
	if markers == 0 {
		return 0
	}
	return markers + indent/2
}

// listMarker returns the length of a list marker ("-", "+", "*", or up
// to nine digits and "." or ")") at the start of s when a space, a tab or
// the end of the line follows it, else 0.
func listMarker(s string) int {
	n := 0
	switch {
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) || s[n] != '.' && s[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}
