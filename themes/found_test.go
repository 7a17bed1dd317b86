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
