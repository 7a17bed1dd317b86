package normalize

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// uax29Breaks and asciiBreaks return where each sentence of s ends, by
// the library and by its port to ASCII.
func uax29Breaks(s string) []int {
	var out []int
	for it := sentences.FromString(s); it.Next(); {
		out = append(out, it.End())
	}
	return out
}

func asciiBreaks(s string) []int {
	var out []int
	for it := (asciiSentences{data: s}); it.Next(); {
		out = append(out, it.End())
	}
	return out
}

// TestASCIISentencesMatchUAX29: the port breaks where the library does on
// every ASCII string of up to three characters, on sentences of English
// and on random strings of the characters the rules care about.
func TestASCIISentencesMatchUAX29(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := asciiBreaks(s), uax29Breaks(s); !slices.Equal(got, want) {
			t.Fatalf("%q: breaks at %v, the library at %v", s, got, want)
		}
	}
	b := make([]byte, 3)
	for n := 0; n <= 3; n++ {
		total := 1
		for range n {
			total *= 128
		}
		for k := range total {
			for i := range n {
				b[i] = byte(k >> (7 * i) & 127)
			}
			check(string(b[:n]))
		}
	}
	for _, s := range []string{
		"The rate rose. It was 5.5 percent (up from 5.25). Mr. Smith said so!",
		"U.S.A. Inc. is here. \"Quoted.\" Next? Yes... no; maybe: e.g. this.",
		"He said \"Stop.\" and left.  Then (again.) She: \"Why?\" 3.14 is pi. a.b.C",
		"Line one.\r\nLine two.\nLine three\n\nEnd.",
	} {
		check(s)
	}
	alphabet := []byte("aZ5 .!?\"')(,;:-\t\n\r#x.. aaaaZZ    ")
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		s := make([]byte, 1+rnd.IntN(40))
		for i := range s {
			s[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		check(string(s))
	}
}

// FuzzASCIISentences holds asciiSentences to the uax29 library on any
// ASCII text:
//
//	go test ./normalize -run '^$' -fuzz FuzzASCIISentences -fuzztime 1m
func FuzzASCIISentences(f *testing.F) {
	f.Add("The rate rose. It was 5.5 percent (up from 5.25). Mr. Smith said so!")
	f.Add("a.\"  b")
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got, want := asciiBreaks(s), uax29Breaks(s); !slices.Equal(got, want) {
			t.Fatalf("%q: breaks at %v, the library at %v", s, got, want)
		}
	})
}
