package timeline

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/themes"
)

func doc(id, date, lang, translationOf, text string) Document {
	return Document{ID: id, Date: date, Lang: lang, TranslationOf: translationOf, Doc: normalize.Parse(text)}
}

func TestPairs(t *testing.T) {
	docs := []Document{
		doc("zh", "2023-01-01", "zh", "", "一"),
		doc("en", "2023-01-01", "en", "zh", "one"),
		doc("a", "2024-01-01", "en", "", "two"),
		doc("b", "2025-01-01", "en", "", "three"),
		doc("zh2", "2025-06-01", "zh", "", "二"),
		doc("en2", "2025-06-01", "en", "", "four"), // same date, other language: a translation
	}
	got := pairs(docs)
	want := [][2]int{{0, 1}, {1, 2}, {2, 3}, {0, 4}, {4, 5}}
	if len(got) != len(want) {
		t.Fatalf("pairs = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("pair %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestBuild(t *testing.T) {
	g, err := themes.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := []Document{
		doc("2024", "2024-01-01", "en", "", "Exports of goods and services rose to US$500 billion last year, the customs office said on Monday.\n\nThe government will pursue dual circulation and open markets for foreign firms.\n\nThe weather was fine.\n"),
		doc("2025", "2025-01-01", "en", "", "Exports of goods and services rose to US$580 billion last year, the customs office said on Monday.\n\nThe government may pursue open markets for foreign firms.\n\nThe weather was fine.\n"),
	}
	tl := Build(docs, Options{Concepts: g.Concepts})
	if len(tl.Steps) != 1 {
		t.Fatalf("%d steps, want 1", len(tl.Steps))
	}
	s := tl.Steps[0]
	if s.Kind != Edition || s.Summary == nil || s.Summary.Changed != 2 || s.Summary.Same != 1 {
		t.Errorf("step %+v, summary %+v: want an edition with 2 changed, 1 same", s, s.Summary)
	}
	if len(s.Figures) != 1 || s.Figures[0].Change != figures.Up || s.Figures[0].Old.Value != 5e11 || s.Figures[0].New.Value != 5.8e11 {
		t.Errorf("figures %+v: want one up, 5e11 → 5.8e11", s.Figures)
	}
	if len(s.ConceptsGone) != 1 || s.ConceptsGone[0].Text != "dual circulation" || s.ConceptsGone[0].Line != 3 {
		t.Errorf("concepts gone %+v: want dual circulation at line 3", s.ConceptsGone)
	}
	if len(s.Changes) == 0 || s.Changes[0].Class != diff.Figure {
		t.Fatalf("changes %+v: want the figure first", s.Changes)
	}
	for i := 1; i < len(s.Changes); i++ {
		if s.Changes[i].Class.Rank() > s.Changes[i-1].Class.Rank() {
			t.Errorf("changes out of order: %s after %s", s.Changes[i].Class, s.Changes[i-1].Class)
		}
		if s.Changes[i].Class.Rank() < diff.Hedge.Rank() {
			t.Errorf("change %+v below the default level", s.Changes[i])
		}
	}
	if len(tl.Tracks) != 1 {
		t.Errorf("tracks %+v: want the one changed figure", tl.Tracks)
	}
	var gone bool
	for _, th := range tl.Themes {
		if th.Label != "" && th.Trend == themes.Gone && th.Counts["2024"] == 1 {
			gone = true
		}
	}
	if !gone {
		t.Errorf("themes %+v: want dual circulation gone", tl.Themes)
	}
}

// BenchmarkBuild tells the story of the fixture corpus (five documents,
// two languages): one translation step, three edition steps, the figure
// tracks and the themes.
func BenchmarkBuild(b *testing.B) {
	g, err := themes.Default()
	if err != nil {
		b.Fatal(err)
	}
	files := []struct{ id, date, lang, of, file string }{
		{"speech-2023-zh", "2023-09-27", "zh", "", "speech-2023.zh.txt"},
		{"speech-2023-en", "2023-09-27", "en", "speech-2023-zh", "speech-2023.en.txt"},
		{"qiushi-2024", "2024-08-16", "en", "", "qiushi-2024.txt"},
		{"qiushi-2025", "2025-07-16", "en", "", "qiushi-2025.txt"},
		{"interview-2025", "2025-12-29", "en", "", "interview-2025.txt"},
	}
	var docs []Document
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join("..", "fixtures", "opening-up", f.file))
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		docs = append(docs, doc(f.id, f.date, f.lang, f.of, string(data)))
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		Build(docs, Options{Concepts: g.Concepts})
	}
}

// TestSignificantOrder: the step's most significant changes put a policy
// decision before other figures, read as whole sentences, and list a
// modal changed inside a sentence as that sentence (issue 18, item 1).
func TestSignificantOrder(t *testing.T) {
	docs := []Document{
		doc("a", "2015-10-28", "en", "", "Inflation has continued to run below the Committee's longer-run objective.\n\n"+
			"To support continued progress, the Committee today reaffirmed its view that the current 0 to 1/4 percent target range for the federal funds rate remains appropriate.\n\n"+
			"The Committee expects that economic activity will expand at a moderate pace, with labor market indicators continuing to move toward levels the Committee judges consistent with its dual mandate.\n"),
		doc("b", "2015-12-16", "en", "", "Inflation has continued to run below the Committee's 2 percent longer-run objective.\n\n"+
			"Given the economic outlook, the Committee decided to raise the target range for the federal funds rate to 1/4 to 1/2 percent.\n\n"+
			"The Committee expects that economic activity might expand at a moderate pace, with labor market indicators continuing to move toward levels the Committee judges consistent with its dual mandate.\n"),
	}
	s := Build(docs, Options{}).Steps[0]
	if len(s.Changes) < 3 {
		t.Fatalf("changes %+v, want 3 or more", s.Changes)
	}
	if c := s.Changes[0]; c.Class != diff.Figure || c.Old != "0 to 1/4 percent" || c.New != "1/4 to 1/2 percent" {
		t.Errorf("first change %+v, want the decision's figure 0 to 1/4 → 1/4 to 1/2 percent", c)
	}
	var modal *Change
	for i := range s.Changes {
		if s.Changes[i].Class == diff.Modality {
			modal = &s.Changes[i]
		}
	}
	if modal == nil || modal.Old != docs[0].Doc.Text[strings.Index(docs[0].Doc.Text, "The Committee expects"):len(docs[0].Doc.Text)-1] {
		t.Errorf("modality change %+v, want the whole old sentence", modal)
	}
}

// TestWeighTracked: a figure change that states a tracked figure that
// moved — in its own words or in a sentence added whole — weighs more,
// and comes first in its class.
func TestWeighTracked(t *testing.T) {
	obs := func(text string) figures.Observation {
		return figures.Observation{Figure: figures.Figure{Text: text}}
	}
	s := Step{
		Figures: []FigureChange{{Label: "trader", Old: obs("seven consecutive years"), New: obs("eight consecutive years")}},
		Changes: []Change{
			{Change: diff.Change{Class: diff.Figure, New: "Imports reached 2 trillion yuan."}, Kind: diff.Added},
			{Change: diff.Change{Class: diff.Figure, New: "China has ranked first for eight consecutive years."}, Kind: diff.Added},
		},
	}
	weighTracked(&s)
	if c := s.Changes[0]; !strings.Contains(c.New, "eight consecutive years") || c.Weight != weightTracked {
		t.Errorf("first change %+v, want the tracked record, weight %d", c, weightTracked)
	}
}

// TestConceptsGoneNearVariant: a concept is not gone from a document that
// still says it in other words (FOMC 2024-07-31 → 2024-09-18, issue 18),
// and the step and the theme's trend agree.
func TestConceptsGoneNearVariant(t *testing.T) {
	g, _ := themes.Default()
	docs := []Document{
		doc("2024-07-31", "2024-07-31", "en", "", "In recent months, there has been some further progress toward the Committee's 2 percent inflation objective.\n\nThe Committee seeks to achieve maximum employment.\n"),
		doc("2024-09-18", "2024-09-18", "en", "", "Inflation has made further progress toward the Committee's 2 percent objective.\n\nThe Committee is strongly committed to supporting maximum employment and returning inflation to its 2 percent objective.\n"),
	}
	tl := Build(docs, Options{Concepts: g.Concepts})
	for _, c := range tl.Steps[0].ConceptsGone {
		if c.ID == "inflation-target" {
			t.Errorf("concepts gone %+v: the 2 percent objective is still there", tl.Steps[0].ConceptsGone)
		}
	}
	for _, th := range tl.Themes {
		if th.Concept == "inflation-target" && th.Trend == themes.Gone {
			t.Errorf("theme %s: trend %s, want not gone", th.Concept, th.Trend)
		}
	}
}

// TestFigureChangeSinceLastStated: a statement between meetings that does
// not state the rate does not hide the next meeting's cut: the step after
// it compares with the value last stated, and says where.
func TestFigureChangeSinceLastStated(t *testing.T) {
	docs := []Document{
		doc("2007-08-07", "2007-08-07", "en", "", "The Federal Open Market Committee decided today to keep its target for the federal funds rate at 5-1/4 percent.\n\nVoting for the action were all members.\n"),
		doc("2007-08-17", "2007-08-17", "en", "", "The Board of Governors approved a reduction in the discount rate to 5-3/4 percent.\n\nVoting for the action were all members.\n"),
		doc("2007-09-18", "2007-09-18", "en", "", "The Federal Open Market Committee decided today to lower its target for the federal funds rate 50 basis points to 4-3/4 percent.\n\nVoting for the action were all members.\n"),
	}
	tl := Build(docs, Options{})
	if len(tl.Steps) != 2 {
		t.Fatalf("%d steps, want 2", len(tl.Steps))
	}
	var found bool
	for _, f := range tl.Steps[1].Figures {
		if f.New.Value == 4.75 {
			found = true
			if f.Old.Value != 5.25 || f.Old.Doc != "2007-08-07" || f.Change != figures.Down {
				t.Errorf("figure change %+v: want 5.25 of 2007-08-07 → 4.75, down", f)
			}
		}
	}
	if !found {
		t.Errorf("step 2007-08-17 → 2007-09-18 lists no change of the target: %+v", tl.Steps[1].Figures)
	}
}

// figureChangesScan is figureChanges as it was, reading every
// observation of every track: the oracle of TestFigureChanges.
func figureChangesScan(tracks []figures.Track, oldID, newID string) []FigureChange {
	out := []FigureChange{}
	for _, t := range tracks {
		var o, n *figures.Observation
		for k := range t.Observations {
			switch t.Observations[k].Doc {
			case oldID:
				o = &t.Observations[k]
			case newID:
				n = &t.Observations[k]
			}
		}
		if o == nil || n == nil {
			continue
		}
		fc := FigureChange{Label: t.Label, Old: *o, New: *n, Hedge: o.Qualifier != n.Qualifier}
		if fc.Change = figures.Compare(*o, *n); fc.Change == figures.Same && !fc.Hedge {
			continue
		}
		out = append(out, fc)
	}
	return out
}

// TestFigureChanges holds figureChanges, which reads only the tracks
// observed in a step's documents, to the scan of every track it
// replaced.
func TestFigureChanges(t *testing.T) {
	obs := func(doc string, v float64, q string) figures.Observation {
		return figures.Observation{Doc: doc, Figure: figures.Figure{Value: v, Unit: "%", Qualifier: q, Text: fmt.Sprint(v)}}
	}
	tracks := []figures.Track{
		{Label: "up", Observations: []figures.Observation{obs("a", 1, "exact"), obs("b", 2, "exact"), obs("c", 2, "exact")}},
		{Label: "not in b", Observations: []figures.Observation{obs("a", 1, "exact"), obs("c", 5, "exact")}},
		{Label: "hedge", Observations: []figures.Observation{obs("b", 3, "about"), obs("a", 3, "exact")}},
		{Label: "twice in a: the later counts", Observations: []figures.Observation{obs("a", 1, "exact"), obs("a", 4, "exact"), obs("b", 9, "exact")}},
		{Label: "twice in b", Observations: []figures.Observation{obs("a", 7, "exact"), obs("b", 6, "exact"), obs("b", 8, "exact")}},
		{Label: "same", Observations: []figures.Observation{obs("a", 5, "exact"), obs("b", 5, "exact")}},
		{Label: "down", Observations: []figures.Observation{obs("b", 5, "exact"), obs("c", 4, "exact")}},
	}
	observed := observationsByDoc(tracks)
	for _, step := range [][2]string{{"a", "b"}, {"b", "a"}, {"b", "c"}, {"a", "c"}, {"a", "a"}, {"a", "z"}, {"z", "a"}} {
		want := figureChangesScan(tracks, step[0], step[1])
		got := figureChanges(tracks, observed, step[0], step[1], "")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("figureChanges(%s → %s): got %+v, want %+v", step[0], step[1], got, want)
		}
	}
	if got := figureChanges(tracks, observed, "a", "b", ""); len(got) != 4 {
		t.Errorf("figureChanges(a → b): %d changes, want 4 (up, hedge, twice in a, twice in b)", len(got))
	}
}

// TestStepKeepsNoPassages checks that a step without Options.Passages
// does not keep its comparison's passages alive: a step that held a
// pointer into the comparison's result (its Summary) kept every passage
// of every step until the report was written, 27 MB of the 1,000-document
// corpus of BENCHMARKS.md.
func TestStepKeepsNoPassages(t *testing.T) {
	var old, new strings.Builder
	words := strings.Fields("policy committee inflation labor market growth household spending business investment housing sector energy prices remained elevated")
	for i := range 2000 {
		s := fmt.Sprintf("The %s and the %s of the %s %s.\n", words[i%len(words)], words[(i/7)%len(words)], words[(i/3)%len(words)], words[(i/11)%len(words)])
		old.WriteString(s)
		if i%4 == 0 { // a word changed: a passage of its own
			s = strings.Replace(s, "The", "Then the", 1)
		}
		new.WriteString(s)
	}
	docs := []Document{doc("old", "2024-01-01", "en", "", old.String()), doc("new", "2025-01-01", "en", "", new.String())}
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	tl := Build(docs, Options{})
	kept := int64(heap()) - int64(before)
	runtime.KeepAlive(tl)
	t.Logf("kept %d bytes", kept)
	r := diff.Compare(docs[0].Doc, docs[1].Doc, diff.Options{})
	passages := len(r.Passages)
	// Each passage takes a few hundred bytes with its sides and edits: a
	// step that keeps them keeps them all.
	if limit := int64(passages) * 100; kept > limit {
		t.Errorf("Build kept %d bytes after it returned, over %d: the comparison's %d passages are still reachable", kept, limit, passages)
	}
}
