// Command gen writes the generated inputs of the benchmarks in
// BENCHMARKS.md. An edition pair, for the comparisons with git and
// dwdiff:
//
//	go run ./internal/edition/gen -size 1048576 -out /tmp/ed
//
// writes /tmp/ed/old.txt and /tmp/ed/new.txt. A corpus of n documents
// made from real dated series (see edition.Corpus), for the scale
// benchmarks:
//
//	go run ./internal/edition/gen -corpus 1000 -out /tmp/c1000 \
//	    ../shared/corpora/fomc ../shared/corpora/fomc-statements-1994-2016/statements
//
// writes 1000 files named DATE-SERIES[-rK].txt into /tmp/c1000, a folder
// docdrift reads as a corpus.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/docdrift/docdrift/internal/edition"
)

func main() {
	size := flag.Int("size", 1<<20, "approximate size of each edition in bytes")
	n := flag.Int("corpus", 0, "write a corpus of this many documents made from the series folders given as arguments")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", ".", "directory to write in")
	flag.Parse()
	if err := run(*size, *n, *seed, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(size, n int, seed int64, out string, dirs []string) error {
	if n == 0 {
		old, new := edition.Pair(size, seed)
		return write(out, []edition.Doc{{Name: "old", Text: old}, {Name: "new", Text: new}})
	}
	if len(dirs) == 0 {
		return fmt.Errorf("-corpus needs series folders as arguments")
	}
	var sources []edition.Doc
	for _, dir := range dirs {
		docs, err := edition.ReadSeries(dir)
		if err != nil {
			return err
		}
		sources = append(sources, docs...)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	return write(out, edition.Corpus(sources, n, seed))
}

func write(dir string, docs []edition.Doc) error {
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.Name+".txt"), []byte(d.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
