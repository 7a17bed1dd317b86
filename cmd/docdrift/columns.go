package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/docdrift/docdrift/normalize"
)

// highlight is a span of the original text to show in a color.
type highlight struct {
	start, end int
	style      *color.Color
}

// word is a piece of a line that wraps as a whole: a run of non-space
// characters of Latin script, or one wide character (Han, kana, full-width
// punctuation), which may wrap anywhere.
type word struct {
	runs  []styledRun
	width int
	space bool // a space separates it from the word before
}

type styledRun struct {
	text  string
	style *color.Color
}

// wrapStyled lays out text (the original from byte offset base) in lines
// of at most width terminal columns, white space collapsed, each span in
// hl (sorted, not overlapping) in its color, and returns each line with its
// width. Text goes through normalize.Visible(): no control character reaches the
// terminal.
func wrapStyled(text string, base int, hl []highlight, width int) (lines []string, widths []int) {
	width = max(width, 8)
	words := splitWords(text, base, hl)
	var (
		b    strings.Builder
		w    int
		run  strings.Builder // characters of one style waiting to be written
		runS *color.Color
	)
	put := func(s string, st *color.Color) {
		if st != runS {
			endRun(&b, &run, runS)
			runS = st
		}
		run.WriteString(s)
	}
	flush := func() {
		endRun(&b, &run, runS)
		lines, widths = append(lines, b.String()), append(widths, w)
		b.Reset()
		w = 0
	}
	for k, wd := range words {
		sp := 0
		if wd.space && w > 0 {
			sp = 1
		}
		need := wd.width
		if k+1 < len(words) && !words[k+1].space && noBreakBefore(words[k+1]) {
			need += words[k+1].width // keep "。" off the start of a line
		}
		if w+sp+need > width && w > 0 {
			flush()
			sp = 0
		}
		if sp == 1 {
			put(" ", nil)
			w++
		}
		for _, r := range wd.runs {
			// A word wider than a line is cut where it overflows.
			for _, c := range r.text {
				cw := normalize.DisplayWidth(string(c))
				if w+cw > width && w > 0 {
					flush()
				}
				put(string(c), r.style)
				w += cw
			}
		}
	}
	if w > 0 || len(lines) == 0 {
		flush()
	}
	return lines, widths
}

// endRun writes the pending characters of one style to b.
func endRun(b, run *strings.Builder, st *color.Color) {
	if run.Len() == 0 {
		return
	}
	if st == nil {
		b.WriteString(run.String())
	} else {
		b.WriteString(st.Sprint(run.String()))
	}
	run.Reset()
}

// noBreakBefore reports a word that may not begin a line: closing
// punctuation, after the line-breaking rules of Chinese and Japanese.
func noBreakBefore(wd word) bool {
	if len(wd.runs) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(wd.runs[0].text)
	return unicode.In(r, unicode.Po, unicode.Pe, unicode.Pf) && normalize.DisplayWidth(string(r)) == 2
}

// splitWords cuts text into words, each character styled by the highlight
// covering it.
func splitWords(text string, base int, hl []highlight) []word {
	var (
		out   []word
		space bool
		h     int
	)
	styleAt := func(off int) *color.Color { // nil for plain text
		for h < len(hl) && hl[h].end <= off {
			h++
		}
		if h < len(hl) && hl[h].start <= off {
			return hl[h].style
		}
		return nil
	}
	open := false
	for i, r := range text {
		if unicode.IsSpace(r) {
			space, open = true, false
			continue
		}
		s := normalize.Visible(string(r))
		cw := normalize.DisplayWidth(s)
		wide := cw >= 2 && utf8.RuneCountInString(s) == 1
		if wide || !open {
			out = append(out, word{space: space})
		}
		open = !wide
		space = false
		wd := &out[len(out)-1]
		st := styleAt(base + i)
		if n := len(wd.runs); n > 0 && wd.runs[n-1].style == st {
			wd.runs[n-1].text += s
		} else {
			wd.runs = append(wd.runs, styledRun{s, st})
		}
		wd.width += cw
	}
	return out
}

// sideBySide joins two columns of lines, each padded to width, with a rule
// between them and indent before.
func sideBySide(indent string, rule string, width int, left []string, lw []int, right []string, rw []int) string {
	var b strings.Builder
	for i := range max(len(left), len(right)) {
		b.WriteString(indent)
		used := 0
		if i < len(left) {
			b.WriteString(left[i])
			used = lw[i]
		}
		b.WriteString(strings.Repeat(" ", max(0, width-used)))
		b.WriteString(rule)
		if i < len(right) {
			b.WriteString(right[i])
		}
		b.WriteByte('\n')
	}
	return b.String()
}
