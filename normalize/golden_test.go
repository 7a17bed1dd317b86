package normalize

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtures returns the paths of the fixture corpus documents.
func fixtures(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob("../fixtures/opening-up/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures found: %v", err)
	}
	return paths
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./normalize -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./normalize -update and review the git diff\n%s", path, firstDifference(string(want), got))
	}
}

func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, w, g)
		}
	}
	return ""
}

// explain is a plain listing of blocks and sentences for golden files:
// every block with its lines, kind and reason, every sentence of it.
func explain(doc *Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		fmt.Fprintf(&b, "L%d-%d %s", bl.Line, bl.EndLine, bl.Kind)
		if bl.Reason != "" {
			fmt.Fprintf(&b, " (%s)", bl.Reason)
		}
		fmt.Fprintf(&b, "\n  %s\n", Tidy(doc.Text[bl.Start:bl.End]))
		for _, s := range doc.Sentences[bl.First:bl.Last] {
			fmt.Fprintf(&b, "  | %s\n", Tidy(doc.Text[s.Start:s.End]))
		}
	}
	return b.String()
}

func TestGoldenFixtures(t *testing.T) {
	for _, path := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			doc, err := ReadFile(path, DecodeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".golden", doc.Clean())
			checkGolden(t, name+".explain.golden", explain(doc))
		})
	}
}
