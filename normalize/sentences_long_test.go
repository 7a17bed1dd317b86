package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLongSentencesAreCut checks that text with no sentence break is cut
// into pieces of at most MaxSentence bytes that keep every character, in
// order, and cut at white space or a Chinese comma where there is one.
func TestLongSentencesAreCut(t *testing.T) {
	for _, c := range []struct {
		name, text string
		atBreak    bool
	}{
		{"english words", strings.Repeat("trade rose in the council ", 2000), true},
		{"chinese with commas", strings.Repeat("对外开放不断扩大，", 2000), true},
		{"chinese without breaks", strings.Repeat("对外开放不断扩大", 2000), false},
		{"one long token", strings.Repeat("x", 3*MaxSentence+5), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			spans := splitSentences(c.text, 0, len(c.text))
			var kept strings.Builder
			for i, sp := range spans {
				piece := c.text[sp[0]:sp[1]]
				if len(piece) > MaxSentence || !utf8.ValidString(piece) {
					t.Fatalf("piece %d: %d bytes (max %d), valid UTF-8 %v", i, len(piece), MaxSentence, utf8.ValidString(piece))
				}
				if c.atBreak && i < len(spans)-1 && !strings.HasSuffix(piece, "，") && !unicode.IsSpace(rune(c.text[sp[1]])) {
					t.Errorf("piece %d ends %q, not at a break", i, piece[len(piece)-6:])
				}
				kept.WriteString(piece)
			}
			noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if noSpace(kept.String()) != noSpace(c.text) {
				t.Errorf("pieces do not keep the text")
			}
			if len(spans) < len(c.text)/MaxSentence {
				t.Errorf("%d pieces for %d bytes", len(spans), len(c.text))
			}
		})
	}
}
