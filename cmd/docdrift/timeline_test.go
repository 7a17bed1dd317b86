package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTimelineSumsUpThemesOfManyDocuments: past maxCountColumns
// documents, a theme's line says in how many documents it is, not a
// count for each, and the header does not list every id.
func TestTimelineSumsUpThemesOfManyDocuments(t *testing.T) {
	dir := t.TempDir()
	n := maxCountColumns + 3
	for i := range n {
		text := "The Committee kept the rate at 5 percent.\n"
		if i < 3 {
			text += "It will pursue WTO reform with its partners.\n"
		}
		name := filepath.Join(dir, fmt.Sprintf("2024-01-%02d-statement.txt", i+1))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := runOut(t, "timeline", dir)
	want := fmt.Sprintf("Themes that shifted (1; mentions in %d documents)", n)
	if !strings.Contains(out, want) {
		t.Errorf("no %q in:\n%s", want, out)
	}
	if !strings.Contains(out, fmt.Sprintf("WTO reform: in 3 of %d documents, at most 1 (2024-01-01-statement)", n)) {
		t.Errorf("the theme's line does not sum up its mentions:\n%s", out)
	}
	if strings.Contains(out, "0 · 0 · 0") {
		t.Errorf("counts listed one by one for %d documents:\n%s", n, out)
	}
}

// TestFiguresSumUpManyDocuments: past maxCountColumns documents, the
// figures table has a row per track with its first and last value, not
// a column per document.
func TestFiguresSumUpManyDocuments(t *testing.T) {
	dir := t.TempDir()
	n := maxCountColumns + 2
	for i := range n {
		text := fmt.Sprintf("Exports rose %d percent in the quarter.\n", 3+i%2)
		name := filepath.Join(dir, fmt.Sprintf("2024-02-%02d-note.txt", i+1))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"text", "markdown"} {
		out, _ := runOut(t, "figures", "--format", format, dir)
		if strings.Contains(out, "2024-02-02-note |") || strings.Contains(out, "2024-02-02-note  2024-02-03") {
			t.Errorf("%s: a column per document for %d documents:\n%s", format, n, out)
		}
		for _, want := range []string{"3% (2024-02-01-note)", "4% (2024-02-14-note)"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q in:\n%s", format, want, out)
			}
		}
		// The row's document count and moves: n documents, a move at each.
		if !regexp.MustCompile(fmt.Sprintf(`\b%d\b[ |]+\b%d\b[ |]+mixed`, n, n-1)).MatchString(out) {
			t.Errorf("%s: no %d documents and %d moves in the row:\n%s", format, n, n-1, out)
		}
	}
}
