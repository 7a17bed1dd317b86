package diff

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// Class says what kind of change an edit makes, so that a reader can see
// first the changes that alter what a text claims.
type Class string

// Change classes, from the least significant to the most.
const (
	Cosmetic Class = "cosmetic" // punctuation, case, spelling variants, the format of a figure
	Wording  Class = "wording"  // content words changed; a passage added, removed or moved
	Concept  Class = "concept"  // a glossary concept appears in or vanishes from the passage
	Hedge    Class = "hedge"    // a figure's qualifier ("nearly" → "over") or a hedging adverb
	Modality Class = "modality" // a modal changed ("will" → "may", "must" → "should")
	Negation Class = "negation" // a negation added or dropped ("not", "no", 不)
	Figure   Class = "figure"   // a value changed, or a figure appears or vanishes in an aligned passage
)

// Classes lists the change classes in order of significance, least first.
var Classes = []Class{Cosmetic, Wording, Concept, Hedge, Modality, Negation, Figure}

// Rank is the class's place in Classes: higher is more significant; -1
// for an unknown class.
func (c Class) Rank() int { return slices.Index(Classes, c) }

// ParseClass reads a class name.
func ParseClass(s string) (Class, error) {
	if c := Class(strings.ToLower(s)); c.Rank() >= 0 {
		return c, nil
	}
	return "", fmt.Errorf("unknown change class %q (use %s)", s, classList())
}

func classList() string {
	names := make([]string, len(Classes))
	for i, c := range Classes {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// Change is one classified change inside a passage: the wording removed
// and the wording added (either may be empty), tidied.
type Change struct {
	Class Class  `json:"class"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
}

// classify fills in the changes and the level of every passage that is
// not the same. concepts may be nil.
func classify(r *Result, old, new *normalize.Document, concepts *themes.Matcher) {
	var oldConcepts, newConcepts []themes.Match
	if concepts != nil {
		oldConcepts, newConcepts = concepts.Find(old), concepts.Find(new)
	}
	for i := range r.Passages {
		p := &r.Passages[i]
		if p.Kind == Same {
			continue
		}
		p.Changes = passageChanges(*p)
		p.Changes = append(p.Changes, conceptChanges(p, oldConcepts, newConcepts)...)
		for _, c := range p.Changes {
			if c.Class.Rank() > p.Level.Rank() {
				p.Level = c.Class
			}
		}
	}
}

// passageChanges classifies the edits of a changed or moved passage hunk
// by hunk (a run of edits between unchanged words), and an added or
// removed passage as a whole.
func passageChanges(p Passage) []Change {
	switch {
	case p.Kind == Added:
		return []Change{wholeChange("", tidy(p.New.Text))}
	case p.Kind == Removed:
		return []Change{wholeChange(tidy(p.Old.Text), "")}
	case p.Kind == Moved && len(p.Edits) == 0:
		return []Change{{Class: Wording, Old: "(moved)", New: "(moved)"}}
	}
	var out []Change
	var old, new strings.Builder
	cosmetic := true // the hunk so far holds only Format edits
	whole := newPassageWords(p.Old.Text, p.New.Text)
	flush := func() {
		if old.Len() == 0 && new.Len() == 0 {
			return
		}
		o, n := tidy(old.String()), tidy(new.String())
		c := Change{Class: Cosmetic, Old: o, New: n}
		if !cosmetic {
			c.Class = classifyHunk(o, n, whole)
		}
		out = append(out, c)
		old.Reset()
		new.Reset()
		cosmetic = true
	}
	for _, e := range p.Edits {
		switch e.Op {
		case Equal:
			flush()
		case Delete:
			old.WriteString(e.Text)
			cosmetic = false
		case Insert:
			new.WriteString(e.Text)
			cosmetic = false
		case Format:
			old.WriteString(e.Old)
			new.WriteString(e.Text)
		}
	}
	flush()
	return out
}

func tidy(s string) string { return normalize.Tidy(strings.TrimSpace(s)) }

// wholeChange is a passage added or removed whole: wording (with any
// concept it brings or takes, added by conceptChanges). The figures in it
// changed no value: figure tracks say whether the fact was restated
// elsewhere.
func wholeChange(old, new string) Change {
	return Change{Class: Wording, Old: old, New: new}
}

// classifyHunk says what replacing old by new does. Figures are compared
// by value and qualifier; then the words removed and added are looked up
// in the negation, modality and hedge lexicons; a change that leaves the
// letters and digits the same (or differs only by a spelling variant) is
// cosmetic; anything else is wording.
//
// A modal or a negation counts only when the passage as a whole gained or
// lost it (whole): "likely" moved from one clause to another is wording.
func classifyHunk(old, new string, whole passageWords) Class {
	if c, ok := figureClass(old, new); ok {
		return c
	}
	gone, came := wordDiff(words(old), words(new))
	changed := slices.DeleteFunc(append(gone, came...), func(w string) bool { return !whole.changed[w] })
	switch {
	case slices.ContainsFunc(changed, isNegation) || whole.zhNegation && hanAny(old, new, zhNegations, zhNotNegations):
		return Negation
	case anyIn(changed, modals) || whole.zhModality && hanAny(old, new, zhModals, nil):
		return Modality
	case anyIn(changed, hedges) && len(gone)+len(came) <= maxHedgeHunk:
		// A hedging adverb in a short change; inside a new clause it
		// is that clause's wording.
		return Hedge
	case spellingKey(old) == spellingKey(new):
		return Cosmetic
	}
	return Wording
}

// maxHedgeHunk is the most words a change may remove and add together
// for a hedging adverb in it to make it a hedge.
const maxHedgeHunk = 6

// passageWords is what changed between the two sides of a whole passage:
// the words whose count differs, and whether Chinese negations or modals
// did.
type passageWords struct {
	changed                map[string]bool
	zhNegation, zhModality bool
}

func newPassageWords(old, new string) passageWords {
	gone, came := wordDiff(words(old), words(new))
	w := passageWords{changed: map[string]bool{},
		zhNegation: hanAny(old, new, zhNegations, zhNotNegations), zhModality: hanAny(old, new, zhModals, nil)}
	for _, x := range append(gone, came...) {
		w.changed[x] = true
	}
	return w
}

// figureClass compares the figures of two wordings: a value that differs
// (or a figure on one side only) is a figure change; equal values under
// another qualifier are a hedge. ok is false when neither has a figure.
func figureClass(old, new string) (Class, bool) {
	fo, fn := quantities(old), quantities(new)
	if len(fo) == 0 && len(fn) == 0 {
		return "", false
	}
	if len(fo) != len(fn) {
		return Figure, true
	}
	hedged := false
	for i := range fo {
		a, b := fo[i], fn[i]
		if a.Value != b.Value || !equalPtr(a.High, b.High) || !equalPtr(a.From, b.From) ||
			a.Unit != b.Unit && a.Unit != "" && b.Unit != "" {
			return Figure, true
		}
		if fo[i].Qualifier != fn[i].Qualifier {
			hedged = true
		}
	}
	if hedged {
		return Hedge, true
	}
	return "", false
}

// monthMay is the month before a day or year ("May 3", "May 2024"), which
// is no modal.
var monthMay = regexp.MustCompile(`\bMay\s+\d`)

// quantities are the figures of s that are not dates: a statement's new
// date is no change of a figure.
//
// A lone spelled "one" ("leaves one behind") is no figure either.
func quantities(s string) []figures.Figure {
	return slices.DeleteFunc(figures.Extract(s, 0), func(f figures.Figure) bool {
		return f.Unit == figures.Date || f.Unit == "" && strings.EqualFold(f.Text, "one")
	})
}

func equalPtr(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// words splits text into lower-case words of letters, digits and
// apostrophes; Han text is left to hanAny.
func words(s string) []string {
	s = monthMay.ReplaceAllString(s, "month ")
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') || normalize.IsHan(r)
	})
}

// wordDiff returns the words of a missing from b and those of b missing
// from a, as multisets.
func wordDiff(a, b []string) (gone, came []string) {
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
		} else {
			came = append(came, w)
		}
	}
	for _, w := range a {
		if count[w] > 0 {
			count[w]--
			gone = append(gone, w)
		}
	}
	return gone, came
}

func anyIn(ws []string, set map[string]bool) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return set[w] })
}

// isNegation reports whether w negates: "not", "never", "don't" …
func isNegation(w string) bool {
	return negations[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
}

// hanAny reports whether one of the Chinese words of set occurs in one of
// old and new more often than in the other, not counting occurrences
// inside the compounds of except (不断 "continuously" holds 不 but
// negates nothing). Without a segmenter this is a substring count.
func hanAny(old, new string, set, except []string) bool {
	count := func(s, w string) int {
		n := strings.Count(s, w)
		for _, x := range except {
			if strings.Contains(x, w) {
				n -= strings.Count(s, x)
			}
		}
		return n
	}
	for _, w := range set {
		if count(old, w) != count(new, w) {
			return true
		}
	}
	return false
}

// spellingKey is the letters and digits of s in lower case, with the
// common British and American spelling variants folded (-ise/-ize,
// -our/-or, -tre/-ter, -ll-/-l-), so that a change of punctuation, case or
// spelling compares equal.
func spellingKey(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		for _, v := range spellingVariants {
			w = strings.ReplaceAll(w, v[0], v[1])
		}
		b.WriteString(w)
	}
	// Han characters are not in words: keep them as they are.
	for _, r := range s {
		if normalize.IsHan(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var spellingVariants = [][2]string{{"isation", "ization"}, {"ise", "ize"}, {"yse", "yze"}, {"our", "or"},
	{"tre", "ter"}, {"ll", "l"}, {"ogue", "og"}, {"'", ""}, {"’", ""}}

// Lexicons. English modals and negations are whole words; Chinese ones
// are matched in the text (see hanAny), and only words whose characters
// rarely mean anything else are listed: 要, 将 and 会 are left out because
// they are also parts of 重要, 将来 and 社会.
var (
	negations = setOf("not", "no", "never", "none", "nor", "neither", "without", "cannot", "nothing",
		"nobody", "nowhere", "unlikely")
	modals = setOf("will", "shall", "must", "should", "may", "might", "can", "could", "would", "ought",
		"need", "needs", "likely", "possibly", "probably", "perhaps", "expects", "expect", "expected",
		"anticipates", "anticipate", "anticipated", "intends", "intend", "aim", "aims", "plans", "plan")
	hedges = setOf("nearly", "almost", "approximately", "roughly", "about", "around", "some", "somewhat",
		"slightly", "largely", "broadly", "generally", "partly", "mostly", "modestly", "moderately",
		"fairly", "relatively", "substantially", "significantly", "over", "exceeding", "exceeded")
	zhNegations    = []string{"不", "没有", "未", "无", "非", "勿", "别"}
	zhNotNegations = []string{"不断", "不仅", "不少", "不同", "未来", "无论", "非常", "别人", "特别", "区别", "分别", "个别", "级别", "类别", "识别", "无比", "无数", "毫无疑问", "非洲", "南非", "不但", "不管"}
	zhModals       = []string{"必须", "应当", "应该", "务必", "可能", "可以", "能够", "一定要", "有望", "力争"}
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// conceptChanges lists the glossary concepts found in one side of a
// passage and not in the other.
func conceptChanges(p *Passage, old, new []themes.Match) []Change {
	in := func(ms []themes.Match, s *Side) map[string]string {
		out := map[string]string{}
		if s == nil {
			return out
		}
		for _, m := range ms {
			if m.Start >= s.Start && m.End <= s.End {
				if _, seen := out[m.Concept]; !seen {
					out[m.Concept] = m.Text
				}
			}
		}
		return out
	}
	o, n := in(old, p.Old), in(new, p.New)
	// A passage added or removed whole changes a concept only when the
	// other document lacks it altogether: most passages of two articles
	// on one policy name its concepts.
	if p.Old == nil {
		o = in(old, &Side{Start: 0, End: math.MaxInt})
	}
	if p.New == nil {
		n = in(new, &Side{Start: 0, End: math.MaxInt})
	}
	var out []Change
	if p.Old != nil {
		for _, id := range sortedKeys(o) {
			if _, ok := n[id]; !ok {
				out = append(out, Change{Class: Concept, Old: o[id]})
			}
		}
	}
	if p.New != nil {
		for _, id := range sortedKeys(n) {
			if _, ok := o[id]; !ok {
				out = append(out, Change{Class: Concept, New: n[id]})
			}
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
