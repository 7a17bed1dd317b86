package edition

import (
	"fmt"
	"strings"
	"testing"
)

// TestReviseNeverEmpties: Revise deletes about one line in a hundred, so
// a one-line text lost its only line for about one seed in a hundred, and
// a corpus holding the empty edition made every corpus command exit 2.
func TestReviseNeverEmpties(t *testing.T) {
	for _, text := range []string{"One short line of text.\n", "One line\nand another.\n", "  \n\nA line between blanks.\n\n"} {
		for seed := range int64(3000) {
			if got := Revise(text, seed); strings.TrimSpace(got) == "" {
				t.Fatalf("Revise(%q, %d) = %q: no text left", text, seed, got)
			}
		}
	}
	if got := Revise("  \n", 1); got != "  \n" {
		t.Errorf("Revise of a blank text = %q, want it unchanged", got)
	}
}

// TestCorpusHasNoEmptyDocument: whatever the sources (empty or blank ones
// among them, one-line ones revised many times), no document of a corpus
// is without text.
func TestCorpusHasNoEmptyDocument(t *testing.T) {
	sources := []Doc{
		{Name: "2020-01-01-empty", Text: ""},
		{Name: "2020-02-01-blank", Text: " \n\n\t\n"},
	}
	for i := range 5 {
		sources = append(sources, Doc{Name: fmt.Sprintf("2021-0%d-01-short", i+1), Text: "The committee left the rate unchanged.\n"})
	}
	for _, n := range []int{3, 5, 7, 50, 500} {
		docs := Corpus(sources, n, 1)
		if len(docs) != n {
			t.Errorf("Corpus(%d): %d documents", n, len(docs))
		}
		for _, d := range docs {
			if strings.TrimSpace(d.Text) == "" {
				t.Fatalf("Corpus(%d): %s has no text", n, d.Name)
			}
		}
	}
	if docs := Corpus(sources[:2], 10, 1); docs != nil {
		t.Errorf("Corpus of blank sources = %d documents, want none", len(docs))
	}
}
