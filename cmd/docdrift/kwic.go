package main

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/normalize"
)

// maxContext is the most characters of context kwic --width shows on each
// side of a match: more than a line of any document read on screen.
const maxContext = 1000

func kwicCommand() *cli.Command {
	return &cli.Command{
		Name:      "kwic",
		Usage:     "show every occurrence of a concept in context, document by document",
		ArgsUsage: "TERM CORPUS",
		Description: `A concordance (keyword in context): every occurrence of TERM — in any of its glossary
wordings, English or Chinese — with the words around it, grouped by document in date
order, each with its line number.

Examples:
   docdrift kwic "dispute settlement" fixtures/opening-up
   docdrift kwic 人类命运共同体 fixtures/opening-up`,
		Flags: []cli.Flag{
			glossaryFlag(),
			&cli.IntFlag{Name: "width", Value: 40, Usage: "characters of context on each side, 1 to 1000"},
			encodingFlag(),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd)
			if err != nil {
				return err
			}
			if cmd.NArg() < 2 {
				return usagef("kwic: name a term and a corpus")
			}
			width := int(cmd.Int("width"))
			if width < 1 || width > maxContext {
				return usagef("--width %d: use 1 to %d characters of context", width, maxContext)
			}
			term := cmd.Args().First()
			_, docs, tc, qs, _, err := themeCorpus(u, cmd.Args().Tail(), cmd.String("encoding"), cmd.String("glossary"), []string{term})
			if err != nil {
				return err
			}
			t := tc.Theme(term, qs[0].concept, qs[0].known)
			total := 0
			for _, d := range docs {
				ms := t.Matches[d.ID]
				if len(ms) == 0 {
					continue
				}
				fmt.Fprintln(u.out, u.bold.Sprintf("==> %s (%s) — %d <==", visibleName(d.ID), visibleName(d.Date), len(ms)))
				for _, m := range ms {
					left := lastRunes(spaced(d.doc.Text[lineStart(d.doc.Text, m.Start):m.Start]), width)
					right := firstRunes(spaced(d.doc.Text[m.End:lineEnd(d.doc.Text, m.End)]), width)
					pad := strings.Repeat(" ", max(0, 2*width-cellWidth(left)))
					if !hasHanText(left) {
						pad = strings.Repeat(" ", max(0, width-cellWidth(left)))
					}
					fmt.Fprintf(u.out, "%5d  %s%s%s%s\n", m.Line, pad, normalize.Visible(left), u.ins.Sprint(normalize.Visible(m.Text)), normalize.Visible(right))
					total++
				}
			}
			fmt.Fprintf(u.out, "%d occurrences of %s in %d documents\n", total, visibleName(t.Label), len(docs))
			return nil
		},
	}
}

// spaced turns each run of white space into one space, keeping one at
// either end if there was one: context must not glue to the match.
func spaced(s string) string {
	out := strings.Join(strings.Fields(s), " ")
	if out == "" {
		return strings.TrimSpace(s[:min(len(s), 1)])
	}
	if s[0] == ' ' || s[0] == '\t' {
		out = " " + out
	}
	if c := s[len(s)-1]; c == ' ' || c == '\t' {
		out += " "
	}
	return out
}

func lineStart(s string, i int) int { return strings.LastIndexAny(s[:i], "\n\r") + 1 }

func lineEnd(s string, i int) int {
	if k := strings.IndexAny(s[i:], "\n\r"); k >= 0 {
		return i + k
	}
	return len(s)
}

func lastRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-n+1:])
}

func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
