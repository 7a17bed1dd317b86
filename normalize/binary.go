package normalize

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// binaryDocument is what a Document's binary form holds: everything
// Parse and Decode computed from the text, and the text itself.
type binaryDocument struct {
	Text       string
	Encoding   string
	Format     string
	Warnings   []string
	Dropped    []string
	Links      []Link
	Blocks     []Block
	Sentences  []Sentence
	LineStarts []int
	// Origin is where the text came from in a file read from markup
	// (nil for a text file); BOM is the byte-order mark's length.
	Origin *binaryOrigin
	BOM    int
}

// binaryOrigin is an origin with its fields exported for gob.
type binaryOrigin struct {
	Pieces     []binaryPiece
	LineStarts []int
}

type binaryPiece struct {
	Text, N, File, M int
	Exact            bool
}

func (o *origin) binary() *binaryOrigin {
	if o == nil {
		return nil
	}
	b := &binaryOrigin{LineStarts: o.lineStarts, Pieces: make([]binaryPiece, len(o.pieces))}
	for i, p := range o.pieces {
		b.Pieces[i] = binaryPiece{p.text, p.n, p.file, p.m, p.exact}
	}
	return b
}

func (b *binaryOrigin) origin() *origin {
	if b == nil {
		return nil
	}
	o := &origin{lineStarts: b.LineStarts, pieces: make([]piece, len(b.Pieces))}
	for i, p := range b.Pieces {
		o.pieces[i] = piece{text: p.Text, n: p.N, file: p.File, m: p.M, exact: p.Exact}
	}
	return o
}

// MarshalBinary encodes the document (with encoding/gob) so that a cache
// can keep it: all of it but Path, which says where a text was read and
// is the reader's to set.
func (d *Document) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(binaryDocument{
		Text: d.Text, Encoding: d.Encoding, Format: d.Format, Warnings: d.Warnings, Dropped: d.Dropped,
		Links: d.Links, Blocks: d.Blocks, Sentences: d.Sentences, LineStarts: d.lineStarts,
		Origin: d.from.binary(), BOM: d.bom,
	})
	return b.Bytes(), err
}

// UnmarshalBinary decodes what MarshalBinary encoded. It checks that
// every offset lies within the text, so that a damaged encoding gives an
// error rather than a document that panics later.
func (d *Document) UnmarshalBinary(data []byte) error {
	var w binaryDocument
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&w); err != nil {
		return fmt.Errorf("normalize: decoding a document: %w", err)
	}
	if err := w.check(); err != nil {
		return fmt.Errorf("normalize: decoding a document: %w", err)
	}
	*d = Document{Text: w.Text, Encoding: w.Encoding, Format: w.Format, Warnings: w.Warnings, Dropped: w.Dropped,
		Links: w.Links, Blocks: w.Blocks, Sentences: w.Sentences, lineStarts: w.LineStarts,
		from: w.Origin.origin(), bom: w.BOM}
	return nil
}

func (w binaryDocument) check() error {
	n := len(w.Text)
	span := func(start, end int) bool { return 0 <= start && start <= end && end <= n }
	for i, b := range w.Blocks {
		if !span(b.Start, b.End) || !(0 <= b.First && b.First <= b.Last && b.Last <= len(w.Sentences)) {
			return fmt.Errorf("block %d out of range", i)
		}
	}
	for i, s := range w.Sentences {
		if !span(s.Start, s.End) || s.Block < 0 || s.Block >= len(w.Blocks) {
			return fmt.Errorf("sentence %d out of range", i)
		}
	}
	for i, l := range w.Links {
		if !span(l.Start, l.End) || !(l.Start <= l.TextStart && l.TextStart <= l.TextEnd && l.TextEnd <= l.End) ||
			i > 0 && l.Start < w.Links[i-1].End {
			return fmt.Errorf("link %d out of range", i)
		}
	}
	for i, l := range w.LineStarts {
		if l < 0 || l > n || i > 0 && l < w.LineStarts[i-1] {
			return fmt.Errorf("line %d out of range", i+1)
		}
	}
	if o := w.Origin; o != nil {
		for i, p := range o.Pieces {
			if p.Text < 0 || p.N < 0 || p.M < 0 || p.Text+p.N > n || p.File < 0 || i > 0 && p.Text < o.Pieces[i-1].Text {
				return fmt.Errorf("piece %d out of range", i)
			}
		}
	}
	if n > 0 && len(w.LineStarts) == 0 {
		return fmt.Errorf("no lines")
	}
	return nil
}
