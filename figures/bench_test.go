package figures

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/normalize"
)

// BenchmarkTracks links the figures of real corpora into tracks, from
// parsed documents (reading and parsing are not timed): china-gwr-zh
// (52 Chinese reports, 3.3 MB) and fomc from ../shared/corpora, and any
// folder DOCDRIFT_FIGURES_CORPORA names (a list separated by colons,
// such as /tmp/c1000:/tmp/all39, the 1,000-document corpora of
// BENCHMARKS.md). Sub-benchmarks name the corpus and its step: observe
// (extraction, meaning, context), link (Tracks, extraction included):
//
//	go test ./figures -run '^$' -bench Tracks -benchtime 3x -benchmem
//	DOCDRIFT_FIGURES_CORPORA=/tmp/c1000:/tmp/all39 go test ./figures -run '^$' -bench Tracks -benchtime 1x -cpuprofile /tmp/figures.prof
func BenchmarkTracks(b *testing.B) {
	dirs := []string{"../../shared/corpora/china-gwr-zh", "../../shared/corpora/fomc"}
	if extra := os.Getenv("DOCDRIFT_FIGURES_CORPORA"); extra != "" {
		dirs = append(dirs, strings.Split(extra, ":")...)
	}
	for _, dir := range dirs {
		docs, size := benchCorpus(b, dir)
		if docs == nil {
			continue
		}
		name := filepath.Base(dir)
		b.Run(name+"/observe", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, d := range docs {
					Observe(d)
				}
			}
		})
		b.Run(name+"/tracks", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				Tracks(docs)
			}
		})
	}
}

// benchCorpus reads and parses the corpus in dir as "docdrift figures"
// does, with its size in bytes; nil when dir does not exist.
func benchCorpus(b *testing.B, dir string) ([]Document, int64) {
	b.Helper()
	c, err := corpus.Load([]string{dir})
	if errors.Is(err, fs.ErrNotExist) {
		b.Logf("no corpus %s: skipped", dir)
		return nil, 0
	}
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]Document, len(c.Documents))
	var size int64
	for i, d := range c.Documents {
		data, err := os.ReadFile(d.Path)
		if err != nil {
			b.Fatal(err)
		}
		dec, err := normalize.Decode(data, normalize.DecodeOptions{})
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
		docs[i] = Document{ID: d.ID, TranslationOf: d.TranslationOf, Date: d.Date, Doc: normalize.Parse(dec.Text)}
	}
	return docs, size
}
