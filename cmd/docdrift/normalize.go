package main

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/normalize"
)

// normalizeOptions are the settings of "docdrift normalize".
type normalizeOptions struct {
	paths    []string
	explain  bool
	encoding string
}

func normalizeCommand() *cli.Command {
	return &cli.Command{
		Name:      "normalize",
		Usage:     "print documents as docdrift reads them: page furniture removed, white space tidied",
		ArgsUsage: "FILE... | CORPUS",
		Description: `Prints each document's text in its original wording, without page furniture
(share buttons, navigation rows, image file names, bylines, citation boxes) and
with white space tidied. Photo captions are kept. With --explain, lists every
block of the document instead: its lines, its class (heading, body, list,
caption, furniture) and why, so that nothing is dropped unseen.

Input may be UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5;
the encoding is detected unless --encoding names it. A saved web page (.html, or
a file starting <!DOCTYPE html) is read for its main text, a Markdown file (.md)
without its markup; --explain lists what either left out.

Examples:
   docdrift normalize fixtures/opening-up/*.txt
   docdrift normalize --explain fixtures/opening-up/qiushi-2024.txt
   docdrift normalize --format json fixtures/opening-up
   docdrift normalize --encoding gb18030 old-report.txt
   docdrift normalize --explain saved-page.html`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "explain", Usage: "list every block with its class and the reason for it, instead of the text"},
			&cli.StringFlag{Name: "encoding", Usage: "read input in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030, gbk or big5"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			u, err := newUI(cmd)
			if err != nil {
				return err
			}
			if cmd.NArg() == 0 {
				return usagef("normalize: name at least one file or a corpus directory")
			}
			opts := normalizeOptions{paths: cmd.Args().Slice(), explain: cmd.Bool("explain"), encoding: cmd.String("encoding")}
			return runNormalize(u, opts)
		},
	}
}

// runNormalize reads every document and prints it. A file that cannot be
// read is reported on stderr and the others are still printed; the exit
// status is then 2.
func runNormalize(u *ui, opts normalizeOptions) error {
	c, err := corpus.Load(opts.paths)
	if err != nil {
		return err
	}
	for _, s := range c.Skipped {
		u.warnf(opts.paths[0], "skipped %s", s)
	}
	var docs []*normalize.Document
	failed := false
	for _, d := range c.Documents {
		// A bad --encoding stops everything; a bad file is reported and
		// the others still printed.
		doc, err := readDocument(u, d.Path, opts.encoding)
		var ue usageError
		switch {
		case errors.As(err, &ue):
			return err
		case err != nil:
			fmt.Fprintf(u.err, "docdrift: %s\n", visibleName(err.Error()))
			failed = true
			continue
		}
		docs = append(docs, doc)
	}
	if err := printNormalized(u, docs, opts.explain); err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}

func printNormalized(u *ui, docs []*normalize.Document, explain bool) error {
	switch u.format {
	case formatJSON:
		return writeJSON(u, toNormalizeJSON(docs))
	case formatMarkdown:
		return usagef("normalize: --format markdown is not available; use text or json")
	}
	for i, doc := range docs {
		if len(docs) > 1 || explain {
			if i > 0 {
				fmt.Fprintln(u.out)
			}
			fmt.Fprintln(u.out, u.bold.Sprintf("==> %s <==", visibleName(doc.Path)))
		}
		if explain {
			printExplain(u, doc)
		} else {
			fmt.Fprint(u.out, normalize.Visible(doc.Clean()))
		}
	}
	return nil
}

// previewWidth is how many characters of a kept block --explain shows.
const previewWidth = 72

// printExplain lists every block of doc with its lines, kind and reason,
// and every run of blank lines, so that each line of the input is
// accounted for. Dropped blocks are shown in full.
func printExplain(u *ui, doc *normalize.Document) {
	switch doc.Format {
	case normalize.FormatHTML:
		fmt.Fprintf(u.out, "HTML page: its main text is read (readeck/go-readability); %d lines of the page's text are not:\n", len(doc.Dropped))
	case normalize.FormatMarkdown:
		fmt.Fprintf(u.out, "Markdown: its text is read without markup (goldmark); %d pieces of it are not text:\n", len(doc.Dropped))
	}
	for _, line := range doc.Dropped {
		fmt.Fprintf(u.out, "%-9s %s  %s\n", "source", u.warn.Sprintf("%-9s", "left out"), normalize.Visible(line))
	}
	gap := "blank"
	if doc.Format != normalize.FormatText {
		// Lines are the file's: between blocks lie markup and blank lines.
		fmt.Fprintln(u.out, "The text read, at its lines in the file:")
		gap = "no text"
	}
	counts := doc.Counts()
	fmt.Fprintf(u.out, "%s, %d lines: %d blocks (%d body, %d heading, %d list, %d caption, %d furniture dropped), %d sentences\n",
		doc.Encoding, doc.Lines(), len(doc.Blocks), counts[normalize.Body], counts[normalize.Heading],
		counts[normalize.ListItem], counts[normalize.Caption], counts[normalize.Furniture], len(doc.Sentences))
	next := 1 // first line not yet accounted for
	for _, b := range doc.Blocks {
		printBlank(u, gap, next, b.Line-1)
		text := normalize.Tidy(doc.Text[b.Start:b.End])
		kind := b.Kind.String()
		if b.Kind == normalize.Furniture {
			fmt.Fprintf(u.out, "%-9s %s  %s\n", lineRange(b.Line, b.EndLine), u.warn.Sprintf("%-9s", "dropped"), normalize.Visible(text))
			fmt.Fprintf(u.out, "%-9s ↳ furniture: %s\n", "", b.Reason)
		} else {
			fmt.Fprintf(u.out, "%-9s %-9s  %s\n", lineRange(b.Line, b.EndLine), kind, normalize.Visible(truncate(text, previewWidth)))
			if b.Reason != "" {
				fmt.Fprintf(u.out, "%-9s ↳ %s: %s\n", "", kind, b.Reason)
			}
		}
		printLinks(u, doc, b)
		next = b.EndLine + 1
	}
	printBlank(u, gap, next, doc.Lines())
}

// printLinks lists the Markdown links of a block: their words are
// compared, their addresses are not.
func printLinks(u *ui, doc *normalize.Document, b normalize.Block) {
	for _, l := range doc.Links {
		if l.Start >= b.Start && l.End <= b.End {
			fmt.Fprintf(u.out, "%-9s ↳ link: %s → %s (address not compared)\n", "",
				normalize.Visible(normalize.Tidy(doc.Text[l.TextStart:l.TextEnd])), normalize.Visible(l.URL))
		}
	}
}

// printBlank accounts for the lines from to to that hold no block, as
// label says: blank, or (for markup) no text.
func printBlank(u *ui, label string, from, to int) {
	if from > to {
		return
	}
	if n := to - from + 1; n > 1 {
		label = fmt.Sprintf("%s (%d lines)", label, n)
	}
	fmt.Fprintf(u.out, "%-9s %s\n", lineRange(from, to), u.dim.Sprint(label))
}

func lineRange(from, to int) string {
	if from == to {
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d-%d", from, to)
}

// truncate cuts s to at most n characters, marking the cut with "…".
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// normalizeJSON is the schema docdrift.normalize/v1.
type normalizeJSON struct {
	Schema    string           `json:"schema"`
	Documents []normalizedJSON `json:"documents"`
}

type normalizedJSON struct {
	Path     string      `json:"path"`
	Encoding string      `json:"encoding"`
	Format   string      `json:"format"`            // text; html, markdown for a file read without its markup
	Dropped  []string    `json:"dropped,omitempty"` // what reading left out (see normalize.Document.Dropped)
	Links    []linkJSON  `json:"links,omitempty"`   // Markdown links left in a text: words compared, address not
	Warnings []string    `json:"warnings"`
	Lines    int         `json:"lines"`
	Blocks   []blockJSON `json:"blocks"`
	Clean    string      `json:"clean"`
}

type blockJSON struct {
	Kind      normalize.Kind `json:"kind"`
	Reason    string         `json:"reason,omitempty"`
	Line      int            `json:"line"`
	EndLine   int            `json:"end_line"`
	Start     int            `json:"start"`
	End       int            `json:"end"`
	Text      string         `json:"text"`
	Sentences []spanJSON     `json:"sentences"`
}

type linkJSON struct {
	Start int    `json:"start"` // the whole link, "[" to ")"
	End   int    `json:"end"`
	Line  int    `json:"line"`
	Text  string `json:"text"` // its words
	URL   string `json:"url"`
}

type spanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Key   string `json:"key"`
}

func toNormalizeJSON(docs []*normalize.Document) normalizeJSON {
	out := normalizeJSON{Schema: "docdrift.normalize/v1", Documents: []normalizedJSON{}}
	for _, d := range docs {
		nd := normalizedJSON{Path: d.Path, Encoding: d.Encoding, Format: d.Format, Dropped: d.Dropped, Warnings: d.Warnings, Lines: d.Lines(), Clean: d.Clean(), Blocks: []blockJSON{}}
		if nd.Warnings == nil {
			nd.Warnings = []string{}
		}
		for _, l := range d.Links {
			lj := linkJSON{Line: d.LineAt(l.Start), Text: d.Text[l.TextStart:l.TextEnd], URL: l.URL}
			lj.Start, lj.End = d.Source(l.Start, l.End)
			nd.Links = append(nd.Links, lj)
		}
		for _, b := range d.Blocks {
			bj := blockJSON{Kind: b.Kind, Reason: b.Reason, Line: b.Line, EndLine: b.EndLine,
				Text: d.Text[b.Start:b.End], Sentences: []spanJSON{}}
			bj.Start, bj.End = d.Source(b.Start, b.End)
			for _, s := range d.Sentences[b.First:b.Last] {
				sj := spanJSON{Text: d.Text[s.Start:s.End], Key: s.Key}
				sj.Start, sj.End = d.Source(s.Start, s.End)
				bj.Sentences = append(bj.Sentences, sj)
			}
			nd.Blocks = append(nd.Blocks, bj)
		}
		out.Documents = append(out.Documents, nd)
	}
	return out
}

// writeJSON writes v as indented JSON. Document text is escaped by the
// encoder (C0 controls become \u00XX, and HTML characters too) and then
// by jsonEscape, so that no character normalize.Visible would escape
// reaches a terminal or a reader raw. A report's passages are written
// one at a time (streamJSON).
func writeJSON(u *ui, v any) error {
	return streamJSON(u.out, v)
}

// belowDEL reports whether each of the eight bytes of x is below 0x7f:
// adding one to each byte sets its high bit when it is 0x7f or more (a
// carry out of 0xff lands on a byte whose high bit is set already, and
// makes the answer false, as it must be).
func belowDEL(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x|(x+ones))&highs == 0
}

// jsonEscape rewrites as \uXXXX the characters encoding/json leaves raw
// that normalize.Invisible names: DEL, the C1 controls (U+009B is a CSI
// to some terminals) and bidi controls (U+202E reverses what follows).
// They can only be inside strings, so the JSON stays valid and decodes
// to the same text. O(len(b)); b is returned as is when none is found.
func jsonEscape(b []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(b); {
		if i+8 <= len(b) && belowDEL(binary.LittleEndian.Uint64(b[i:])) {
			i += 8 // eight bytes of ASCII below DEL at once
			continue
		}
		if b[i] < 0x7f { // ASCII below DEL: most of the output, and never escaped
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r >= 0x7f && normalize.Invisible(r) {
			out = append(out, b[last:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			last = i + n
		}
		i += n
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}
