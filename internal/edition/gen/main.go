// Command gen writes an edition pair made by package edition, for the
// benchmarks against git and dwdiff in BENCHMARKS.md:
//
//	go run ./internal/edition/gen -size 1048576 -out /tmp/ed
//
// writes /tmp/ed/old.txt and /tmp/ed/new.txt.
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
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", ".", "directory to write old.txt and new.txt in")
	flag.Parse()
	old, new := edition.Pair(*size, *seed)
	for name, text := range map[string]string{"old.txt": old, "new.txt": new} {
		if err := os.WriteFile(filepath.Join(*out, name), []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
