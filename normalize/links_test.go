package normalize

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFindLinks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // each link as "words → address"
	}{
		{"one link", "See [the note](https://x.org/a.htm) today.", []string{"the note → https://x.org/a.htm"}},
		{"wrapped across a line break", "[Implementation Note issued January 27,\n2016](https://x.org/b.htm)", []string{"Implementation Note issued January 27,\n2016 → https://x.org/b.htm"}},
		{"wrapped across CRLF and three lines", "[Purchases of\r\nTreasury\r\nSecurities](http://x.org/c)", []string{"Purchases of\r\nTreasury\r\nSecurities → http://x.org/c"}},
		{"two links on one line", "[a](u1) and [b](u2)", []string{"a → u1", "b → u2"}},
		{"parentheses in words and address", "[Bank (57 KB PDF)](http://x.org/a_(b).pdf)", []string{"Bank (57 KB PDF) → http://x.org/a_(b).pdf"}},
		{"a stray bracket before a link", "[1] and [c](u)", []string{"c → u"}},
		{"empty words", "[](u)", []string{" → u"}},
		{"a blank line inside is no link", "[a\n\nb](u)", nil},
		{"a blank line of spaces inside is no link", "[a\r\n  \r\nb](u)", nil},
		{"an image is no link", "![chart](c.png)", nil},
		{"space in the address", "[a](b c)", nil},
		{"space before the address", "[a] (b)", nil},
		{"no address", "[a]()", nil},
		{"no closing parenthesis", "[a](b", nil},
		{"plain brackets", "[sic] and (so on)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range findLinks(tt.text) {
				if tt.text[l.Start] != '[' || tt.text[l.End-1] != ')' {
					t.Errorf("findLinks(%q): link [%d,%d) is %q", tt.text, l.Start, l.End, tt.text[l.Start:l.End])
				}
				got = append(got, tt.text[l.TextStart:l.TextEnd]+" → "+l.URL)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findLinks(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// The same statement with and without its links, one of them wrapped
// across a line break: the same keys, one block for the wrapped link,
// and a block that is only a link is furniture.
func TestLinksInText(t *testing.T) {
	plain := "The Committee issued an implementation note and a statement today.\n" +
		"\n" +
		"Voting for the action were all members.\n"
	linked := "The Committee issued an [implementation\n" +
		"note](https://www.federalreserve.gov/a1.htm) and [a statement](http://x.org/s_(1).htm) today.\n" +
		"\n" +
		"Voting for the action were all members.\n" +
		"\n" +
		"[Implementation Note issued January 27,\n" +
		"2016](https://www.federalreserve.gov/newsevents/press/monetary/20160127a1.htm)\n"
	a, b := Parse(plain), Parse(linked)
	if diff := cmp.Diff(sentenceKeys(a), sentenceKeys(b)); diff != "" {
		t.Errorf("Parse: keys with links differ from the plain text (-plain +linked):\n%s", diff)
	}
	want := []string{
		"body:The Committee issued an [implementation note](https://www.federalreserve.gov/a1.htm) and [a statement](http://x.org/s_(1).htm) today.",
		"body:Voting for the action were all members.",
		"furniture:[Implementation Note issued January 27, 2016](https://www.federalreserve.gov/newsevents/press/monetary/20160127a1.htm)",
	}
	if diff := cmp.Diff(want, blockSummary(b)); diff != "" {
		t.Errorf("Parse: blocks (-want +got):\n%s", diff)
	}
	if got := len(b.Links); got != 3 {
		t.Errorf("Parse: %d links, want 3", got)
	}
	// Offsets stay those of the file: the sentence spans the link syntax,
	// and the words compared point at the link's words.
	s := b.Sentences[0]
	if !strings.HasPrefix(linked[s.Start:s.End], "The Committee") || !strings.HasSuffix(linked[s.Start:s.End], "today.") {
		t.Errorf("sentence 0 is %q, want the whole first line with its links", linked[s.Start:s.End])
	}
	for _, tok := range Tokens(linked[s.Start:s.End], s.Start) {
		if w := linked[tok.Start:tok.End]; strings.ContainsAny(w, "[]()/") || strings.Contains(w, "http") {
			t.Errorf("token %q at [%d,%d) points into link syntax %q", tok.Key, tok.Start, tok.End, w)
		}
	}
	if got, want := b.Clean(), "The Committee issued an implementation note and a statement today.\n\nVoting for the action were all members.\n"; got != want {
		t.Errorf("Clean: got %q, want %q", got, want)
	}
}

// A sentence break inside a link's words ("U.S. Dollar Swaps. FAQs") does
// not cut the link: Fold must see it whole.
func TestLinkKeepsItsSentence(t *testing.T) {
	text := "Read [the swaps. The FAQs](http://x.org/f.pdf) here. Then go.\n"
	doc := Parse(text)
	var got []string
	for _, s := range doc.Sentences {
		got = append(got, s.Key)
	}
	if want := []string{"read the swaps. the faqs here.", "then go."}; !cmp.Equal(want, got) {
		t.Errorf("Parse(%q): sentence keys %q, want %q", text, got, want)
	}
}

func sentenceKeys(d *Document) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, s.Key)
	}
	return out
}
