package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// TestFoldIdeographsCheap bounds the allocations of folding Chinese text:
// width and case folding ran through x/text for every ideograph, three
// allocations each.
func TestFoldIdeographsCheap(t *testing.T) {
	text := strings.Repeat("积极推动恢复世界贸易组织争端解决机制正常运转", 10) // 220 ideographs
	tests := []struct {
		name string
		fold func()
		max  float64
	}{
		{"Key", func() { Key(text) }, 10},
		{"Fold", func() { Fold(text, 0) }, 40},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(20, tt.fold); got > tt.max {
			t.Errorf("%s of %d ideographs: %.0f allocations, want at most %.0f", tt.name, utf8.RuneCountInString(text), got, tt.max)
		}
	}
}

// TestIdeographsFoldToThemselves checks what the fast path of
// folder.segment assumes: NFKC, width folding and case folding leave every
// character of isIdeograph as it is.
func TestIdeographsFoldToThemselves(t *testing.T) {
	caser := cases.Fold()
	n := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !isIdeograph(r) {
			continue
		}
		n++
		s := string(r)
		if got := caser.String(width.Fold.String(norm.NFKC.String(s))); got != s {
			t.Errorf("U+%04X folds to %q", r, got)
		}
		if foldRune(r) != r {
			t.Errorf("foldRune(U+%04X) = %q", r, foldRune(r))
		}
	}
	if n < 20000 {
		t.Errorf("isIdeograph holds %d characters", n)
	}
}

// TestIsHanEveryRune holds isHan's shortcut to unicode.Han over every
// rune.
func TestIsHanEveryRune(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := isHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("isHan(%U) = %v, unicode.Is(unicode.Han) = %v", r, got, want)
		}
	}
}
