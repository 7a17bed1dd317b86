package normalize

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks Parse on arbitrary text:
//
//	go test ./normalize -run '^$' -fuzz FuzzNormalize -fuzztime 1m -fuzzminimizetime 5s
//
// Invariants: no panic; blocks and sentences lie inside the text in
// increasing order; every character that is not white space lies in a
// block, and a dropped block always says why; canonical keys point back
// inside their sentence.
func FuzzNormalize(f *testing.F) {
	for _, p := range fixtures(f) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b[:min(len(b), 400)]))
	}
	for _, s := range []string{"", "\r\n\r", "■ 项目\n", "Mr. X.\n\nShare\n", "a\u200b\u00ad\u3000b", "——\n，", "I. \n(1)", "[a\nb](u) c. [d. E](f)\n\n[x](y)\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // Decode guarantees valid UTF-8 before Parse
		}
		doc := Parse(text)
		var folder Folder // reused for every sentence: must give what Fold gives
		covered := 0
		for i, b := range doc.Blocks {
			if b.Start < covered || b.Start >= b.End || b.End > len(text) {
				t.Fatalf("block %d [%d,%d) out of order or outside the text (len %d)", i, b.Start, b.End, len(text))
			}
			for _, r := range text[covered:b.Start] {
				if !isSpaceLike(r) {
					t.Fatalf("character %q before block %d is in no block", r, i)
				}
			}
			if b.Kind == Furniture && b.Reason == "" {
				t.Fatalf("block %d dropped without a reason", i)
			}
			last := b.Start
			for _, s := range doc.Sentences[b.First:b.Last] {
				if s.Start < last || s.Start >= s.End || s.End > b.End || s.Block != i {
					t.Fatalf("sentence [%d,%d) of block %d [%d,%d) out of place", s.Start, s.End, i, b.Start, b.End)
				}
				c := Fold(text[s.Start:s.End], s.Start)
				if c.Key != s.Key {
					t.Fatalf("sentence [%d,%d): Key %q, Fold gives %q", s.Start, s.End, s.Key, c.Key)
				}
				if r := folder.Fold(text[s.Start:s.End], s.Start); r.Key != c.Key || !slices.Equal(r.Starts, c.Starts) || !slices.Equal(r.Ends, c.Ends) {
					t.Fatalf("sentence [%d,%d): a reused Folder gives %+v, Fold %+v", s.Start, s.End, r, c)
				}
				for k := range c.Starts {
					if c.Starts[k] < s.Start || c.Ends[k] > s.End || c.Starts[k] >= c.Ends[k] {
						t.Fatalf("key byte %d maps to [%d,%d), outside sentence [%d,%d)", k, c.Starts[k], c.Ends[k], s.Start, s.End)
					}
				}
				last = s.End
			}
			covered = b.End
		}
		for _, r := range text[covered:] {
			if !isSpaceLike(r) {
				t.Fatalf("character %q after the last block is in no block", r)
			}
		}
	})
}

// FuzzDecode checks that Decode never panics and always returns valid
// UTF-8 or an error:
//
//	go test ./normalize -run '^$' -fuzz FuzzDecode -fuzztime 1m
func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("\xff\xfea\x00b\x00"))
	f.Add([]byte("\xd6\xd0\xce\xc4"))
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, enc := range []string{"", "gb18030", "utf-16le", "big5"} {
			d, err := Decode(data, DecodeOptions{Encoding: enc})
			if err == nil && !utf8.ValidString(d.Text) {
				t.Fatalf("Decode(%q, %q) returned invalid UTF-8", data, enc)
			}
		}
	})
}

// TestKeyASCII checks Key's ASCII path against the general fold, which
// builds the key byte by byte.
func TestKeyASCII(t *testing.T) {
	texts := []string{"", " ", "Hello,  World!", "\tTabs\tand\nnew lines \r\n", "`quoted`",
		"ctrl\x01\x7fchars", " lead and trail  ", "A\x00 B", "\x01 x \x02", "UPPER lower 123 %$#"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := Key(s), Fold(s, 0).Key; got != want {
			t.Fatalf("Key(%q) = %q, Fold gives %q", s, got, want)
		}
	}
}

// TestAppendKeyFallsBack: appendKey appends what Fold gives after what
// the buffer holds, when the text turns out not to be ASCII part way
// (the ASCII pass has then written into the buffer's room) or holds a
// Markdown link.
func TestAppendKeyFallsBack(t *testing.T) {
	texts := []string{"Hello wörld", "plain text, then 中文", "x\u00a0y", "ﬁne", "Ünicode first", "[a link](http://x) here",
		"   trailing é   ", "ASCII only"}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "B", " ", "\t", "é", "中", "\u00a0", "\u2028", "](", "`", "\x01"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		for _, prefix := range []string{"", "earlier key"} {
			if got, want := string(appendKey([]byte(prefix), s)), prefix+Fold(s, 0).Key; got != want {
				t.Fatalf("appendKey(%q, %q) = %q, want %q", prefix, s, got, want)
			}
		}
	}
}
