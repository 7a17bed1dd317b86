package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docdrift/docdrift/internal/edition"
)

// BenchmarkThemesCommand runs "docdrift themes" (discovery: no --term)
// in-process on the corpora of issue 20's themes rows: the 52 work reports
// of china-gwr-zh, and 250, 500 and 1,000 documents made by edition.Corpus
// from the FOMC statements and china-gwr-zh (the last is gen -corpus 1000
// … fomc china-gwr-zh, the /tmp/c1000 of BENCHMARKS.md).
// DOCDRIFT_THEMES_CORPORA names more corpus folders, separated by the list
// separator (the 998 documents of /tmp/all39). It skips when
// ../shared/corpora is not there; DOCDRIFT_CORPORA names another folder
// holding it:
//
//	go test ./cmd/docdrift -run '^$' -bench ThemesCommand -benchtime 1x -benchmem
func BenchmarkThemesCommand(b *testing.B) {
	root := os.Getenv("DOCDRIFT_CORPORA")
	if root == "" {
		root = "../../../shared/corpora"
	}
	gwr := filepath.Join(root, "china-gwr-zh")
	if _, err := os.Stat(gwr); err != nil {
		b.Skipf("no %s (set DOCDRIFT_CORPORA to the folder of ../shared/corpora)", gwr)
	}
	var sources []edition.Doc
	for _, series := range []string{"fomc", "china-gwr-zh"} {
		docs, err := edition.ReadSeries(filepath.Join(root, series))
		if err != nil {
			b.Fatal(err)
		}
		sources = append(sources, docs...)
	}
	corpora := []struct{ name, dir string }{{"china-gwr-zh", gwr}}
	for _, n := range []int{250, 500, 1000} { // the growth, and /tmp/c1000
		mix := b.TempDir()
		for _, d := range edition.Corpus(sources, n, 1) {
			if err := os.WriteFile(filepath.Join(mix, d.Name+".txt"), []byte(d.Text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		corpora = append(corpora, struct{ name, dir string }{fmt.Sprintf("fomc+china-gwr-zh-%d", n), mix})
	}
	for _, dir := range filepath.SplitList(os.Getenv("DOCDRIFT_THEMES_CORPORA")) {
		corpora = append(corpora, struct{ name, dir string }{strings.ReplaceAll(filepath.Base(dir), "/", "-"), dir})
	}
	for _, c := range corpora {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(dirSize(b, c.dir))
			for b.Loop() {
				if code := run(context.Background(), []string{"docdrift", "--no-cache", "themes", c.dir}, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d, want 0", code)
				}
			}
		})
	}
}

// dirSize is the size of the files of a folder, not below it.
func dirSize(b *testing.B, dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
	}
	return n
}
