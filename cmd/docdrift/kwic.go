package main

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
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
order, each with its line number. --format markdown gives a table per document,
--format json (schema docdrift.kwic/v1) each match with its line, byte offsets and context.

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
			k := concordance(docs, t.Matches, width)
			k.term, k.label = term, t.Label
			return renderKwic(u, k)
		},
	}
}

// kwic is a concordance: each document's occurrences of a concept, in
// corpus order, over docs documents.
type kwic struct {
	term, label string
	width, docs int
	found       []kwicDoc
}

// kwicDoc is a document's occurrences of a concept.
type kwicDoc struct {
	doc   loadedDoc
	lines []kwicLine
}

// kwicLine is one occurrence with its context on its line: at most width
// characters each side, cut with "…", white space runs as one space.
type kwicLine struct {
	Line  int    `json:"line"`
	Start int    `json:"start"` // byte offsets of the match in the file
	End   int    `json:"end"`
	Text  string `json:"text"`
	Left  string `json:"left"`
	Right string `json:"right"`
}

// concordance gathers each document's occurrences, in corpus order.
func concordance(docs []loadedDoc, matches map[string][]themes.Match, width int) kwic {
	k := kwic{width: width, docs: len(docs)}
	for _, d := range docs {
		ms := matches[d.ID]
		if len(ms) == 0 {
			continue
		}
		kd := kwicDoc{doc: d}
		for _, m := range ms {
			l := kwicLine{Line: m.Line, Text: d.doc.Text[m.Start:m.End],
				Left:  lastRunes(spaced(d.doc.Text[lineStart(d.doc.Text, m.Start):m.Start]), width),
				Right: firstRunes(spaced(d.doc.Text[m.End:lineEnd(d.doc.Text, m.End)]), width)}
			l.Start, l.End = d.doc.Source(m.Start, m.End)
			kd.lines = append(kd.lines, l)
		}
		k.found = append(k.found, kd)
	}
	return k
}

func (k kwic) total() int {
	n := 0
	for _, kd := range k.found {
		n += len(kd.lines)
	}
	return n
}

func renderKwic(u *ui, k kwic) error {
	switch u.format {
	case formatJSON:
		return writeJSON(u, toKwicJSON(k))
	case formatMarkdown:
		writeKwicMarkdown(u, k)
	default:
		writeKwicText(u, k)
	}
	return nil
}

func writeKwicText(u *ui, k kwic) {
	for _, kd := range k.found {
		d := kd.doc
		fmt.Fprintln(u.out, u.bold.Sprintf("==> %s (%s) — %d <==", visibleName(d.ID), visibleName(d.Date), len(kd.lines)))
		for _, l := range kd.lines {
			pad := strings.Repeat(" ", max(0, 2*k.width-cellWidth(l.Left)))
			if !hasHanText(l.Left) {
				pad = strings.Repeat(" ", max(0, k.width-cellWidth(l.Left)))
			}
			fmt.Fprintf(u.out, "%5d  %s%s%s%s\n", l.Line, pad, normalize.Visible(l.Left), u.ins.Sprint(normalize.Visible(l.Text)), normalize.Visible(l.Right))
		}
	}
	fmt.Fprintf(u.out, "%d occurrences of %s in %d documents\n", k.total(), visibleName(k.label), k.docs)
}

// writeKwicMarkdown writes a heading per document and a table of its
// occurrences, the match in bold.
func writeKwicMarkdown(u *ui, k kwic) {
	fmt.Fprintf(u.out, "### docdrift kwic: %s — %d occurrences in %d documents\n", mdEscape(k.label), k.total(), k.docs)
	for _, kd := range k.found {
		fmt.Fprintf(u.out, "\n#### %s (%s) — %d\n\n| line | before | match | after |\n|--:|--:|---|---|\n", mdEscape(kd.doc.ID), mdEscape(kd.doc.Date), len(kd.lines))
		for _, l := range kd.lines {
			fmt.Fprintf(u.out, "| %d | %s | **%s** | %s |\n", l.Line, mdEscape(l.Left), mdEscape(l.Text), mdEscape(l.Right))
		}
	}
}

// kwicJSON is kwic --format json: the schema docdrift.kwic/v1.
type kwicJSON struct {
	Schema    string        `json:"schema"`
	Term      string        `json:"term"`
	Label     string        `json:"label"`
	Width     int           `json:"width"`
	Total     int           `json:"total"`
	Searched  int           `json:"documents_searched"`
	Documents []kwicDocJSON `json:"documents"`
}

type kwicDocJSON struct {
	corpus.Document
	Matches []kwicLine `json:"matches"`
}

func toKwicJSON(k kwic) kwicJSON {
	out := kwicJSON{Schema: "docdrift.kwic/v1", Term: k.term, Label: k.label, Width: k.width, Total: k.total(), Searched: k.docs, Documents: []kwicDocJSON{}}
	for _, kd := range k.found {
		out.Documents = append(out.Documents, kwicDocJSON{Document: kd.doc.Document, Matches: kd.lines})
	}
	return out
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
