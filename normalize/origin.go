package normalize

import "sort"

// piece says where a run of Document.Text came from in the file: the
// bytes [text, text+n) of Text stand for the bytes [file, file+m) of the
// decoded file. A copied run has exact set (the same bytes, n == m), so
// each offset inside it maps to one offset of the file; a replaced run
// (an entity reference, a backslash escape, a paragraph of an HTML page)
// maps as a whole. Text that stands for nothing in the file (a "- "
// bullet, the blank line between paragraphs) has no piece.
type piece struct {
	text, n int
	file, m int
	exact   bool
}

// origin maps offsets of a Text read from markup back to the decoded
// file: its pieces in order of text, and the line starts of the file.
type origin struct {
	pieces     []piece
	lineStarts []int
}

// newOrigin returns the origin of a text made of pieces of file.
func newOrigin(file string, pieces []piece) *origin {
	o := &origin{pieces: pieces}
	for _, l := range splitLines(file) {
		o.lineStarts = append(o.lineStarts, l.start)
	}
	return o
}

// span maps the text span [start, end) to the span of the file that
// holds it: from where its first piece's bytes start to where its last
// piece's bytes end, markup between them included. A span of inserted
// text only maps to the empty span where the next piece starts. The
// cost is O(log pieces).
func (o *origin) span(start, end int) (int, int) {
	ps := o.pieces
	if len(ps) == 0 {
		return 0, 0
	}
	// i is the first piece that ends after start.
	i := sort.Search(len(ps), func(k int) bool { return ps[k].text+ps[k].n > start })
	var fs int
	switch {
	case i == len(ps):
		last := ps[len(ps)-1]
		return last.file + last.m, last.file + last.m
	case start > ps[i].text && ps[i].exact:
		fs = ps[i].file + start - ps[i].text
	default:
		fs = ps[i].file
	}
	// j is the last piece that starts before end.
	j := sort.Search(len(ps), func(k int) bool { return ps[k].text >= end }) - 1
	if j < i {
		return fs, fs
	}
	fe := ps[j].file + ps[j].m
	if end < ps[j].text+ps[j].n && ps[j].exact {
		fe = ps[j].file + end - ps[j].text
	}
	return fs, max(fs, fe)
}

// line returns the line of the file, counted from 1, that holds the
// file offset off.
func (o *origin) line(off int) int {
	return sort.Search(len(o.lineStarts), func(i int) bool { return o.lineStarts[i] > off })
}
