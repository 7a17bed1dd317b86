package htmlreport

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/themes"
	"github.com/docdrift/docdrift/timeline"
)

// hostile is a timeline whose every text field holds markup or escapes.
func hostile() Report {
	const evil = `<script>alert(1)</script> "><img src=x onerror=alert(2)> ` + "\x1b[31m"
	docs := []corpus.Document{
		{ID: "a<b>", Date: "2024-01-01", Lang: "en", Title: evil, Source: evil, Path: "a.txt"},
		{ID: `b"c`, Date: "2025-01-01", Lang: "en", Title: "<i>new</i>", Path: "b.txt"},
	}
	obs := func(doc string, v float64) figures.Observation {
		return figures.Observation{Doc: doc, Figure: figures.Figure{Value: v, Unit: "USD", Qualifier: figures.Exact, Text: evil}, Sentence: evil, Line: 1}
	}
	step := timeline.Step{Kind: timeline.Edition, Old: docs[0].ID, New: docs[1].ID,
		Summary:     &diff.Summary{Changed: 1, Levels: map[diff.Class]int{diff.Figure: 1}},
		Figures:     []timeline.FigureChange{{Label: evil, Change: figures.Up, Old: obs(docs[0].ID, 1), New: obs(docs[1].ID, 2)}},
		ConceptsNew: []timeline.ConceptRef{{ID: "x", Label: evil, Text: evil, Line: 2}},
		Changes:     []timeline.Change{{Change: diff.Change{Class: diff.Figure, Old: evil, New: evil}, Kind: diff.Changed, Passage: 1}},
		Passages: []diff.Passage{{Kind: diff.Changed, Score: 0.5, Level: diff.Figure,
			Old:   &diff.Side{Line: 1, EndLine: 1, Text: evil},
			New:   &diff.Side{Line: 1, EndLine: 1, Text: evil},
			Edits: []diff.Edit{{Op: diff.Equal, Text: evil}, {Op: diff.Delete, Text: " " + evil}, {Op: diff.Insert, Text: " " + evil}, {Op: diff.Format, Text: evil, Old: evil}}}},
	}
	return Report{Title: evil, Documents: docs, MinLevel: diff.Hedge, Version: evil, Timeline: &timeline.Timeline{
		Steps:   []timeline.Step{step},
		Tracks:  []figures.Track{{Label: evil, Unit: "USD", Change: figures.Up, Observations: []figures.Observation{obs(docs[0].ID, 1), obs(docs[1].ID, 2)}}},
		Present: []themes.Theme{{Label: evil, Trend: themes.New, Counts: map[string]int{docs[1].ID: 1}, Per10k: map[string]float64{docs[1].ID: 3}}},
	}}
}

func TestWriteEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, hostile()); err != nil {
		t.Fatal(err)
	}
	checkEscaped(t, b.String())
}

// TestWriteEscapesData: a long report's data block is base64, which no
// text can break out of; inside, document text is JSON strings that the
// script only ever writes as text, control characters made visible.
func TestWriteEscapesData(t *testing.T) {
	r := hostile()
	r.DataFrom = -1
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script>alert", "<img", "<i>new", "\x1b", `onerror=alert(2)>`} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if n := strings.Count(page, "<script>"); n != 1 {
		t.Errorf("page has %d script elements that run, want 1 (its own)", n)
	}
	m := regexp.MustCompile(`<script type="application/json" id="page-data">"([A-Za-z0-9+/=]+)"</script>`).FindAllStringSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("page has %d data blocks of base64, want 1", len(m))
	}
	data := unpack(t, m[0][1])
	for _, want := range []string{`\u003cscript\u003ealert(1)\u003c/script\u003e`, `\\x1b[31m`} {
		if !strings.Contains(data, want) {
			t.Errorf("page's data lacks %q", want)
		}
	}
	var d pageData
	if err := json.Unmarshal([]byte(data), &d); err != nil || len(d.Steps) != 1 || len(d.Tracks) != 1 {
		t.Errorf("page's data: %d steps, %d tracks (%v), want 1 of each", len(d.Steps), len(d.Tracks), err)
	}
}

// unpack reads back what packJS wrote.
func unpack(t *testing.T, b64 string) string {
	t.Helper()
	z, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func checkEscaped(t *testing.T, page string) {
	t.Helper()
	for _, bad := range []string{"<script>alert", "<img", "<i>new", "\x1b", `onerror=alert(2)>`} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("page has %d script elements, want 1 (its own)", n)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", `\x1b[31m`, "&lt;i&gt;new&lt;/i&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestWriteEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Report{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>docdrift: corpus</title>", "No figure changed", "No glossary concept"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
}

func TestEditSegs(t *testing.T) {
	old, new := editSegs([]diff.Edit{
		{Op: diff.Equal, Text: "Exports rose"},
		{Op: diff.Delete, Text: " sharply"},
		{Op: diff.Insert, Text: " slightly"},
		{Op: diff.Equal, Text: " to"},
		{Op: diff.Format, Text: " 30%", Old: " 30 percent"},
		{Op: diff.Equal, Text: " in", Old: "\u00a0in"},
		{Op: diff.Insert, Text: "\n2024"},
	})
	wantOld := []seg{{Text: "Exports rose"}, {Text: " "}, {Text: "sharply", Class: "del"}, {Text: " to"}, {Text: " "},
		{Text: "30 percent", Class: "fmt", Title: "the same, written “30%” in the new text"}, {Text: "\u00a0in"}}
	wantNew := []seg{{Text: "Exports rose"}, {Text: " "}, {Text: "slightly", Class: "ins"}, {Text: " to"}, {Text: " "},
		{Text: "30%", Class: "fmt", Title: "the same, written “30 percent” in the old text"}, {Text: " in"}, {Text: "\n"}, {Text: "2024", Class: "ins"}}
	if d := cmp.Diff(wantOld, old); d != "" {
		t.Errorf("old side (-want +got):\n%s", d)
	}
	if d := cmp.Diff(wantNew, new); d != "" {
		t.Errorf("new side (-want +got):\n%s", d)
	}
}

func TestMarkPiece(t *testing.T) {
	// "Trade grew 5%\nto 30 trillion." at offset 100.
	text := "Trade grew 5%\nto 30 trillion."
	pc := diff.Side{Start: 100, End: 100 + len(text), Text: text}
	marks := []diff.Mark{
		{Kind: diff.AnchorFigure, Text: "5%", Start: 111, End: 113, Matched: true},
		{Kind: diff.AnchorLiteral, Text: "to", Start: 114, End: 116, Matched: true}, // literals are not shown
		{Kind: diff.AnchorFigure, Text: "30 trillion", Start: 117, End: 128},
		{Kind: diff.AnchorFigure, Text: "outside", Start: 200, End: 207},
	}
	want := []seg{
		{Text: "Trade grew "},
		{Text: "5%", Class: "figure ok", Title: "figure matched in the other document"},
		{Text: " to "},
		{Text: "30 trillion", Class: "figure miss", Title: "figure with no counterpart in the other document"},
		{Text: "."},
	}
	if d := cmp.Diff(want, markPiece(pc, marks)); d != "" {
		t.Errorf("markPiece (-want +got):\n%s", d)
	}
}

func TestCollapsedSummary(t *testing.T) {
	rs := []row{{OldLines: "3–4", NewLines: "5"}, {OldLines: "6", NewLines: "7–9"}}
	if got, want := collapsedSummary(rs, "the same"), "2 passages the same, lines 3–6 → 5–9"; got != want {
		t.Errorf("collapsedSummary: got %q, want %q", got, want)
	}
}

func TestTimeAxis(t *testing.T) {
	for _, c := range []struct {
		name  string
		docs  []corpus.Document
		pos   map[string]float64
		ticks []string
	}{
		{"dated: gaps show", []corpus.Document{{ID: "a", Date: "2020"}, {ID: "b", Date: "2021"}, {ID: "c", Date: "2024"}},
			map[string]float64{"a": padLeft, "b": padLeft + (chartW-padLeft-padRight)*366/1461, "c": chartW - padRight}, []string{"2020", "2024"}},
		{"undated: by position", []corpus.Document{{ID: "a"}, {ID: "b", Date: "2021"}, {ID: "c"}},
			map[string]float64{"a": padLeft, "b": (padLeft + chartW - padRight) / 2, "c": chartW - padRight}, []string{"a", "c"}},
		{"one date", []corpus.Document{{ID: "a", Date: "2023-09-27"}, {ID: "b", Date: "2023-09-27"}},
			map[string]float64{"a": chartW / 2, "b": chartW / 2}, []string{"2023-09-27"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newTimeAxis(c.docs)
			if d := cmp.Diff(c.pos, a.pos, cmp.Comparer(func(x, y float64) bool { return x-y < 1e-9 && y-x < 1e-9 })); d != "" {
				t.Errorf("positions (-want +got):\n%s", d)
			}
			var labels []string
			for _, tk := range a.ticks {
				labels = append(labels, tk.Label)
			}
			if d := cmp.Diff(c.ticks, labels); d != "" {
				t.Errorf("ticks (-want +got):\n%s", d)
			}
		})
	}
}

func TestTrackChart(t *testing.T) {
	docs := []corpus.Document{{ID: "a", Date: "2020"}, {ID: "b", Date: "2022"}}
	high := 9.0
	tr := figures.Track{Label: "rate", Unit: figures.Percent, Change: figures.Up, Observations: []figures.Observation{
		{Doc: "a", Figure: figures.Figure{Value: 2, Unit: figures.Percent}},
		{Doc: "b", Figure: figures.Figure{Value: 5, High: &high, Unit: figures.Percent}},
	}}
	v := newTrack(tr, map[string]corpus.Document{"a": docs[0], "b": docs[1]}, newTimeAxis(docs))
	lo, top := v.Observations[0], v.Observations[1]
	bottom := chartH - padBottom
	if lo.Y != bottom || top.YHigh != padTop {
		t.Errorf("y: lowest value at %v (want %v), highest at %v (want %v)", lo.Y, bottom, top.YHigh, padTop)
	}
	if !top.Range || top.Y <= top.YHigh {
		t.Errorf("range: %+v, want a bar from the low end up to the high end", top)
	}
	// Labels keep clear of their point (and of a range's bar): the low
	// point's below it.
	if lo.LabelY <= lo.Y || top.LabelY > top.YHigh-labelGap && top.LabelY < top.Y+labelGap {
		t.Errorf("labels: low point's at %v (point %v) should be below; range's at %v should be outside %v–%v", lo.LabelY, lo.Y, top.LabelY, top.YHigh, top.Y)
	}
	if lo.Anchor != "start" || top.Anchor != "end" {
		t.Errorf("label anchors %q, %q: want start at the left edge, end at the right", lo.Anchor, top.Anchor)
	}
	if want := "44,82 246,56.3"; v.Points != want {
		t.Errorf("points: got %q, want %q", v.Points, want)
	}
}

// TestLongTrackChart: a track of many observations labels only its
// first, last, lowest and highest point, folds its list, and has a value
// axis in its unit; a track of one has no chart.
func TestLongTrackChart(t *testing.T) {
	var docs []corpus.Document
	var obs []figures.Observation
	byID := map[string]corpus.Document{}
	for k := 0; k < 30; k++ {
		d := corpus.Document{ID: fmt.Sprint("d", k), Date: fmt.Sprint(2000 + k)}
		docs = append(docs, d)
		byID[d.ID] = d
		obs = append(obs, figures.Observation{Doc: d.ID, Figure: figures.Figure{Value: float64(5 + k%7), Unit: figures.Percent}})
	}
	v := newTrack(figures.Track{Label: "rate", Unit: figures.Percent, Observations: obs}, byID, newTimeAxis(docs))
	var labelled []int
	for k, o := range v.Observations {
		if o.Labelled {
			labelled = append(labelled, k)
		}
	}
	if d := cmp.Diff([]int{0, 6, 29}, labelled); d != "" {
		t.Errorf("labelled points (-want +got):\n%s", d)
	}
	if !v.Long || !v.Chart {
		t.Errorf("Long %v, Chart %v: want both", v.Long, v.Chart)
	}
	var axis []string
	for _, tk := range v.ValueTicks {
		axis = append(axis, tk.Label)
	}
	if d := cmp.Diff([]string{"11%", "5%"}, axis); d != "" {
		t.Errorf("value axis (-want +got):\n%s", d)
	}
	one := newTrack(figures.Track{Label: "rate", Unit: figures.Percent, Observations: obs[:1]}, byID, newTimeAxis(docs))
	if one.Chart {
		t.Error("a track of one observation has a chart")
	}
}

func TestHeatMap(t *testing.T) {
	docs := []corpus.Document{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	h := newHeatMap([]themes.Theme{
		{Label: "steady one", Trend: themes.Steady, Counts: map[string]int{"a": 1, "b": 1, "c": 1}, Per10k: map[string]float64{"a": 1, "b": 1, "c": 1}},
		{Label: "rising one", Trend: themes.Rising, Counts: map[string]int{"a": 1, "b": 4, "c": 10}, Per10k: map[string]float64{"a": 1, "b": 4, "c": 10}},
	}, docs)
	if h.Rows[0].Label != "rising one" {
		t.Errorf("rows: %q first, want the theme that shifted", h.Rows[0].Label)
	}
	var shades []int
	for _, c := range h.Rows[0].Cells {
		shades = append(shades, c.Shade)
	}
	if d := cmp.Diff([]int{1, 2, heatShades}, shades); d != "" {
		t.Errorf("shades relative to the peak (-want +got):\n%s", d)
	}
}

func TestAnchorID(t *testing.T) {
	if got, want := anchorID(`a b"<c>_d-9中`), "a-b--c-_d-9-"; got != want {
		t.Errorf("anchorID: got %q, want %q", got, want)
	}
}

func TestStepLeftOut(t *testing.T) {
	s := timeline.Step{Kind: timeline.Edition, Old: "a", New: "b", Summary: &diff.Summary{Same: 2, LeftOut: diff.LeftOut{Captions: 1}}}
	v := newStep(1, s, corpus.Document{}, corpus.Document{})
	want := "left out of the passages: 1 differing in captions, 0 in page furniture"
	if !slices.Contains(v.Notes, want) {
		t.Errorf("newStep: notes %q, want %q among them", v.Notes, want)
	}
}

// TestEditionRowNotes checks that a row says which move a moved passage
// is, which clause restates the other side, and which sentence a merge
// brings in.
func TestEditionRowNotes(t *testing.T) {
	p := diff.Passage{Kind: diff.Moved, Move: 3,
		Old:       &diff.Side{Line: 41, Text: "Prices rose."},
		New:       &diff.Side{Line: 9, Text: "Prices rose; wages fell."},
		Clause:    &diff.Clause{Side: "new", Text: "Prices rose;"},
		MergedOld: []*diff.Side{{Line: 43, Text: "Wages fell."}}}
	want := "move 3, from line 41; restated in part by the new sentence's clause “Prices rose;”; merges old line 43, “Wages fell.”"
	if got := editionRow("a", 1, p).Note; got != want {
		t.Errorf("editionRow: note %q, want %q", got, want)
	}
}

// TestPieces: text is cut at its sentence ends; a long sentence goes in
// the table once, whoever quotes it, and a short piece stands where it is,
// joined to a short piece before it.
func TestPieces(t *testing.T) {
	long := "国内生产总值增长百分之五点二。"                  // 45 bytes
	en := "Exports rose 5.2 percent in 2024. " // a full stop with its space
	for _, c := range []struct {
		name string
		in   []string
		want [][]any
		list []string
	}{
		{"short", []string{"是。", "好"}, [][]any{{"是。"}, {"好"}}, nil},
		{"long once", []string{long + long, long + "是。"}, [][]any{{0, 0}, {0, "是。"}}, []string{long}},
		{"short pieces joined", []string{"是。对！" + long + "好"}, [][]any{{"是。对！", 0, "好"}}, []string{long}},
		{"decimal point is no end", []string{en + "Imports fell."}, [][]any{{0, "Imports fell."}}, []string{en}},
		{"empty", []string{""}, [][]any{{}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := &pieces{ids: map[string]int{}}
			var got [][]any
			for _, s := range c.in {
				got = append(got, ps.items(s))
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("items (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.list, ps.list); d != "" {
				t.Errorf("table (-want +got):\n%s", d)
			}
		})
	}
}
