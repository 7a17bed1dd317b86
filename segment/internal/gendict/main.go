// Command gendict turns gse's simplified-Chinese dictionary
// (segment/dict/zh_s.txt.gz) into the compact form package segment embeds
// (segment/dict/zh_s.dict), so that no run of docdrift builds gse's trie.
//
//	go generate ./segment    (runs: go run ./internal/gendict)
//
// The words and frequencies are read by gse itself (LoadDictStr), so the
// generated form holds exactly what gse would look up: each word as gse keys
// it (ASCII letters lowercased), the first entry of a duplicate, no word under
// gse's minimum frequency, and gse's total frequency.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"

	"github.com/go-ego/gse"
)

func main() {
	in := flag.String("in", "dict/zh_s.txt.gz", "gse dictionary, gzipped")
	out := flag.String("out", "dict/zh_s.dict", "compact dictionary to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	data, err := Build(src)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// Magic starts every compact dictionary; the digit is its version.
const Magic = "docdrift-segment-dict-1\n"

// Build reads a gzipped gse dictionary through gse and returns its compact
// form: Magic; gse's total frequency (float64 bits, little-endian); the
// number of words and the length of their text (uvarints); for each word in
// byte order its length and frequency (uvarints); then the words' text, one
// after the other. Every frequency must be a whole number below 2³²,
// which the loader keeps as uint32.
func Build(gzipped []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gzipped))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	var seg gse.Segmenter
	seg.SkipLog = true
	seg.NotLoadHMM = true
	if err := seg.LoadDictStr(string(text)); err != nil {
		return nil, fmt.Errorf("gse: %w", err)
	}
	type word struct {
		text string
		freq uint64
	}
	words := make([]word, 0, len(seg.Dict.Tokens))
	textLen := 0
	for i := range seg.Dict.Tokens {
		tok := &seg.Dict.Tokens[i]
		if tok.Text() == "" {
			return nil, fmt.Errorf("an empty word (frequency %v)", tok.Freq())
		}
		f := tok.Freq()
		if f <= 0 || f != math.Trunc(f) || f >= 1<<32 {
			return nil, fmt.Errorf("%q: frequency %v is not a whole number in (0, 2³²)", tok.Text(), f)
		}
		words = append(words, word{tok.Text(), uint64(f)})
		textLen += len(tok.Text())
	}
	sort.Slice(words, func(i, j int) bool { return words[i].text < words[j].text })
	for i := 1; i < len(words); i++ {
		if words[i].text == words[i-1].text {
			return nil, fmt.Errorf("%q: twice", words[i].text)
		}
	}
	var b []byte
	b = append(b, Magic...)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(seg.Dict.TotalFreq()))
	b = binary.AppendUvarint(b, uint64(len(words)))
	b = binary.AppendUvarint(b, uint64(textLen))
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w.text)))
		b = binary.AppendUvarint(b, w.freq)
	}
	for _, w := range words {
		b = append(b, w.text...)
	}
	return b, nil
}
