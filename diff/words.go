package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is what an edit does.
type Op string

// Edit operations. Format is a unit whose canonical form is unchanged but
// whose wording differs: a figure written another way (700,000 / 700000;
// "30 percent" / "30%"; "exceeded US$1 trillion" / "exceeding 1 trillion US
// dollars"), or a change of case, width, quotes or dashes.
const (
	Equal  Op = "equal"
	Delete Op = "delete"
	Insert Op = "insert"
	Format Op = "format"
)

// Edit is a piece of a word-level diff, in the documents' own words. Text
// is the old wording for Delete and the new wording otherwise; Old is the
// old wording of a Format edit. Each text starts with the white space
// that precedes it in its document (one space for any run).
type Edit struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
	Old  string `json:"old,omitempty"`
}

const (
	opEqual  = diffmatchpatch.DiffEqual
	opDelete = diffmatchpatch.DiffDelete
	opInsert = diffmatchpatch.DiffInsert
)

// diffRunes runs go-diff on two rune sequences with no time limit, so that
// the result is the same on every machine. Callers keep the sequences
// short (a passage, or one rune per sentence).
func diffRunes(a, b []rune) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	return dmp.DiffMainRunes(a, b, false)
}

// tokenRune maps the n-th distinct token to a rune, skipping the UTF-16
// surrogate range, which go-diff turns into U+FFFD.
func tokenRune(n int) rune {
	r := rune(n) + 0x100
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// encodeKeys maps each item to the rune of its key, giving each distinct
// key the next rune from tokenRune; ids is shared between the two
// sequences of one diff.
func encodeKeys[T any](ids map[string]rune, items []T, key func(T) string) []rune {
	out := make([]rune, len(items))
	for i, it := range items {
		k := key(it)
		id, ok := ids[k]
		if !ok {
			id = tokenRune(len(ids))
			ids[k] = id
		}
		out[i] = id
	}
	return out
}

// wordEdits diffs the units of an old and a new passage. Units are mapped
// to runes (one rune per distinct unit key) and diffed with go-diff, then
// cleaned up for people by dissolveWeak. go-diff's own DiffCleanupSemantic
// is not used: it judges by length alone and dissolves a shared figure or
// content word between two long changes, which is exactly what a reader
// needs to see kept.
func wordEdits(sc *scratch, oldText string, oldUnits []unit, newText string, newUnits []unit) []Edit {
	// A map is cleared in time proportional to its capacity: after a
	// long passage, a new one is cheaper for the short ones that follow.
	if sc.ids == nil || len(sc.ids) > 512 {
		sc.ids = map[string]rune{}
	} else {
		clear(sc.ids)
	}
	unitKey := func(u unit) string { return u.key }
	ra, rb := encodeKeys(sc.ids, oldUnits, unitKey), encodeKeys(sc.ids, newUnits, unitKey)
	// Whether a unit is weak is asked only of the few in short equalities
	// between changes: it is worked out then, from a unit with that rune.
	weak := func(r rune) bool {
		if k := slices.Index(ra, r); k >= 0 {
			return isWeak(oldUnits[k])
		}
		return isWeak(newUnits[slices.Index(rb, r)])
	}
	diffs := dissolveWeak(diffRunes(ra, rb), weak)

	var b editBuilder
	i, j := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case opEqual:
			for k := 0; k < n; k++ {
				oldGap, oldBody := splitGap(withGap(oldText, oldUnits, i+k))
				newGap, newBody := splitGap(withGap(newText, newUnits, j+k))
				// Where only one side has a space before the unit (an
				// insertion ends right before it), say so, so that the
				// edits rebuild both texts exactly.
				if oldGap != newGap {
					b.add(Delete, oldGap, "")
					b.add(Insert, newGap, "")
					oldGap, newGap = "", ""
				}
				if oldBody == newBody {
					b.add(Equal, newGap, "")
					b.add(Equal, newBody, "")
				} else {
					b.add(Format, newGap+newBody, oldGap+oldBody)
				}
			}
			i, j = i+n, j+n
		case opDelete:
			for k := 0; k < n; k++ {
				b.add(Delete, withGap(oldText, oldUnits, i+k), "")
			}
			i += n
		case opInsert:
			for k := 0; k < n; k++ {
				b.add(Insert, withGap(newText, newUnits, j+k), "")
			}
			j += n
		}
	}
	return b.result()
}

// withGap returns the original text of us[k] with the white space before
// it (none for the first unit), each run of white space as one space.
func withGap(text string, us []unit, k int) string {
	start := us[k].start
	if k > 0 {
		start = us[k-1].end
	}
	return collapseSpace(text[start:us[k].end])
}

// splitGap separates the leading space of a unit's text.
func splitGap(s string) (string, string) {
	if strings.HasPrefix(s, " ") {
		return " ", s[1:]
	}
	return "", s
}

// collapseSpace turns each run of white space into one space.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// isCollapsed reports whether s has no white space but single spaces:
// ASCII byte by byte (nearly every unit), the rest by rune.
func isCollapsed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) < 0 && !strings.Contains(s[i:], "  ")
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ', c >= '\t' && c <= '\r':
			return false
		}
	}
	return true
}

// editBuilder joins consecutive edits of the same operation. The text of
// the pending edit grows in builders, so that a passage of n units costs
// O(n), not the O(n²) of appending to a string unit by unit (a 10 MB
// paragraph with no sentence break is one passage).
type editBuilder struct {
	edits     []Edit
	op        Op
	text, old strings.Builder
	pending   bool
}

func (b *editBuilder) add(op Op, text, old string) {
	if text == "" && old == "" {
		return
	}
	if b.pending && b.op != op {
		b.flush()
	}
	b.op, b.pending = op, true
	b.text.WriteString(text)
	b.old.WriteString(old)
}

// flush ends the pending edit.
func (b *editBuilder) flush() {
	if !b.pending {
		return
	}
	b.edits = append(b.edits, Edit{Op: b.op, Text: b.text.String(), Old: b.old.String()})
	b.text, b.old = strings.Builder{}, strings.Builder{}
	b.pending = false
}

// result returns the edits, the pending one included.
func (b *editBuilder) result() []Edit {
	b.flush()
	return b.edits
}

// maxWeakRun is the longest run of weak units (function words and
// punctuation) that dissolveWeak folds into the surrounding change.
const maxWeakRun = 3

// isWeak reports whether a unit is a function word or punctuation: an
// equality made only of such units between two changes is coincidence.
func isWeak(u unit) bool {
	if u.figure {
		return false
	}
	if stopWords[u.key] {
		return true
	}
	for _, r := range u.key {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// dissolveWeak turns each equality of at most maxWeakRun weak units that
// stands between two changes into a deletion and an insertion, then joins
// neighbouring changes: "[-A-] the {+B+}" reads better as "[-A the-]{+B the+}".
func dissolveWeak(diffs []diffmatchpatch.Diff, weak func(rune) bool) []diffmatchpatch.Diff {
	allWeak := func(s string) bool {
		if utf8.RuneCountInString(s) > maxWeakRun {
			return false
		}
		for _, r := range s {
			if !weak(r) {
				return false
			}
		}
		return true
	}
	var out []diffmatchpatch.Diff
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, diffmatchpatch.Diff{Type: opDelete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, diffmatchpatch.Diff{Type: opInsert, Text: ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for k, d := range diffs {
		switch {
		case d.Type == opDelete:
			del.WriteString(d.Text)
		case d.Type == opInsert:
			ins.WriteString(d.Text)
		case k > 0 && k < len(diffs)-1 && allWeak(d.Text):
			del.WriteString(d.Text)
			ins.WriteString(d.Text)
		default:
			flush()
			out = append(out, d)
		}
	}
	flush()
	return out
}
