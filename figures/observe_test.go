package figures

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/docdrift/docdrift/normalize"
)

// TestObserveIsObserveWithoutContext holds Observe, which leaves out the
// similarity features only linking reads, to the observations Tracks
// links: the same in every exported field, on the fixture documents
// (English and Chinese) and a law's fines.
func TestObserveIsObserveWithoutContext(t *testing.T) {
	paths, err := filepath.Glob("../fixtures/opening-up/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	docs := []Document{{ID: "law", Date: "2022-06-24", Doc: normalize.Parse("第五十六条 经营者违反本法规定，处五十万元以下的罚款；情节严重的，并处十万元以上五十万元以下的罚款。\n\n前款规定的罚款，由反垄断执法机构决定。")}}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{ID: filepath.Base(p), Date: "2024-01-02", Doc: normalize.Parse(string(data))})
	}
	for _, d := range docs {
		want, got := observe(d, false), Observe(d)
		if len(want) == 0 {
			t.Errorf("%s: no observation: the test needs some", d.ID)
		}
		if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Observation{}, Figure{})); diff != "" {
			t.Errorf("%s: Observe (-observe +Observe):\n%s", d.ID, diff)
		}
	}
}

// TestObserveExtracted holds ObserveExtracted, given the figures of every
// other sentence, to Observe.
func TestObserveExtracted(t *testing.T) {
	data, err := os.ReadFile("../fixtures/opening-up/qiushi-2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := Document{ID: "d", Doc: normalize.Parse(string(data))}
	given := 0
	got := ObserveExtracted(d, func(i int) ([]Figure, bool) {
		if i%2 == 1 {
			return nil, false
		}
		s := d.Doc.Sentences[i]
		given++
		return Extract(d.Doc.Text[s.Start:s.End], s.Start), true
	})
	if given == 0 {
		t.Fatal("ObserveExtracted asked for no sentence's figures")
	}
	if diff := cmp.Diff(Observe(d), got, cmpopts.IgnoreUnexported(Observation{}, Figure{})); diff != "" {
		t.Errorf("ObserveExtracted (-Observe +ObserveExtracted):\n%s", diff)
	}
}
