// Command score scores docdrift on its evaluation set and prints the
// table BENCHMARKS.md records (Markdown), with git's and dwdiff's word
// diffs as baselines where they apply and where they are installed:
//
//	go run ./internal/accuracy/score
package main

import (
	"flag"
	"fmt"
	"math"
	"os"

	"github.com/docdrift/docdrift/internal/accuracy"
)

func main() {
	set := flag.String("set", "internal/accuracy/testdata/set.yaml", "the evaluation set")
	root := flag.String("root", ".", "the folder the set's paths are relative to (the repository)")
	baselines := flag.Bool("baselines", true, "score git and dwdiff too, where installed")
	verbose := flag.Bool("v", false, "after the table, list the cases docdrift got wrong")
	flag.Parse()
	s, err := accuracy.Load(*set)
	if err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(2)
	}
	rows, err := accuracy.Evaluate(s, *root, accuracy.Options{Git: *baselines, Dwdiff: *baselines})
	if err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(2)
	}
	fmt.Println("| capability | tool | cases | TP | FP | FN | precision | recall | F1 | note |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Printf("| %s | %s | %d | %d | %d | %d | %s | %s | %.2f | %s |\n", r.Capability, r.Tool, r.Cases,
			r.Score.TP, r.Score.FP, r.Score.FN, num(r.Score.Precision()), num(r.Score.Recall()), r.Score.F1(), r.Note)
	}
	if *verbose {
		for _, r := range rows {
			for _, m := range r.Misses {
				fmt.Printf("\n- %s, %s: %s", r.Capability, r.Tool, m)
			}
		}
		fmt.Println()
	}
}

func num(f float64) string {
	if math.IsNaN(f) {
		return "—"
	}
	return fmt.Sprintf("%.2f", f)
}
