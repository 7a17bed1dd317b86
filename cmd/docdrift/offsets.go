package main

import (
	"github.com/docdrift/docdrift/diff"
	"github.com/docdrift/docdrift/figures"
	"github.com/docdrift/docdrift/normalize"
	"github.com/docdrift/docdrift/timeline"
)

// JSON gives byte offsets into each file as given. The library keeps
// offsets into the text it compares (for Markdown and HTML, the text
// without markup), which its own arithmetic needs; these functions map
// copies of the results through normalize.Document.Source just before
// they are written. Lines are the file's already (Document.LineAt).

// sideInFile returns a copy of s with its span in doc's file.
func sideInFile(doc *normalize.Document, s *diff.Side) *diff.Side {
	if s == nil {
		return nil
	}
	c := *s
	c.Start, c.End = doc.Source(s.Start, s.End)
	return &c
}

// passagesInFile returns copies of ps with their spans in the files: the
// two sides, the ranges of each edit, a clause restated in part and the
// sentences merged into the pair.
func passagesInFile(old, new *normalize.Document, ps []diff.Passage) []diff.Passage {
	out := make([]diff.Passage, len(ps))
	for i, p := range ps {
		p.Old, p.New = sideInFile(old, p.Old), sideInFile(new, p.New)
		if p.Edits != nil {
			edits := make([]diff.Edit, len(p.Edits))
			for k, e := range p.Edits {
				e.OldRange, e.NewRange = rangeInFile(old, e.OldRange), rangeInFile(new, e.NewRange)
				edits[k] = e
			}
			p.Edits = edits
		}
		if c := p.Clause; c != nil {
			doc := new
			if c.Side == "old" {
				doc = old
			}
			cc := *c
			cc.Start, cc.End = doc.Source(c.Start, c.End)
			p.Clause = &cc
		}
		p.MergedOld, p.MergedNew = sidesOf(old, p.MergedOld), sidesOf(new, p.MergedNew)
		out[i] = p
	}
	return out
}

// rangeInFile returns a copy of r in doc's file, or nil for nil.
func rangeInFile(doc *normalize.Document, r *diff.Range) *diff.Range {
	if r == nil {
		return nil
	}
	c := *r
	c.Start, c.End = doc.Source(r.Start, r.End)
	return &c
}

// sidesOf maps each of ss into doc's file.
func sidesOf(doc *normalize.Document, ss []*diff.Side) []*diff.Side {
	if ss == nil {
		return nil
	}
	out := make([]*diff.Side, len(ss))
	for i, s := range ss {
		out[i] = sideInFile(doc, s)
	}
	return out
}

// biPassagesInFile returns copies of ps with their spans, their marks'
// and their sentences' in the files.
func biPassagesInFile(old, new *normalize.Document, ps []diff.BiPassage) []diff.BiPassage {
	out := make([]diff.BiPassage, len(ps))
	for i, p := range ps {
		p.Old, p.New = biSideInFile(old, p.Old), biSideInFile(new, p.New)
		sents := make([]diff.SentencePair, len(p.Sentences))
		for k, sp := range p.Sentences {
			sents[k] = diff.SentencePair{Old: sidesInFile(old, sp.Old), New: sidesInFile(new, sp.New)}
		}
		if p.Sentences != nil {
			p.Sentences = sents
		}
		out[i] = p
	}
	return out
}

func biSideInFile(doc *normalize.Document, s *diff.BiSide) *diff.BiSide {
	if s == nil {
		return nil
	}
	c := *s
	c.Start, c.End = doc.Source(s.Start, s.End)
	c.Marks = make([]diff.Mark, len(s.Marks))
	for i, m := range s.Marks {
		m.Start, m.End = doc.Source(m.Start, m.End)
		c.Marks[i] = m
	}
	if s.Marks == nil {
		c.Marks = nil
	}
	return &c
}

func sidesInFile(doc *normalize.Document, ss []diff.Side) []diff.Side {
	if ss == nil {
		return nil
	}
	out := make([]diff.Side, len(ss))
	for i := range ss {
		out[i] = *sideInFile(doc, &ss[i])
	}
	return out
}

// observationInFile returns o with its figure's span in its document's
// file; docs finds a document by id.
func observationInFile(docs func(id string) *normalize.Document, o figures.Observation) figures.Observation {
	if d := docs(o.Doc); d != nil {
		o.Start, o.End = d.Source(o.Start, o.End)
		if o.Also != nil {
			also := make([]figures.Mention, len(o.Also))
			for i, m := range o.Also {
				m.Start, m.End = d.Source(m.Start, m.End)
				also[i] = m
			}
			o.Also = also
		}
	}
	return o
}

// tracksInFile returns copies of ts with their observations' spans in
// the files.
func tracksInFile(docs func(id string) *normalize.Document, ts []figures.Track) []figures.Track {
	if ts == nil {
		return nil
	}
	out := make([]figures.Track, len(ts))
	for i, t := range ts {
		obs := make([]figures.Observation, len(t.Observations))
		for k, o := range t.Observations {
			obs[k] = observationInFile(docs, o)
		}
		t.Observations = obs
		out[i] = t
	}
	return out
}

// timelineInFile returns a copy of t whose figures have their spans in
// the files.
func timelineInFile(docs func(id string) *normalize.Document, t *timeline.Timeline) *timeline.Timeline {
	if t == nil {
		return nil
	}
	c := *t
	c.Tracks = tracksInFile(docs, t.Tracks)
	c.Steps = make([]timeline.Step, len(t.Steps))
	for i, s := range t.Steps {
		figs := make([]timeline.FigureChange, len(s.Figures))
		for k, f := range s.Figures {
			f.Old, f.New = observationInFile(docs, f.Old), observationInFile(docs, f.New)
			figs[k] = f
		}
		if s.Figures != nil {
			s.Figures = figs
		}
		c.Steps[i] = s
	}
	return &c
}

// docsByID returns a lookup of loaded documents by id.
func docsByID(docs []loadedDoc) func(id string) *normalize.Document {
	m := make(map[string]*normalize.Document, len(docs))
	for _, d := range docs {
		m[d.ID] = d.doc
	}
	return func(id string) *normalize.Document { return m[id] }
}
