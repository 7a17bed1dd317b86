// Package beadscore scores a sentence alignment against a gold one the way
// the field does (Vecalign's and Bertalign's evaluation, after Thompson &
// Koehn 2019): each bead is a pair of sentence-id sets; a bead is a strict
// match when a bead of the other alignment has exactly its two sets, and a
// lax match when some gold bead shares a source id with it and some gold
// bead holding one of those source ids shares a target id with it.
// Precision counts the test beads that match the gold, recall the gold
// beads that match the test (the same count with the roles swapped); beads
// empty on both sides are ignored, and a one-sided bead is a lax match
// only if it equals a gold bead.
package beadscore

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Bead is one step of a sentence alignment: sentence ids of the source
// and of the target, in increasing order; either may be empty.
type Bead struct {
	Src, Tgt []int
}

// String writes the bead in the format Parse reads: "[1,2]:[3]".
func (b Bead) String() string {
	return "[" + ints(b.Src) + "]:[" + ints(b.Tgt) + "]"
}

func ints(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// Parse reads beads one a line, "[src ids]:[target ids]" with ids
// separated by commas ("[1,2]:[1,2,3]", "[]:[4]"); blank lines are
// skipped. It fails on any other line, naming its number.
func Parse(r io.Reader) ([]Bead, error) {
	var out []Bead
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		b, err := parseBead(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, b)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read beads: %w", err)
	}
	return out, nil
}

func parseBead(line string) (Bead, error) {
	src, tgt, ok := strings.Cut(line, "]:[")
	if !ok || !strings.HasPrefix(src, "[") || !strings.HasSuffix(tgt, "]") {
		return Bead{}, fmt.Errorf("%q is not [ids]:[ids]", line)
	}
	s, err := parseIDs(src[1:])
	if err != nil {
		return Bead{}, err
	}
	t, err := parseIDs(tgt[:len(tgt)-1])
	if err != nil {
		return Bead{}, err
	}
	return Bead{Src: s, Tgt: t}, nil
}

func parseIDs(s string) ([]int, error) {
	var out []int
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%q is not a sentence id", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// PRF is a precision, recall and F1.
type PRF struct {
	Precision, Recall, F1 float64
}

// Result is the strict and lax score of an alignment.
type Result struct {
	Strict, Lax PRF
}

// Score scores test against gold. O((len(gold)+len(test))·bead size).
func Score(gold, test []Bead) Result {
	g, t := nonEmpty(gold), nonEmpty(test)
	ps, pl := precision(g, t)
	rs, rl := precision(t, g)
	return Result{Strict: prf(ps, rs), Lax: prf(pl, rl)}
}

func nonEmpty(bs []Bead) []Bead {
	return slices.DeleteFunc(slices.Clone(bs), func(b Bead) bool { return len(b.Src) == 0 && len(b.Tgt) == 0 })
}

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{Precision: p, Recall: r, F1: f}
}

// precision returns the strict and lax share of test beads that match
// gold beads. With the arguments swapped, it is the recall.
func precision(gold, test []Bead) (strict, lax float64) {
	exact := map[string]bool{}
	tgtOf := map[int]map[int]bool{} // gold target ids sharing a bead with each source id
	for _, b := range gold {
		exact[b.String()] = true
		for _, s := range b.Src {
			if tgtOf[s] == nil {
				tgtOf[s] = map[int]bool{}
			}
			for _, x := range b.Tgt {
				tgtOf[s][x] = true
			}
		}
	}
	var ns, nl int
	for _, b := range test {
		if exact[b.String()] {
			ns++
			nl++
			continue
		}
		if overlaps(b, tgtOf) {
			nl++
		}
	}
	if len(test) == 0 {
		return 0, 0
	}
	return float64(ns) / float64(len(test)), float64(nl) / float64(len(test))
}

func overlaps(b Bead, tgtOf map[int]map[int]bool) bool {
	for _, s := range b.Src {
		for _, x := range b.Tgt {
			if tgtOf[s][x] {
				return true
			}
		}
	}
	return false
}
