// Package segment cuts Chinese text into words with the dictionary
// segmenter github.com/go-ego/gse and its simplified-Chinese dictionary
// (352,000 words, partly from jieba), embedded compressed in the binary.
//
// Loading the dictionary takes about 1.4 s and 150 MB of memory, so a
// Segmenter loads it on first use only: commands that never meet Chinese
// text never pay for it. Only gse's LoadDictStr is called, never its
// LoadDictEmbed, which would link every dictionary gse ships (36 MB).
package segment

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/go-ego/gse"
)

// dictionary is gse v0.80.3's data/dict/zh/s_1.txt, gzipped (see
// dict/README.md for its origin and licence).
//
//go:embed dict/zh_s.txt.gz
var dictionary []byte

// stopWords is gse v0.80.3's data/dict/zh/stop_tokens.txt with LF line
// ends: 1,161 function words and symbols (我们, 但是, 其中, 然而 …).
//
//go:embed dict/zh_stop.txt
var stopWords string

// Segmenter cuts Chinese text into words. The zero value is ready to use;
// it is safe for concurrent use.
type Segmenter struct {
	once sync.Once
	seg  gse.Segmenter
	err  error

	stopOnce sync.Once
	stop     map[string]bool
}

// IsStop reports whether w is a function word — a pronoun, conjunction,
// particle or preposition — that makes no phrase of its own.
func (s *Segmenter) IsStop(w string) bool {
	s.stopOnce.Do(func() {
		s.stop = map[string]bool{}
		for _, l := range strings.Split(stopWords, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				s.stop[l] = true
			}
		}
	})
	return s.stop[w]
}

// load reads the dictionary, once.
func (s *Segmenter) load() error {
	s.once.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(dictionary))
		if err != nil {
			s.err = fmt.Errorf("segment: dictionary: %w", err)
			return
		}
		text, err := io.ReadAll(zr)
		if err != nil {
			s.err = fmt.Errorf("segment: dictionary: %w", err)
			return
		}
		s.seg.SkipLog = true // gse logs to stdout otherwise
		s.err = s.seg.LoadDictStr(string(text))
	})
	return s.err
}

// Cut returns the words of text, in order, by the most probable path
// through the dictionary's words (gse's DAG mode without HMM, which does
// not invent words). Characters that are no dictionary word come out one
// by one; non-Chinese text comes out as gse cuts it (words, spaces and
// punctuation). The pieces joined give text back.
func (s *Segmenter) Cut(text string) ([]string, error) {
	if err := s.load(); err != nil {
		return nil, err
	}
	return s.seg.Cut(text, false), nil
}
