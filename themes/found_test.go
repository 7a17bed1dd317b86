package themes

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// TestNewCorpusFound holds the corpus made from matches found beforehand
// to the one NewCorpusWith makes: every concept's theme is the same.
func TestNewCorpusFound(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for _, name := range []string{"qiushi-2024.txt", "speech-2023.en.txt", "qiushi-2025.txt", "interview-2025.txt", "speech-2023.zh.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "fixtures", "opening-up", name))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{ID: name, Doc: normalize.Parse(string(data))})
	}
	docs = append(docs, Document{ID: "gone", Doc: normalize.Parse("The weather was fine.\n")})
	m := NewMatcher(g.Concepts)
	matches, words := make([][]Match, len(docs)), make([]int, len(docs))
	for i, d := range docs {
		matches[i], words[i] = m.Find(d.Doc), Words(d.Doc)
	}
	want, got := NewCorpusWith(docs, m), NewCorpusFound(docs, m, matches, words)
	for _, c := range g.Concepts {
		w, g := want.Theme(c.Label, c, true), got.Theme(c.Label, c, true)
		if !reflect.DeepEqual(w, g) {
			t.Errorf("Theme(%s): NewCorpusFound gives %+v, NewCorpusWith %+v", c.ID, g, w)
		}
	}
}

// TestNearInIsNearVariants holds NearIn, with the document's matches
// given or not, to NearVariants for every concept of the glossary, on the
// fixture documents and on sentences whose near-variants the glossary's
// other wordings take (TestNearVariants).
func TestNearInIsNearVariants(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(g.Concepts)
	docs := []*normalize.Document{
		normalize.Parse("The Committee seeks inflation to its 2 percent objective.\n\nReform and development through opening up.\n"),
		normalize.Parse("The weather was fine.\n"),
		normalize.Parse(""),
	}
	for _, d := range fixtureCorpus(t, 1) {
		docs = append(docs, d.Doc)
	}
	some := 0
	for i, doc := range docs {
		given, found := m.NearIn(doc, m.Find(doc)), m.NearIn(doc, nil)
		for _, c := range g.Concepts {
			want := m.NearVariants(doc, c.ID)
			some += len(want)
			if got := given(c.ID); !reflect.DeepEqual(got, want) {
				t.Errorf("document %d: NearIn(doc, Find(doc))(%s) = %v, want %v", i, c.ID, got, want)
			}
			if got := found(c.ID); !reflect.DeepEqual(got, want) {
				t.Errorf("document %d: NearIn(doc, nil)(%s) = %v, want %v", i, c.ID, got, want)
			}
		}
	}
	if some == 0 {
		t.Error("no near-variant in any document: the test needs some")
	}
}
