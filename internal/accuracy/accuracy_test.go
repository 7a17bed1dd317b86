package accuracy

import (
	"os"
	"path/filepath"
	"testing"
)

// floors are the F1 scores docdrift must keep on the evaluation set: the
// scores when it was labelled, less one case's worth.
var floors = map[string]float64{
	"aligned passage pairs":            0.9,
	"moved paragraphs":                 0.9,
	"figures with values":              0.9,
	"figure tracks (same fact linked)": 0.9,
	"concept presence":                 0.9,
}

func TestEvaluationSet(t *testing.T) {
	s, err := Load("testdata/set.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Evaluate(s, "../..", Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Tool != "docdrift" {
			continue
		}
		seen[r.Capability] = true
		if r.Cases == 0 {
			t.Errorf("%s: no cases", r.Capability)
		}
		if f := r.Score.F1(); f < floors[r.Capability] {
			t.Errorf("%s: F1 %.2f, under %.2f; misses: %q", r.Capability, f, floors[r.Capability], r.Misses)
		}
	}
	for c := range floors {
		if !seen[c] {
			t.Errorf("no score for %s", c)
		}
	}
}

// TestWrongLabelsScoreLow checks that the scorer can fail: labels that
// contradict the texts give false negatives and false positives.
func TestWrongLabelsScoreLow(t *testing.T) {
	wrong := `
alignment:
  - old: fixtures/opening-up/qiushi-2024.txt
    new: fixtures/opening-up/qiushi-2025.txt
    pairs:
      - {old: "Ultimately, the purpose of opening up is to improve", new: "China has always stood on the right side of history"}
      - {old: "This calls for us to stand on the right side of history", new: null}
moves: {size: 16384, seed: 2}
figures:
  - file: fixtures/opening-up/qiushi-2024.txt
    sentence: "The value of cross-border e-commerce imports and exports reached"
    figures: [{value: 9e12, unit: USD, qualifier: over}]
tracks:
  corpus: fixtures/opening-up
  pairs:
    - {a: [speech-2023-zh, "11倍"], b: [speech-2023-en, "11-fold"], same: false}
concepts:
  - {file: fixtures/opening-up/qiushi-2024.txt, concept: wto-reform, present: false}
`
	path := filepath.Join(t.TempDir(), "wrong.yaml")
	if err := os.WriteFile(path, []byte(wrong), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Evaluate(s, "../..", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Tool != "docdrift" || r.Capability == "moved paragraphs" {
			continue
		}
		if r.Score.TP != 0 || r.Score.FP+r.Score.FN == 0 {
			t.Errorf("%s: %+v for labels that are all wrong", r.Capability, r.Score)
		}
	}
}

func TestLoadIsStrict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "typo.yaml")
	os.WriteFile(path, []byte("concepts:\n  - {file: a.txt, concpt: x, present: true}\n"), 0o644)
	if _, err := Load(path); err == nil {
		t.Error("a misspelt field loaded without error")
	}
}

func TestScore(t *testing.T) {
	for _, tt := range []struct {
		s         Score
		p, r, f1  float64
		undefined bool
	}{
		{Score{TP: 3, FP: 1, FN: 1}, 0.75, 0.75, 0.75, false},
		{Score{TP: 0, FP: 0, FN: 4}, 0, 0, 0, true},
	} {
		if tt.s.F1() != tt.f1 || !tt.undefined && (tt.s.Precision() != tt.p || tt.s.Recall() != tt.r) {
			t.Errorf("%+v: P %v R %v F1 %v", tt.s, tt.s.Precision(), tt.s.Recall(), tt.s.F1())
		}
	}
}

func TestBaselineParsers(t *testing.T) {
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
	os.WriteFile(old, []byte("Rates rose to 5 percent in May.\n\nExports fell sharply.\n"), 0o644)
	os.WriteFile(new, []byte("Rates rose to 6 percent in May.\n\nImports grew.\n"), 0o644)
	for name, parse := range map[string]func(string, string) ([]sideBySide, error){"git": gitWordDiff, "dwdiff": dwdiff} {
		if !have(name) {
			t.Logf("%s not installed: its parser is not tested", name)
			continue
		}
		lines, err := parse(old, new)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		partner, paired := pairedIn(lines, "Rates rose to 5 percent")
		if !paired || partner != "Rates rose to 6 percent in May." {
			t.Errorf("%s: the changed sentence paired %v with %q", name, paired, partner)
		}
	}
}

// TestRewordingSet scores the rewordings in one language (issue 19):
// merges, clauses of run-on sentences and abbreviations, on the fixtures
// and on the shared corpora, when those are present.
func TestRewordingSet(t *testing.T) {
	if _, err := os.Stat("../../../shared/corpora"); err != nil {
		t.Skip("no shared corpora:", err)
	}
	s, err := Load("testdata/rewording.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := EvaluateAlignment(s, "../..", "rewordings")
	if err != nil {
		t.Fatal(err)
	}
	if r.Cases < 40 {
		t.Errorf("rewordings: %d cases, want at least 40", r.Cases)
	}
	if p, rc := r.Precision(), r.Recall(); p < 0.9 || rc < 0.9 {
		t.Errorf("rewordings: precision %.2f, recall %.2f, want both at least 0.9; misses: %q", p, rc, r.Misses)
	}
}
