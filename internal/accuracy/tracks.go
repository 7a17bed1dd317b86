package accuracy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/timeline"
)

// TrackSet is one file of hand-annotated figure tracks
// (testdata/tracks/*.yaml): the tracks a reader finds in a corpus, each
// a list of observations, and the figures that must open no track.
type TrackSet struct {
	// Name is the file's base name, set by LoadTrackSets.
	Name   string `yaml:"-"`
	Corpus string `yaml:"corpus"`
	// Documents restricts the corpus to these ids (all when empty).
	Documents  []string    `yaml:"documents"`
	Tracks     []GoldTrack `yaml:"tracks"`
	NotFigures []GoldRef   `yaml:"not_figures"`
}

// GoldTrack is one fact followed across documents, as a reader labels it.
type GoldTrack struct {
	Measure      string    `yaml:"measure"`
	Role         string    `yaml:"role"`
	Unit         string    `yaml:"unit"`
	Note         string    `yaml:"note"`
	Observations []GoldRef `yaml:"observations"`
}

// GoldRef points at a figure: its words in a document, and a distinctive
// part of its sentence when the words occur more than once.
type GoldRef struct {
	Doc  string `yaml:"doc"`
	Text string `yaml:"text"`
	In   string `yaml:"in"`
}

func (r GoldRef) String() string {
	if r.In == "" {
		return fmt.Sprintf("%s %q", r.Doc, r.Text)
	}
	return fmt.Sprintf("%s %q (in %q)", r.Doc, r.Text, r.In)
}

// roles a gold track may have.
var roles = map[string]bool{"target": true, "result": true, "reference": true, "cumulative": true,
	"alternative": true, "decision": true, "count": true}

// LoadTrackSets reads every *.yaml file of dir, in name order.
func LoadTrackSets(dir string) ([]*TrackSet, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	var sets []*TrackSet
	for _, p := range paths {
		s, err := loadTrackSet(p)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

func loadTrackSet(path string) (*TrackSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s TrackSet
	if err := yaml.UnmarshalWithOptions(data, &s, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.Name = filepath.Base(path)
	if s.Corpus == "" {
		return nil, fmt.Errorf("%s: no corpus", path)
	}
	for _, t := range s.Tracks {
		if !roles[t.Role] {
			return nil, fmt.Errorf("%s: track %q: role %q is not one of target, result, reference, cumulative, alternative, decision, count", path, t.Measure, t.Role)
		}
		if len(t.Observations) == 0 {
			return nil, fmt.Errorf("%s: track %q has no observations", path, t.Measure)
		}
	}
	return &s, nil
}

// TrackScore is how docdrift's tracks match a set of gold tracks.
type TrackScore struct {
	Files        int
	Tracks       int // gold tracks
	Observations int // gold observations
	// NotFound are gold observations extraction did not read as figures:
	// not link errors, and left out of Pairs and B-cubed.
	NotFound []string
	// Partial are gold observations found only in part (the figure
	// "4-3/4 to 5 percent" read as "5 percent"): scored, and listed.
	Partial []string
	// Pairs counts pairs of found gold observations: a pair in one gold
	// track is a true positive when docdrift puts both in one track, a
	// false negative otherwise; a pair of two gold tracks in one docdrift
	// track is a false positive.
	Pairs Score
	// BCubedP and BCubedR are the sums over found gold observations of
	// B-cubed precision and recall; divide by Found.
	BCubedP, BCubedR float64
	Found            int
	// Mixed lists docdrift tracks holding a target and a result of the
	// same gold measure.
	Mixed []string
	// NotFigures counts the gold not_figures; InTracks lists those that
	// open or join a track.
	NotFigures int
	InTracks   []string
	// Links describes the wrong links (gold tracks a docdrift track
	// mixes) and the missing ones (gold tracks split over docdrift
	// tracks).
	Links []string
	// Skipped lists the files whose corpus is absent.
	Skipped []string
}

// BCubed returns B-cubed precision and recall.
func (s TrackScore) BCubed() (p, r float64) {
	return ratioF(s.BCubedP, s.Found), ratioF(s.BCubedR, s.Found)
}

func ratioF(a float64, b int) float64 {
	if b == 0 {
		return ratio(0, 0)
	}
	return a / float64(b)
}

// Add adds o's counts to s.
func (s *TrackScore) Add(o TrackScore) {
	s.Files += o.Files
	s.Tracks += o.Tracks
	s.Observations += o.Observations
	s.NotFound = append(s.NotFound, o.NotFound...)
	s.Partial = append(s.Partial, o.Partial...)
	s.Pairs.TP += o.Pairs.TP
	s.Pairs.FP += o.Pairs.FP
	s.Pairs.FN += o.Pairs.FN
	s.BCubedP += o.BCubedP
	s.BCubedR += o.BCubedR
	s.Found += o.Found
	s.Mixed = append(s.Mixed, o.Mixed...)
	s.NotFigures += o.NotFigures
	s.InTracks = append(s.InTracks, o.InTracks...)
	s.Links = append(s.Links, o.Links...)
	s.Skipped = append(s.Skipped, o.Skipped...)
}

// ScoreTracks scores docdrift's figure tracks on each gold set (paths
// relative to root), and in total. A set whose corpus is absent is
// skipped and named in Skipped.
func ScoreTracks(sets []*TrackSet, root string) (perFile []TrackScore, total TrackScore, err error) {
	for _, s := range sets {
		sc, err := scoreTrackSet(s, root)
		if err != nil {
			return nil, TrackScore{}, fmt.Errorf("%s: %w", s.Name, err)
		}
		perFile = append(perFile, sc)
		total.Add(sc)
	}
	return perFile, total, nil
}

// sysObs is a docdrift observation and the track holding it.
type sysObs struct {
	track int
	obs   figures.Observation
}

// goldObs is a gold observation found among docdrift's.
type goldObs struct {
	track int // index into the set's Tracks
	ref   GoldRef
	sys   sysObs
}

func scoreTrackSet(s *TrackSet, root string) (TrackScore, error) {
	dir := filepath.Join(root, filepath.FromSlash(s.Corpus))
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return TrackScore{Skipped: []string{s.Name + ": " + s.Corpus + " is absent"}}, nil
	}
	docs, tdocs, err := trackDocuments(dir, s.Documents)
	if err != nil {
		return TrackScore{}, err
	}
	// As docdrift figures and timeline link them: with the passages each
	// edition step's comparison paired as evidence.
	tracks := figures.TracksAligned(docs, timeline.Align(tdocs, timeline.Options{}))
	byDoc := map[string][]sysObs{}
	for ti, t := range tracks {
		for _, o := range t.Observations {
			byDoc[o.Doc] = append(byDoc[o.Doc], sysObs{ti, o})
			// A restatement joined to the observation is in its track.
			for _, m := range o.Also {
				r := o
				r.Text, r.Start, r.End = m.Text, m.Start, m.End
				byDoc[o.Doc] = append(byDoc[o.Doc], sysObs{ti, r})
			}
		}
	}
	text := map[string]*normalize.Document{}
	for _, d := range docs {
		text[d.ID] = d.Doc
	}
	sc := TrackScore{Files: 1, Tracks: len(s.Tracks)}
	var found []goldObs
	for gi, g := range s.Tracks {
		for _, ref := range g.Observations {
			sc.Observations++
			o, partial, ok, err := match(text, byDoc, ref)
			if err != nil {
				return TrackScore{}, err
			}
			if !ok {
				sc.NotFound = append(sc.NotFound, fmt.Sprintf("%s: %s (%s)", s.Name, ref, g.Measure))
				continue
			}
			if partial {
				sc.Partial = append(sc.Partial, fmt.Sprintf("%s: %s read as %q", s.Name, ref, o.obs.Text))
			}
			found = append(found, goldObs{gi, ref, o})
		}
	}
	sc.Found = len(found)
	sc.Pairs = pairs(found)
	sc.BCubedP, sc.BCubedR = bcubed(found)
	sc.Mixed = mixed(s, found, tracks)
	sc.Links = linkErrors(s, found, tracks)
	for _, ref := range s.NotFigures {
		sc.NotFigures++
		o, _, ok, err := match(text, byDoc, ref)
		if err != nil {
			return TrackScore{}, err
		}
		if ok {
			sc.InTracks = append(sc.InTracks, fmt.Sprintf("%s: %s read as %q, in track %q of %d", s.Name, ref, o.obs.Text,
				tracks[o.track].Label, len(tracks[o.track].Observations)))
		}
	}
	return sc, nil
}

// trackDocuments reads the corpus in dir as the tracks evaluator does,
// keeping only the ids asked for, if any.
func trackDocuments(dir string, ids []string) ([]figures.Document, []timeline.Document, error) {
	c, err := corpus.Load([]string{dir})
	if err != nil {
		return nil, nil, err
	}
	var docs []figures.Document
	var tdocs []timeline.Document
	for _, d := range c.Documents {
		if len(ids) > 0 && !slices.Contains(ids, d.ID) {
			continue
		}
		nd, err := normalize.ReadFile(d.Path, normalize.DecodeOptions{})
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, figures.Document{ID: d.ID, TranslationOf: d.TranslationOf, Date: d.Date, Doc: nd})
		lang := d.Lang
		if lang == "" {
			lang = normalize.DetectLang(nd.Text)
		}
		tdocs = append(tdocs, timeline.Document{ID: d.ID, Date: d.Date, Lang: lang, TranslationOf: d.TranslationOf, Doc: nd})
	}
	for _, id := range ids {
		if !slices.ContainsFunc(docs, func(d figures.Document) bool { return d.ID == id }) {
			return nil, nil, fmt.Errorf("documents: no document %q in %s", id, dir)
		}
	}
	return docs, tdocs, nil
}

// match finds the docdrift observation of a gold reference: the one that
// overlaps most the reference's words, in the first sentence of its
// document holding both the words and ref.In. A reference whose words are
// not in the document is an error of the annotation; one whose words no
// observation overlaps was not found by extraction (ok false). partial
// says the observation leaves out digits of the words (a range read as
// its high end).
func match(text map[string]*normalize.Document, byDoc map[string][]sysObs, ref GoldRef) (o sysObs, partial, ok bool, err error) {
	doc := text[ref.Doc]
	if doc == nil {
		return sysObs{}, false, false, fmt.Errorf("%s: no such document", ref)
	}
	start, end, found := locate(doc, ref)
	if !found {
		return sysObs{}, false, false, fmt.Errorf("%s: not in the document", ref)
	}
	best := 0
	for _, c := range byDoc[ref.Doc] {
		if n := min(end, c.obs.End) - max(start, c.obs.Start); n > best {
			o, best = c, n
		}
	}
	if best == 0 {
		return sysObs{}, false, false, nil
	}
	outside := doc.Text[start:max(start, o.obs.Start)] + doc.Text[min(end, o.obs.End):end]
	return o, strings.ContainsAny(outside, "0123456789"), true, nil
}

// locate returns the span of ref.Text in doc, in the first sentence that
// also holds ref.In; white space matches any white space.
func locate(doc *normalize.Document, ref GoldRef) (start, end int, ok bool) {
	words := loose(ref.Text)
	in := loose(ref.In)
	for _, s := range doc.Sentences {
		sentence := doc.Text[s.Start:s.End]
		if ref.In != "" && !in.MatchString(sentence) {
			continue
		}
		if m := words.FindStringIndex(sentence); m != nil {
			return s.Start + m[0], s.Start + m[1], true
		}
	}
	return 0, 0, false
}

// loose compiles s into a pattern in which any run of white space matches
// any run of white space, no-break spaces included ("$1.25\u00a0trillion").
func loose(s string) *regexp.Regexp {
	fields := strings.Fields(s)
	for i, f := range fields {
		fields[i] = regexp.QuoteMeta(f)
	}
	return regexp.MustCompile(strings.Join(fields, `[\s\p{Zs}]+`))
}

// pairs scores every pair of found gold observations.
func pairs(found []goldObs) Score {
	var sc Score
	for i := range found {
		for j := i + 1; j < len(found); j++ {
			gold := found[i].track == found[j].track
			sys := found[i].sys.track == found[j].sys.track
			switch {
			case gold && sys:
				sc.TP++
			case gold:
				sc.FN++
			case sys:
				sc.FP++
			}
		}
	}
	return sc
}

// bcubed sums, over found gold observations, the share of its docdrift
// track's (gold) observations that are of its gold track (precision), and
// the share of its gold track's that are in its docdrift track (recall).
func bcubed(found []goldObs) (p, r float64) {
	for _, a := range found {
		both, sys, gold := 0, 0, 0
		for _, b := range found {
			s, g := a.sys.track == b.sys.track, a.track == b.track
			if s {
				sys++
			}
			if g {
				gold++
			}
			if s && g {
				both++
			}
		}
		p += float64(both) / float64(sys)
		r += float64(both) / float64(gold)
	}
	return p, r
}

// bySystemTrack groups found gold observations by docdrift track, and
// within each by gold track; keys in order.
func bySystemTrack(found []goldObs) (order []int, groups map[int]map[int][]goldObs) {
	groups = map[int]map[int][]goldObs{}
	for _, f := range found {
		if groups[f.sys.track] == nil {
			groups[f.sys.track] = map[int][]goldObs{}
			order = append(order, f.sys.track)
		}
		groups[f.sys.track][f.track] = append(groups[f.sys.track][f.track], f)
	}
	return order, groups
}

// mixed lists the docdrift tracks that hold a target and a result of one
// gold measure.
func mixed(s *TrackSet, found []goldObs, tracks []figures.Track) []string {
	var out []string
	order, groups := bySystemTrack(found)
	for _, st := range order {
		roleOf := map[string]map[string]bool{}
		for gi := range groups[st] {
			m := baseMeasure(s.Tracks[gi].Measure)
			if roleOf[m] == nil {
				roleOf[m] = map[string]bool{}
			}
			roleOf[m][s.Tracks[gi].Role] = true
		}
		for _, m := range sortedKeys(roleOf) {
			if roleOf[m]["target"] && roleOf[m]["result"] {
				out = append(out, fmt.Sprintf("%s: track %q holds target and result of %q", s.Name, tracks[st].Label, m))
			}
		}
	}
	return out
}

// baseMeasure is a gold measure without the qualifier an annotator may
// add in brackets ("国内生产总值增长 (上年实际)"), in lower case: the
// measure a target and a result share.
func baseMeasure(m string) string {
	if i := strings.IndexAny(m, "(（"); i > 0 {
		m = m[:i]
	}
	return strings.ToLower(strings.TrimSpace(m))
}

// linkErrors describes each docdrift track that holds observations of
// more than one gold track (wrong links), and each gold track whose
// observations are spread over more than one docdrift track (missed
// links).
func linkErrors(s *TrackSet, found []goldObs, tracks []figures.Track) []string {
	var out []string
	order, groups := bySystemTrack(found)
	for _, st := range order {
		if len(groups[st]) < 2 {
			continue
		}
		var parts []string
		for _, gi := range sortedKeys(groups[st]) {
			parts = append(parts, fmt.Sprintf("%s [%s] %s", s.Tracks[gi].Measure, s.Tracks[gi].Role, refs(groups[st][gi])))
		}
		out = append(out, fmt.Sprintf("%s: wrong link: track %q joins %s", s.Name, tracks[st].Label, strings.Join(parts, " + ")))
	}
	split := map[int][]int{} // gold track → its docdrift tracks, in order
	for _, st := range order {
		for gi := range groups[st] {
			split[gi] = append(split[gi], st)
		}
	}
	for _, gi := range sortedKeys(split) {
		if len(split[gi]) < 2 {
			continue
		}
		var parts []string
		for _, st := range split[gi] {
			parts = append(parts, fmt.Sprintf("%q %s", tracks[st].Label, refs(groups[st][gi])))
		}
		out = append(out, fmt.Sprintf("%s: missed link: %s [%s] is split over %d tracks: %s", s.Name, s.Tracks[gi].Measure,
			s.Tracks[gi].Role, len(split[gi]), strings.Join(parts, " | ")))
	}
	return out
}

// refs lists observations briefly: document and words, the first few.
func refs(obs []goldObs) string {
	const few = 5
	var parts []string
	for i, o := range obs {
		if i == few {
			parts = append(parts, fmt.Sprintf("… %d more", len(obs)-few))
			break
		}
		parts = append(parts, o.ref.Doc+" "+o.ref.Text)
	}
	return "(" + strings.Join(parts, "; ") + ")"
}

func sortedKeys[K int | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// TrackRows are the accuracy table's rows for the gold tracks.
func TrackRows(total TrackScore) []Row {
	p, r := total.BCubed()
	note := fmt.Sprintf("%d gold observations in %d tracks (%d files); %d not found by extraction; %d target/result mixes; %d of %d not-figures in a track",
		total.Observations, total.Tracks, total.Files, len(total.NotFound), len(total.Mixed), len(total.InTracks), total.NotFigures)
	var misses []string
	misses = append(misses, total.Links...)
	for _, m := range total.Mixed {
		misses = append(misses, "target/result mixed: "+m)
	}
	for _, m := range total.InTracks {
		misses = append(misses, "not a figure, in a track: "+m)
	}
	for _, m := range total.NotFound {
		misses = append(misses, "not found by extraction: "+m)
	}
	for _, m := range total.Partial {
		misses = append(misses, "found in part: "+m)
	}
	return []Row{
		{Capability: TrackPairs, Tool: "docdrift", Cases: total.Found, Score: total.Pairs, Note: note, Misses: misses},
		{Capability: TrackBCubed, Tool: "docdrift", Cases: total.Found, Averaged: &Averaged{P: p, R: r},
			Note: "precision and recall per gold observation, averaged"},
	}
}

// Capabilities of the gold-track rows.
const (
	TrackPairs  = "figure tracks, dev set (pairwise links)"
	TrackBCubed = "figure tracks, dev set (B-cubed)"
)
