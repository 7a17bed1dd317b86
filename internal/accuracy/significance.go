package accuracy

import (
	"fmt"
	"os"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
	"github.com/docdrift/docdrift/timeline"
)

// SignificanceSet is a hand-annotated set of edition steps
// (testdata/significance.yaml): for each, the changes a reader would
// list first, each a sentence of the old or the new document.
type SignificanceSet struct {
	Steps []SignificanceStep `yaml:"steps"`
}

// SignificanceStep is one edition step and its gold changes.
type SignificanceStep struct {
	Old     string       `yaml:"old"` // paths, relative to the root
	New     string       `yaml:"new"`
	Changes []GoldChange `yaml:"changes"`
}

// GoldChange is a change a reader lists first: the sentence of the old
// (side old) or new (side new) document that holds the distinctive
// words Has, and why.
type GoldChange struct {
	Side string `yaml:"side"`
	Has  string `yaml:"has"`
	Why  string `yaml:"why"`
}

// LoadSignificance reads a significance set.
func LoadSignificance(path string) (*SignificanceSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s SignificanceSet
	if err := yaml.UnmarshalWithOptions(data, &s, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// SignificanceTop is how many of a step's most significant changes are
// looked at: the eight a timeline or a check shows.
const SignificanceTop = 8

// SignificanceScore counts the gold changes found among the first
// SignificanceTop changes of their step, and lists those missed.
type SignificanceScore struct {
	Steps, Gold, Found int
	Misses             []string
}

// ScoreSignificance builds the timeline step of each pair (the default
// glossary, the default least class, hedge) and counts the gold changes
// its first SignificanceTop changes hold. A change holds a gold sentence
// when one of its texts on the gold's side contains the sentence (a
// passage listed whole) or is a part of it of 10 bytes or more (a hunk,
// a figure, the sentence itself), white space collapsed.
func ScoreSignificance(s *SignificanceSet, root string) (SignificanceScore, error) {
	g, err := themes.Default()
	if err != nil {
		return SignificanceScore{}, err
	}
	e := evaluator{root: root}
	var sc SignificanceScore
	for _, st := range s.Steps {
		old, err := e.read(st.Old)
		if err != nil {
			return sc, err
		}
		new, err := e.read(st.New)
		if err != nil {
			return sc, err
		}
		tl := timeline.Build([]timeline.Document{{ID: "old", Date: "1", Lang: "en", Doc: old}, {ID: "new", Date: "2", Lang: "en", Doc: new}},
			timeline.Options{Concepts: g.Concepts})
		changes := tl.Steps[0].Changes
		if len(changes) > SignificanceTop {
			changes = changes[:SignificanceTop]
		}
		sc.Steps++
		for _, gc := range st.Changes {
			doc := old
			if gc.Side == "new" {
				doc = new
			} else if gc.Side != "old" {
				return sc, fmt.Errorf("%s → %s: side %q: use old or new", st.Old, st.New, gc.Side)
			}
			sentence, err := sentenceWith(doc, gc.Has)
			if err != nil {
				return sc, fmt.Errorf("%s → %s: %w", st.Old, st.New, err)
			}
			sc.Gold++
			if holds(changes, gc.Side, sentence) {
				sc.Found++
			} else {
				sc.Misses = append(sc.Misses, fmt.Sprintf("%s → %s: %s %q (%s)", st.Old, st.New, gc.Side, gc.Has, gc.Why))
			}
		}
	}
	return sc, nil
}

// sentenceWith returns the one sentence of doc that holds has, white
// space collapsed.
func sentenceWith(doc *normalize.Document, has string) (string, error) {
	var found []string
	for _, s := range doc.Sentences {
		if t := squash(normalize.Tidy(doc.Text[s.Start:s.End])); strings.Contains(t, squash(normalize.Tidy(has))) {
			found = append(found, t)
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("%q is in %d sentences, want 1", has, len(found))
	}
	return found[0], nil
}

// holds reports whether one of changes holds the sentence on side.
func holds(changes []timeline.Change, side, sentence string) bool {
	for _, c := range changes {
		for _, t := range changeTexts(c, side) {
			t = squash(normalize.Tidy(t))
			if t != "" && (strings.Contains(t, sentence) || len(t) >= 10 && strings.Contains(sentence, t)) {
				return true
			}
		}
	}
	return false
}
