package edition

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docdrift/docdrift/corpus"
)

// A Doc is one document of a corpus: a file name that starts with its
// date (YYYY-MM-DD), and its text.
type Doc struct {
	Name string
	Text string
}

// ReadSeries reads the .txt files of a folder whose names start with a
// date (as corpus.DateFromName reads it), in name order, and names each
// "DATE-SERIES" followed by the rest of its name, with SERIES the
// folder's name. Other files are left out.
func ReadSeries(dir string) ([]Doc, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	series := filepath.Base(filepath.Clean(dir))
	var docs []Doc
	for _, e := range entries {
		name := e.Name()
		stem, ok := strings.CutSuffix(name, ".txt")
		date := corpus.DateFromName(stem)
		if e.IsDir() || !ok || date == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		docs = append(docs, Doc{Name: date + "-" + series + stem[len(date):], Text: string(data)})
	}
	return docs, nil
}

// Corpus returns n documents made from real ones, sorted by name. With
// fewer than n sources, each source is kept and followed by revised
// editions of it (each Revise of the one before), dated a day apart (or
// in the same year, for a source dated by its year only) and named
// "DATE-SERIES…-rK"; the sources share the editions as evenly as
// they can. With more, n sources are picked at even steps. Either way
// the documents of a corpus of any size are alike on average, so that
// corpora of different sizes measure growth, not a change of material.
// Sources with no text (empty or blank files) are left out, and no
// revised edition is ever without text (see Revise): docdrift refuses an
// empty document, so one would make every command on the corpus fail.
// The same sources, n and seed give the same corpus.
func Corpus(sources []Doc, n int, seed int64) []Doc {
	sources = slices.DeleteFunc(slices.Clone(sources), func(d Doc) bool { return strings.TrimSpace(d.Text) == "" })
	slices.SortFunc(sources, func(a, b Doc) int { return strings.Compare(a.Name, b.Name) })
	if len(sources) == 0 || n <= 0 {
		return nil
	}
	var docs []Doc
	if n <= len(sources) {
		for i := range n {
			docs = append(docs, sources[i*len(sources)/n])
		}
		return docs
	}
	for i, src := range sources {
		// Editions of source i: those of n left to share out after the
		// sources before it, spread over the sources still to come.
		k := (n*(i+1))/len(sources) - (n*i)/len(sources)
		docs = append(docs, src)
		text := src.Text
		date := corpus.DateFromName(src.Name)
		for j := 1; j < k; j++ {
			text = Revise(text, seed+int64(i)*1000+int64(j))
			name := laterDate(date, j) + src.Name[len(date):] + fmt.Sprintf("-r%d", j)
			docs = append(docs, Doc{Name: name, Text: text})
		}
	}
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.Name, b.Name) })
	return docs
}

// laterDate returns the ISO date days after date, or date itself when
// it names only a year or a month.
func laterDate(date string, days int) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}
