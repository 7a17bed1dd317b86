package htmlreport

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/timeline"
)

// sentenceOf returns a made-up Chinese sentence of 15 to 45 characters.
func sentenceOf(r *rand.Rand) string {
	var b strings.Builder
	for range 15 + r.IntN(30) {
		b.WriteRune(rune(0x4e00 + r.IntN(3000)))
	}
	b.WriteString("。")
	return b.String()
}

// paragraphOf returns one to three sentences.
func paragraphOf(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(3) {
		b.WriteString(sentenceOf(r))
	}
	return b.String()
}

// reword cuts p into pieces of a few characters and rewrites about a
// third of them: the edits of a changed passage, and its new text.
func reword(r *rand.Rand, p string) ([]diff.Edit, string) {
	var es []diff.Edit
	var b strings.Builder
	rs := []rune(p)
	for len(rs) > 0 {
		n := min(len(rs), 3+r.IntN(6))
		piece := string(rs[:n])
		rs = rs[n:]
		if r.IntN(3) > 0 {
			es = append(es, diff.Edit{Op: diff.Equal, Text: piece})
			b.WriteString(piece)
			continue
		}
		ins := string([]rune(sentenceOf(r))[:n])
		es = append(es, diff.Edit{Op: diff.Delete, Text: piece}, diff.Edit{Op: diff.Insert, Text: ins})
		b.WriteString(ins)
	}
	return es, b.String()
}

// chinaScale is a report the size of china-gwr-zh's (52 yearly reports,
// 3.3 MB): documents of about 63 KB of Chinese, each of which keeps 5% of
// the paragraphs of the year before as they were, rewords 10% and is new
// for the rest, so that a step is some 400 passages, most of them added
// or removed; a third of those sentences listed among the most
// significant changes; and 768 figure tracks of four observations. It
// returns the report and the bytes of document text.
func chinaScale() (Report, int) {
	r := rand.New(rand.NewPCG(20, 52))
	var docs []corpus.Document
	var texts [][]string
	tl := &timeline.Timeline{}
	size := 0
	for k := range 52 {
		d := corpus.Document{ID: fmt.Sprint(1954 + k), Date: fmt.Sprintf("%d-03-05", 1954+k), Lang: "zh", Title: "政府工作报告"}
		docs = append(docs, d)
		var paras []string
		var step timeline.Step
		if k > 0 {
			step = timeline.Step{Kind: timeline.Edition, Old: docs[k-1].ID, New: d.ID, Summary: &diff.Summary{Levels: map[diff.Class]int{}}}
		}
		bytes := 0
		if k > 0 {
			for i, p := range texts[k-1] {
				old := &diff.Side{Line: 2*i + 1, EndLine: 2*i + 1, Text: p}
				switch x := r.IntN(100); {
				case x < 5:
					paras = append(paras, p)
					bytes += len(p)
					step.Passages = append(step.Passages, diff.Passage{Kind: diff.Same, Score: 1, Old: old,
						New: &diff.Side{Line: 2*len(paras) - 1, EndLine: 2*len(paras) - 1, Text: p}})
				case x < 15:
					es, q := reword(r, p)
					paras = append(paras, q)
					bytes += len(q)
					step.Passages = append(step.Passages, diff.Passage{Kind: diff.Changed, Score: 0.6, Level: diff.Wording, Edits: es, Old: old,
						New: &diff.Side{Line: 2*len(paras) - 1, EndLine: 2*len(paras) - 1, Text: q}})
				default:
					step.Passages = append(step.Passages, diff.Passage{Kind: diff.Removed, Level: diff.Figure, Old: old})
				}
			}
		}
		for bytes < 63<<10 {
			p := paragraphOf(r)
			paras = append(paras, p)
			bytes += len(p)
			if k > 0 {
				step.Passages = append(step.Passages, diff.Passage{Kind: diff.Added, Level: diff.Figure,
					New: &diff.Side{Line: 2*len(paras) - 1, EndLine: 2*len(paras) - 1, Text: p}})
			}
		}
		for i, p := range step.Passages {
			for _, side := range []*diff.Side{p.Old, p.New} {
				if side != nil && p.Kind != diff.Same && p.Kind != diff.Changed && r.IntN(3) == 0 {
					c := timeline.Change{Change: diff.Change{Class: diff.Figure}, Kind: p.Kind, Passage: i + 1}
					s, _, _ := strings.Cut(side.Text, "。")
					if p.Kind == diff.Removed {
						c.Old, c.OldLine = s+"。", side.Line
					} else {
						c.New, c.NewLine = s+"。", side.Line
					}
					step.Changes = append(step.Changes, c)
				}
			}
		}
		for _, p := range paras {
			size += len(p)
		}
		texts = append(texts, paras)
		if k > 0 {
			tl.Steps = append(tl.Steps, step)
		}
	}
	for i := range 768 {
		tr := figures.Track{Label: "增长", Unit: figures.Percent, Change: figures.Up}
		for j := range 4 {
			k := (i + 13*j) % len(docs)
			s := texts[k][r.IntN(len(texts[k]))]
			tr.Observations = append(tr.Observations, figures.Observation{Doc: docs[k].ID, Line: 3,
				Figure: figures.Figure{Value: float64(j + i%7), Unit: figures.Percent, Qualifier: figures.Exact, Text: "百分之五"}, Sentence: s})
		}
		tl.Tracks = append(tl.Tracks, tr)
	}
	return Report{Title: "政府工作报告", Documents: docs, Timeline: tl, MinLevel: diff.Hedge}, size
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

// TestWriteSizeChinaScale: the page of a corpus the size of
// china-gwr-zh, whose documents each appear in two steps, stays under 1.5
// times the documents' text, issue 20's bound (5 MB for china-gwr-zh's
// 3.3 MB). When every step wrote its passages and every chart its SVG as
// markup, this page was 23 MB, and china-gwr-zh's 23.3 MB.
func TestWriteSizeChinaScale(t *testing.T) {
	r, text := chinaScale()
	var w countingWriter
	if err := Write(&w, r); err != nil {
		t.Fatal(err)
	}
	if limit := text * 3 / 2; w.n > limit {
		t.Errorf("page of %d documents, %.1f MB of text: %.1f MB, want at most %.1f MB", len(r.Documents), mb(text), mb(w.n), mb(limit))
	}
	t.Logf("page of %.1f MB of text: %.1f MB", mb(text), mb(w.n))
}

func mb(n int) float64 { return float64(n) / (1 << 20) }

// BenchmarkWriteChinaScale writes the page of chinaScale's report as a
// long report (data) and, for comparison, as it was written before there
// were data blocks (markup):
//
//	go test ./htmlreport -run '^$' -bench WriteChinaScale -benchmem
func BenchmarkWriteChinaScale(b *testing.B) {
	r, _ := chinaScale()
	for _, mode := range []struct {
		name     string
		dataFrom int
	}{{"data", 0}, {"markup", 1 << 40}} {
		b.Run(mode.name, func(b *testing.B) {
			r.DataFrom = mode.dataFrom
			var w countingWriter
			for b.Loop() {
				if err := Write(&w, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w.n)/float64(b.N)/(1<<20), "MB/page")
		})
	}
}
