package diff

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// Kinds of anchors: what a text and its translation share whatever their
// languages.
const (
	AnchorFigure  = "figure"  // a figure, by value (and unit where units are the same in every language)
	AnchorConcept = "concept" // a glossary concept, by id
	AnchorLiteral = "literal" // a word written in the other document's script: "WTO" in Chinese text
)

// anchor is one figure, concept or literal of a document.
type anchor struct {
	kind       string
	key        string // concept id, literal key, or the figure's value
	unit       string // figure unit
	start, end int
	// weak is set for a one or two written as a word with no measure
	// unit (一声, 两个人, "two men"): a translator writes it or leaves it
	// out at will ("a cry"), so it counts when both sides have it and is
	// no difference when one side lacks it.
	weak bool
}

// measureUnits must agree for two figures to match: the same value in
// percent and in yuan is a coincidence, while "140多个国家" and "more than
// 140 countries" or "45周年" and "45th" name their unit differently in
// each language and match by value alone.
func measureUnits(u string) bool {
	switch u {
	case figures.Percent, figures.PercentagePoint, figures.Times:
		return true
	}
	// ISO 4217 currency codes: three capital letters.
	return len(u) == 3 && strings.IndexFunc(u, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0
}

// compatible reports whether two anchors stand for the same thing.
func compatible(a, b anchor) bool {
	if a.kind != b.kind || a.key != b.key {
		return false
	}
	if a.kind == AnchorFigure && (measureUnits(a.unit) || measureUnits(b.unit)) {
		return a.unit == b.unit
	}
	return true
}

// anchorsOf returns the anchors of a document in order of position:
// its figures, the glossary concepts m finds (m may be nil), and its
// literals — runs of Latin letters in a text mostly in Han script, or of
// Han characters in a text mostly in Latin script. tokens, when not
// nil, is called with each block's tokens (normalize.Tokens of its text),
// which the anchors are found in already.
func anchorsOf(doc *normalize.Document, m *themes.Matcher, blocks []normalize.Block, tokens func(k int, toks []normalize.Token)) []anchor {
	var out []anchor
	han := normalize.DetectLang(doc.Text) == "zh"
	// Each block is folded once, for its figures and its tokens.
	var (
		fl normalize.Folder
		ex figures.Extractor
	)
	for k, b := range blocks {
		text := doc.Text[b.Start:b.End]
		c := fl.Fold(text, b.Start)
		for _, f := range ex.ExtractFolded(c, text, b.Start) {
			if f.Value == 1 && f.Unit == "" {
				continue // "one" is a word more often than a figure
			}
			end := f.Start + len(strings.TrimRightFunc(doc.Text[f.Start:f.NounStart], unicode.IsSpace))
			out = append(out, anchor{kind: AnchorFigure, key: strconv.FormatFloat(f.Value, 'g', 6, 64),
				unit: f.Unit, start: f.Start, end: end, weak: smallWord(doc.Text[f.Start:], f)})
		}
		toks := normalize.TokensOf(c)
		out = append(out, literals(toks, han)...)
		if tokens != nil {
			tokens(k, toks)
		}
	}
	if m != nil {
		for _, c := range m.Find(doc) {
			out = append(out, anchor{kind: AnchorConcept, key: c.Concept, start: c.Start, end: c.End})
		}
	}
	slices.SortStableFunc(out, func(a, b anchor) int { return a.start - b.start })
	return out
}

// smallWord reports whether figure f, whose text starts text, is a one or
// a two written as a word (一, 两, 二, "one", "two") with no measure unit.
func smallWord(text string, f figures.Figure) bool {
	if f.Value != 1 && f.Value != 2 || measureUnits(f.Unit) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	return !unicode.IsDigit(r)
}

// literals returns the foreign-script words of a text's tokens: Latin words of two
// letters or more in Han text ("WTO", "CPTPP"), runs of two ideographs or
// more in Latin text (a Chinese title kept in the translation). Their key
// is their canonical form.
func literals(toks []normalize.Token, han bool) []anchor {
	var out []anchor
	for _, t := range toks {
		if t.Kind == normalize.Punct {
			continue
		}
		var foreign bool
		if han {
			foreign = len(t.Key) >= 2 && isLatinWord(t.Key)
		} else {
			foreign = normalize.IsHan([]rune(t.Key)[0])
		}
		if !foreign {
			continue
		}
		if n := len(out); !han && n > 0 && out[n-1].end == t.Start {
			out[n-1].end, out[n-1].key = t.End, out[n-1].key+t.Key
			continue
		}
		out = append(out, anchor{kind: AnchorLiteral, key: t.Key, start: t.Start, end: t.End})
	}
	if !han {
		out = slices.DeleteFunc(out, func(a anchor) bool { return len([]rune(a.key)) < 2 })
	}
	return out
}

func isLatinWord(s string) bool {
	for _, r := range s {
		if !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

// matchAnchors reports which anchors of a and of b have a partner on the
// other side: a compatible figure or the same concept anywhere in it, or,
// for a literal, its key in the other side's canonical text (aKey, bKey):
// "WTO" in a Chinese sentence is matched by "WTO" anywhere in its English
// counterpart. Cost O(len(a)·len(b)) for figures and concepts.
func matchAnchors(a, b []anchor, aKey, bKey string) (aOK, bOK []bool) {
	return partnered(a, b, bKey), partnered(b, a, aKey)
}

func partnered(a, b []anchor, bKey string) []bool {
	ok := make([]bool, len(a))
	for i, x := range a {
		if x.kind == AnchorLiteral {
			ok[i] = strings.Contains(bKey, x.key)
			continue
		}
		ok[i] = slices.ContainsFunc(b, func(y anchor) bool { return compatible(x, y) })
	}
	return ok
}
