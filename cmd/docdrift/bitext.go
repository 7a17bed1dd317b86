package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/term"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/normalize"
)

// bitextKinds are what --only accepts when diff aligns a translation.
var bitextKinds = []diff.BiKind{diff.Paired, diff.Repeat, diff.OldOnly, diff.NewOnly}

// defaultWidth is the width of side-by-side output when stdout is not a
// terminal and --width is not given; --width takes minWidth to maxWidth
// columns. The bound keeps a mistyped width from padding every line with
// gigabytes of spaces; no terminal is wider.
const (
	defaultWidth = 100
	minWidth     = 40
	maxWidth     = 1000
)

// bitextReport is a document aligned with its translation, ready to render.
type bitextReport struct {
	old, new         *normalize.Document
	oldID, newID     string
	oldLang, newLang string
	t                *diff.Bitext
	labels           map[string]string // concept labels by id
	only             []diff.BiKind
	width            int
}

// runBitext aligns two documents in different languages.
func runBitext(u *ui, opts diffOptions, old, new *normalize.Document, oldLang, newLang string, glossary <-chan glossaryResult) error {
	only := make([]diff.BiKind, 0, len(opts.only))
	for _, k := range opts.only {
		bk := diff.BiKind(k)
		if !slices.Contains(bitextKinds, bk) {
			return usagef("--only %q: %s and %s are in different languages; use paired, repeat, old-only or new-only", k, opts.oldPath, opts.newPath)
		}
		only = append(only, bk)
	}
	gl := <-glossary
	if gl.err != nil {
		return gl.err
	}
	labels := map[string]string{}
	for _, c := range gl.glossary.Concepts {
		labels[c.ID] = c.Label
	}
	t := diff.Translate(old, new, diff.BitextOptions{Captions: opts.captions, Concepts: gl.matcher})
	r := bitextReport{old: old, new: new, oldID: opts.oldLabel, newID: opts.newLabel,
		oldLang: oldLang, newLang: newLang, t: t, labels: labels, only: only, width: opts.width}
	if r.width == 0 {
		r.width = terminalWidth(u)
	}
	return render(u, r, t.Summary.Differences())
}

func terminalWidth(u *ui) int {
	if f, ok := fileOf(u.out); ok && isTerminal(f) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols >= minWidth {
			return cols
		}
	}
	return defaultWidth
}

func (r bitextReport) shown(p diff.BiPassage) bool {
	return len(r.only) == 0 || slices.Contains(r.only, p.Kind)
}

func (r bitextReport) summaryLine() string {
	s := r.t.Summary
	return fmt.Sprintf("%d paired, %d repeats, %d only in %s, %d only in %s; figures %d matched, %d on one side; concepts %d matched, %d on one side",
		s.Paired, s.Repeats, s.OldOnly, r.oldID, s.NewOnly, r.newID, s.FiguresMatched, s.FiguresOneSide, s.ConceptsMatched, s.ConceptsOneSide)
}

func paragraphs(s *diff.BiSide) string {
	if s == nil {
		return "–"
	}
	p := fmt.Sprintf("¶%d", s.Paragraph)
	if s.EndParagraph > s.Paragraph {
		p += fmt.Sprintf("–%d", s.EndParagraph)
	}
	return p + " line " + lineRange(s.Line, s.EndLine)
}

func (r bitextReport) header(i int, p diff.BiPassage) string {
	h := fmt.Sprintf("%s ↔ %s — %d/%d — %s", r.oldID, r.newID, i+1, len(r.t.Passages), p.Kind)
	if p.RepeatOf > 0 {
		id := r.oldID
		if p.RepeatSide == "new" {
			id = r.newID
		}
		h += fmt.Sprintf(" of %s ¶%d", id, p.RepeatOf)
	}
	h += fmt.Sprintf(" — %s ↔ %s", paragraphs(p.Old), paragraphs(p.New))
	if p.LengthRatio > 0 {
		h += fmt.Sprintf(" — length %.2f× expected", p.LengthRatio)
	}
	return h
}

// text prints each passage as two columns, old on the left, a row per
// sentence pair, the matched figures and concepts in color, then what was
// found on one side only.
func (r bitextReport) text(u *ui) {
	col := (r.width - 5) / 2
	for i, p := range r.t.Passages {
		if !r.shown(p) {
			continue
		}
		fmt.Fprintln(u.out, u.bold.Sprint(visibleName(r.header(i, p))))
		for k, sp := range p.Sentences {
			if k > 0 {
				fmt.Fprintln(u.out, "  "+strings.Repeat(" ", col)+" │")
			}
			l, lw := r.column(u, sp.Old, p.Old, col)
			rt, rw := r.column(u, sp.New, p.New, col)
			fmt.Fprint(u.out, sideBySide("  ", " │ ", col, l, lw, rt, rw))
		}
		for _, line := range r.markLines(u.warn.Sprint, p) {
			fmt.Fprintln(u.out, "  "+line)
		}
		fmt.Fprintln(u.out)
	}
	fmt.Fprintf(u.out, "%s\n", visibleName(fmt.Sprintf("%s (%s) ↔ %s (%s), a translation: %s", r.oldID, r.oldLang, r.newID, r.newLang, r.summaryLine())))
}

// column lays out one side of a sentence pair, a piece per paragraph.
func (r bitextReport) column(u *ui, pieces []diff.Side, b *diff.BiSide, width int) ([]string, []int) {
	if len(pieces) == 0 {
		return []string{u.dim.Sprint("·")}, []int{1}
	}
	var lines []string
	var widths []int
	for _, s := range pieces {
		l, w := r.piece(u, s, b, width)
		lines, widths = append(lines, l...), append(widths, w...)
	}
	return lines, widths
}

// piece lays out one piece of text, its marks highlighted.
func (r bitextReport) piece(u *ui, s diff.Side, b *diff.BiSide, width int) ([]string, []int) {
	var hl []highlight
	for _, m := range b.Marks {
		if m.Start < s.Start || m.End > s.End || len(hl) > 0 && m.Start < hl[len(hl)-1].end {
			continue
		}
		st := u.moved
		switch {
		case !m.Matched:
			st = u.warn
		case m.Kind == diff.AnchorFigure:
			st = u.ins
		}
		hl = append(hl, highlight{m.Start, m.End, st})
	}
	return wrapStyled(s.Text, s.Start, hl, width)
}

// markLines says which figures and concepts each side has that the other
// lacks, and which figures match.
func (r bitextReport) markLines(flag func(...any) string, p diff.BiPassage) []string {
	var out []string
	if p.Old != nil && p.New != nil {
		var pairs []string
		for _, m := range p.Old.Marks {
			if m.Kind != diff.AnchorFigure || !m.Matched {
				continue
			}
			if n, ok := partner(m, p.New.Marks); ok {
				pairs = append(pairs, normalize.Visible(m.Text)+" = "+normalize.Visible(n.Text))
			}
		}
		if len(pairs) > 0 {
			out = append(out, "figures matched: "+strings.Join(dedupe(pairs), " · "))
		}
		if cs := r.concepts(p.Old.Marks, true); len(cs) > 0 {
			out = append(out, "concepts matched: "+strings.Join(cs, " · "))
		}
	}
	for _, side := range []struct {
		id string
		b  *diff.BiSide
	}{{r.oldID, p.Old}, {r.newID, p.New}} {
		if side.b == nil || p.Old == nil || p.New == nil {
			continue
		}
		var figs []string
		for _, m := range side.b.Marks {
			if m.Kind == diff.AnchorFigure && !m.Matched {
				figs = append(figs, normalize.Visible(m.Text))
			}
		}
		if len(figs) > 0 {
			out = append(out, flag("figures only in "+visibleName(side.id)+": ")+strings.Join(dedupe(figs), " · "))
		}
		if cs := r.concepts(side.b.Marks, false); len(cs) > 0 {
			out = append(out, flag("concepts only in "+visibleName(side.id)+": ")+strings.Join(cs, " · "))
		}
	}
	return out
}

// concepts lists the labels of the concepts marked, matched or not.
func (r bitextReport) concepts(ms []diff.Mark, matched bool) []string {
	var out []string
	for _, m := range ms {
		if m.Kind == diff.AnchorConcept && m.Matched == matched {
			out = append(out, normalize.Visible(r.label(m.Key)))
		}
	}
	return dedupe(out)
}

func (r bitextReport) label(id string) string {
	if l, ok := r.labels[id]; ok {
		return l
	}
	return id
}

// partner finds the figure of the other side that matches m.
func partner(m diff.Mark, other []diff.Mark) (diff.Mark, bool) {
	for _, n := range other {
		if n.Kind == m.Kind && n.Key == m.Key && n.Matched {
			return n, true
		}
	}
	return diff.Mark{}, false
}

func dedupe(s []string) []string {
	var out []string
	for _, x := range s {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// markdown prints a table per passage, a row per sentence pair, figures
// matched in bold and figures on one side flagged.
func (r bitextReport) markdown(u *ui) {
	fmt.Fprintf(u.out, "### docdrift: %s (%s) ↔ %s (%s), a translation\n\n", mdEscape(r.oldID), r.oldLang, mdEscape(r.newID), r.newLang)
	fmt.Fprintf(u.out, "**%s**\n\n", mdEscape(r.summaryLine()))
	for i, p := range r.t.Passages {
		if !r.shown(p) {
			continue
		}
		fmt.Fprintf(u.out, "#### %s\n\n", mdEscape(r.header(i, p)))
		fmt.Fprintf(u.out, "| %s | %s |\n|---|---|\n", mdEscape(r.oldID), mdEscape(r.newID))
		for _, sp := range p.Sentences {
			fmt.Fprintf(u.out, "| %s | %s |\n", mdSide(sp.Old, p.Old), mdSide(sp.New, p.New))
		}
		fmt.Fprintln(u.out)
		flag := func(a ...any) string { return "⚠ " + fmt.Sprint(a...) }
		for _, line := range r.markLines(flag, p) {
			fmt.Fprintf(u.out, "- %s\n", mdEscape(line))
		}
		fmt.Fprintln(u.out)
	}
}

// mdSide renders one side of a sentence pair, its paragraphs separated by
// line breaks: matched figures in bold, figures on one side only in
// italics with a warning sign.
func mdSide(pieces []diff.Side, b *diff.BiSide) string {
	if len(pieces) == 0 {
		return "·"
	}
	var out []string
	for _, s := range pieces {
		out = append(out, mdPiece(s, b))
	}
	return strings.Join(out, "<br>")
}

func mdPiece(s diff.Side, b *diff.BiSide) string {
	var out strings.Builder
	at := s.Start
	for _, m := range b.Marks {
		if m.Kind != diff.AnchorFigure || m.Start < at || m.End > s.End {
			continue
		}
		out.WriteString(mdInline(s.Text[at-s.Start : m.Start-s.Start]))
		if m.Matched {
			out.WriteString("**" + mdEscape(m.Text) + "**")
		} else {
			out.WriteString("⚠*" + mdEscape(m.Text) + "*")
		}
		at = m.End
	}
	out.WriteString(mdInline(s.Text[at-s.Start:]))
	return strings.TrimSpace(out.String())
}

// mdInline is mdEscape for a piece of a line: white space at its edges is
// kept, as one space.
func mdInline(s string) string {
	out := mdEscape(s)
	if t := strings.TrimLeftFunc(s, unicode.IsSpace); t != s && out != "" {
		out = " " + out
	}
	if t := strings.TrimRightFunc(s, unicode.IsSpace); t != s {
		out += " "
	}
	return out
}

// bitextJSON is the schema docdrift.bitext/v1.
type bitextJSON struct {
	Schema   string           `json:"schema"`
	Old      langRef          `json:"old"`
	New      langRef          `json:"new"`
	Ratio    float64          `json:"ratio"`
	Summary  diff.BiSummary   `json:"summary"`
	Passages []diff.BiPassage `json:"passages"`
}

type langRef struct {
	docRef
	Lang string `json:"lang"`
}

func (r bitextReport) json() any {
	ps := r.t.Passages
	if ps == nil {
		ps = []diff.BiPassage{}
	}
	return bitextJSON{
		Schema:   "docdrift.bitext/v1",
		Old:      langRef{docRef{Path: r.old.Path, ID: r.oldID, Encoding: r.old.Encoding}, r.oldLang},
		New:      langRef{docRef{Path: r.new.Path, ID: r.newID, Encoding: r.new.Encoding}, r.newLang},
		Ratio:    r.t.Ratio,
		Summary:  r.t.Summary,
		Passages: biPassagesInFile(r.old, r.new, ps),
	}
}
