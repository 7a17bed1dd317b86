package diff

import (
	"strconv"
	"strings"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
)

// unit is what word diffs compare: a word, an ideograph, a punctuation mark,
// or a whole figure. A figure (package figures) is a number with what
// belongs to it — a hedge ("nearly", "over", 近, 多), a currency, a scale
// ("billion", 亿) and a unit ("percent", "-fold", 倍) — so that
// "US$500 billion" → "580 billion US dollars" is one replaced figure and
// never "5[-0-]{+8+}0".
type unit struct {
	key        string // what is compared: the canonical token, or a figure's value, unit and hedge
	start, end int    // original byte span
	figure     bool
}

// value is a figure unit's value and unit, without the hedge.
func (u unit) value() string { return u.key[:strings.LastIndexByte(u.key, ' ')] }

// scratch is the memory units and wordEdits reuse from one sentence or
// passage to the next: one per goroutine (see parallel.ForWith).
type scratch struct {
	folder  normalize.Folder
	figures figures.Extractor
	ids     map[string]rune // wordEdits' runes of unit keys
	// The units of a pair's two spans, copied (the first and last
	// stretched to the span's edges) for wordEdits.
	oldUnits, newUnits []unit
	features           []feature // a sentence's, before they are deduplicated
}

func newScratch() *scratch { return new(scratch) }

// units turns the span [start, end) of text into diff units: the figures
// that figures.Extract finds there, each one unit keyed by its value, unit
// and hedge (so that "700,000" and "700000" are equal), and every other
// token on its own. A figure whose edges fall inside a token is left as
// tokens. It returns the tokens and the figures too, which glossary
// matching and classification read again (see side.quantitiesOf).
func units(sc *scratch, text string, start, end int) ([]unit, []normalize.Token, []figures.Figure) {
	c := sc.folder.Fold(text[start:end], start)
	toks := normalize.TokensOf(c)
	figs := sc.figures.ExtractFolded(c, text[start:end], start)
	out := make([]unit, 0, len(toks))
	f := 0
	for i := 0; i < len(toks); {
		for f < len(figs) && figs[f].End <= toks[i].Start {
			f++
		}
		if f < len(figs) && figs[f].Start == toks[i].Start {
			// The counted noun stays words: "over 200 million [-jobs-]{+people+}".
			end := figs[f].NounStart
			for end > figs[f].Start && (text[end-1] == ' ') {
				end--
			}
			if n := tokensWithin(toks[i:], end); n > 0 {
				fig := figs[f]
				fig.End = end
				u := fig.Unit
				if end < figs[f].End {
					u = "" // the noun is compared as words
				}
				v := "#" + strconv.FormatFloat(fig.Value, 'g', -1, 64) + " " + u
				if fig.High != nil {
					v += " to " + strconv.FormatFloat(*fig.High, 'g', -1, 64)
				}
				if fig.From != nil {
					v += " from " + strconv.FormatFloat(*fig.From, 'g', -1, 64)
				}
				out = append(out, unit{key: v + " " + fig.Qualifier, start: fig.Start, end: fig.End, figure: true})
				i += n
				f++
				continue
			}
		}
		t := toks[i]
		out = append(out, unit{key: t.Key, start: t.Start, end: t.End})
		i++
	}
	return out, toks, figs
}

// tokensWithin returns how many tokens from toks[0] end exactly at end,
// or 0 if a token straddles it.
func tokensWithin(toks []normalize.Token, end int) int {
	for n, t := range toks {
		switch {
		case t.End == end:
			return n + 1
		case t.End > end:
			return 0
		}
	}
	return 0
}
