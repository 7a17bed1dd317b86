package diff

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/internal/edition"
	"github.com/docdrift/docdrift/normalize"
)

// TestWholeChanges: a passage added, removed or moved whole carries the
// class of what each of its sentences holds (issue 18, item 1).
func TestWholeChanges(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []Change // of the passages not the same, in order, without weights
		reason         string
	}{
		{"figure the other lacks",
			"The Committee met today.\n",
			"The Committee met today.\n\nVoting against this action was Jeffrey M. Lacker, who preferred to raise the target range by 25 basis points.\n",
			[]Change{{Class: Figure, New: "Voting against this action was Jeffrey M. Lacker, who preferred to raise the target range by 25 basis points."}},
			"an added dissent with a step the old document never takes"},
		{"cumulative goal dropped",
			"The Committee judges that inflation at the rate of 2 percent is most consistent with its mandate. The Committee seeks to achieve inflation that averages 2 percent over time.\n",
			"The Committee judges that inflation at the rate of 2 percent is most consistent with its mandate.\n",
			[]Change{{Class: Figure, Old: "The Committee seeks to achieve inflation that averages 2 percent over time."}},
			"fomc-longer-run-goals 2024 → 2025: 2 percent is still the rate, no longer an average"},
		{"figure held elsewhere",
			"Inflation is expected to rise to 2 percent.\n",
			"Inflation is expected to rise to 2 percent.\n\nThe stance of policy supports a return to 2 percent inflation.\n",
			[]Change{{Class: Wording, New: "The stance of policy supports a return to 2 percent inflation."}},
			"the new sentence states a value the old document states too"},
		{"negation and modality, one sentence each",
			"The report was published.\n",
			"The report was published.\n\nThe Committee does not see a recession. Growth will slow.\n",
			[]Change{{Class: Negation, New: "The Committee does not see a recession."}, {Class: Modality, New: "Growth will slow."}},
			"each sentence of a passage added whole is a change of its own"},
		{"boilerplate", "Markets were open.\n", "Markets were open.\n\nThe meeting took place in Washington.\n",
			[]Change{{Class: Wording, New: "The meeting took place in Washington."}}, "nothing but words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(normalize.Parse(tt.old), normalize.Parse(tt.new), Options{})
			var got []Change
			for _, p := range r.Passages {
				for _, c := range p.Changes {
					c.Weight, c.Signals = 0, nil
					got = append(got, c)
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Compare(%q, %q) changes (-want +got), %s:\n%s", tt.old, tt.new, tt.reason, d)
			}
		})
	}
}

// TestWeighChange: within a class, a decision, a vote and a figure weigh
// more than boilerplate.
func TestWeighChange(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"the Committee decided to raise the target range to 1/4 to 1/2 percent", weightPolicyVerb + weightFigure},
		{"Voting against the action was Esther L. George, who preferred to raise the target range", weightVote},
		{"基本养老金提高5%", weightPolicyVerb + weightFigure},
		{"the full-time equivalent of R&D personnel ranking first in the world", 0},
		{"Inflation was 3 percent.", weightFigure},
		{"The meeting took place in Washington.", 0},
	}
	for _, tt := range tests {
		c := Change{Class: Wording, New: tt.text}
		if weighChange(&c); c.Weight != tt.want {
			t.Errorf("weighChange(%q) = %d %v, want %d", tt.text, c.Weight, c.Signals, tt.want)
		}
	}
	// A hunk weighs by its sentences' decisions, not by a verb that
	// merely stands near it.
	c := Change{Class: Figure, New: "first",
		OldSentence: "We maintain the largest full-time equivalent of R&D personnel globally.",
		NewSentence: "The full-time equivalent of R&D personnel ranks first in the world."}
	if weighChange(&c); c.Weight != 0 {
		t.Errorf("weighChange(%+v) = %d %v, want 0", c, c.Weight, c.Signals)
	}
}

// TestSentenceFiguresReused: classification reads the figures of a
// sentence from its units (side.quantitiesOf, factMemo) instead of
// extracting them again; both must give what extracting the sentence's
// text gives, on real text in both languages and on a generated edition
// dense with figures.
func TestSentenceFiguresReused(t *testing.T) {
	old, _ := edition.Pair(64<<10, 1)
	docs := map[string]*normalize.Document{"edition": normalize.Parse(old)}
	for _, name := range []string{"qiushi-2024.txt", "interview-2025.txt", "speech-2023.zh.txt", "speech-2023.en.txt"} {
		docs[name] = parseFixture(t, name)
	}
	offsets := cmpopts.IgnoreFields(figures.Figure{}, "Start", "End", "NounStart")
	for name, doc := range docs {
		s := newSide(doc, func(normalize.Kind) bool { return true })
		sc := newScratch()
		m := newFactMemo([2]side{s, s})
		for j := range s.sents {
			text := doc.Text[s.sents[j].start:s.sents[j].end]
			extracted := quantities(text)
			s.sents[j].unitsOf(sc, doc.Text)
			if d := cmp.Diff(extracted, s.quantitiesOf(j), offsets, cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(figures.Figure{})); d != "" {
				t.Errorf("%s sentence %d %q: quantitiesOf (-extracted +from units):\n%s", name, j, text, d)
			}
			m.sentence(text, 0, j)
			if got, want := m.of(text), factsOf(text); got != want {
				t.Errorf("%s sentence %d %q: factMemo.of = %+v, factsOf = %+v", name, j, text, got, want)
			}
		}
	}
}

// TestLowerWords: lowerWords yields the words of words(s) up to 32 bytes
// long, in order, for every text without "May" — Unicode case included
// (the Kelvin sign and a dotted capital I lower-case to ASCII letters),
// Han text, apostrophes and bytes that are not UTF-8.
func TestLowerWords(t *testing.T) {
	texts := []string{"", "The Committee VOTED to raise", "İVOTE, \u212AEEP", "don't can’t 'quoted'",
		"委员会决定提高利率 by 25 basis points", "bad \xff\xfe bytes\xffvote", "mixed漢字words and1digits2",
		strings.Repeat("x", 40) + " short " + strings.Repeat("é", 20) + " end"}
	for _, name := range []string{"qiushi-2024.txt", "interview-2025.txt", "speech-2023.zh.txt", "speech-2023.en.txt"} {
		texts = append(texts, strings.Split(readFixture(t, name), "\n")...)
	}
	for _, s := range texts {
		if strings.Contains(s, "May") {
			continue
		}
		var want, got []string
		for _, w := range words(s) {
			if len(w) <= 32 {
				want = append(want, w)
			}
		}
		lowerWords(s, func(w []byte) { got = append(got, string(w)) })
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("lowerWords(%q) (-words +lowerWords):\n%s", s, d)
		}
	}
}

// TestLacksObservesOnlyWhatMayMeasure: lacks observes a sentence only
// when one of its figures may make an observation that measures; it must
// answer as observing every sentence does, on every sentence of real and
// generated pairs.
func TestLacksObservesOnlyWhatMayMeasure(t *testing.T) {
	old, new := edition.Pair(64<<10, 1)
	pairs := [][2]*normalize.Document{{normalize.Parse(old), normalize.Parse(new)},
		{parseFixture(t, "qiushi-2024.txt"), parseFixture(t, "qiushi-2025.txt")},
		{parseFixture(t, "qiushi-2025.txt"), parseFixture(t, "interview-2025.txt")},
		{parseFixture(t, "speech-2023.en.txt"), parseFixture(t, "qiushi-2024.txt")}}
	all := func(normalize.Kind) bool { return true }
	for n, p := range pairs {
		sides := [2]side{newSide(p[0], all), newSide(p[1], all)}
		h := newHeldFigures(sides)
		// lacks as it was, observing every sentence that may hold a number.
		want := func(k, j int) bool {
			s := sides[k]
			if !mayHoldNumber(s.doc.Text[s.sents[j].start:s.sents[j].end]) {
				return false
			}
			for _, o := range observeSome(s, []int{j}) {
				if measures(o.Figure) && !h.holds(1-k, numberOf(o.Text), observedKey(o), false) {
					return true
				}
			}
			for _, f := range s.quantitiesOf(j) {
				if f.NotFigure == figures.Step && !h.holds(1-k, numberOf(f.Text), figureKey(f), true) {
					return true
				}
			}
			return false
		}
		for k, s := range sides {
			for j := range s.sents {
				if got, want := h.lacks(k, j), want(k, j); got != want {
					t.Errorf("pair %d side %d sentence %q: lacks = %v, observing it = %v", n, k, s.doc.Text[s.sents[j].start:s.sents[j].end], got, want)
				}
			}
		}
	}
}

// TestDigitIndex: digitIndex.index finds what strings.Index finds from
// every offset, for numbers that begin with a digit or not.
func TestDigitIndex(t *testing.T) {
	old, _ := edition.Pair(16<<10, 1)
	for _, text := range []string{old, readFixture(t, "speech-2023.zh.txt"), "", "1", "a1b22c333 4.5 45 1/4 to 1/2"} {
		d := newDigitIndex(text)
		for _, number := range []string{"1", "2", "22", "4.5", "1/4 to 1/2", "三百", "one", "", "9999999", "0"} {
			for off := 0; off <= len(text); off += 1 + len(text)/500 {
				want := strings.Index(text[off:], number)
				if want >= 0 {
					want += off
				}
				if got := d.index(text, number, off); got != want {
					t.Fatalf("index(%.20q…, %q, %d) = %d, want %d", text, number, off, got, want)
				}
			}
		}
	}
}
