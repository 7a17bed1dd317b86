package diff

import (
	"strings"
	"testing"

	"github.com/docdrift/docdrift/normalize"
)

// TestParagraphMovedIsOneMove moves 12 paragraphs of qiushi-2024 of two
// sentences or more (every other one) to the end, a word changed in every other one, and
// checks that each reads as one moved passage (its edits inside), with a
// move id of its own, and that the passages still cover both documents.
func TestParagraphMovedIsOneMove(t *testing.T) {
	paras := strings.Split(readFixture(t, "qiushi-2024.txt"), "\n\n")
	var kept, moved []string
	candidates := 0
	for _, p := range paras {
		doc := normalize.Parse(p)
		if len(doc.Sentences) >= 2 && len(doc.Blocks) == 1 && doc.Blocks[0].Kind == normalize.Body {
			candidates++
		}
		if len(moved) < 12 && candidates%2 == 1 && len(doc.Sentences) >= 2 && len(doc.Blocks) == 1 && doc.Blocks[0].Kind == normalize.Body {
			if len(moved)%2 == 1 {
				p = strings.Replace(p, " the ", " this ", 1)
			}
			moved = append(moved, p)
			continue
		}
		kept = append(kept, p)
	}
	if len(moved) != 12 {
		t.Fatalf("found %d paragraphs to move, want 12", len(moved))
	}
	old := normalize.Parse(strings.Join(paras, "\n\n"))
	new := normalize.Parse(strings.Join(append(kept, moved...), "\n\n"))
	r := Compare(old, new, Options{})
	checkCoverage(t, old, new, r, Options{})
	ids := map[int]bool{}
	for _, p := range r.Passages {
		if p.Kind != Moved {
			continue
		}
		if p.Move == 0 || ids[p.Move] {
			t.Errorf("moved passage at line %d: move id %d, want a new one", p.New.Line, p.Move)
		}
		ids[p.Move] = true
	}
	if r.Summary.Moved != len(moved) {
		t.Errorf("Compare: %d moved passages, want %d (one per paragraph)", r.Summary.Moved, len(moved))
	}
}
