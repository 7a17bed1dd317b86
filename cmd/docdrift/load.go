package main

import (
	"github.com/urfave/cli/v3"

	"github.com/docdrift/docdrift/corpus"
	"github.com/docdrift/docdrift/internal/parallel"
	"github.com/docdrift/docdrift/normalize"
)

// loadedDoc is a corpus document read and parsed.
type loadedDoc struct {
	corpus.Document
	doc *normalize.Document
}

// loadCorpus reads the corpus named by args and parses every document,
// filling in languages the corpus does not give. Skipped files are
// warned about; a document that cannot be read is an error naming it.
func loadCorpus(u *ui, args []string, encoding string) (*corpus.Corpus, []loadedDoc, error) {
	c, err := corpus.Load(args)
	if err != nil {
		return nil, nil, err
	}
	for _, s := range c.Skipped {
		u.warnf(args[0], "skipped %s", s)
	}
	// Documents are read and parsed on every processor; their warnings
	// and the first error, in corpus order, are reported after.
	docs := make([]loadedDoc, len(c.Documents))
	errs := make([]error, len(c.Documents))
	bar := newProgress(u, "reading", len(docs), len(docs))
	defer bar.done()
	parallel.For(len(docs), func(i int) {
		d := c.Documents[i]
		nd, err := parseDocument(u, d.Path, encoding)
		if err != nil {
			errs[i] = err
			return
		}
		if d.Lang == "" {
			d.Lang = normalize.DetectLang(nd.Text)
		}
		docs[i] = loadedDoc{Document: d, doc: nd}
		bar.step()
	})
	for i, d := range docs {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		warnDocument(u, d.Path, d.doc)
	}
	return c, docs, nil
}

// encodingFlag is the --encoding flag of the commands that read documents.
func encodingFlag() cli.Flag {
	return &cli.StringFlag{Name: "encoding", Usage: "read input in this encoding instead of detecting it (see normalize --help)"}
}

// glossaryFlag is the --glossary flag of the commands that count concepts.
func glossaryFlag() cli.Flag {
	return &cli.StringFlag{Name: "glossary", Usage: "a YAML glossary whose concepts add to (or, by id, replace) the built-in ones"}
}

// documentsOf returns the corpus entries of loaded documents, for JSON.
func documentsOf(docs []loadedDoc) []corpus.Document {
	out := make([]corpus.Document, len(docs))
	for i, d := range docs {
		out[i] = d.Document
	}
	return out
}
