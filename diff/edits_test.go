package diff

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// editSides returns what an edit holds of the old passage and of the new:
// Delete only old, Insert only new, Equal and Format both, their old side
// in Old when it differs from Text.
func editSides(e Edit) (old, new string) {
	switch e.Op {
	case Delete:
		return e.Text, ""
	case Insert:
		return "", e.Text
	}
	if e.Old != "" {
		return e.Old, e.Text
	}
	return e.Text, e.Text
}

// checkRebuild asserts that the edits of each passage rebuild its old and
// new text byte for byte, and that each edit's spans point at its text in
// the original documents, one after the other from the passage's start to
// its end.
func checkRebuild(t *testing.T, old, new *normalize.Document, r *Result) {
	t.Helper()
	for i, p := range r.Passages {
		if len(p.Edits) == 0 {
			continue
		}
		var o, n strings.Builder
		oldAt, newAt := p.Old.Start, p.New.Start
		for _, e := range p.Edits {
			eo, en := editSides(e)
			o.WriteString(eo)
			n.WriteString(en)
			oldAt = checkSpan(t, "old", old.Text, oldAt, e.OldRange, eo, e)
			newAt = checkSpan(t, "new", new.Text, newAt, e.NewRange, en, e)
		}
		if got, want := o.String(), p.Old.Text; got != want {
			t.Fatalf("passage %d: old-side edits give %d bytes, the passage %d:\n got %q\nwant %q", i+1, len(got), len(want), got, want)
		}
		if got, want := n.String(), p.New.Text; got != want {
			t.Fatalf("passage %d: new-side edits give %d bytes, the passage %d:\n got %q\nwant %q", i+1, len(got), len(want), got, want)
		}
		if oldAt != p.Old.End || newAt != p.New.End {
			t.Fatalf("passage %d: edits end at %d and %d, the passage at %d and %d", i+1, oldAt, newAt, p.Old.End, p.New.End)
		}
	}
}

// checkSpan asserts that an edit's span on one side is absent when the
// edit has nothing on that side, and otherwise starts at at and slices
// text to want; it returns where the next edit's span must start.
func checkSpan(t *testing.T, name, text string, at int, sp *Range, want string, e Edit) int {
	t.Helper()
	if want == "" {
		if sp != nil {
			t.Fatalf("edit %+v: a %s span for no %s text", e, name, name)
		}
		return at
	}
	if sp == nil || sp.Start != at || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != want {
		t.Fatalf("edit %+v: the %s span does not hold its %s text %q at %d", e, name, name, want, at)
	}
	return sp.End
}

// corpusFiles returns the files matching pattern, sorted; none, with a
// note, when the corpus is not there.
func corpusFiles(t *testing.T, pattern string) []string {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Logf("no files %s: their pairs are skipped", pattern)
		return nil
	}
	sort.Strings(files)
	return files
}

// realPairs returns pairs of real documents, old and new: the fixture
// editions, and when ../../shared/corpora is there pairs of FOMC
// statements a few meetings apart (some hard-wrapped) and of Chinese laws.
func realPairs(t *testing.T) [][2]string {
	fx := func(name string) string { return filepath.Join("..", "fixtures", "opening-up", name) }
	pairs := [][2]string{
		{fx("qiushi-2024.txt"), fx("qiushi-2025.txt")},
		{fx("qiushi-2025.txt"), fx("interview-2025.txt")},
		{fx("qiushi-2024.txt"), fx("interview-2025.txt")},
	}
	corpora := filepath.Join("..", "..", "shared", "corpora")
	for _, dir := range []string{"fomc", filepath.Join("fomc-statements-1994-2016", "statements")} {
		files := corpusFiles(t, filepath.Join(corpora, dir, "*.txt"))
		// Every 10th statement with the next, and with the one 5 later.
		for i := 0; i+5 < len(files); i += 10 {
			pairs = append(pairs, [2]string{files[i], files[i+1]}, [2]string{files[i], files[i+5]})
		}
	}
	// Chinese: two versions of a few laws, with ideographic spaces.
	laws := corpusFiles(t, filepath.Join(corpora, "cn-law-versions-zh", "*", "*", "*.md"))
	for i, n := 0, 0; i+1 < len(laws) && n < 6; i += 7 {
		if filepath.Dir(laws[i]) == filepath.Dir(laws[i+1]) {
			n++
			pairs = append(pairs, [2]string{laws[i], laws[i+1]})
		}
	}
	return pairs
}

// TestEditsRebuildRealPairs holds the contract of Edit over real pairs:
// joining the old side of a passage's edits gives its old text exactly,
// white space (no-break spaces, tabs, runs of spaces, ideographic spaces,
// line breaks) included, and the new side its new text; and each edit's
// spans point at its text in the original documents.
func TestEditsRebuildRealPairs(t *testing.T) {
	for _, pr := range realPairs(t) {
		t.Run(filepath.Base(filepath.Dir(pr[0]))+"/"+filepath.Base(pr[0])+"→"+filepath.Base(pr[1]), func(t *testing.T) {
			old, new := readDoc(t, pr[0]), readDoc(t, pr[1])
			checkRebuild(t, old, new, Compare(old, new, Options{Captions: true}))
		})
	}
}

func readDoc(t *testing.T, path string) *normalize.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := normalize.FromBytes(path, data, normalize.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
