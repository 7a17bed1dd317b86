package themes

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/segment"
)

// fixtureCorpus reads the fixture corpus's documents, each copies times
// (a copy after the first with a sentence of its own, so that documents
// differ), in an order that mixes the languages.
func fixtureCorpus(t testing.TB, copies int) []PhraseDoc {
	t.Helper()
	files := []struct{ name, lang string }{
		{"speech-2023.zh.txt", "zh"}, {"speech-2023.en.txt", "en"}, {"qiushi-2024.txt", "zh"},
		{"qiushi-2025.txt", "zh"}, {"interview-2025.txt", "zh"},
	}
	var docs []PhraseDoc
	for c := range copies {
		for _, f := range files {
			data, err := os.ReadFile("../fixtures/opening-up/" + f.name)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			if c > 0 {
				text += strings.Repeat("\n\nCopy "+strings.Repeat("again ", c)+"of the text. 第"+strings.Repeat("又", c)+"次印发。", 2)
			}
			docs = append(docs, PhraseDoc{Doc: normalize.Parse(text), Lang: f.lang})
		}
	}
	return docs
}

// TestCountCorpusIsCountsAndSum checks that the compact corpus counts rank
// what the counts of each document and their sum rank (Distinctive,
// Shift against the previous document in the same language), on any
// number of processors.
func TestCountCorpusIsCountsAndSum(t *testing.T) {
	docs := fixtureCorpus(t, 2)
	for _, tt := range []struct {
		name string
		seg  *segment.Segmenter
	}{{"segmenter", &segment.Segmenter{}}, {"n-grams", nil}} {
		counts := make([]Counts, len(docs))
		for i, d := range docs {
			counts[i] = CountPhrases(d.Doc, d.Lang, tt.seg)
		}
		all := Sum(counts...)
		for _, procs := range []int{1, 2, 4} {
			prevProcs := runtime.GOMAXPROCS(procs)
			cp := CountCorpus(docs, tt.seg)
			runtime.GOMAXPROCS(prevProcs)
			for i := range docs {
				for _, top := range []int{0, 8} {
					if got, want := cp.Distinctive(i, top), Distinctive(counts[i], all, top); !slices.Equal(got, want) {
						t.Errorf("%s, GOMAXPROCS %d, document %d: Distinctive(top %d)\n got %v\nwant %v", tt.name, procs, i, top, got, want)
					}
					wantPrev := -1
					for k := i - 1; k >= 0 && wantPrev < 0; k-- {
						if docs[k].Lang == docs[i].Lang {
							wantPrev = k
						}
					}
					prev, appeared, vanished := cp.Shift(i, top)
					if prev != wantPrev {
						t.Fatalf("%s: Shift(%d): previous document %d, want %d", tt.name, i, prev, wantPrev)
					}
					if prev < 0 {
						continue
					}
					wantA, wantV := Shift(counts[prev], counts[i], all, top)
					if !slices.Equal(appeared, wantA) || !slices.Equal(vanished, wantV) {
						t.Errorf("%s, GOMAXPROCS %d, document %d: Shift(top %d)\n got %v, %v\nwant %v, %v", tt.name, procs, i, top, appeared, vanished, wantA, wantV)
					}
				}
			}
		}
	}
}

// TestCountCorpusMemory bounds the memory the phrase counts of a corpus
// hold once counted, against the corpus's size: every document's whole
// phrase table and their sum, kept at once (14.3 bytes per byte of text
// on this corpus, 1.5 now), made "docdrift themes" take 1.3 GB on 1,000
// documents.
func TestCountCorpusMemory(t *testing.T) {
	docs := fixtureCorpus(t, 4)
	size := 0
	for _, d := range docs {
		size += len(d.Doc.Text)
	}
	seg := &segment.Segmenter{}
	if _, err := seg.Cut("预热"); err != nil { // the dictionary is no part of the counts
		t.Fatal(err)
	}
	held := retained(func() any { return CountCorpus(docs, seg) })
	runtime.KeepAlive(docs) // and the dictionary: neither is part of what is held
	runtime.KeepAlive(seg)
	rate := float64(held) / float64(size)
	t.Logf("%d documents, %d bytes: %d bytes held, %.1f per byte of text", len(docs), size, held, rate)
	const maxRate = 5
	if rate > maxRate {
		t.Errorf("CountCorpus: %.1f bytes held per byte of text, want at most %d", rate, maxRate)
	}
}

// retained returns the bytes of heap that what f returns holds, f's
// garbage collected.
func retained(f func() any) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}

// TestNewCorpusCounting checks that matching and counting phrases in one
// pass over each sentence's tokens gives what NewCorpusWith and
// CountCorpus give apart.
func TestNewCorpusCounting(t *testing.T) {
	g, _ := Default()
	pds := fixtureCorpus(t, 2)
	docs := make([]Document, len(pds))
	langs := make([]string, len(pds))
	for i, d := range pds {
		docs[i], langs[i] = Document{ID: fmt.Sprint(i), Doc: d.Doc}, d.Lang
	}
	m := NewMatcher(g.Concepts)
	c, cp := NewCorpusCounting(docs, langs, m)
	want, wantCP := NewCorpusWith(docs, m), CountCorpus(pds, m.Segmenter())
	if !reflect.DeepEqual(c.words, want.words) || !reflect.DeepEqual(c.matches, want.matches) {
		t.Errorf("NewCorpusCounting: words %v and matches differ from NewCorpusWith's: words %v", c.words, want.words)
	}
	if !reflect.DeepEqual(cp, wantCP) {
		t.Errorf("NewCorpusCounting: phrases differ from CountCorpus's")
	}
	if len(cp.all) == 0 || len(c.matches["0"]) == 0 {
		t.Errorf("NewCorpusCounting: %d phrases, %d matches in the first document: the test needs both", len(cp.all), len(c.matches["0"]))
	}
}
