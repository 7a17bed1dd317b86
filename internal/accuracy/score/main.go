// Command score scores docdrift on its evaluation set and prints the
// table BENCHMARKS.md records (Markdown), with git's and dwdiff's word
// diffs as baselines where they apply and where they are installed:
//
//	go run ./internal/accuracy/score
//
// A second table scores the figure tracks file by file against the gold
// tracks of internal/accuracy/testdata/tracks (issue 16's development set).
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
	tracks := flag.String("tracks", "internal/accuracy/testdata/tracks", "the folder of gold figure tracks (\"\" to skip them)")
	verbose := flag.Bool("v", false, "after the table, list the cases docdrift got wrong")
	rewording := flag.String("rewording", "internal/accuracy/testdata/rewording.yaml", "the set of rewordings in one language, scored as aligned passage pairs (\"\" to skip it)")
	significance := flag.String("significance", "internal/accuracy/testdata/significance.yaml", "the annotated most significant changes (\"\" to skip them)")
	flag.Parse()
	if *significance != "" {
		defer printSignificance(*significance, *root, *verbose)
	}
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
	if *rewording != "" {
		rs, err := accuracy.Load(*rewording)
		if err == nil {
			var row accuracy.Row
			if row, err = accuracy.EvaluateAlignment(rs, *root, "aligned passage pairs (rewordings)"); err == nil {
				rows = append(rows, row)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "score:", err)
			os.Exit(2)
		}
	}
	var sets []*accuracy.TrackSet
	var perFile []accuracy.TrackScore
	if *tracks != "" {
		// Read once: the table and the per-file table score the same files.
		var total accuracy.TrackScore
		if sets, err = accuracy.LoadTrackSets(*tracks); err == nil {
			perFile, total, err = accuracy.ScoreTracks(sets, *root)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "score:", err)
			os.Exit(2)
		}
		rows = append(rows, accuracy.TrackRows(total)...)
	}
	fmt.Println("| capability | tool | cases | TP | FP | FN | precision | recall | F1 | note |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		counts := fmt.Sprintf("%d | %d | %d", r.Score.TP, r.Score.FP, r.Score.FN)
		if r.Averaged != nil {
			counts = "— | — | —"
		}
		fmt.Printf("| %s | %s | %d | %s | %s | %s | %.2f | %s |\n", r.Capability, r.Tool, r.Cases,
			counts, num(r.Precision()), num(r.Recall()), r.F1(), r.Note)
	}
	if *tracks != "" {
		trackTable(sets, perFile)
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

// trackTable prints the gold-track scores file by file, and in total.
func trackTable(sets []*accuracy.TrackSet, perFile []accuracy.TrackScore) {
	var total accuracy.TrackScore
	for _, s := range perFile {
		total.Add(s)
	}
	fmt.Println()
	fmt.Println("| gold file | tracks | observations | not found | pairs TP | FP | FN | precision | recall | F1 | B-cubed P | B-cubed R | target/result mixes | not-figures in a track |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	row := func(name string, s accuracy.TrackScore) {
		if len(s.Skipped) > 0 && s.Files == 0 {
			fmt.Printf("| %s | skipped: corpus absent |||||||||||||\n", name)
			return
		}
		p, r := s.BCubed()
		fmt.Printf("| %s | %d | %d | %d | %d | %d | %d | %s | %s | %.2f | %s | %s | %d | %d of %d |\n", name, s.Tracks, s.Observations,
			len(s.NotFound), s.Pairs.TP, s.Pairs.FP, s.Pairs.FN, num(s.Pairs.Precision()), num(s.Pairs.Recall()), s.Pairs.F1(),
			num(p), num(r), len(s.Mixed), len(s.InTracks), s.NotFigures)
	}
	for i, s := range perFile {
		row(sets[i].Name, s)
	}
	row("all", total)
}

func num(f float64) string {
	if math.IsNaN(f) {
		return "—"
	}
	return fmt.Sprintf("%.2f", f)
}

// printSignificance scores the annotated most significant changes and
// prints how many gold changes docdrift ranks among its first eight.
func printSignificance(path, root string, verbose bool) {
	set, err := accuracy.LoadSignificance(path)
	if err == nil {
		var sc accuracy.SignificanceScore
		if sc, err = accuracy.ScoreSignificance(set, root); err == nil {
			fmt.Printf("\nMost significant changes: %d of %d gold changes in the first %d of their step (%d steps)\n",
				sc.Found, sc.Gold, accuracy.SignificanceTop, sc.Steps)
			if verbose {
				for _, m := range sc.Misses {
					fmt.Println("  missed:", m)
				}
			}
			return
		}
	}
	fmt.Fprintln(os.Stderr, "score:", err)
	os.Exit(2)
}
