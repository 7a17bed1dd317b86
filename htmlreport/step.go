package htmlreport

import (
	"fmt"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/timeline"
)

// stepView is one step of the timeline: its account, then its passages.
type stepView struct {
	Anchor       string
	N            int
	Kind         string
	Old, New     corpus.Document
	Counts       []count // passages (or paragraphs) by kind
	Levels       []count // passages by their most significant class
	Notes        []string
	Figures      []figureChange
	ConceptsNew  []timeline.ConceptRef
	ConceptsGone []timeline.ConceptRef
	Changes      []changeView
	Groups       []group // the passages side by side, runs of unremarkable ones collapsed
	HasRows      bool
}

type count struct {
	Label string
	N     int
}

type figureChange struct {
	Label, Arrow, Change string
	Old, New             figures.Observation
	OldShort, NewShort   string
	Hedge                string
}

type changeView struct {
	timeline.Change
	Row string // the id of the passage row that holds it
}

var arrows = map[string]string{figures.Up: "↑", figures.Down: "↓", figures.Same: "~", figures.Mixed: "↕", figures.Restated: "≃", figures.Advancing: "↗"}

func newStep(n int, s timeline.Step, old, new corpus.Document) stepView {
	v := stepView{Anchor: fmt.Sprintf("step-%d", n), N: n, Kind: s.Kind, Old: old, New: new,
		ConceptsNew: s.ConceptsNew, ConceptsGone: s.ConceptsGone}
	if old.ID == "" {
		v.Old.ID = s.Old
	}
	if new.ID == "" {
		v.New.ID = s.New
	}
	if b := s.Bitext; b != nil {
		v.Counts = []count{{"paired", b.Paired}, {"repeated", b.Repeats}, {"only in " + s.Old, b.OldOnly}, {"only in " + s.New, b.NewOnly}}
		v.Notes = append(v.Notes, fmt.Sprintf("figures: %d matched, %d on one side; concepts: %d matched, %d on one side",
			b.FiguresMatched, b.FiguresOneSide, b.ConceptsMatched, b.ConceptsOneSide))
	}
	if sm := s.Summary; sm != nil {
		v.Counts = []count{{"same", sm.Same}, {"changed", sm.Changed}, {"moved", sm.Moved}, {"added", sm.Added}, {"removed", sm.Removed}}
		for i := len(diff.Classes) - 1; i >= 0; i-- {
			if k := sm.Levels[diff.Classes[i]]; k > 0 {
				v.Levels = append(v.Levels, count{string(diff.Classes[i]), k})
			}
		}
		// Captions and furniture are left out of the passages: what
		// differs there is said, not dropped.
		if lo := sm.LeftOut; lo.Captions+lo.Furniture > 0 {
			v.Notes = append(v.Notes, fmt.Sprintf("left out of the passages: %d differing in captions, %d in page furniture", lo.Captions, lo.Furniture))
		}
	}
	for _, f := range s.Figures {
		fc := figureChange{Label: f.Label, Arrow: arrows[f.Change], Change: f.Change, Old: f.Old, New: f.New,
			OldShort: f.Old.Figure.Short(), NewShort: f.New.Figure.Short()}
		if f.Hedge {
			fc.Hedge = f.Old.Qualifier + " → " + f.New.Qualifier
		}
		v.Figures = append(v.Figures, fc)
	}
	for _, c := range s.Changes {
		row := ""
		if len(s.Passages) > 0 {
			row = fmt.Sprintf("%s-p%d", v.Anchor, c.Passage)
		}
		v.Changes = append(v.Changes, changeView{Change: c, Row: row})
	}
	switch {
	case len(s.Passages) > 0:
		v.Groups = editionGroups(v.Anchor, s.Passages)
	case len(s.Pairs) > 0:
		v.Groups = translationGroups(v.Anchor, s.Pairs)
	}
	for _, g := range v.Groups {
		for i := range g.Rows {
			g.Rows[i].OldLang, g.Rows[i].NewLang = old.Lang, new.Lang
		}
	}
	v.HasRows = len(v.Groups) > 0
	return v
}
