package diff

import (
	"testing"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
	"github.com/google/go-cmp/cmp"
)

func TestClassifyHunk(t *testing.T) {
	tests := []struct {
		old, new string
		want     Class
	}{
		{"US$500 billion", "580 billion US dollars", Figure},
		{"4-3/4 to 5 percent", "5 to 5-1/4 percent", Figure},
		{"nearly 30%", "around 30%", Hedge},
		{"some additional policy firming may be appropriate", "the extent of any additional policy firming", Modality},
		{"will", "may", Modality},
		{"must", "should", Modality},
		{"is", "is not", Negation},
		{"does", "doesn't", Negation},
		{"将继续扩大", "不再扩大", Negation},
		{"不断扩大", "持续扩大", Wording}, // 不断 is "continuously"
		{"应当", "可以", Modality},
		{"moved slightly lower", "remained low", Hedge},
		{"organisation", "organization", Cosmetic},
		{"labour", "labor", Cosmetic},
		{"growth, investment", "growth; investment", Cosmetic},
		{"picked up", "been robust", Wording},
		{"March 22", "May 3", Wording}, // a statement's date: no modal, no figure
		{"in 2023", "in 2024", Wording},
		// Numbers that name or enumerate are no figures.
		{"第五条 经营者可以依法实施集中", "第六条 经营者可以依法实施集中", Wording},
		{"Article 52 applies", "Article 53 applies", Wording},
		{"call 202-452-2955", "call 202-452-3000", Wording},
		{"五十万元以下的罚款", "三百万元以下的罚款", Figure},
		{"raise it by 25 basis points", "raise it by 50 basis points", Figure},
		{"a new clause that broadly restates the case for restraint at length", "", Wording},
	}
	for _, tt := range tests {
		whole := newPassageWords(tt.old, tt.new)
		if got := classifyHunk(tt.old, tt.new, whole); got != tt.want {
			t.Errorf("classifyHunk(%q, %q) = %s, want %s", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestFigureMovedIsWording: a figure that moves within a passage, said
// once on each side, is no figure change; one that changes value is.
func TestFigureMovedIsWording(t *testing.T) {
	tests := []struct {
		old, new, hunkOld, hunkNew string
		want                       Class
	}{
		{"China is the world's second-largest services trader, with over US$1 trillion.",
			"Services trade ranks second globally, with over 1 trillion US dollars.",
			"China is the world's", "Services trade ranks second globally", Wording},
		{"China is the world's second-largest services trader, with over US$1 trillion.",
			"Services trade ranks third globally, with over 1 trillion US dollars.",
			"China is the world's", "Services trade ranks third globally", Figure},
		{"It rose nearly 30%, a record.", "A record: it rose about 30%.",
			"It rose nearly 30%, a record.", "A record: it rose about 30%.", Hedge},
	}
	for _, tt := range tests {
		if got := classifyHunk(tt.hunkOld, tt.hunkNew, newPassageWords(tt.old, tt.new)); got != tt.want {
			t.Errorf("classifyHunk(%q, %q) in %q → %q = %s, want %s", tt.hunkOld, tt.hunkNew, tt.old, tt.new, got, tt.want)
		}
	}
}

// TestModalMovedIsWording: "likely" moving between clauses of one passage
// changes no modality.
func TestModalMovedIsWording(t *testing.T) {
	old := "Recent developments are likely to result in tighter credit conditions for households and businesses and to weigh on economic activity.\n"
	new := "Tighter credit conditions for households and businesses are likely to weigh on economic activity.\n"
	r := Compare(normalize.Parse(old), normalize.Parse(new), Options{})
	for _, p := range r.Passages {
		for _, c := range p.Changes {
			if c.Class == Modality {
				t.Errorf("change %+v classified as modality; the passage keeps its one \"likely\"", c)
			}
		}
	}
}

func TestPassageLevels(t *testing.T) {
	g, err := themes.Default()
	if err != nil {
		t.Fatal(err)
	}
	old := "The Committee will act as needed.\n\nTrade reached US$500 billion.\n\nWe pursue dual circulation and open markets.\n\nThe weather was pleasant.\n"
	new := "The Committee may act as needed.\n\nTrade reached US$580 billion.\n\nWe pursue open markets.\n\nThe weather was pleasant!\n"
	r := Compare(normalize.Parse(old), normalize.Parse(new), Options{Concepts: themes.NewMatcher(g.Concepts)})
	var levels []Class
	for _, p := range r.Passages {
		if p.Kind != Same {
			levels = append(levels, p.Level)
		}
	}
	want := []Class{Modality, Figure, Concept, Cosmetic}
	if len(levels) != len(want) {
		t.Fatalf("levels %v, want %v", levels, want)
	}
	for i := range want {
		if levels[i] != want[i] {
			t.Errorf("passage %d level %s, want %s (all: %v)", i, levels[i], want[i], levels)
		}
	}
	for _, p := range r.Passages {
		if p.Kind == Same && (p.Level != "" || len(p.Changes) > 0) {
			t.Errorf("same passage with changes: %+v", p)
		}
	}
}

func TestParseClass(t *testing.T) {
	for _, c := range Classes {
		if got, err := ParseClass(string(c)); err != nil || got != c {
			t.Errorf("ParseClass(%q) = %q, %v", c, got, err)
		}
	}
	if _, err := ParseClass("important"); err == nil {
		t.Error("ParseClass(\"important\"): no error")
	}
	if Cosmetic.Rank() >= Figure.Rank() || Wording.Rank() >= Modality.Rank() {
		t.Error("class ranks out of order")
	}
}

// TestFigureChanges: a passage's figures that differ are listed in their
// own words, matched by value, unit and hedge before they count as added
// or removed.
func TestFigureChanges(t *testing.T) {
	old := "Foreign trade and investment have supported over 200 million jobs both directly and indirectly, nearly 30% of them new."
	new := "Foreign trade and investment have supported over 200 million people, including more than 80 million rural migrant workers, about 30% of them new."
	got := newPassageWords(old, new).figureChanges()
	want := []Change{
		{Class: Hedge, Old: "nearly 30%", New: "about 30%"},
		{Class: Figure, Old: "over 200 million jobs", New: "over 200 million people"},
		{Class: Figure, New: "more than 80 million rural migrant workers"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("figureChanges (-want +got):\n%s", d)
	}
}

// TestModalityByDifference: a modal or a negation makes a change of its
// class only when the set of them, by lemma, differs between the two
// sides of the passage (issue 18, item 3).
func TestModalityByDifference(t *testing.T) {
	tests := []struct {
		old, new, hunkOld, hunkNew string
		want                       Class
		reason                     string
	}{
		{"We must remain committed to the basic state policy and continue our reform through opening up.",
			"He has emphasized that the basic state policy must be upheld and that we must promote opening up.",
			"We must remain committed to", "He has emphasized that", Wording, "must on both sides (qiushi-2024 → 2025 passage 10)"},
		{"The Committee expects growth.", "The Committee expected growth and expects more.",
			"expects", "expected", Wording, "expect on both sides, by lemma"},
		{"It will not rise.", "It may not rise.", "will", "may", Modality, "will → may"},
		{"It does not rise.", "It doesn't rise and never will.", "does not", "doesn't", Wording, "not on both sides, by lemma"},
		{"It rises.", "It does not rise.", "rises", "does not rise", Negation, "not added"},
		{"我们必须坚持开放。", "必须坚持开放，必须扩大开放。", "我们", "，必须扩大开放", Wording, "必须 on both sides"},
		{"我们坚持开放。", "必须坚持开放。", "我们", "必须", Modality, "必须 added"},
	}
	for _, tt := range tests {
		if got := classifyHunk(tt.hunkOld, tt.hunkNew, newPassageWords(tt.old, tt.new)); got != tt.want {
			t.Errorf("classifyHunk(%q, %q) in %q → %q = %s, want %s (%s)", tt.hunkOld, tt.hunkNew, tt.old, tt.new, got, tt.want, tt.reason)
		}
	}
}
