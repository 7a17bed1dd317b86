package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
)

// text prints the comparison for a terminal: each shown passage under a
// header that orients (ids, passage number, kind, score, lines), then the
// summary. Document text always goes through normalize.Visible(), names
// through visibleName.
func (r diffReport) text(u *ui) {
	// The passages are rendered a batch at a time on every core (see
	// batches), each on its own, and written in order; a write that fails
	// stops it (u.out keeps the error, reported once).
	shown := r.shown()
	var texts []string
	var b batches
	for from := 0; from < len(shown); {
		batch := shown[from:min(from+b.next(), len(shown))]
		texts = slices.Grow(texts[:0], len(batch))[:len(batch)]
		parallel.For(len(batch), func(k int) { texts[k] = r.textPassage(u, batch[k]) })
		size := 0
		for _, t := range texts {
			if _, err := io.WriteString(u.out, t); err != nil {
				return
			}
			size += len(t)
		}
		b.done(len(batch), size)
		from += len(batch)
	}
	fmt.Fprintf(u.out, "%s → %s: %s\n", visibleName(r.oldID), visibleName(r.newID), summaryLine(r.res.Summary))
}

// textPassage renders passage i for a terminal: its header, its body,
// the notes of a pair, and a blank line.
func (r diffReport) textPassage(u *ui, i int) string {
	ps := r.res.Passages
	p := ps[i]
	var b strings.Builder
	header := fmt.Sprintf("%s → %s — passage %d/%d — %s", visibleName(r.oldID), visibleName(r.newID), i+1, len(ps), p.Kind)
	if len(p.Edits) > 0 {
		header += fmt.Sprintf(" (%.2f)", p.Score)
	}
	if p.Level != "" {
		header += " — " + string(p.Level)
	}
	header += fmt.Sprintf(" — lines %s → %s", lines(p.Old), lines(p.New)) + moveNote(p) + partNote(p)
	fmt.Fprintln(&b, u.bold.Sprint(header))
	fmt.Fprintln(&b, r.textBody(u, p))
	for _, n := range pairNotes(p) {
		fmt.Fprintln(&b, u.dim.Sprint("  "+normalize.Visible(n)))
	}
	b.WriteString("\n")
	return b.String()
}

func (r diffReport) textBody(u *ui, p diff.Passage) string {
	switch {
	case p.Kind == diff.Added:
		return mark(u, diff.Insert, tidy(p.New.Text), "")
	case p.Kind == diff.Removed:
		return mark(u, diff.Delete, tidy(p.Old.Text), "")
	case len(p.Edits) == 0 && p.Kind == diff.Moved:
		return u.moved.Sprint(normalize.Visible(tidy(p.New.Text)))
	case len(p.Edits) == 0:
		return u.dim.Sprint(normalize.Visible(tidy(p.New.Text)))
	}
	var b strings.Builder
	for _, e := range p.Edits {
		lead, body, old := editWords(e)
		b.WriteString(lead)
		b.WriteString(mark(u, e.Op, body, old))
	}
	return b.String()
}

// mark renders one edit: colored when color is on, with [-…-], {+…+} and
// [~old~>new~] markers when it is off.
func mark(u *ui, op diff.Op, text, old string) string {
	if strings.TrimSpace(text) == "" && op != diff.Format {
		// A space that only one side has: shown as it is in the new text.
		if op == diff.Delete {
			return ""
		}
		return text
	}
	text, old = normalize.Visible(text), normalize.Visible(old)
	if u.color {
		switch op {
		case diff.Delete:
			return u.del.Sprint(text)
		case diff.Insert:
			return u.ins.Sprint(text)
		case diff.Format:
			return u.dim.Sprint(old) + "→" + u.warn.Sprint(text)
		}
		return text
	}
	switch op {
	case diff.Delete:
		return "[-" + text + "-]"
	case diff.Insert:
		return "{+" + text + "+}"
	case diff.Format:
		return "[~" + old + "~>" + text + "~]"
	}
	return text
}

// splitLead separates the white space an edit starts with.
func splitLead(s string) (string, string) {
	body := strings.TrimLeft(s, " ")
	return s[:len(s)-len(body)], body
}

// editWords returns an edit's text as shown, the space it starts with
// apart, and its old wording: edits hold the documents' own white space
// (line breaks, no-break spaces), shown as one space a run.
func editWords(e diff.Edit) (lead, body, old string) {
	lead, body = splitLead(normalize.CollapseSpace(e.Text))
	_, old = splitLead(normalize.CollapseSpace(e.Old))
	return lead, body, old
}

// moveNote names a moved passage's move, which links where it stood in
// the old document with where it stands in the new: "" for other passages.
func moveNote(p diff.Passage) string {
	if p.Move == 0 {
		return ""
	}
	return fmt.Sprintf(" — move %d, from line %d", p.Move, p.Old.Line)
}

// partNote says in a header that a pair restates the other side in
// part, or merges or splits sentences: "" for other passages.
func partNote(p diff.Passage) string {
	var out string
	if p.Clause != nil {
		out += " — restated in part"
	}
	if n := len(p.MergedOld); n > 0 {
		out += fmt.Sprintf(" — merges %d sentences", n+1)
	}
	if n := len(p.MergedNew); n > 0 {
		out += fmt.Sprintf(" — split into %d sentences", n+1)
	}
	return out
}

// pairNotes says which part of a long sentence restates the other side,
// and which sentences, apart from the passage's own, a merge or a split
// brings in: one line each, in the documents' words.
func pairNotes(p diff.Passage) []string {
	var out []string
	if c := p.Clause; c != nil {
		out = append(out, fmt.Sprintf("restated in part: the %s sentence's clause “%s”", c.Side, tidy(c.Text)))
	}
	for _, s := range p.MergedOld {
		out = append(out, fmt.Sprintf("merged: old line %d, “%s”, is restated here too", s.Line, tidy(s.Text)))
	}
	for _, s := range p.MergedNew {
		out = append(out, fmt.Sprintf("split: new line %d, “%s”, restates part of it too", s.Line, tidy(s.Text)))
	}
	return out
}

func tidy(s string) string { return normalize.Tidy(s) }

// markdown prints the comparison for a pull request or a report:
// deletions struck through, insertions in bold, document text escaped so
// that it can neither format nor inject HTML.
func (r diffReport) markdown(u *ui) {
	fmt.Fprintf(u.out, "### docdrift: %s → %s\n\n", mdEscape(r.oldID), mdEscape(r.newID))
	fmt.Fprintf(u.out, "**%s**\n\n", summaryLine(r.res.Summary))
	ps := r.res.Passages
	for _, i := range r.shown() {
		p := ps[i]
		score := ""
		if len(p.Edits) > 0 {
			score = fmt.Sprintf(" (%.2f)", p.Score)
		}
		if p.Level != "" {
			score += " " + string(p.Level)
		}
		fmt.Fprintf(u.out, "%d. **%s**%s, lines %s → %s%s%s: %s\n", i+1, p.Kind, score, lines(p.Old), lines(p.New), moveNote(p), partNote(p), r.markdownBody(p))
		for _, n := range pairNotes(p) {
			fmt.Fprintf(u.out, "   - %s\n", mdEscape(n))
		}
	}
}

func (r diffReport) markdownBody(p diff.Passage) string {
	switch {
	case p.Kind == diff.Added:
		return "**" + mdEscape(tidy(p.New.Text)) + "**"
	case p.Kind == diff.Removed:
		return "~~" + mdEscape(tidy(p.Old.Text)) + "~~"
	case len(p.Edits) == 0:
		return mdEscape(tidy(p.New.Text))
	}
	var b strings.Builder
	for _, e := range p.Edits {
		lead, body, old := editWords(e)
		b.WriteString(lead)
		if body == "" {
			continue
		}
		switch e.Op {
		case diff.Delete:
			b.WriteString("~~" + mdEscape(body) + "~~")
		case diff.Insert:
			b.WriteString("**" + mdEscape(body) + "**")
		case diff.Format:
			b.WriteString("_" + mdEscape(body) + "_ (was " + mdEscape(old) + ")")
		default:
			b.WriteString(mdEscape(body))
		}
	}
	return b.String()
}

// mdEscape escapes Markdown and HTML syntax in document text, and control
// characters as normalize.Visible() does.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range normalize.Visible(strings.Join(strings.Fields(s), " ")) {
		switch r {
		case '\\', '`', '*', '_', '~', '[', ']', '#', '|', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
