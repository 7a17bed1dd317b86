package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSentenceEstimate: Parse's estimate of a document's sentences, made
// before it cuts them, holds them all in one allocation and wastes little:
// on the seed documents, English and Chinese, it is at least the count
// and under twice it.
func TestSentenceEstimate(t *testing.T) {
	paths, err := filepath.Glob("../fixtures/opening-up/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures (%v)", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc := Parse(string(data))
			est := sentenceEstimate(doc.Text, len(doc.Blocks))
			if n := len(doc.Sentences); est < n || est >= 2*n {
				t.Errorf("estimate %d for %d sentences", est, n)
			}
		})
	}
}

// TestIsASCII: a byte from 0x80 up at any place, in and after the
// eight-byte words isASCII reads, makes a text not ASCII.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		plain := strings.Repeat("a", n)
		if !isASCII(plain) {
			t.Errorf("isASCII(%q) = false", plain)
		}
		for at := 0; at < n; at++ {
			for _, c := range []byte{0x80, 0xc3, 0xff} {
				b := []byte(plain)
				b[at] = c
				if isASCII(string(b)) {
					t.Errorf("isASCII(%q) = true", b)
				}
			}
		}
	}
}
