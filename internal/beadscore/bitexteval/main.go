// Command bitexteval measures docdrift's translation alignment on a corpus
// with a gold sentence alignment, and scores peers' alignments of the same
// corpus with the same code:
//
//	go run ./internal/beadscore/bitexteval -dir ../shared/corpora/bible-zh-en
//
// The corpus directory holds 001.en.txt and 001.zh.txt (one sentence a
// line), 001.gold.align and peers/NAME.001.align (see beadscore.Parse).
// docdrift reads each file with a blank line between sentences, so that
// each is a paragraph (-running: as running text, one paragraph, cut into
// sentences by docdrift itself, which then cannot match the gold's
// sentences exactly where it cuts them otherwise). It prints the table of
// BENCHMARKS.md and docdrift's elapsed and CPU time.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/internal/beadscore"
	"github.com/docdrift/docdrift/normalize"
)

func main() {
	// A flag set of its own: a library docdrift links (OpenCC, for themes)
	// registers a "dir" flag of its own in the global set.
	fs := flag.NewFlagSet("bitexteval", flag.ExitOnError)
	dir := fs.String("dir", "", "corpus directory")
	running := fs.Bool("running", false, "give docdrift running text instead of a paragraph per sentence")
	out := fs.String("o", "", "write docdrift's beads to this file")
	_ = fs.Parse(os.Args[1:]) // ExitOnError: Parse exits on a bad flag
	if err := run(*dir, *running, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bitexteval:", err)
		os.Exit(1)
	}
}

func run(dir string, running bool, out string) error {
	gold, err := readBeads(filepath.Join(dir, "001.gold.align"))
	if err != nil {
		return err
	}
	en, err := readLines(filepath.Join(dir, "001.en.txt"))
	if err != nil {
		return err
	}
	zh, err := readLines(filepath.Join(dir, "001.zh.txt"))
	if err != nil {
		return err
	}
	sepEn, sepZh := "\n\n", "\n\n"
	if running {
		sepEn, sepZh = " ", ""
	}
	start, cpu0 := time.Now(), cpuTime()
	beads := align(en, zh, sepEn, sepZh)
	took, cpu := time.Since(start), cpuTime()-cpu0
	if out != "" {
		var b strings.Builder
		for _, bd := range beads {
			b.WriteString(bd.String() + "\n")
		}
		if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
	}
	fmt.Println("| aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 |")
	fmt.Println("|---|---|---|---|---|---|---|")
	row := func(name string, r beadscore.Result) {
		fmt.Printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name,
			r.Strict.Precision, r.Strict.Recall, r.Strict.F1, r.Lax.Precision, r.Lax.Recall, r.Lax.F1)
	}
	peers, _ := filepath.Glob(filepath.Join(dir, "peers", "*.001.align"))
	slices.Sort(peers)
	for _, p := range peers {
		bs, err := readBeads(p)
		if err != nil {
			return err
		}
		row(strings.TrimSuffix(filepath.Base(p), ".001.align"), beadscore.Score(gold, bs))
	}
	row("docdrift", beadscore.Score(gold, beads))
	fmt.Printf("\ndocdrift: %.2f s elapsed, %.2f s of CPU (parse, lexicon, alignment)\n", took.Seconds(), cpu.Seconds())
	return nil
}

// align runs the translation aligner on the sentences written one a
// paragraph (or as running text) and reads its sentence pairs back as
// beads of line ids: a line belongs to the pair whose text holds its
// first character.
func align(en, zh []string, sepEn, sepZh string) []beadscore.Bead {
	textEn, startEn := join(en, sepEn)
	textZh, startZh := join(zh, sepZh)
	t := diff.Translate(normalize.Parse(textEn), normalize.Parse(textZh), diff.BitextOptions{})
	var out []beadscore.Bead
	for _, p := range t.Passages {
		if p.Kind == diff.Repeat {
			continue
		}
		for _, sp := range p.Sentences {
			b := beadscore.Bead{Src: linesIn(sp.Old, startEn), Tgt: linesIn(sp.New, startZh)}
			if len(b.Src)+len(b.Tgt) > 0 {
				out = append(out, b)
			}
		}
	}
	return out
}

// cpuTime returns the CPU time the process has used, in all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func join(lines []string, sep string) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(lines))
	for i, l := range lines {
		if i > 0 {
			b.WriteString(sep)
		}
		starts[i] = b.Len()
		b.WriteString(l)
	}
	return b.String(), starts
}

func linesIn(sides []diff.Side, starts []int) []int {
	out := []int{}
	for _, s := range sides {
		lo, _ := slices.BinarySearch(starts, s.Start)
		for i := lo; i < len(starts) && starts[i] < s.End; i++ {
			out = append(out, i)
		}
	}
	return out
}

func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
}

func readBeads(path string) ([]beadscore.Bead, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	bs, err := beadscore.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return bs, nil
}
