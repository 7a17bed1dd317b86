// Package timeline tells how a corpus drifted, in date order: for each
// document and the one before it in the same language (an edition step),
// and for each document and the original it translates (a translation
// step), what changed — passages by kind and class, figures whose value
// or hedge moved, glossary concepts that appeared or vanished, and the
// most significant changes with their lines — then the figure tracks that
// changed and the themes that shifted across the whole corpus.
//
// It composes packages diff, figures and themes; its cost is that of one
// diff.Compare (or diff.Translate) per step, one figures.Tracks and one
// themes.NewCorpus over the corpus.
package timeline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

// Document is one document of the corpus, in date order.
type Document struct {
	ID            string
	Date          string
	Lang          string
	TranslationOf string // the id of the document this one translates, or ""
	Doc           *normalize.Document
}

// Options controls Build.
type Options struct {
	Concepts []themes.Concept // glossary concepts to follow
	Captions bool             // compare photo captions too
	// MinLevel is the least significant class listed among a step's
	// changes (the counts by class always cover every change).
	MinLevel diff.Class
	// Passages keeps each step's passages (Step.Passages, Step.Pairs) for
	// a report that shows them side by side.
	Passages bool
	// Progress, when set, is called before the first step and after each
	// one with the number of steps done and their total. Steps run on
	// every processor; the calls come one at a time, in increasing order
	// of done, from whichever goroutine finished a step.
	Progress func(done, total int)
	// Cache, when set, keeps each step's comparison for later runs: a
	// step whose two texts, languages and options were compared before
	// is read back instead of compared again.
	Cache StepCache
}

// A StepCache keeps the comparisons of earlier runs by key. Get fills s
// and reports whether the key was found; Put keeps s under key. Both may
// be called from several goroutines at once. A key is a hash of all a
// step's comparison depends on (see stepKey); it does not cover the
// program itself, so a cache kept across builds must add that.
type StepCache interface {
	Get(key string, s *Step) bool
	Put(key string, s Step)
}

// Step kinds.
const (
	Edition     = "edition"     // a document and the one before it in the same language
	Translation = "translation" // a translation and its original
)

// Step is one comparison of the timeline.
type Step struct {
	Kind string `json:"kind"`
	Old  string `json:"old"`
	New  string `json:"new"`
	// Summary counts passages (edition steps); Bitext counts paragraphs
	// and anchors (translation steps).
	Summary *diff.Summary   `json:"summary,omitempty"`
	Bitext  *diff.BiSummary `json:"bitext,omitempty"`
	// Figures lists the figures whose value or hedge changed between the
	// two documents (edition steps).
	Figures []FigureChange `json:"figures"`
	// ConceptsNew and ConceptsGone are the glossary concepts found in
	// only the new or only the old document.
	ConceptsNew  []ConceptRef `json:"concepts_new"`
	ConceptsGone []ConceptRef `json:"concepts_gone"`
	// Classes counts every change of the step by class (Summary.Levels
	// counts passages by their most significant one).
	Classes map[diff.Class]int `json:"classes,omitempty"`
	// Changes are the changes at or above Options.MinLevel, most
	// significant first (by class, then by weight: a decision or a vote
	// before boilerplate), then in reading order. A change inside an
	// aligned passage reads as its whole sentences (Old and New), its
	// figures excepted, which read in their own words; one sentence pair
	// is listed once.
	Changes []Change `json:"changes"`
	// Passages (edition steps) and Pairs (translation steps) are the
	// whole comparison, kept when Options.Passages is set.
	Passages []diff.Passage   `json:"-"`
	Pairs    []diff.BiPassage `json:"-"`
	// Aligned are the spans of the two documents that the comparison
	// paired (edition steps): evidence for the figure tracks.
	Aligned []figures.SpanPair `json:"-"`
}

// FigureChange is one fact whose figure moved between two documents.
type FigureChange struct {
	Label  string              `json:"label"`
	Change string              `json:"change"` // up, down, same (a hedge change only)
	Hedge  bool                `json:"hedge_changed,omitempty"`
	Old    figures.Observation `json:"old"`
	New    figures.Observation `json:"new"`
}

// ConceptRef is a glossary concept and where it is first found.
type ConceptRef struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Text  string `json:"text"` // the wording as written
	Line  int    `json:"line"`
}

// Change is one classified change of a step, with where it stands.
type Change struct {
	diff.Change
	Kind diff.Kind `json:"kind"`
	// Passage is the number of the passage holding the change, from 1, as
	// docdrift diff numbers them.
	Passage int `json:"passage"`
	OldLine int `json:"old_line,omitempty"`
	NewLine int `json:"new_line,omitempty"`
}

// Timeline is the story of a corpus.
type Timeline struct {
	Steps []Step `json:"steps"`
	// Tracks are the figure tracks whose value or hedge changed.
	Tracks []figures.Track `json:"tracks"`
	// Themes are the glossary concepts whose presence shifted (new, gone,
	// rising, falling, intermittent), in that order.
	Themes []themes.Theme `json:"themes"`
	// Present are the glossary concepts found in at least one document,
	// shifted or not, in glossary order: the rows of a heat map.
	Present []themes.Theme `json:"-"`
}

// Build compares the documents of a corpus given in date order: first the
// glossary's concepts, found once in each document on every processor
// and shared by the steps' comparisons (diff.Options.Found), their
// concepts gained and lost and the corpus's themes; then the steps, on
// every processor; then the figure tracks, linked document after
// document with the passages the steps paired as evidence, and beside
// them the concepts each step gained and lost.
func Build(docs []Document, opts Options) *Timeline {
	if opts.MinLevel == "" {
		opts.MinLevel = diff.Hedge
	}
	matcher := themes.NewMatcher(opts.Concepts)
	t := &Timeline{Steps: []Step{}, Tracks: []figures.Track{}, Themes: []themes.Theme{}, Present: []themes.Theme{}}
	steps := pairs(docs)
	progress := newCounter(opts.Progress, len(steps))
	t.Steps = make([]Step, len(steps))
	glossary := conceptsHash(opts.Concepts)
	c := findConcepts(docs, steps, matcher)
	parallel.For(len(steps), func(i int) {
		o, n := steps[i][0], steps[i][1]
		t.Steps[i] = cachedCompare(docs[o], docs[n], glossaryOf{matcher, &[2][]themes.Match{c.matches[o], c.matches[n]}}, opts, glossary)
		progress.done()
	})
	// Figure tracks link the whole corpus in date order, one document
	// after another, with the passages each edition step paired as
	// evidence.
	fdocs := make([]figures.Document, len(docs))
	for i, d := range docs {
		fdocs[i] = figures.Document{ID: d.ID, TranslationOf: d.TranslationOf, Date: d.Date, Doc: d.Doc}
	}
	// The linking is serial for the most part: the steps' concepts are
	// worked out beside it, on the processor it leaves idle.
	var concepts sync.WaitGroup
	concepts.Go(func() { c.stepConcepts(docs, steps, matcher, opts.Concepts) })
	tracks := figures.TracksAligned(fdocs, alignments(t.Steps))
	concepts.Wait()
	before := map[string]string{} // the document before each in its series
	for _, s := range t.Steps {
		if s.Kind == Edition {
			before[s.New] = s.Old
		}
	}
	observed := observationsByDoc(tracks)
	for i := range t.Steps {
		s := &t.Steps[i]
		if s.Kind == Edition {
			s.Figures = figureChanges(tracks, observed, s.Old, s.New, before[s.Old])
			weighTracked(s)
		}
		s.ConceptsNew, s.ConceptsGone = c.gained[i], c.lost[i]
	}
	for _, tr := range tracks {
		if tr.Change == figures.Up || tr.Change == figures.Down || tr.Change == figures.Mixed || tr.Change == figures.Restated || tr.Change == figures.Advancing || tr.HedgeChanged {
			t.Tracks = append(t.Tracks, tr)
		}
	}
	order := map[string]int{themes.New: 0, themes.Gone: 1, themes.Peaked: 2, themes.Rising: 3, themes.Falling: 4, themes.Intermittent: 5}
	for _, concept := range opts.Concepts {
		th := c.corpus.Theme(concept.Label, concept, true)
		if th.Trend != themes.Absent {
			t.Present = append(t.Present, th)
		}
		if _, shifted := order[th.Trend]; shifted {
			t.Themes = append(t.Themes, th)
		}
	}
	slices.SortStableFunc(t.Themes, func(a, b themes.Theme) int { return order[a.Trend] - order[b.Trend] })
	return t
}

// conceptWork is what Build learns from the glossary: the corpus its
// themes are counted in, and for each step the concepts found only in
// its new document (gained) and only in its old one (lost).
type conceptWork struct {
	corpus       *themes.Corpus
	matches      [][]themes.Match // of each document
	gained, lost [][]ConceptRef
}

// findConcepts finds the glossary's concepts in each document once, on
// every processor, and makes from those matches the corpus the themes
// are counted in; stepConcepts works out the concepts each step gained
// and lost.
func findConcepts(docs []Document, steps [][2]int, matcher *themes.Matcher) conceptWork {
	matches := make([][]themes.Match, len(docs))
	words := make([]int, len(docs))
	tdocs := make([]themes.Document, len(docs))
	parallel.ForWith(len(docs), func() *normalize.Folder { return new(normalize.Folder) }, func(fl *normalize.Folder, i int) {
		matches[i], words[i] = matcher.FindCounting(docs[i].Doc, fl)
		tdocs[i] = themes.Document{ID: docs[i].ID, Doc: docs[i].Doc}
	})
	return conceptWork{corpus: themes.NewCorpusFound(tdocs, matcher, matches, words), matches: matches,
		gained: make([][]ConceptRef, len(steps)), lost: make([][]ConceptRef, len(steps))}
}

// stepConcepts works out, on every processor, the concepts each step
// gained and lost from the matches findConcepts found.
func (w *conceptWork) stepConcepts(docs []Document, steps [][2]int, matcher *themes.Matcher, concepts []themes.Concept) {
	labels := map[string]string{}
	for _, c := range concepts {
		labels[c.ID] = c.Label
	}
	parallel.For(len(steps), func(i int) {
		p := steps[i]
		w.lost[i] = notNear(onlyIn(w.matches[p[0]], w.matches[p[1]], labels), matcher.NearIn(docs[p[1]].Doc, w.matches[p[1]]))
		w.gained[i] = onlyIn(w.matches[p[1]], w.matches[p[0]], labels)
	})
}

// glossaryOf is the glossary's matcher and, when found is not nil, its
// matches in the two documents of a step (diff.Options.Found).
type glossaryOf struct {
	matcher *themes.Matcher
	found   *[2][]themes.Match
}

// cachedCompare is compare, through opts.Cache when it is set.
func cachedCompare(old, new Document, g glossaryOf, opts Options, glossary []byte) Step {
	if opts.Cache == nil {
		return compare(old, new, g, opts)
	}
	key := stepKey(old, new, opts, glossary)
	var s Step
	if opts.Cache.Get(key, &s) && s.Kind != "" {
		s.Old, s.New = old.ID, new.ID
		// A cache's encoding may not tell empty lists from none.
		s.Figures, s.Changes = []FigureChange{}, orEmpty(s.Changes)
		if s.Kind == Edition && s.Summary == nil {
			s.Summary = &diff.Summary{}
		}
		if s.Kind == Translation && s.Bitext == nil {
			s.Bitext = &diff.BiSummary{}
		}
		return s
	}
	s = compare(old, new, g, opts)
	opts.Cache.Put(key, s)
	return s
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// stepKey is the cache key of the comparison of old with new: a SHA-256
// of their texts and languages, of the options that change a step
// (captions, the least class listed, whether passages are kept) and of
// the glossary.
func stepKey(old, new Document, opts Options, glossary []byte) string {
	h := sha256.New()
	for _, part := range []string{old.Doc.Text, new.Doc.Text, old.Lang, new.Lang,
		fmt.Sprint(opts.Captions, opts.MinLevel, opts.Passages), string(glossary)} {
		fmt.Fprintf(h, "%d:", len(part))
		io.WriteString(h, part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// conceptsHash is a SHA-256 of a glossary's concepts, for step keys.
func conceptsHash(concepts []themes.Concept) []byte {
	h := sha256.New()
	for _, c := range concepts {
		fmt.Fprintf(h, "%q %q %q %q\n", c.ID, c.Label, c.EN, c.ZH)
	}
	return h.Sum(nil)
}

// compare makes the step from old to new: a translation alignment when
// their languages differ, an edition comparison otherwise. Its figure
// changes and concepts are filled in by Build.
func compare(old, new Document, g glossaryOf, opts Options) Step {
	s := Step{Kind: Edition, Old: old.ID, New: new.ID, Figures: []FigureChange{}, Changes: []Change{}}
	if old.Lang != new.Lang {
		s.Kind = Translation
		b := diff.Translate(old.Doc, new.Doc, diff.BitextOptions{Captions: opts.Captions, Concepts: g.matcher})
		// A copy: a pointer into b would keep all of b, its passages
		// included, as long as the step.
		sum := b.Summary
		s.Bitext = &sum
		if opts.Passages {
			s.Pairs = b.Passages
		}
		return s
	}
	r := diff.Compare(old.Doc, new.Doc, diff.Options{Captions: opts.Captions, Concepts: g.matcher, Found: g.found, Busy: true})
	sum := r.Summary // a copy, as above
	s.Summary = &sum
	s.Aligned = spanPairs(r.Passages)
	s.Changes = significant(r.Passages, opts.MinLevel)
	s.Classes = classes(r.Passages)
	if opts.Passages {
		s.Passages = r.Passages
	}
	return s
}

// alignedEvidence is the least similarity of a paired passage whose
// figures the tracks take as one fact's: a pair the comparison made on
// a few shared words, or on a clause of a longer sentence, is no such
// evidence.
const alignedEvidence = 0.5

// spanPairs are the passages of a comparison that have both sides and
// pair them surely: whole sentences, at alignedEvidence or above.
func spanPairs(ps []diff.Passage) []figures.SpanPair {
	var out []figures.SpanPair
	for _, p := range ps {
		if p.Old != nil && p.New != nil && p.Clause == nil && p.Score >= alignedEvidence {
			out = append(out, figures.SpanPair{OldStart: p.Old.Start, OldEnd: p.Old.End, NewStart: p.New.Start, NewEnd: p.New.End})
		}
	}
	return out
}

// alignments gathers the edition steps' aligned passages.
func alignments(steps []Step) []figures.Alignment {
	var out []figures.Alignment
	for _, s := range steps {
		if s.Kind == Edition && len(s.Aligned) > 0 {
			out = append(out, figures.Alignment{Old: s.Old, New: s.New, Pairs: s.Aligned})
		}
	}
	return out
}

// Align compares each document with the latest earlier one in its
// language, as Build's edition steps do (and with the same cache), and
// returns the passages each comparison paired: the alignment evidence
// for figures.TracksAligned. Translation steps give none.
func Align(docs []Document, opts Options) []figures.Alignment {
	if opts.MinLevel == "" {
		opts.MinLevel = diff.Hedge // as Build, so that the two share the cache
	}
	matcher := themes.NewMatcher(opts.Concepts)
	glossary := conceptsHash(opts.Concepts)
	var edition [][2]int
	for _, p := range pairs(docs) {
		if docs[p[0]].Lang == docs[p[1]].Lang {
			edition = append(edition, p)
		}
	}
	steps := make([]Step, len(edition))
	progress := newCounter(opts.Progress, len(edition))
	parallel.For(len(edition), func(i int) {
		steps[i] = cachedCompare(docs[edition[i][0]], docs[edition[i][1]], glossaryOf{matcher: matcher}, opts, glossary)
		progress.done()
	})
	return alignments(steps)
}

// counter reports the steps done to a progress function, one call at a
// time, however many goroutines finish steps.
type counter struct {
	mu       sync.Mutex
	n, total int
	report   func(done, total int)
}

// newCounter returns a counter for total steps and reports 0 done, or
// returns nil when report is nil or there is nothing to do.
func newCounter(report func(done, total int), total int) *counter {
	if report == nil || total == 0 {
		return nil
	}
	report(0, total)
	return &counter{total: total, report: report}
}

func (c *counter) done() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	c.report(c.n, c.total)
}

// pairs returns the steps of a corpus in date order, as index pairs: each
// translation after its original (by translation_of, or by the same date
// in another language when the corpus does not say), and each document
// after the latest earlier one in its language.
func pairs(docs []Document) [][2]int {
	var out [][2]int
	for i, d := range docs {
		if j := original(docs, i); j >= 0 {
			out = append(out, [2]int{j, i})
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if docs[j].Lang == d.Lang {
				out = append(out, [2]int{j, i})
				break
			}
		}
	}
	return out
}

// original returns the index of the document docs[i] translates, or -1.
func original(docs []Document, i int) int {
	d := docs[i]
	for j, o := range docs {
		if j != i && d.TranslationOf != "" && o.ID == d.TranslationOf {
			return j
		}
	}
	if d.TranslationOf != "" || d.Date == "" {
		return -1
	}
	for j := i - 1; j >= 0; j-- {
		if o := docs[j]; o.Date == d.Date && o.Lang != d.Lang && o.TranslationOf == "" {
			return j
		}
	}
	return -1
}

// significant lists the changes of passages at or above min, most
// significant first, then in reading order.
func significant(ps []diff.Passage, min diff.Class) []Change {
	out := []Change{}
	for i, p := range ps {
		for _, c := range p.Changes {
			if c.Class.Rank() < min.Rank() {
				continue
			}
			ch := Change{Change: asSentences(c), Kind: p.Kind, Passage: i + 1}
			if p.Old != nil {
				ch.OldLine = p.Old.Line
			}
			if p.New != nil {
				ch.NewLine = p.New.Line
			}
			out = append(out, ch)
		}
	}
	sortChanges(out)
	// Two hunks of one sentence read as one sentence changed: listed once,
	// at the place of the more significant.
	seen := map[[3]string]bool{}
	return slices.DeleteFunc(out, func(c Change) bool {
		k := [3]string{c.Old, c.New, fmt.Sprint(c.Passage)}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
}

// sortChanges puts the most significant first: by class, then by weight,
// then changes inside aligned passages (a value, a modal replaced) before
// passages added or removed whole, then in reading order (stable).
func sortChanges(cs []Change) {
	whole := func(c Change) int {
		if c.Kind == diff.Added || c.Kind == diff.Removed {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(cs, func(a, b Change) int {
		return cmp.Or(b.Class.Rank()-a.Class.Rank(), b.Weight-a.Weight, whole(a)-whole(b))
	})
}

// asSentences is c as a reader quotes it: a change inside a passage by
// the sentences that hold it, but a figure or a hedge in its own words
// ("0 to 1/4 percent" → "1/4 to 1/2 percent"), which say more than the
// sentences around them.
func asSentences(c diff.Change) diff.Change {
	if c.Class == diff.Figure || c.Class == diff.Hedge || c.OldSentence == "" && c.NewSentence == "" {
		return c
	}
	if c.OldSentence != "" {
		c.Old = c.OldSentence
	}
	if c.NewSentence != "" {
		c.New = c.NewSentence
	}
	c.OldSentence, c.NewSentence = "", ""
	return c
}

// weightTracked is what a figure change adds to its weight when it is the
// value of a figure track that moved in the step: a measure the corpus
// follows (see diff's weights).
const weightTracked = 2

// weighTracked adds weightTracked to the step's figure changes that state
// a tracked figure that moved, and sorts the changes again.
func weighTracked(s *Step) {
	var olds, news []string
	for _, f := range s.Figures {
		olds, news = append(olds, normalize.Tidy(f.Old.Text)), append(news, normalize.Tidy(f.New.Text))
	}
	// The change states the figure: in its own words, or in the sentence
	// added or removed whole that holds it.
	states := func(text string, figs []string) bool {
		return text != "" && slices.ContainsFunc(figs, func(f string) bool { return f != "" && strings.Contains(text, f) })
	}
	for i := range s.Changes {
		c := &s.Changes[i]
		if c.Class == diff.Figure && (states(c.Old, olds) || states(c.New, news)) {
			c.Weight += weightTracked
			c.Signals = append(c.Signals, "tracked measure")
		}
	}
	sortChanges(s.Changes)
}

// classes counts the changes of passages by class.
func classes(ps []diff.Passage) map[diff.Class]int {
	m := map[diff.Class]int{}
	for _, p := range ps {
		for _, c := range p.Changes {
			m[c.Class]++
		}
	}
	return m
}

// trackObservation is the observation k of track.
type trackObservation struct{ track, k int }

// observationsByDoc indexes the observations of tracks by document, in
// track order, so that a step's figure changes are found among the
// tracks its documents were observed in rather than among all tracks.
func observationsByDoc(tracks []figures.Track) map[string][]trackObservation {
	m := map[string][]trackObservation{}
	for ti, t := range tracks {
		for k, o := range t.Observations {
			m[o.Doc] = append(m[o.Doc], trackObservation{ti, k})
		}
	}
	return m
}

// observationIn returns, for each track observed in a document, its
// latest observation there.
func observationIn(obs []trackObservation) map[int]int {
	m := make(map[int]int, len(obs))
	for _, o := range obs {
		m[o.track] = o.k
	}
	return m
}

// figureChanges lists the tracks observed in the new document whose
// value or hedge differs from the one before it, in track order: the old
// document's, or, when the old document does not state the fact, that of
// the document before it in the series, prevID (Old.Doc says which). An
// FOMC statement between meetings that speaks only of the discount rate
// does not hide the next meeting's rate cut; a fact last stated years
// before is no change of this step. observed indexes the tracks'
// observations by document (observationsByDoc): the cost is that of the
// documents' observations, not of the whole corpus's.
func figureChanges(tracks []figures.Track, observed map[string][]trackObservation, oldID, newID, prevID string) []FigureChange {
	out := []FigureChange{}
	if oldID == newID {
		return out
	}
	olds, news := observationIn(observed[oldID]), observationIn(observed[newID])
	var prevs map[int]int
	if prevID != "" && prevID != oldID && prevID != newID {
		prevs = observationIn(observed[prevID])
	}
	for _, to := range observed[newID] {
		nk := news[to.track]
		if nk != to.k {
			continue // not its latest observation in the new document
		}
		t := tracks[to.track]
		n := &t.Observations[nk]
		var o *figures.Observation
		if ok, in := olds[to.track]; in {
			o = &t.Observations[ok]
		} else if pk, in := prevs[to.track]; in && pk == nk-1 && !byTranslation(*n) && !byTranslation(t.Observations[pk]) {
			// Tracks are in document order; a translation's value is no
			// earlier statement.
			o = &t.Observations[pk]
		}
		if o == nil {
			continue
		}
		fc := FigureChange{Label: t.Label, Old: *o, New: *n, Hedge: o.Qualifier != n.Qualifier}
		switch c := figures.Compare(*o, *n); {
		case c == figures.Same && !fc.Hedge:
			continue
		default:
			fc.Change = c
		}
		out = append(out, fc)
	}
	return out
}

func byTranslation(o figures.Observation) bool {
	return o.Evidence != nil && o.Evidence.By == figures.ByTranslation
}

// notNear keeps the concepts of gone that a document does not still say
// in other words, near giving its near-variants of a concept
// (themes.Matcher.NearIn): "2 percent inflation objective" is not gone
// from a statement that says "inflation to its 2 percent objective".
func notNear(gone []ConceptRef, near func(concept string) []themes.Match) []ConceptRef {
	out := gone[:0]
	for _, c := range gone {
		if len(near(c.ID)) == 0 {
			out = append(out, c)
		}
	}
	return out
}

// onlyIn lists the concepts matched in a and not in b, each at its first
// match, in order of first appearance.
func onlyIn(a, b []themes.Match, labels map[string]string) []ConceptRef {
	inB := map[string]bool{}
	for _, m := range b {
		inB[m.Concept] = true
	}
	out := []ConceptRef{}
	seen := map[string]bool{}
	for _, m := range a {
		if inB[m.Concept] || seen[m.Concept] {
			continue
		}
		seen[m.Concept] = true
		out = append(out, ConceptRef{ID: m.Concept, Label: labels[m.Concept], Text: m.Text, Line: m.Line})
	}
	return out
}
