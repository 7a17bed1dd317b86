package themes

import (
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/docdrift/docdrift/normalize"
	"github.com/google/go-cmp/cmp"
)

func TestDefaultGlossary(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Concepts) < 60 {
		t.Errorf("default glossary has %d concepts, want at least 60", len(g.Concepts))
	}
	for _, c := range g.Concepts {
		if c.Note == "" || c.Label == "" {
			t.Errorf("concept %s: missing note or label", c.ID)
		}
	}
}

// TestBuiltinGlossaryIsCurrent holds the generated built-in glossary to
// its source: after editing glossary.yaml, run go generate ./themes.
func TestBuiltinGlossaryIsCurrent(t *testing.T) {
	g, err := Load("glossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(g.Concepts, builtinConcepts); diff != "" {
		t.Errorf("builtin_glossary.go differs from glossary.yaml (-yaml +built in); run go generate ./themes:\n%s", diff)
	}
}

// TestDefaultIsACopy checks that changing what Default returns does not
// change the built-in glossary.
func TestDefaultIsACopy(t *testing.T) {
	g, _ := Default()
	g.Concepts[0].EN[0] = "changed"
	g.Merge(&Glossary{Concepts: []Concept{{ID: g.Concepts[1].ID, EN: []string{"replaced"}}}})
	again, _ := Default()
	if again.Concepts[0].EN[0] == "changed" || again.Concepts[1].EN[0] == "replaced" {
		t.Errorf("Default shares memory with the built-in glossary: %v", again.Concepts[:2])
	}
}

func count(t *testing.T, text string, wordings ...string) int {
	t.Helper()
	m := NewMatcher([]Concept{{ID: "x", EN: wordings}})
	return len(m.Find(normalize.Parse(text)))
}

func TestMatching(t *testing.T) {
	tests := []struct {
		name, text string
		wordings   []string
		want       int
	}{
		{"inflection", "They invest, invested and are investing.", []string{"invest"}, 3},
		{"plural", "one free trade zone and two free trade zones", []string{"free trade zones"}, 2},
		{"hyphen and space", "opening-up and opening up and Opening Up", []string{"opening up"}, 3},
		{"quotes and case", `"Small Yet Effective" projects`, []string{"small yet effective"}, 1},
		{"line break", "a community with a shared\nfuture for mankind", []string{"community with a shared future for mankind"}, 1},
		{"possessive", "the dispute settlement mechanism’s operation", []string{"dispute settlement mechanism"}, 1},
		{"no partial word", "reinvestment", []string{"invest"}, 0},
		{"Chinese", "推动构建人类命运共同体，构建人类命运共同体。", []string{"人类命运共同体"}, 2},
		{"Chinese across a line break", "推动构建人类命运\n共同体。", []string{"人类命运共同体"}, 1},
		{"fullwidth", "ＷＴＯ改革", []string{"WTO改革"}, 1},
	}
	for _, tt := range tests {
		if got := count(t, tt.text, tt.wordings...); got != tt.want {
			t.Errorf("%s: %q in %q: %d matches, want %d", tt.name, tt.wordings, tt.text, got, tt.want)
		}
	}
}

func TestLongestWordingWins(t *testing.T) {
	concepts := []Concept{{ID: "free-trade", EN: []string{"free trade"}}, {ID: "ftz", EN: []string{"free trade zones"}}}
	got := map[string]int{}
	for _, m := range NewMatcher(concepts).Find(normalize.Parse("Free trade helps. Free trade zones multiply.")) {
		got[m.Concept]++
	}
	if got["free-trade"] != 1 || got["ftz"] != 1 {
		t.Errorf("overlapping concepts: got %v, want one each", got)
	}
}

// Real series from the corpora (rates per 10,000 characters) and the
// label a reader would give them (issue 18).
var (
	gwrXiaokangCounts = []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 3, 0, 0, 1, 0, 0, 1, 0, 0, 3, 0, 4, 3, 3, 5, 3, 6, 0, 2, 3, 0, 4, 2, 2, 9, 4, 5, 7, 1, 1, 2, 0, 0}
	gwrPovertyCounts  = []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 4, 4, 1, 2, 7, 2, 11, 3, 6, 2, 2, 2, 11, 2, 5, 8, 4, 7, 3, 9, 10, 14, 12, 10, 3, 8, 3, 4}
	gwrPovertyRates   = []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.7, 0.6, 0.7, 2.1, 2.6, 2.6, 0.7, 1.4, 4.9, 1.4, 5.3, 2, 3.6, 1.1, 1.1, 0.9, 6.2, 1.1, 2.8, 4.8, 2.8, 4.5, 1.8, 4.9, 5.7, 7.5, 6.5, 6.3, 1.9, 4.8, 1.9, 2.4}
	gwrPovertyCounts2 = []int{1, 1, 1, 3, 4, 2, 1, 2, 7, 1, 7, 1, 4, 2, 0, 1, 9, 1, 2, 4, 3, 6, 2, 8, 10, 14, 10, 9, 2, 6, 3, 4}
	gwrPovertyRates2  = []float64{0.7, 0.6, 0.7, 2.1, 2.6, 1.3, 0.7, 1.4, 4.9, 0.7, 3.3, 0.7, 2.4, 1.1, 0, 0.5, 5.1, 0.6, 1.1, 2.4, 2.1, 3.9, 1.2, 4.4, 5.7, 7.5, 5.4, 5.7, 1.3, 3.6, 1.9, 2.4}
	cpcXiaokangCounts = []int{0, 0, 0, 1, 5, 4, 6, 23, 22, 19, 19, 3}
	cpcXiaokangRates  = []float64{0, 0, 0, 0.3, 1.7, 1.6, 2.3, 8.8, 8.5, 7.1, 6.4, 1}
)

func TestTrend(t *testing.T) {
	tests := []struct {
		name   string
		counts []int
		rates  []float64 // nil: the counts
		want   string
		reason string
	}{
		{"none", []int{0, 0, 0}, nil, Absent, ""},
		{"only last", []int{0, 0, 2}, nil, New, ""},
		{"dropped", []int{2, 1, 0}, nil, Gone, ""},
		{"dropped after a gap", []int{2, 0, 1, 0}, nil, Gone, "absent from the latest: the last step says gone, so does the trend"},
		{"gap", []int{1, 0, 1}, nil, Intermittent, ""},
		{"short rise", []int{1, 2, 4}, nil, Rising, "three points: the ends compared"},
		{"short fall", []int{4, 2, 1}, nil, Falling, ""},
		{"flat", []int{3, 3, 3}, nil, Steady, ""},
		{"flat since first", []int{0, 2, 2}, nil, Steady, ""},
		{"one document", []int{5}, nil, Steady, ""},
		{"end point noise", []int{2, 5, 3, 4, 3}, nil, Steady, "the old first-vs-last ratio read this as rising"},
		{"monotonic", []int{1, 2, 2, 3, 5, 6}, nil, Rising, ""},
		{"rise with a gap", []int{1, 0, 2, 3, 5, 6}, nil, Rising, "a trend holds through a gap"},
		{"rise and fall", []int{1, 3, 6, 9, 5, 2, 1}, nil, Peaked, ""},
		{"gwr 小康", gwrXiaokangCounts, nil, Gone, "0 in the 2024 and 2025 reports, which the step reports as gone"},
		{"gwr poverty alleviation", gwrPovertyCounts, gwrPovertyRates, Peaked, "peaks in 2018 (7.5 per 10k), 1.9–2.4 since 2023"},
		{"gwr poverty alleviation, reader's counts", gwrPovertyCounts2, gwrPovertyRates2, Peaked, "counts with strict word boundaries (1992 on): the fall is no Mann–Kendall trend, yet 7.5 → 2.4"},
		{"spike", []int{3, 3, 3, 9, 3, 3}, nil, Steady, "no rise to the peak"},
		{"late peak, small fall", []int{1, 2, 3, 4, 6, 5}, nil, Rising, "5 is more than half of 6"},
		{"cpc 小康", cpcXiaokangCounts, cpcXiaokangRates, Peaked, "1·5·4·6·23·22·19·19·3 peaks at the 16th congress"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rates := tt.rates
			if rates == nil {
				rates = make([]float64, len(tt.counts))
				for i, c := range tt.counts {
					rates[i] = float64(c)
				}
			}
			if got := trend(tt.counts, rates); got != tt.want {
				t.Errorf("trend(%v) = %s, want %s (%s)", tt.counts, got, tt.want, tt.reason)
			}
		})
	}
}

func TestFind(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for term, want := range map[string]string{
		"Dispute Settlement":                "dispute-settlement",
		"人类命运共同体":                           "community-shared-future",
		"global community of shared future": "community-shared-future",
		"small and beautiful":               "small-yet-effective",
		"high-level opening-up":             "high-standard-opening-up",
	} {
		if c, ok := g.Find(term); !ok || c.ID != want {
			t.Errorf("Find(%q) = %s (found %v), want %s", term, c.ID, ok, want)
		}
	}
	if c, ok := g.Find("quantum widgets"); ok || fmt.Sprint(c.EN) != "[quantum widgets]" {
		t.Errorf("Find of an unknown term: %+v, %v", c, ok)
	}
}

func TestGlossaryErrors(t *testing.T) {
	for _, bad := range []string{
		"concepts:\n  - id: a\n    en: [x]\n    colour: red\n",
		"concepts:\n  - id: a\n    en: [x]\n  - id: a\n    en: [y]\n",
		"concepts:\n  - id: a\n",
	} {
		if _, err := parse([]byte(bad), "g.yaml"); err == nil {
			t.Errorf("parse(%q): want an error", bad)
		}
	}
}

// TestThemeConcurrent checks that Theme gives every concept of the glossary
// the same counts and trend called from several goroutines at once (the
// near-variants of the latest document are found once and shared) as one
// at a time on a corpus of its own.
func TestThemeConcurrent(t *testing.T) {
	g, _ := Default()
	var docs []Document
	for i, d := range fixtureCorpus(t, 1) {
		docs = append(docs, Document{ID: fmt.Sprint(i), Doc: d.Doc})
	}
	serial, shared := NewCorpus(docs, g.Concepts), NewCorpus(docs, g.Concepts)
	// A Corpus made field by field, as other constructors may, finds the
	// latest document's sentences too.
	literal := &Corpus{docs: serial.docs, words: serial.words, matches: serial.matches, matcher: serial.matcher}
	got := make([]Theme, len(g.Concepts))
	var wg sync.WaitGroup
	for i, c := range g.Concepts {
		wg.Go(func() { got[i] = shared.Theme(c.Label, c, true) })
	}
	wg.Wait()
	gone := 0
	for i, c := range g.Concepts {
		want := serial.Theme(c.Label, c, true)
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("Theme(%s): concurrently %+v, alone %+v", c.ID, got[i], want)
		}
		if lit := literal.Theme(c.Label, c, true); !reflect.DeepEqual(lit, want) {
			t.Errorf("Theme(%s) of a Corpus literal: %+v, want %+v", c.ID, lit, want)
		}
		if len(want.Matches[docs[len(docs)-1].ID]) == 0 && want.Trend != Absent {
			gone++
		}
	}
	if gone == 0 {
		t.Errorf("no concept absent from the latest document: the test needs near-variants looked for")
	}
}
