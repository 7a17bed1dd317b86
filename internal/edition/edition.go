// Package edition generates pairs of English documents, an old edition
// and a new one, for benchmarks: deterministic for a given seed, so that
// every run measures the same input.
package edition

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
)

// vocabulary is drawn from; its order matters for determinism.
var vocabulary = strings.Fields(`the of and to in a for on with by as that is are was be will have has
	trade investment opening reform development economic global market services goods cooperation
	growth policy system rules international foreign China world high-standard institutional zone
	pilot free agreement countries industry supply chain digital green innovation security national
	committee inflation rate employment federal percent billion trillion million projects partners
	infrastructure regional financial stability consumption demand exports imports tariffs access
	enterprises capital technology talent standards governance multilateral mechanisms framework`)

// Pair returns an old edition of about size bytes and a new edition made
// from it by changing about one word in a hundred (70% substitutions, 15%
// deletions, 15% insertions, some of them figures), deleting and inserting
// about one sentence in a hundred, and moving three paragraphs.
func Pair(size int, seed int64) (old, new string) {
	old, new, _ = PairMoved(size, seed)
	return old, new
}

// PairMoved is Pair, and also returns the old text of the paragraphs it
// moved (each as one line of old), for scoring move detection.
func PairMoved(size int, seed int64) (old, new string, moved []string) {
	r := rand.New(rand.NewSource(seed))
	var paras [][]string
	n := 0
	for n < size {
		var sents []string
		for k := 0; k < 3+r.Intn(5); k++ {
			s := sentence(r)
			sents = append(sents, s)
			n += len(s) + 1
		}
		paras = append(paras, sents)
		n++
	}
	oldText := join(paras)

	edited := make([][]string, len(paras))
	for i, p := range paras {
		var sents []string
		for _, s := range p {
			switch x := r.Float64(); {
			case x < 0.01:
				continue // deleted sentence
			case x < 0.02:
				sents = append(sents, sentence(r)) // inserted sentence
			}
			sents = append(sents, editWords(r, s))
		}
		if len(sents) == 0 {
			sents = p
		}
		edited[i] = sents
	}
	origin := slices.Clone(paras) // the old paragraph at each place of edited
	for k := 0; k < 3 && len(edited) > 2; k++ {
		from := r.Intn(len(edited))
		p := edited[from]
		if origin[from] != nil {
			moved = append(moved, strings.Join(origin[from], " "))
		}
		origin = append(origin[:from], origin[from+1:]...)
		edited = append(edited[:from], edited[from+1:]...)
		to := r.Intn(len(edited) + 1)
		edited = append(edited[:to], append([][]string{p}, edited[to:]...)...)
		origin = append(origin[:to], append([][]string{nil}, origin[to:]...)...) // moved: not moved again
	}
	return oldText, join(edited), moved
}

func sentence(r *rand.Rand) string {
	words := make([]string, 8+r.Intn(20))
	for i := range words {
		if r.Intn(40) == 0 {
			words[i] = fmt.Sprintf("%d.%d%%", r.Intn(100), r.Intn(10))
			continue
		}
		// A skewed choice, so that some words are common and most are rare.
		words[i] = vocabulary[int(float64(len(vocabulary))*r.Float64()*r.Float64())]
	}
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	return strings.Join(words, " ") + "."
}

func editWords(r *rand.Rand, s string) string {
	words := strings.Fields(s)
	var out []string
	for _, w := range words {
		if r.Intn(100) != 0 {
			out = append(out, w)
			continue
		}
		switch x := r.Intn(100); {
		case x < 70:
			out = append(out, vocabulary[r.Intn(len(vocabulary))])
		case x < 85: // deleted
		default:
			out = append(out, w, vocabulary[r.Intn(len(vocabulary))])
		}
	}
	if len(out) == 0 {
		return s
	}
	return strings.Join(out, " ")
}

func join(paras [][]string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(strings.Join(p, " "))
		b.WriteString("\n\n")
	}
	return b.String()
}

// Line returns n words from a small vocabulary joined by spaces, with no
// punctuation: a paragraph with no sentence break, as a 10 MB line is.
// Every word of the vocabulary ("council" among them) occurs in it when
// n is 10 or more. The same n gives the same line.
func Line(n int) string {
	words := []string{"trade", "rose", "percent", "the", "council", "will", "review", "exports", "billion", "policy"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[(i*7+i/3)%len(words)])
	}
	return b.String()
}

// Revise returns a new edition of a real text: about one word in a
// hundred changed (as Pair changes them), about one line in a hundred
// deleted and one in a hundred repeated. Lines keep their breaks, so a
// hard-wrapped text stays hard-wrapped. A text with words keeps some:
// when every line with words would be deleted (a one-line text, one seed
// in a hundred), the last is kept, since an empty document is no edition
// and makes a corpus unreadable. The same text and seed give the same
// edition.
func Revise(text string, seed int64) string {
	r := rand.New(rand.NewSource(seed))
	lines := strings.SplitAfter(text, "\n")
	var b strings.Builder
	b.Grow(len(text) + len(text)/20)
	kept, last := 0, ""
	for _, line := range lines {
		body := strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(body) == "" {
			b.WriteString(line)
			continue
		}
		last = line
		switch x := r.Float64(); {
		case x < 0.01:
			continue // deleted line
		case x < 0.02:
			b.WriteString(line) // repeated line
		}
		b.WriteString(editWords(r, body))
		b.WriteString(line[len(body):])
		kept++
	}
	if kept == 0 && last != "" {
		b.WriteString(last)
	}
	return b.String()
}
