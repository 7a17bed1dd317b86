package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/docdrift/docdrift/normalize"
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

// Edit is a piece of a word-level diff, in the documents' own bytes. Text
// is the old wording for Delete and the new wording otherwise, each
// starting with the white space that precedes it in its document exactly
// as it stands there (a line break, a no-break space, a run of spaces).
// Old is the old wording of a Format edit, and of an Equal edit whose
// white space differs between the two (a no-break space for a space);
// empty when it is the same as Text. So joining the old side of each edit
// (Text for Delete, Old or else Text for Equal and Format) gives the
// passage's old text byte for byte, and joining the new side (Text for
// every edit but Delete) its new text.
//
// OldRange and NewRange are where the edit stands in the old and the new
// document, byte offsets into the decoded original; nil for the side an
// Insert or a Delete does not have. The ranges of a passage's edits
// follow one another from its start to its end on each side.
type Edit struct {
	Op       Op     `json:"op"`
	Text     string `json:"text"`
	Old      string `json:"old,omitempty"`
	OldRange *Range `json:"old_range,omitempty"`
	NewRange *Range `json:"new_range,omitempty"`
}

// Range is the bytes [Start, End) of a document's decoded original.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
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

	b := editBuilder{oldText: oldText, newText: newText}
	i, j := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case opEqual:
			for k := 0; k < n; k++ {
				b.addEqual(unitRange(oldUnits, i+k), unitRange(newUnits, j+k))
			}
			i, j = i+n, j+n
		case opDelete:
			for k := 0; k < n; k++ {
				b.add(Delete, unitRange(oldUnits, i+k), Range{})
			}
			i += n
		case opInsert:
			for k := 0; k < n; k++ {
				b.add(Insert, Range{}, unitRange(newUnits, j+k))
			}
			j += n
		}
	}
	return b.result()
}

// unitRange returns the bytes of us[k] with the white space and anything
// else before it since the unit before (none for the first unit): the
// ranges of all units follow one another, so that they rebuild the text.
func unitRange(us []unit, k int) Range {
	start := us[k].start
	if k > 0 {
		start = us[k-1].end
	}
	return Range{start, us[k].end}
}

// gapEnd returns where the white space that r starts with ends.
func gapEnd(text string, r Range) int {
	i := r.Start
	for i < r.End {
		c, size := utf8.DecodeRuneInString(text[i:r.End])
		if !unicode.IsSpace(c) {
			break
		}
		i += size
	}
	return i
}

// editBuilder joins consecutive pieces of the same operation into one
// edit. Pieces are byte ranges of the two texts, joined by moving an end,
// so that a passage of n units costs O(n), not the O(n²) of appending to
// a string unit by unit (a 10 MB paragraph with no sentence break is one
// passage); the edit's text is cut from the document when it ends.
type editBuilder struct {
	oldText, newText string
	edits            []Edit
	op               Op
	old, new         Range
	pending          bool
	// alone is set when the pending edit is an Equal whose two sides
	// differ in white space: it is kept apart, so that the Old of an
	// Equal edit holds only what differs.
	alone bool
}

// addEqual adds a unit that is the same on both sides but perhaps for the
// white space before it or the way it is written.
func (b *editBuilder) addEqual(o, n Range) {
	og, ng := gapEnd(b.oldText, o), gapEnd(b.newText, n)
	if (og > o.Start) != (ng > n.Start) {
		// Only one side has white space before the unit (an insertion
		// ends right before it): it is deleted or inserted.
		b.add(Delete, Range{o.Start, og}, Range{})
		b.add(Insert, Range{}, Range{n.Start, ng})
		o.Start, n.Start = og, ng
	}
	if normalize.CollapseSpace(b.oldText[og:o.End]) != normalize.CollapseSpace(b.newText[ng:n.End]) {
		b.add(Format, o, n)
		return
	}
	b.add(Equal, Range{o.Start, og}, Range{n.Start, ng})
	b.add(Equal, Range{og, o.End}, Range{ng, n.End})
}

// add adds a piece: o of the old text, n of the new, either empty for
// the side the operation does not have.
func (b *editBuilder) add(op Op, o, n Range) {
	if o.Start == o.End && n.Start == n.End {
		return
	}
	alone := op == Equal && b.oldText[o.Start:o.End] != b.newText[n.Start:n.End]
	if b.pending && (b.op != op || alone || b.alone) {
		b.flush()
	}
	if b.pending {
		b.old.End, b.new.End = max(b.old.End, o.End), max(b.new.End, n.End)
		return
	}
	b.op, b.old, b.new, b.pending, b.alone = op, o, n, true, alone
}

// flush ends the pending edit.
func (b *editBuilder) flush() {
	if !b.pending {
		return
	}
	e := Edit{Op: b.op}
	switch b.op {
	case Delete:
		e.Text, e.OldRange = b.oldText[b.old.Start:b.old.End], &Range{b.old.Start, b.old.End}
	case Insert:
		e.Text, e.NewRange = b.newText[b.new.Start:b.new.End], &Range{b.new.Start, b.new.End}
	default:
		e.Text, e.Old = b.newText[b.new.Start:b.new.End], b.oldText[b.old.Start:b.old.End]
		e.OldRange, e.NewRange = &Range{b.old.Start, b.old.End}, &Range{b.new.Start, b.new.End}
		if e.Old == e.Text {
			e.Old = ""
		}
	}
	b.edits = append(b.edits, e)
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
