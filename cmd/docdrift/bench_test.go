package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/internal/edition"
)

// BenchmarkDiffCommand runs "docdrift diff" in-process on generated edition
// pairs, from reading the files to writing the text report (and the JSON
// report: edition-1024KB-json), so that a profile shows the whole command
// (decoding, parsing, aligning, word diffs, rendering). The 1 MB rows are
// those of issue 20's targets (BENCHMARKS.md):
//
//	go test ./cmd/docdrift -run '^$' -bench DiffCommand -benchmem
func BenchmarkDiffCommand(b *testing.B) {
	for _, size := range []int{256 << 10, 1 << 20} {
		dir := b.TempDir()
		old, new := edition.Pair(size, 1)
		oldPath, newPath := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
		for path, text := range map[string]string{oldPath: old, newPath: new} {
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		for _, format := range []string{"text", "json"} {
			name := fmt.Sprintf("edition-%dKB", size>>10)
			if format != "text" {
				name += "-" + format
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(old) + len(new)))
				for b.Loop() {
					if code := run(context.Background(), []string{"docdrift", "--no-cache", "diff", "--format", format, oldPath, newPath}, io.Discard, io.Discard); code != 1 {
						b.Fatalf("exit %d, want 1", code)
					}
				}
			})
		}
	}
}

// BenchmarkTimelineCommand runs "docdrift timeline" in-process on the
// fixture corpus in each output format, so that the cost of the HTML page
// (keeping every step's passages, rendering them side by side) shows
// beside the text report:
//
//	go test ./cmd/docdrift -run '^$' -bench TimelineCommand -benchmem
func BenchmarkTimelineCommand(b *testing.B) {
	corpus, err := filepath.Abs("../../fixtures/opening-up")
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"text", "json", "html"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if code := run(context.Background(), []string{"docdrift", "--no-cache", "timeline", "--format", format, corpus}, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d, want 0", code)
				}
			}
		})
	}
}

// BenchmarkCorpusCommands runs timeline, figures and themes in-process on
// generated corpora of 100 to 1,000 documents (edition.Corpus: the FOMC
// statements, the Fed's longer-run goals and the State of the Union
// addresses in ../shared/corpora, with revised editions of each). It
// skips when those series are not there; DOCDRIFT_CORPORA names another
// folder holding them. One run of the largest takes tens of seconds:
//
//	go test ./cmd/docdrift -run '^$' -bench CorpusCommands -benchtime 1x -benchmem
func BenchmarkCorpusCommands(b *testing.B) {
	sources := corpusSources(b)
	for _, n := range []int{100, 250, 500, 1000} {
		dir := b.TempDir()
		size := 0
		for _, d := range edition.Corpus(sources, n, 1) {
			if err := os.WriteFile(filepath.Join(dir, d.Name+".txt"), []byte(d.Text), 0o644); err != nil {
				b.Fatal(err)
			}
			size += len(d.Text)
		}
		for _, command := range []string{"timeline", "figures", "themes"} {
			b.Run(fmt.Sprintf("%s/%d", command, n), func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					if code := run(context.Background(), []string{"docdrift", "--no-cache", command, dir}, io.Discard, io.Discard); code != 0 {
						b.Fatalf("exit %d, want 0", code)
					}
				}
			})
		}
	}
}

// corpusSources reads the real series edition.Corpus makes the scale
// benchmarks' corpora from.
func corpusSources(b *testing.B) []edition.Doc {
	return seriesSources(b, "fomc", "fomc-statements-1994-2016/statements", "fomc-longer-run-goals", "us-sotu-1961-2021")
}

// seriesSources reads the named series of ../shared/corpora (or of the
// folder DOCDRIFT_CORPORA names), and skips when one is not there.
func seriesSources(b *testing.B, series ...string) []edition.Doc {
	root := os.Getenv("DOCDRIFT_CORPORA")
	if root == "" {
		root = "../../../shared/corpora"
	}
	var sources []edition.Doc
	for _, series := range series {
		docs, err := edition.ReadSeries(filepath.Join(root, series))
		if errors.Is(err, fs.ErrNotExist) {
			b.Skipf("no series %s in %s (set DOCDRIFT_CORPORA to the folder of ../shared/corpora)", series, root)
		}
		if err != nil {
			b.Fatal(err)
		}
		sources = append(sources, docs...)
	}
	return sources
}

// BenchmarkTimelineMixed runs "docdrift timeline --no-cache" in-process on
// the mixed corpus of issue 20: the FOMC statements and the Chinese
// government work reports of ../shared/corpora with revised editions of
// each (edition.Corpus, seed 1; the same files as
// "go run ./internal/edition/gen -corpus N ... fomc china-gwr-zh"), 250
// and 1,000 documents (19 MB), so that growth shows:
//
//	go test ./cmd/docdrift -run '^$' -bench TimelineMixed -benchtime 1x -benchmem
func BenchmarkTimelineMixed(b *testing.B) {
	sources := seriesSources(b, "fomc", "china-gwr-zh")
	for _, n := range []int{250, 1000} {
		dir := b.TempDir()
		size := 0
		for _, d := range edition.Corpus(sources, n, 1) {
			if err := os.WriteFile(filepath.Join(dir, d.Name+".txt"), []byte(d.Text), 0o644); err != nil {
				b.Fatal(err)
			}
			size += len(d.Text)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				if code := run(context.Background(), []string{"docdrift", "--no-cache", "timeline", dir}, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d, want 0", code)
				}
			}
		})
	}
}

// BenchmarkFiguresCommand runs "docdrift figures" in-process on real
// corpora, reading included: china-gwr-zh (52 reports, 3.3 MB) from
// ../shared/corpora, and each folder DOCDRIFT_FIGURES_CORPORA names (a
// list separated by colons: /tmp/c1000:/tmp/all39, the 1,000-document
// corpora of BENCHMARKS.md), in text and JSON:
//
//	go test ./cmd/docdrift -run '^$' -bench FiguresCommand -benchtime 3x -benchmem
//	DOCDRIFT_FIGURES_CORPORA=/tmp/c1000:/tmp/all39 go test ./cmd/docdrift -run '^$' -bench FiguresCommand -benchtime 1x -cpuprofile /tmp/figures.prof
func BenchmarkFiguresCommand(b *testing.B) {
	root := os.Getenv("DOCDRIFT_CORPORA")
	if root == "" {
		root = "../../../shared/corpora"
	}
	dirs := []string{filepath.Join(root, "china-gwr-zh")}
	if extra := os.Getenv("DOCDRIFT_FIGURES_CORPORA"); extra != "" {
		dirs = append(dirs, strings.Split(extra, ":")...)
	}
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			b.Logf("no corpus %s: skipped", dir)
			continue
		}
		for _, format := range []string{"text", "json"} {
			b.Run(filepath.Base(dir)+"/"+format, func(b *testing.B) {
				for b.Loop() {
					if code := run(context.Background(), []string{"docdrift", "--no-cache", "figures", "--format", format, dir}, io.Discard, io.Discard); code != 0 {
						b.Fatalf("exit %d, want 0", code)
					}
				}
			})
		}
	}
}
