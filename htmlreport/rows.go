package htmlreport

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/normalize"
)

// group is a run of passage rows: open when they carry changes, collapsed
// into a <details> when they are the same (or, in a translation, paired
// with every figure matched).
type group struct {
	Collapsed bool
	Summary   string
	Rows      []row
}

// row is one passage, old side on the left and new on the right.
type row struct {
	ID       string
	N        int
	Kind     string
	Level    string // the most significant class of its changes; "" for none
	Rank     int    // Level's rank, -1 for none
	Change   bool   // worth a reader's look: a navigation stop
	OldLines string
	NewLines string
	Score    string
	Note     string
	Old, New []seg
	// OldLang and NewLang are the documents' languages, for the lang
	// attribute of each side.
	OldLang, NewLang string
}

// seg is a piece of a passage's text and how it is marked: "" plain,
// "del", "ins", "fmt" (a figure written another way), or a mark class
// ("fig ok", "fig miss", "concept ok", "concept miss").
type seg struct {
	Text  string
	Class string
	Title string
}

// editionGroups lays out the passages of an edition step.
func editionGroups(anchor string, ps []diff.Passage) []group {
	var out []group
	for i, p := range ps {
		r := editionRow(fmt.Sprintf("%s-p%d", anchor, i+1), i+1, p)
		out = appendRow(out, r, p.Kind == diff.Same)
	}
	for i := range out {
		if out[i].Collapsed {
			out[i].Summary = collapsedSummary(out[i].Rows, "the same")
		}
	}
	return out
}

// appendRow adds r to the last group when it is of the same sort, or
// starts a group.
func appendRow(gs []group, r row, collapsed bool) []group {
	if n := len(gs); n > 0 && gs[n-1].Collapsed == collapsed {
		gs[n-1].Rows = append(gs[n-1].Rows, r)
		return gs
	}
	return append(gs, group{Collapsed: collapsed, Rows: []row{r}})
}

// collapsedSummary is "3 passages the same, lines 10–22 → 11–23".
func collapsedSummary(rs []row, what string) string {
	noun := "passages"
	if len(rs) == 1 {
		noun = "passage"
	}
	first, last := rs[0], rs[len(rs)-1]
	return fmt.Sprintf("%d %s %s, lines %s → %s", len(rs), noun, what,
		span(first.OldLines, last.OldLines), span(first.NewLines, last.NewLines))
}

// span joins the first line of one range to the last of another.
func span(from, to string) string {
	a, _, _ := strings.Cut(from, "–")
	_, b, ok := strings.Cut(to, "–")
	if !ok {
		b = to
	}
	if a == b {
		return a
	}
	return a + "–" + b
}

func editionRow(id string, n int, p diff.Passage) row {
	r := row{ID: id, N: n, Kind: string(p.Kind), Level: string(p.Level), Rank: p.Level.Rank(),
		Change: p.Kind != diff.Same, OldLines: sideLines(p.Old), NewLines: sideLines(p.New)}
	if p.Level == "" {
		r.Rank = -1
	}
	if len(p.Edits) > 0 {
		r.Score = fmt.Sprintf("%.2f", p.Score)
	}
	if p.Kind == diff.Moved && p.Old != nil {
		r.Note = fmt.Sprintf("moved from line %d", p.Old.Line)
		if p.Move > 0 {
			r.Note = fmt.Sprintf("move %d, from line %d", p.Move, p.Old.Line)
		}
	}
	r.Note = strings.Join(slices.DeleteFunc(append([]string{r.Note}, partNotes(p)...), func(s string) bool { return s == "" }), "; ")
	switch {
	case p.Kind == diff.Added:
		r.New = []seg{{Text: tidy(p.New.Text), Class: "ins"}}
	case p.Kind == diff.Removed:
		r.Old = []seg{{Text: tidy(p.Old.Text), Class: "del"}}
	case len(p.Edits) == 0:
		r.Old = []seg{{Text: tidy(p.Old.Text)}}
		r.New = []seg{{Text: tidy(p.New.Text)}}
	default:
		r.Old, r.New = editSegs(p.Edits)
	}
	return r
}

// editSegs splits a passage's word edits into the old side's pieces and
// the new side's.
func editSegs(es []diff.Edit) (old, new []seg) {
	for _, e := range es {
		lead, body := splitLead(e.Text)
		switch e.Op {
		case diff.Equal:
			// Old holds the old side when its white space differs.
			old = append(old, seg{Text: cmp.Or(e.Old, e.Text)})
			new = append(new, seg{Text: e.Text})
		case diff.Delete:
			old = appendMarked(old, lead, body, "del", "")
		case diff.Insert:
			new = appendMarked(new, lead, body, "ins", "")
		case diff.Format:
			oldLead, oldBody := splitLead(e.Old)
			old = appendMarked(old, oldLead, oldBody, "fmt", "the same, written “"+normalize.Visible(body)+"” in the new text")
			new = appendMarked(new, lead, body, "fmt", "the same, written “"+normalize.Visible(oldBody)+"” in the old text")
		}
	}
	return old, new
}

// appendMarked adds the white space before a marked piece unmarked, so
// that no underline or strike runs under it.
func appendMarked(ss []seg, lead, body, class, title string) []seg {
	if lead != "" {
		ss = append(ss, seg{Text: lead})
	}
	if strings.TrimSpace(body) == "" {
		return append(ss, seg{Text: body})
	}
	return append(ss, seg{Text: body, Class: class, Title: title})
}

// splitLead separates the white space an edit starts with: any, as it
// stands in the document (a line break, a no-break space).
func splitLead(s string) (string, string) {
	body := strings.TrimLeftFunc(s, unicode.IsSpace)
	return s[:len(s)-len(body)], body
}

func tidy(s string) string { return normalize.Tidy(strings.TrimSpace(s)) }

func sideLines(s *diff.Side) string {
	if s == nil {
		return "–"
	}
	return lineRange(s.Line, s.EndLine)
}

// translationGroups lays out the passages of a translation step, with
// their figures and concepts marked as matched or not.
func translationGroups(anchor string, ps []diff.BiPassage) []group {
	var out []group
	for i, p := range ps {
		r := translationRow(fmt.Sprintf("%s-p%d", anchor, i+1), i+1, p)
		out = appendRow(out, r, !r.Change)
	}
	for i := range out {
		if out[i].Collapsed {
			out[i].Summary = collapsedSummary(out[i].Rows, "paired, every figure matched")
		}
	}
	return out
}

func translationRow(id string, n int, p diff.BiPassage) row {
	r := row{ID: id, N: n, Kind: string(p.Kind), Rank: -1, OldLines: "–", NewLines: "–"}
	var oldMarks, newMarks []diff.Mark
	if p.Old != nil {
		r.OldLines = lineRange(p.Old.Line, p.Old.EndLine)
		oldMarks = p.Old.Marks
	}
	if p.New != nil {
		r.NewLines = lineRange(p.New.Line, p.New.EndLine)
		newMarks = p.New.Marks
	}
	if p.Kind == diff.Repeat {
		r.Note = fmt.Sprintf("repeats paragraph %d of the %s document", p.RepeatOf, p.RepeatSide)
	}
	for _, sp := range p.Sentences {
		r.Old = appendPieces(r.Old, sp.Old, oldMarks)
		r.New = appendPieces(r.New, sp.New, newMarks)
	}
	unmatched := func(m diff.Mark) bool { return !m.Matched && m.Kind == diff.AnchorFigure }
	r.Change = p.Kind != diff.Paired || slices.ContainsFunc(oldMarks, unmatched) || slices.ContainsFunc(newMarks, unmatched)
	return r
}

// appendPieces adds pieces of original text, a space between them, with
// the figure and concept marks that fall inside them.
func appendPieces(ss []seg, pieces []diff.Side, marks []diff.Mark) []seg {
	for _, pc := range pieces {
		if len(ss) > 0 {
			ss = append(ss, seg{Text: " "})
		}
		ss = append(ss, markPiece(pc, marks)...)
	}
	return ss
}

// markPiece cuts a piece at its marks (which carry offsets into the same
// original text as the piece), in order, skipping any that overlap.
func markPiece(pc diff.Side, marks []diff.Mark) []seg {
	var out []seg
	at := pc.Start
	for _, m := range marks {
		if m.Start < at || m.End > pc.End || m.Kind == diff.AnchorLiteral {
			continue
		}
		if m.Start > at {
			out = append(out, seg{Text: tidySpace(pc.Text[at-pc.Start : m.Start-pc.Start])})
		}
		cls, title := m.Kind+" ok", m.Kind+" matched in the other document"
		if !m.Matched {
			cls, title = m.Kind+" miss", m.Kind+" with no counterpart in the other document"
		}
		out = append(out, seg{Text: m.Text, Class: cls, Title: title})
		at = m.End
	}
	if at < pc.End {
		out = append(out, seg{Text: tidySpace(pc.Text[at-pc.Start:])})
	}
	return out
}

// tidySpace collapses runs of white space (line breaks among them) to one
// space, keeping a space at either end.
func tidySpace(s string) string {
	t := tidy(s)
	if t == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if strings.TrimLeft(s, " \t\r\n") != s {
		t = " " + t
	}
	if strings.TrimRight(s, " \t\r\n") != s {
		t += " "
	}
	return t
}

// partNotes says which clause of a long sentence restates the other side
// of a pair, and which sentences a merge or a split brings in.
func partNotes(p diff.Passage) []string {
	var out []string
	if c := p.Clause; c != nil {
		out = append(out, fmt.Sprintf("restated in part by the %s sentence's clause “%s”", c.Side, tidy(c.Text)))
	}
	for _, s := range p.MergedOld {
		out = append(out, fmt.Sprintf("merges old line %d, “%s”", s.Line, tidy(s.Text)))
	}
	for _, s := range p.MergedNew {
		out = append(out, fmt.Sprintf("split: new line %d, “%s”", s.Line, tidy(s.Text)))
	}
	return out
}
