package themes

import (
	"fmt"
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

func TestTrend(t *testing.T) {
	tests := []struct {
		counts []int
		want   string
	}{
		{[]int{0, 0, 0}, Absent},
		{[]int{0, 0, 2}, New},
		{[]int{2, 1, 0}, Gone},
		{[]int{2, 0, 1, 0}, Intermittent},
		{[]int{1, 0, 1}, Intermittent},
		{[]int{1, 2, 4}, Rising},
		{[]int{4, 2, 1}, Falling},
		{[]int{3, 3, 3}, Steady},
		{[]int{0, 2, 2}, Steady},
		{[]int{5}, Steady},
	}
	for _, tt := range tests {
		rates := make([]float64, len(tt.counts))
		for i, c := range tt.counts {
			rates[i] = float64(c)
		}
		if got := trend(tt.counts, rates); got != tt.want {
			t.Errorf("trend(%v) = %s, want %s", tt.counts, got, tt.want)
		}
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
