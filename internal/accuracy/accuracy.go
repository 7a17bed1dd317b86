// Package accuracy scores docdrift against a hand-labelled evaluation
// set (testdata/set.yaml): aligned passage pairs, moved paragraphs,
// figures with their values, figure tracks and concept presence, each
// as precision, recall and F1, with git's and dwdiff's word diffs as
// baselines where a word diff can do the task at all.
package accuracy

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/internal/edition"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// Set is the evaluation set.
type Set struct {
	Alignment []struct {
		Old   string `yaml:"old"`
		New   string `yaml:"new"`
		Pairs []struct {
			Old string  `yaml:"old"`
			New *string `yaml:"new"`
		} `yaml:"pairs"`
	} `yaml:"alignment"`
	Moves struct {
		Size int   `yaml:"size"`
		Seed int64 `yaml:"seed"`
	} `yaml:"moves"`
	Figures []struct {
		File     string `yaml:"file"`
		Sentence string `yaml:"sentence"`
		Figures  []struct {
			Value     float64 `yaml:"value"`
			Unit      string  `yaml:"unit"`
			Qualifier string  `yaml:"qualifier"`
		} `yaml:"figures"`
	} `yaml:"figures"`
	Tracks struct {
		Corpus string `yaml:"corpus"`
		Pairs  []struct {
			A    [2]string `yaml:"a"`
			B    [2]string `yaml:"b"`
			Same bool      `yaml:"same"`
		} `yaml:"pairs"`
	} `yaml:"tracks"`
	Concepts []struct {
		File    string `yaml:"file"`
		Concept string `yaml:"concept"`
		Present bool   `yaml:"present"`
	} `yaml:"concepts"`
}

// Load reads an evaluation set.
func Load(path string) (*Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Set
	if err := yaml.UnmarshalWithOptions(data, &s, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// Score counts true positives, false positives and false negatives.
type Score struct{ TP, FP, FN int }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Precision is TP/(TP+FP); NaN when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN); NaN when nothing was to be found.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall (0 when both are 0
// or either is undefined).
func (s Score) F1() float64 { return f1(s.Precision(), s.Recall()) }

func f1(p, r float64) float64 {
	if math.IsNaN(p) || math.IsNaN(r) || p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Row is one capability scored for one tool.
type Row struct {
	Capability string
	Tool       string
	Cases      int
	Score      Score
	Note       string
	// Averaged, when set, holds precision and recall averaged over
	// cases (B-cubed), which Score's counts do not give.
	Averaged *Averaged
	// Misses describe the cases the tool got wrong.
	Misses []string
}

// Averaged is a precision and a recall averaged over cases.
type Averaged struct{ P, R float64 }

// Precision is the row's precision: Averaged's, or Score's.
func (r Row) Precision() float64 {
	if r.Averaged != nil {
		return r.Averaged.P
	}
	return r.Score.Precision()
}

// Recall is the row's recall: Averaged's, or Score's.
func (r Row) Recall() float64 {
	if r.Averaged != nil {
		return r.Averaged.R
	}
	return r.Score.Recall()
}

// F1 is the harmonic mean of the row's precision and recall.
func (r Row) F1() float64 { return f1(r.Precision(), r.Recall()) }

// Options says which baselines to run (each only if its program is on
// PATH).
type Options struct {
	Git, Dwdiff bool
}

// Evaluate scores docdrift (and the baselines asked for) on a set whose
// paths are relative to root.
func Evaluate(s *Set, root string, opts Options) ([]Row, error) {
	e := evaluator{root: root, opts: opts}
	var rows []Row
	for _, f := range []func(*Set) ([]Row, error){e.alignment, e.moves, e.figures, e.tracks, e.concepts} {
		r, err := f(s)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r...)
	}
	return rows, nil
}

type evaluator struct {
	root string
	opts Options
}

func (e evaluator) path(p string) string { return filepath.Join(e.root, filepath.FromSlash(p)) }

func (e evaluator) read(p string) (*normalize.Document, error) {
	return normalize.ReadFile(e.path(p), normalize.DecodeOptions{})
}

// squash collapses white space, so that labels match across line ends.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// alignment scores pairs: a labelled pair is found when the passage
// holding the old sentence holds the new one; pairing a sentence labelled
// removed, or with the wrong sentence, is a false positive.
func (e evaluator) alignment(s *Set) ([]Row, error) {
	var doc, git, dw Score
	var misses []string
	cases := 0
	gitOK, dwOK := e.opts.Git && have("git"), e.opts.Dwdiff && have("dwdiff")
	for _, c := range s.Alignment {
		old, err := e.read(c.Old)
		if err != nil {
			return nil, err
		}
		new, err := e.read(c.New)
		if err != nil {
			return nil, err
		}
		r := diff.Compare(old, new, diff.Options{})
		var gitLines, dwLines []sideBySide
		if gitOK {
			if gitLines, err = gitWordDiff(e.path(c.Old), e.path(c.New)); err != nil {
				return nil, err
			}
		}
		if dwOK {
			if dwLines, err = dwdiff(e.path(c.Old), e.path(c.New)); err != nil {
				return nil, err
			}
		}
		for _, p := range c.Pairs {
			cases++
			partner, paired := partnerOf(r.Passages, p.Old)
			before := doc
			doc.add(p.Old, p.New, partner, paired)
			if doc.TP == before.TP && (p.New != nil || paired) {
				misses = append(misses, fmt.Sprintf("%q paired with %q", p.Old, partner))
			}
			if gitOK {
				partner, paired := pairedIn(gitLines, p.Old)
				git.add(p.Old, p.New, partner, paired)
			}
			if dwOK {
				partner, paired := pairedIn(dwLines, p.Old)
				dw.add(p.Old, p.New, partner, paired)
			}
		}
	}
	rows := []Row{{Capability: "aligned passage pairs", Tool: "docdrift", Cases: cases, Score: doc, Misses: misses}}
	if gitOK {
		rows = append(rows, Row{Capability: "aligned passage pairs", Tool: "git diff --word-diff", Cases: cases, Score: git,
			Note: "a pair counts when git puts the two sentences' paragraphs on one line with words in common"})
	}
	if dwOK {
		rows = append(rows, Row{Capability: "aligned passage pairs", Tool: "dwdiff", Cases: cases, Score: dw,
			Note: "counted as for git"})
	}
	return rows, nil
}

// partnerOf returns the new text of the passage holding the old
// sentence, as its own or as a sentence it merges, with the sentences
// of a split; paired is false when that passage has no new side.
func partnerOf(ps []diff.Passage, old string) (partner string, paired bool) {
	for _, p := range ps {
		holds := p.Old != nil && strings.Contains(squash(p.Old.Text), old)
		for _, m := range p.MergedOld {
			holds = holds || strings.Contains(squash(m.Text), old)
		}
		if !holds {
			continue
		}
		if p.New == nil {
			return "", false
		}
		texts := []string{squash(p.New.Text)}
		for _, m := range p.MergedNew {
			texts = append(texts, squash(m.Text))
		}
		return strings.Join(texts, " | "), true
	}
	return "", false
}

// EvaluateAlignment scores only the aligned passage pairs of a set (a
// set of rewordings, for one), under the capability name given.
func EvaluateAlignment(s *Set, root, capability string) (Row, error) {
	rows, err := evaluator{root: root}.alignment(s)
	if err != nil {
		return Row{}, err
	}
	r := rows[0]
	r.Capability = capability
	return r, nil
}

// add scores one labelled pair given what a tool paired the old
// sentence with.
func (sc *Score) add(old string, want *string, partner string, paired bool) {
	switch {
	case want == nil && paired:
		sc.FP++
	case want == nil:
	case paired && strings.Contains(partner, *want):
		sc.TP++
	case paired:
		sc.FP++
		sc.FN++
	default:
		sc.FN++
	}
}

// moves scores moved-paragraph detection on a generated edition pair
// whose moved paragraphs are known, passage by passage: a moved passage
// inside a moved paragraph is a true positive, outside one a false
// positive, and a passage of a moved paragraph not marked moved a false
// negative. Word diffs have no notion of a move.
func (e evaluator) moves(s *Set) ([]Row, error) {
	oldText, newText, moved := edition.PairMoved(s.Moves.Size, s.Moves.Seed)
	r := diff.Compare(normalize.Parse(oldText), normalize.Parse(newText), diff.Options{})
	inMoved := func(t string) bool {
		for _, m := range moved {
			if strings.Contains(m, squash(t)) {
				return true
			}
		}
		return false
	}
	var sc Score
	for _, p := range r.Passages {
		if p.Old == nil {
			continue
		}
		switch in := inMoved(p.Old.Text); {
		case p.Kind == diff.Moved && in:
			sc.TP++
		case p.Kind == diff.Moved:
			sc.FP++
		case in:
			sc.FN++
		}
	}
	note := fmt.Sprintf("generated pair (%d KB, seed %d), %d paragraphs moved; scored per passage", s.Moves.Size>>10, s.Moves.Seed, len(moved))
	rows := []Row{{Capability: "moved paragraphs", Tool: "docdrift", Cases: len(moved), Score: sc, Note: note}}
	for _, tool := range []struct {
		name string
		on   bool
	}{{"git diff --word-diff", e.opts.Git}, {"dwdiff", e.opts.Dwdiff}} {
		if tool.on {
			rows = append(rows, Row{Capability: "moved paragraphs", Tool: tool.name, Cases: len(moved), Score: Score{FN: sc.TP + sc.FN},
				Note: "shows a moved paragraph as a deletion and an insertion"})
		}
	}
	return rows, nil
}

// figures scores extraction in labelled sentences: a figure is found
// when an observation has its value, qualifier and unit ("count" is any
// counted noun); observations no label matches are false positives.
func (e evaluator) figures(s *Set) ([]Row, error) {
	var sc Score
	var misses []string
	cases := 0
	for _, c := range s.Figures {
		doc, err := e.read(c.File)
		if err != nil {
			return nil, err
		}
		start, end := -1, -1
		for _, st := range doc.Sentences {
			if strings.HasPrefix(squash(doc.Text[st.Start:st.End]), c.Sentence) {
				start, end = st.Start, st.End
				break
			}
		}
		if start < 0 {
			return nil, fmt.Errorf("%s: no sentence starts %q", c.File, c.Sentence)
		}
		var obs []figures.Observation
		for _, t := range figures.Tracks([]figures.Document{{ID: "d", Doc: doc}}) {
			for _, o := range t.Observations {
				if o.Start >= start && o.End <= end {
					obs = append(obs, o)
				}
			}
		}
		used := make([]bool, len(obs))
		for _, want := range c.Figures {
			cases++
			found := false
			for i, o := range obs {
				if !used[i] && sameValue(o.Value, want.Value) && o.Qualifier == want.Qualifier && sameUnit(o.Unit, want.Unit) {
					used[i], found = true, true
					break
				}
			}
			if found {
				sc.TP++
			} else {
				sc.FN++
				misses = append(misses, fmt.Sprintf("missed %g %s %s in %q", want.Value, want.Unit, want.Qualifier, c.Sentence))
			}
		}
		for i, u := range used {
			if !u {
				sc.FP++
				misses = append(misses, fmt.Sprintf("extra %q = %g %s %s in %q", obs[i].Text, obs[i].Value, obs[i].Unit, obs[i].Qualifier, c.Sentence))
			}
		}
	}
	return []Row{{Capability: "figures with values", Tool: "docdrift", Cases: cases, Score: sc,
		Note: "value, unit and qualifier must all be right", Misses: misses}}, nil
}

func sameValue(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }

// standardUnits are the units named the same in every language; any
// other unit is a counted noun.
var standardUnits = map[string]bool{figures.Percent: true, figures.PercentagePoint: true, "USD": true, "CNY": true,
	figures.Year: true, figures.Times: true, figures.Rank: true}

func sameUnit(got, want string) bool {
	if want == "count" {
		return !standardUnits[got]
	}
	return got == want
}

// tracks scores linking: a labelled pair of observations of one fact is
// a true positive when they share a track; of two facts, a false
// positive when they do.
func (e evaluator) tracks(s *Set) ([]Row, error) {
	c, err := corpus.Load([]string{e.path(s.Tracks.Corpus)})
	if err != nil {
		return nil, err
	}
	var docs []figures.Document
	for _, d := range c.Documents {
		nd, err := normalize.ReadFile(d.Path, normalize.DecodeOptions{})
		if err != nil {
			return nil, err
		}
		docs = append(docs, figures.Document{ID: d.ID, TranslationOf: d.TranslationOf, Date: d.Date, Doc: nd})
	}
	tracks := figures.Tracks(docs)
	trackOf := func(ref [2]string) int {
		for ti, t := range tracks {
			for _, o := range t.Observations {
				if o.Doc == ref[0] && strings.Contains(o.Text, ref[1]) {
					return ti
				}
			}
		}
		return -1
	}
	var sc Score
	var misses []string
	for _, p := range s.Tracks.Pairs {
		a, b := trackOf(p.A), trackOf(p.B)
		together := a >= 0 && a == b
		switch {
		case p.Same && together:
			sc.TP++
		case p.Same:
			sc.FN++
			misses = append(misses, fmt.Sprintf("not linked: %v and %v", p.A, p.B))
		case together:
			sc.FP++
			misses = append(misses, fmt.Sprintf("linked, but two facts: %v and %v", p.A, p.B))
		}
	}
	return []Row{{Capability: "figure tracks (same fact linked)", Tool: "docdrift", Cases: len(s.Tracks.Pairs), Score: sc,
		Note: "pairs of observations; different facts with the same unit among them", Misses: misses}}, nil
}

// concepts scores glossary concepts found in documents, beside a
// baseline that searches each concept's English label literally.
func (e evaluator) concepts(s *Set) ([]Row, error) {
	g, err := themes.Default()
	if err != nil {
		return nil, err
	}
	m := themes.NewMatcher(g.Concepts)
	var doc, literal Score
	var misses []string
	for _, c := range s.Concepts {
		d, err := e.read(c.File)
		if err != nil {
			return nil, err
		}
		concept, ok := g.Find(c.Concept)
		if !ok {
			return nil, fmt.Errorf("concept %q is not in the glossary", c.Concept)
		}
		// Present as a reader would say it: a wording, or a near-variant
		// of one (what keeps a concept from being "gone").
		found := len(m.NearVariants(d, concept.ID)) > 0
		for _, match := range m.Find(d) {
			if match.Concept == concept.ID {
				found = true
				break
			}
		}
		doc.presence(c.Present, found)
		if found != c.Present {
			misses = append(misses, fmt.Sprintf("%s in %s: found %v, want %v", c.Concept, c.File, found, c.Present))
		}
		literal.presence(c.Present, strings.Contains(strings.ToLower(d.Text), strings.ToLower(concept.Label)))
	}
	return []Row{
		{Capability: "concept presence", Tool: "docdrift", Cases: len(s.Concepts), Score: doc, Misses: misses},
		{Capability: "concept presence", Tool: "literal search of the label", Cases: len(s.Concepts), Score: literal,
			Note: "what grep -i finds"},
	}, nil
}

func (sc *Score) presence(want, got bool) {
	switch {
	case want && got:
		sc.TP++
	case want:
		sc.FN++
	case got:
		sc.FP++
	}
}

func have(program string) bool {
	_, err := exec.LookPath(program)
	return err == nil
}
